/**
 * The batchUpdate requests that make room in 建议台账 before the rows are appended: header cells
 * and grid columns for new extra columns, grid rows for a first import larger than the grid.
 */
import type { sheets_v4 } from "@googleapis/sheets";

/** Header cells for new extra columns, and grid columns for them when the grid is too narrow. */
export function columnRequests(
  sheetId: number,
  columnCount: number,
  width: number,
  lastHeader: number,
  newColumns: readonly string[],
): sheets_v4.Schema$Request[] {
  if (newColumns.length === 0) return [];
  const missing = width - columnCount;
  return [
    ...(missing > 0 ? [{ appendDimension: { sheetId, dimension: "COLUMNS", length: missing } }] : []),
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: lastHeader + 1 },
        rows: [{ values: newColumns.map((h) => ({ userEnteredValue: { stringValue: h } })) }],
        fields: "userEnteredValue",
      },
    },
  ];
}

/**
 * For a first import larger than the grid `sheet:init` formatted: the rows it lacks, given the
 * formats and dropdowns of row 2, so no imported row shows a bare serial. Google documents nothing
 * of what rows appendDimension adds look like, hence the explicit paste; PASTE_FORMAT and
 * PASTE_DATA_VALIDATION both, as the Sheets docs name formats and validation as separate pastes.
 */
export function rowRequests(
  sheetId: number,
  rowCount: number,
  needed: number,
  width: number,
): sheets_v4.Schema$Request[] {
  if (needed <= rowCount) return [];
  const grow: sheets_v4.Schema$Request = {
    appendDimension: { sheetId, dimension: "ROWS", length: needed - rowCount },
  };
  // A grid of the header row alone has no formatted row to copy.
  if (rowCount < 2) return [grow];
  const source = { sheetId, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: width };
  const destination = { ...source, startRowIndex: rowCount, endRowIndex: needed };
  const paste = (pasteType: string): sheets_v4.Schema$Request => ({
    copyPaste: { source, destination, pasteType },
  });
  return [grow, paste("PASTE_FORMAT"), paste("PASTE_DATA_VALIDATION")];
}
