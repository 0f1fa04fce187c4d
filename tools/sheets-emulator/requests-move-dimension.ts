import { intField, type RequestHandler } from "./batch-types";
import { applyDimensionMove } from "./dimension-move";
import { badRequest } from "./errors";
import { assertEditable } from "./protection";
import { readDimensionRange } from "./requests-dimensions";

/**
 * moveDimension: what Sheets applies when a person drags selected rows or columns elsewhere.
 * `destinationIndex` counts from before the source is taken out (DISC). A destination at either
 * edge of the source leaves everything where it was; one strictly inside the source names no place
 * once the source is taken out, so it is refused (Google's answer there is unrecorded, as are the
 * words of every 400 below, which follow the emulator's other dimension requests).
 */
const moveDimension: RequestHandler = (body, { ss, ctx }) => {
  const { sheet, dimension, start, end } = readDimensionRange(ss, body, "source");
  const { rowCount, columnCount } = sheet.gridProperties;
  const size = dimension === "ROWS" ? rowCount : columnCount;
  const noun = dimension === "ROWS" ? "rows" : "columns";
  if (end > size) throw badRequest(`The ${noun} ${start}..${end} exceed the grid (${size}).`);
  // proto3: an unset destinationIndex is 0.
  const to = intField(body, "destinationIndex", 0);
  if (to < 0 || to > size)
    throw badRequest(`Cannot move to index ${to}: the sheet has only ${size} ${noun}.`);
  if (to > start && to < end) {
    throw badRequest(
      `Cannot move the ${noun} ${start}..${end} to index ${to}, inside the ${noun} being moved.`,
    );
  }
  // Every row/column between the source and the destination changes place.
  const [lo, hi] = [Math.min(start, to), Math.max(end, to)];
  assertEditable(
    dimension === "ROWS"
      ? { sheet, r0: lo, r1: hi, c0: 0, c1: columnCount }
      : { sheet, r0: 0, r1: rowCount, c0: lo, c1: hi },
    ctx,
  );
  applyDimensionMove(ss, sheet, dimension, { start, end, to });
  return undefined;
};

export const MOVE_DIMENSION_HANDLERS: Record<string, RequestHandler> = { moveDimension };
