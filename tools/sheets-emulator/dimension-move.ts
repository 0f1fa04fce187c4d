import { remapForDimensionMove } from "./dimension-shift";
import { type ShiftDimension, shiftGridRange } from "./protection";
import type { GridRangeModel, SheetModel, SpreadsheetModel } from "./types";

/**
 * A moveDimension: the rows/columns [start, end) go to `to`, an index counted BEFORE they are taken
 * out (DISC MoveDimensionRequest.destinationIndex), so moving [1, 3) to 4 turns 0 1 2 3 4 into
 * 0 3 1 2 4. `to` is never strictly inside (start, end): the handler refuses that.
 */
export interface DimensionMove {
  start: number;
  end: number;
  to: number;
}

/** Where the first moved row/column lands once the move is done. */
export function landingIndex(move: DimensionMove): number {
  return move.to < move.start ? move.to : move.to - (move.end - move.start);
}

/**
 * Where a range is after the move. A range wholly inside the moved block travels with it; any other
 * range is treated as Sheets treats the block being cut out and inserted again: it shrinks by the
 * moved rows it held, and grows if the block lands strictly inside it.
 */
export function moveGridRange(
  range: GridRangeModel,
  dimension: ShiftDimension,
  move: DimensionMove,
): GridRangeModel | undefined {
  const [startKey, endKey] =
    dimension === "ROWS"
      ? (["startRowIndex", "endRowIndex"] as const)
      : (["startColumnIndex", "endColumnIndex"] as const);
  const count = move.end - move.start;
  const landing = landingIndex(move);
  const start = range[startKey] ?? 0;
  const end = range[endKey];
  if (start >= move.start && end !== undefined && end <= move.end) {
    return { ...range, [startKey]: start - move.start + landing, [endKey]: end - move.start + landing };
  }
  const taken = shiftGridRange(range, dimension, move.start, -count);
  return taken && shiftGridRange(taken, dimension, landing, count);
}

/** Moves the entries of one index-aligned list (rows, a row's cells, pixel sizes); holes are null. */
function moveEntries<T>(list: (T | null)[], move: DimensionMove): void {
  if (list.length <= Math.min(move.start, move.to)) return;
  while (list.length < Math.max(move.end, move.to)) list.push(null);
  const block = list.splice(move.start, move.end - move.start);
  list.splice(landingIndex(move), 0, ...block);
  while (list.length > 0 && list[list.length - 1] === null) list.pop();
}

/**
 * Applies a move to `sheet`: whole cells (values, formats, data validation, notes) and pixel sizes
 * travel with their rows/columns, and merges, protected and named ranges, conditional formats, the
 * basic filter, groups and formula references everywhere follow as moveGridRange says.
 */
export function applyDimensionMove(
  ss: SpreadsheetModel,
  sheet: SheetModel,
  dimension: ShiftDimension,
  move: DimensionMove,
): void {
  if (move.to >= move.start && move.to <= move.end) return;
  if (dimension === "ROWS") {
    moveEntries(sheet.rows, move);
    moveEntries(sheet.rowProps, move);
  } else {
    for (const row of sheet.rows) if (row) moveEntries(row, move);
    moveEntries(sheet.columnProps, move);
  }
  remapForDimensionMove(ss, sheet, dimension, (range) => moveGridRange(range, dimension, move));
}
