import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { emulator } from "./emulator-admin";

const headers = ledgerTab.columns.map((c) => c.header);
const col = (h: string) => headers.indexOf(h);

/** What a person does to 建议台账 in the instant before the product's write arrives. */
export type Reshape = RowReshape | ColumnReshape;
type RowReshape = "sort" | "drag rows" | "insert above" | "delete a row" | "type a 编号";
/** Columns move under the write: every cell it meant for a header lands one column off. */
type ColumnReshape = "insert a column left of 答复日期";

/** The row reshapes (the placement tests go through each). */
export const RESHAPES: readonly RowReshape[] = [
  "sort",
  "drag rows",
  "insert above",
  "delete a row",
  "type a 编号",
];
export const COLUMN_RESHAPES: readonly ColumnReshape[] = ["insert a column left of 答复日期"];

/** The batchUpdate requests of a person's edit (the emulator applies them as a person, unlogged). */
function requestsFor(reshape: Reshape, sheetId: number, rows: number, blankIdRow: number): unknown[] {
  switch (reshape) {
    case "sort":
      return [
        {
          sortRange: {
            range: {
              sheetId,
              startRowIndex: 1,
              endRowIndex: rows,
              startColumnIndex: 0,
              endColumnIndex: headers.length,
            },
            sortSpecs: [{ dimensionIndex: col("内容摘要"), sortOrder: "DESCENDING" }],
          },
        },
      ];
    case "drag rows":
      // Sheet rows 4–9 selected and dragged to just above sheet row 31: Google applies a moveDimension
      // (destinationIndex counts from before the rows are taken out, so they land at rows 25–30).
      return [
        {
          moveDimension: {
            source: { sheetId, dimension: "ROWS", startIndex: 3, endIndex: 9 },
            destinationIndex: 30,
          },
        },
      ];
    case "insert above":
      return [{ insertDimension: { range: { sheetId, dimension: "ROWS", startIndex: 1, endIndex: 2 } } }];
    case "delete a row":
      return [{ deleteDimension: { range: { sheetId, dimension: "ROWS", startIndex: 3, endIndex: 4 } } }];
    case "insert a column left of 答复日期": {
      // A blank column, as a person inserts one from the column's menu (no header, nothing in it).
      const at = col("答复日期");
      return [
        { insertDimension: { range: { sheetId, dimension: "COLUMNS", startIndex: at, endIndex: at + 1 } } },
      ];
    }
    case "type a 编号":
      return [
        {
          updateCells: {
            start: { sheetId, rowIndex: blankIdRow - 1, columnIndex: col("编号") },
            rows: [{ values: [{ userEnteredValue: { stringValue: "人工-001" } }] }],
            fields: "userEnteredValue",
          },
        },
      ];
  }
}

/**
 * Makes the emulator apply a person's edit right before the next spreadsheets.batchUpdate of this
 * spreadsheet: the instant between the product's read and its write. `blankIdRow` is the sheet row
 * a person numbers in the "type a 编号" case. Returns the hook's id (reshapeOutcome).
 */
export async function reshapeBeforeNextWrite(
  spreadsheetId: string,
  reshape: Reshape,
  rows: number,
  blankIdRow = 2,
): Promise<number> {
  const ss = await emulator.spreadsheet(spreadsheetId);
  const sheetId = ss.sheets.find((s) => s.properties.title === TAB_NAMES.ledger)?.properties.sheetId ?? 0;
  const { hook } = await emulator.addHook({
    method: "POST",
    pathIncludes: `${spreadsheetId}:batchUpdate`,
    actions: [
      {
        op: "batchUpdate",
        spreadsheetId,
        body: { requests: requestsFor(reshape, sheetId, rows, blankIdRow) },
      },
    ],
  });
  return hook.id;
}

/** How a reshape armed by reshapeBeforeNextWrite went: fired once, without error, is what a test wants. */
export async function reshapeOutcome(hookId: number): Promise<{ fired: number; errors: string[] }> {
  const hook = (await emulator.hooks()).find((h) => h.id === hookId);
  return { fired: hook?.fired ?? 0, errors: hook?.errors ?? ["no such hook"] };
}
