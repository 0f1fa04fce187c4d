import type { sheets_v4 } from "@googleapis/sheets";
import type { Rgb } from "./snapshot";

type Request = sheets_v4.Schema$Request;

export { SYSTEM_GREY } from "../../sheets-schema";
/** 已逾期: "light red 2"; 即将到期: "light yellow 2" (amber). */
export const OVERDUE_RED: Rgb = { red: 0.95686275, green: 0.8, blue: 0.8 };
export const DUE_SOON_AMBER: Rgb = { red: 1, green: 0.8980392, blue: 0.6 };

/** Protected-range descriptions start with these, so a later run can tell its own ranges apart. */
export const SYSTEM_COLUMN_MARK = "系统列";
export const SYSTEM_TAB_MARK = "系统表";

/** Quotes a sheet title for A1 notation (always quoted, ' doubled), as Google's clients do. */
export function quoteTitle(title: string): string {
  return `'${title.replaceAll("'", "''")}'`;
}

/** One column from `fromRow` (0-based) to the end of the grid. */
export function columnRange(sheetId: number, column: number, fromRow: number): sheets_v4.Schema$GridRange {
  return { sheetId, startRowIndex: fromRow, startColumnIndex: column, endColumnIndex: column + 1 };
}

export function sameColor(a: Rgb | null, b: Rgb): boolean {
  if (!a) return false;
  const close = (x: number, y: number) => Math.abs(x - y) < 0.01;
  return close(a.red, b.red) && close(a.green, b.green) && close(a.blue, b.blue);
}

export function addSheet(sheetId: number, title: string, columnCount: number): Request {
  return {
    addSheet: {
      properties: {
        sheetId,
        title,
        gridProperties: { rowCount: 1000, columnCount, frozenRowCount: 1 },
      },
    },
  };
}

export function appendDimension(sheetId: number, dimension: "ROWS" | "COLUMNS", length: number): Request {
  return { appendDimension: { sheetId, dimension, length } };
}

export function freezeHeader(sheetId: number): Request {
  return {
    updateSheetProperties: {
      properties: { sheetId, gridProperties: { frozenRowCount: 1 } },
      fields: "gridProperties.frozenRowCount",
    },
  };
}

/** Sets one format field on a range, leaving every other format of the cells alone. */
export function repeatFormat(
  range: sheets_v4.Schema$GridRange,
  format: sheets_v4.Schema$CellFormat,
  fields: string,
): Request {
  return { repeatCell: { range, cell: { userEnteredFormat: format }, fields } };
}

/** Sets a range's data validation; without a rule it clears it (the Sheets API's way to remove one). */
export function setValidation(
  range: sheets_v4.Schema$GridRange,
  rule: sheets_v4.Schema$DataValidationRule | null,
): Request {
  return { setDataValidation: rule ? { range, rule } : { range } };
}

export function columnWidth(sheetId: number, column: number, pixelSize: number): Request {
  return {
    updateDimensionProperties: {
      range: { sheetId, dimension: "COLUMNS", startIndex: column, endIndex: column + 1 },
      properties: { pixelSize },
      fields: "pixelSize",
    },
  };
}

export function protect(range: sheets_v4.Schema$GridRange, description: string): Request {
  return { addProtectedRange: { protectedRange: { range, description, warningOnly: true } } };
}

export function unprotect(protectedRangeId: number): Request {
  return { deleteProtectedRange: { protectedRangeId } };
}

/** A "text is exactly" rule that colours the background. */
export function textEqualsRule(range: sheets_v4.Schema$GridRange, text: string, color: Rgb): Request {
  return {
    addConditionalFormatRule: {
      index: 0,
      rule: {
        ranges: [range],
        booleanRule: {
          condition: { type: "TEXT_EQ", values: [{ userEnteredValue: text }] },
          format: { backgroundColor: { ...color } },
        },
      },
    },
  };
}

/**
 * Writes plain text cells from `start`, row by row: stringValue is never parsed as a formula, number
 * or date (like valueInputOption RAW). An empty or null entry clears that cell's value, so this is
 * only used on blank rows and on the blank end of the header row, where no staff cell can be.
 */
export function writeText(
  sheetId: number,
  rowIndex: number,
  columnIndex: number,
  rows: readonly (readonly (string | null)[])[],
  extra?: { bold?: boolean; notes?: readonly string[] },
): Request {
  const fields = ["userEnteredValue", ...(extra?.bold ? ["userEnteredFormat.textFormat.bold"] : [])];
  if (extra?.notes) fields.push("note");
  return {
    updateCells: {
      start: { sheetId, rowIndex, columnIndex },
      fields: fields.join(","),
      rows: rows.map((row) => ({
        values: row.map(
          (text, i): sheets_v4.Schema$CellData => ({
            ...(text ? { userEnteredValue: { stringValue: text } } : {}),
            ...(extra?.bold ? { userEnteredFormat: { textFormat: { bold: true } } } : {}),
            ...(extra?.notes?.[i] ? { note: extra.notes[i] } : {}),
          }),
        ),
      })),
    },
  };
}
