import type { sheets_v4 } from "@googleapis/sheets";
import { dataCellFormat } from "../../sheets-schema/formats";
import { ledgerTab } from "../../sheets-schema/tabs";
import { enteredValue } from "./capture-requests";
import type { CellValue } from "./client";

type Request = sheets_v4.Schema$Request;

export interface NewRowsInput {
  sheetId: number;
  /** The ledger's header row as it is now (texts). */
  header: readonly string[];
  /** 0-based index of the first new row: right after the last row with data. */
  at: number;
  /** Rows the grid has now. */
  gridRows: number;
  rows: readonly (readonly CellValue[])[];
}

const FORMAT_OF = new Map(ledgerTab.columns.map((col) => [col.header, dataCellFormat(ledgerTab, col)]));

/**
 * One atomic batch that adds rows to 建议台账: make room right after the last row with data, give
 * the new cells the formats provisioned rows carry (so a date shows as 2026-11-20, not 46356, and
 * system columns stay grey), copy the dropdowns of the row above, and fill in the values (RAW).
 */
export function newRowsRequests(input: NewRowsInput): Request[] {
  const { sheetId, header, at, rows } = input;
  const count = rows.length;
  const width = header.length;
  const requests: Request[] = [
    at < input.gridRows
      ? {
          insertDimension: {
            range: { sheetId, dimension: "ROWS", startIndex: at, endIndex: at + count },
            inheritFromBefore: at > 1,
          },
        }
      : { appendDimension: { sheetId, dimension: "ROWS", length: count } },
  ];
  if (at > 1) {
    requests.push({
      copyPaste: {
        source: {
          sheetId,
          startRowIndex: at - 1,
          endRowIndex: at,
          startColumnIndex: 0,
          endColumnIndex: width,
        },
        destination: {
          sheetId,
          startRowIndex: at,
          endRowIndex: at + count,
          startColumnIndex: 0,
          endColumnIndex: width,
        },
        pasteType: "PASTE_DATA_VALIDATION",
      },
    });
  }
  requests.push({
    updateCells: {
      start: { sheetId, rowIndex: at, columnIndex: 0 },
      rows: rows.map((row) => ({
        values: header.map((h, i) => {
          const format = FORMAT_OF.get(h);
          const value = enteredValue(row[i] ?? "");
          return {
            ...(value ? { userEnteredValue: value } : {}),
            ...(format ? { userEnteredFormat: format } : {}),
          };
        }),
      })),
      fields: "userEnteredValue,userEnteredFormat",
    },
  });
  return requests;
}
