import type { RequestHandler } from "./batch-types";
import { badRequest } from "./errors";
import { getCell, updateCell } from "./grid";
import { assertEditable } from "./protection";
import { gridRangeFromJson, gridRangeToRect } from "./ranges";
import type { GridRangeModel, Rect } from "./types";

const MERGE_TYPES = ["MERGE_ALL", "MERGE_COLUMNS", "MERGE_ROWS"] as const;

function rectRange(rect: Rect): GridRangeModel {
  return {
    sheetId: rect.sheet.sheetId,
    startRowIndex: rect.r0,
    endRowIndex: rect.r1,
    startColumnIndex: rect.c0,
    endColumnIndex: rect.c1,
  };
}

function bounds(range: GridRangeModel) {
  return {
    r0: range.startRowIndex ?? 0,
    r1: range.endRowIndex ?? 0,
    c0: range.startColumnIndex ?? 0,
    c1: range.endColumnIndex ?? 0,
  };
}

export function intersects(a: GridRangeModel, rect: Rect): boolean {
  const b = bounds(a);
  return b.r0 < rect.r1 && rect.r0 < b.r1 && b.c0 < rect.c1 && rect.c0 < b.c1;
}

export function contains(rect: Rect, range: GridRangeModel): boolean {
  const b = bounds(range);
  return rect.r0 <= b.r0 && b.r1 <= rect.r1 && rect.c0 <= b.c0 && b.c1 <= rect.c1;
}

/** The pieces one mergeCells request creates: the whole range, one per row or one per column. */
function pieces(rect: Rect, type: (typeof MERGE_TYPES)[number]): Rect[] {
  if (type === "MERGE_ROWS") {
    return Array.from({ length: rect.r1 - rect.r0 }, (_, i) => ({
      ...rect,
      r0: rect.r0 + i,
      r1: rect.r0 + i + 1,
    }));
  }
  if (type === "MERGE_COLUMNS") {
    return Array.from({ length: rect.c1 - rect.c0 }, (_, i) => ({
      ...rect,
      c0: rect.c0 + i,
      c1: rect.c0 + i + 1,
    }));
  }
  return [rect];
}

function assertNotAcrossFrozen(rect: Rect): void {
  const { frozenRowCount = 0, frozenColumnCount = 0 } = rect.sheet.gridProperties;
  if (frozenRowCount > rect.r0 && frozenRowCount < rect.r1) {
    throw badRequest("You can't merge frozen and non-frozen rows.");
  }
  if (frozenColumnCount > rect.c0 && frozenColumnCount < rect.c1) {
    throw badRequest("You can't merge frozen and non-frozen columns.");
  }
}

/**
 * mergeCells (recorded: gspread CellTest.test_merge_cells). MERGE_ROWS over A1:B2 lists two merges;
 * MERGE_ALL over the same cells then replaces them with one. Merges the new ones touch are dropped,
 * and a merged cell keeps only its top-left value, as the Sheets UI warns.
 */
const mergeCells: RequestHandler = (body, { ss, ctx }) => {
  const rect = gridRangeToRect(ss, gridRangeFromJson(body.range));
  const type = body.mergeType ?? "MERGE_ALL";
  if (typeof type !== "string" || !(MERGE_TYPES as readonly string[]).includes(type)) {
    throw badRequest(`Invalid mergeType: ${String(type)}`);
  }
  assertEditable(rect, ctx);
  const made = pieces(rect, type as (typeof MERGE_TYPES)[number]).filter(
    (p) => (p.r1 - p.r0) * (p.c1 - p.c0) > 1,
  );
  made.forEach(assertNotAcrossFrozen);
  const { sheet } = rect;
  sheet.merges = sheet.merges.filter((m) => !made.some((p) => intersects(m, p)));
  for (const piece of made) {
    for (let r = piece.r0; r < piece.r1; r++) {
      for (let c = piece.c0; c < piece.c1; c++) {
        if ((r === piece.r0 && c === piece.c0) || !getCell(sheet, r, c)?.userEnteredValue) continue;
        updateCell(sheet, r, c, (cell) => {
          delete cell.userEnteredValue;
        });
        ctx.stats.cellsWritten += 1;
      }
    }
    sheet.merges.push(rectRange(piece));
  }
  return undefined;
};

/** unmergeCells: every merge inside the range goes; one only partly inside is an error (DISC). */
const unmergeCells: RequestHandler = (body, { ss, ctx }) => {
  const rect = gridRangeToRect(ss, gridRangeFromJson(body.range));
  const { sheet } = rect;
  const touched = sheet.merges.filter((m) => intersects(m, rect));
  if (touched.some((m) => !contains(rect, m))) {
    throw badRequest("The range must not partially span any merge.");
  }
  assertEditable(rect, ctx);
  sheet.merges = sheet.merges.filter((m) => !touched.includes(m));
  return undefined;
};

export const MERGE_HANDLERS: Record<string, RequestHandler> = { mergeCells, unmergeCells };
