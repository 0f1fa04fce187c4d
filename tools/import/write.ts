/**
 * Writes an import plan into the shared sheet's 建议台账 with a constant number of calls, whatever
 * the number of rows: two reads (the tab's grid size; its values), at most one batchUpdate (new
 * extra-column headers and columns to hold them; rows to hold a first import larger than the grid),
 * one values.append (RAW) for every row. Rows are only ever appended after the table, never over an
 * existing row; a row whose 编号 (or, without 编号, whose 标题 + 领衔代表 + 提出日期) is already in the
 * ledger is not imported again. A row whose 编号 the ledger gives to another suggestion (another 标题
 * or 领衔代表) is not imported either, and is reported as a conflict a person must settle.
 */
import type { sheets_v4 } from "@googleapis/sheets";
import { columnLetter, ledgerTab, matchHeaders, TAB_NAMES } from "../../sheets-schema";
import { quoteTitle } from "../provision/requests";
import type { LedgerValue } from "./cells";
import { columnRequests, rowRequests } from "./grid-requests";
import { type AlreadyThere, findAlreadyThere, withUnreadCells } from "./ledger-match";
import type { ImportPlan, PlannedRow } from "./plan";

export interface WriteOutcome {
  readonly appended: number;
  /** The A1 range the rows landed in, as Google reports it. */
  readonly updatedRange: string | null;
  readonly newColumns: readonly string[];
  readonly alreadyThere: readonly AlreadyThere[];
  /** Rows not imported because their 编号 is another suggestion's in the ledger. */
  readonly conflicts: readonly AlreadyThere[];
}

const LEDGER = TAB_NAMES.ledger;

const isBlankRow = (row: readonly unknown[]) => row.every((cell) => String(cell ?? "") === "");

/** A planned row in the ledger's column order; columns the plan has nothing for stay blank. */
function line(row: PlannedRow, positions: ReadonlyMap<string, number>, width: number): LedgerValue[] {
  const cells: LedgerValue[] = Array.from({ length: width }, () => "");
  for (const [header, value] of row.values) {
    const at = positions.get(header);
    if (at !== undefined) cells[at] = value;
  }
  return cells;
}

export async function writeImport(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  plan: ImportPlan,
): Promise<WriteOutcome> {
  const meta = await api.spreadsheets.get({
    spreadsheetId,
    fields: "sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)))",
  });
  const tab = meta.data.sheets?.find((s) => s.properties?.title === LEDGER)?.properties;
  if (!tab)
    throw new Error(
      `表格里没有“${LEDGER}”工作表：请先运行 npm run sheet:init -- --spreadsheet ${spreadsheetId}`,
    );
  const read = await api.spreadsheets.values.get({
    spreadsheetId,
    range: quoteTitle(LEDGER),
    valueRenderOption: "UNFORMATTED_VALUE",
    dateTimeRenderOption: "SERIAL_NUMBER",
  });
  const rows = (read.data.values ?? []) as unknown[][];
  const match = matchHeaders(ledgerTab, rows[0] ?? []);
  if (!match.ok) {
    const why = match.problems.map((p) => p.message).join("；");
    throw new Error(
      `“${LEDGER}”的表头不完整（${why}）：请先运行 npm run sheet:init -- --spreadsheet ${spreadsheetId}`,
    );
  }
  const header = (rows[0] ?? []).map((h) => String(h ?? "").trim());
  const positions = new Map<string, number>();
  header.forEach((h, i) => {
    if (h && !positions.has(h)) positions.set(h, i);
  });
  const extras = plan.columns.filter((c) => c.target === null).map((c) => c.header);
  const newColumns = extras.filter((h) => !positions.has(h));
  const lastHeader = header.reduce((last, h, i) => (h ? i : last), -1);
  for (const [i, h] of newColumns.entries()) positions.set(h, lastHeader + 1 + i);
  const width = Math.max(lastHeader + 1 + newColumns.length, header.length);

  const found = findAlreadyThere(plan, rows);
  const alreadyThere = withUnreadCells(plan, found.alreadyThere);
  const conflicts = withUnreadCells(plan, found.conflicts);
  const skip = new Set([...alreadyThere, ...conflicts].map((a) => a.sourceRow));
  const lines = plan.rows.filter((r) => !skip.has(r.sourceRow)).map((r) => line(r, positions, width));
  if (lines.length === 0) return { appended: 0, updatedRange: null, newColumns: [], alreadyThere, conflicts };

  // A ledger of its header alone (a fresh sheet): rows inserted under the header would take its
  // bold and no date format or dropdowns, and push the rows `sheet:init` formatted down. The rows
  // fill those formatted rows instead (OVERWRITE: nothing is under the header to overwrite), as the
  // sync's appendRowsOnce does; later imports insert rows under rows that already look right.
  const fresh = rows.slice(1).every(isBlankRow);
  const sheetId = tab.sheetId ?? 0;
  const grid = tab.gridProperties ?? {};
  const requests = [
    ...columnRequests(sheetId, grid.columnCount ?? 0, width, lastHeader, newColumns),
    ...(fresh ? rowRequests(sheetId, grid.rowCount ?? 0, 1 + lines.length, width) : []),
  ];
  if (requests.length > 0) await api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } });
  const appended = await api.spreadsheets.values.append({
    spreadsheetId,
    range: `${quoteTitle(LEDGER)}!A1:${columnLetter(width - 1)}1`,
    valueInputOption: "RAW",
    insertDataOption: fresh ? "OVERWRITE" : "INSERT_ROWS",
    requestBody: { values: lines },
  });
  return {
    appended: lines.length,
    updatedRange: appended.data.updates?.updatedRange ?? null,
    newColumns,
    alreadyThere,
    conflicts,
  };
}
