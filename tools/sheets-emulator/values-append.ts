import type { CallContext } from "./context";
import { shiftForDimensionChange } from "./dimension-shift";
import { Evaluator } from "./formula-eval";
import { ensureGrid, getCell, hasValue, insertRows } from "./grid";
import type { ValueInputOption } from "./input-parse";
import { formatRect, resolveRange } from "./ranges";
import type { JsonObject, Rect, SheetModel, SpreadsheetModel } from "./types";
import { toRowMajor, type ValueRangeInput } from "./value-range-body";
import { type ReadOptions, valueRange } from "./values-read";
import { writeBlock } from "./values-write";

export type InsertDataOption = "OVERWRITE" | "INSERT_ROWS";

const filled = (sheet: SheetModel, r: number, c: number): boolean => hasValue(getCell(sheet, r, c));

function anyFilled(sheet: SheetModel, r0: number, r1: number, c0: number, c1: number): boolean {
  const { rowCount, columnCount } = sheet.gridProperties;
  for (let r = Math.max(r0, 0); r < Math.min(r1, rowCount); r++) {
    for (let c = Math.max(c0, 0); c < Math.min(c1, columnCount); c++) if (filled(sheet, r, c)) return true;
  }
  return false;
}

/**
 * The "table" around a cell: the block bounded by empty rows and columns, grown step by step while
 * any neighbouring cell (diagonals included) holds a value — like the region Ctrl+A selects.
 */
export function currentRegion(sheet: SheetModel, r: number, c: number): Rect {
  const box = { r0: r, r1: r + 1, c0: c, c1: c + 1 };
  for (let changed = true; changed; ) {
    changed = false;
    if (box.r0 > 0 && anyFilled(sheet, box.r0 - 1, box.r0, box.c0 - 1, box.c1 + 1)) {
      box.r0 -= 1;
      changed = true;
    }
    if (anyFilled(sheet, box.r1, box.r1 + 1, box.c0 - 1, box.c1 + 1)) {
      box.r1 += 1;
      changed = true;
    }
    if (box.c0 > 0 && anyFilled(sheet, box.r0 - 1, box.r1 + 1, box.c0 - 1, box.c0)) {
      box.c0 -= 1;
      changed = true;
    }
    if (anyFilled(sheet, box.r0 - 1, box.r1 + 1, box.c1, box.c1 + 1)) {
      box.c1 += 1;
      changed = true;
    }
  }
  return { sheet, ...box };
}

/**
 * Finds the table values.append appends to (§1.4-10, checked against the recordings): the region
 * around the last filled cell of the search range (last row, then last column). Data at A1 and C1
 * with B1 empty and range 'Sheet1' gives table C1, so the row lands at C2; range 'Sheet1'!A1 gives A1.
 * No filled cell in the range means no table: the data goes to the range's first cell.
 */
export function findTable(sheet: SheetModel, rect: Rect): Rect | undefined {
  const lastStored = Math.min(rect.r1, sheet.rows.length);
  for (let r = lastStored - 1; r >= rect.r0; r--) {
    for (let c = rect.c1 - 1; c >= rect.c0; c--) {
      if (filled(sheet, r, c)) return currentRegion(sheet, r, c);
    }
  }
  return undefined;
}

export function appendValues(
  ss: SpreadsheetModel,
  rangeText: string,
  input: ValueRangeInput,
  option: ValueInputOption,
  insertDataOption: InsertDataOption,
  ctx: CallContext,
  responseOptions?: ReadOptions,
): JsonObject {
  const { sheet, ref } = resolveRange(ss, rangeText);
  const { rowCount, columnCount } = sheet.gridProperties;
  const search: Rect = {
    sheet,
    r0: ref.startRow ?? 0,
    c0: ref.startCol ?? 0,
    r1: Math.min(ref.endRow ?? rowCount, rowCount),
    c1: Math.min(ref.endCol ?? columnCount, columnCount),
  };
  const table = search.r0 < search.r1 && search.c0 < search.c1 ? findTable(sheet, search) : undefined;
  const rows = toRowMajor(input.values, input.majorDimension);
  const height = rows.length;
  const width = Math.max(0, ...rows.map((row) => row.length));
  const r0 = table ? table.r1 : search.r0;
  const c0 = table ? table.c0 : search.c0;
  if (insertDataOption === "INSERT_ROWS" && height > 0 && r0 < sheet.gridProperties.rowCount) {
    // Inserted rows take the formats of the row above, as Sheets does for appended rows (see README).
    insertRows(sheet, r0, height, r0 > 0 ? r0 - 1 : undefined);
    shiftForDimensionChange(ss, sheet, "ROWS", r0, height);
  }
  // Appending past the end of the sheet adds the rows/columns needed, even with OVERWRITE.
  ensureGrid(sheet, r0 + height, c0 + width);
  const outcome = writeBlock(ss, sheet, r0, c0, rows, option, ctx);
  const updates = outcome.response;
  if (responseOptions && outcome.cells > 0) {
    const written: Rect = { sheet, r0, r1: r0 + height, c0, c1: c0 + width };
    updates.updatedData = valueRange(new Evaluator(ss, ctx.nowMs), written, responseOptions);
  }
  const result: JsonObject = { spreadsheetId: ss.spreadsheetId };
  // "Empty if no table was found": in practice the key is left out (§1.3).
  if (table) result.tableRange = formatRect(table);
  result.updates = updates;
  return result;
}
