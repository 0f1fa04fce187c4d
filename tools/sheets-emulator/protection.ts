import type { CallContext } from "./context";
import { badRequest } from "./errors";
import type { GridRangeModel, Rect } from "./types";

const PROTECTED_MESSAGE =
  "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";

function overlaps(range: GridRangeModel, rect: Rect): boolean {
  const r0 = range.startRowIndex ?? 0;
  const r1 = range.endRowIndex ?? Number.POSITIVE_INFINITY;
  const c0 = range.startColumnIndex ?? 0;
  const c1 = range.endColumnIndex ?? Number.POSITIVE_INFINITY;
  return r0 < rect.r1 && rect.r0 < r1 && c0 < rect.c1 && rect.c0 < c1;
}

/**
 * Hard (not warningOnly) protection blocks API writes from callers who are not listed as editors
 * (§4). warningOnly ranges only warn in the UI, so the API ignores them.
 */
export function assertEditable(rect: Rect, ctx: CallContext): void {
  if (ctx.isOwner || rect.r0 >= rect.r1 || rect.c0 >= rect.c1) return;
  for (const pr of rect.sheet.protectedRanges) {
    if (pr.warningOnly || pr.users.includes(ctx.user)) continue;
    if (overlaps(pr.range, rect)) throw badRequest(PROTECTED_MESSAGE);
  }
}

export type ShiftDimension = "ROWS" | "COLUMNS";

/**
 * Moves a GridRange the way Sheets does when rows/columns are inserted (count > 0) or deleted
 * (count < 0) at `at`: ranges below/right shift, ranges spanning the change grow or shrink.
 * Returns undefined when a deletion swallowed the range entirely.
 */
export function shiftGridRange(
  range: GridRangeModel,
  dimension: ShiftDimension,
  at: number,
  count: number,
): GridRangeModel | undefined {
  const [startKey, endKey] =
    dimension === "ROWS"
      ? (["startRowIndex", "endRowIndex"] as const)
      : (["startColumnIndex", "endColumnIndex"] as const);
  const shifted = { ...range };
  const start = range[startKey];
  const end = range[endKey];
  if (count > 0) {
    if (start !== undefined && start >= at) shifted[startKey] = start + count;
    if (end !== undefined && end > at) shifted[endKey] = end + count;
    return shifted;
  }
  const removed = -count;
  const moveIndex = (i: number): number => (i <= at ? i : Math.max(at, i - removed));
  if (start !== undefined) shifted[startKey] = moveIndex(start);
  if (end !== undefined) shifted[endKey] = moveIndex(end);
  const s = shifted[startKey] ?? 0;
  const e = shifted[endKey];
  if (e !== undefined && e <= s) return undefined;
  return shifted;
}
