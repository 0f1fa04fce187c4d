import { intField, objectField, type RequestHandler } from "./batch-types";
import { shiftForDimensionChange } from "./dimension-shift";
import { badRequest } from "./errors";
import { Evaluator } from "./formula-eval";
import { compareScalars, FormulaError, type Scalar } from "./formula-values";
import { deleteColumns, deleteRows, getCell, insertColumns, insertRows, setCell } from "./grid";
import { assertEditable } from "./protection";
import { findSheetById, gridRangeFromJson, gridRangeToRect } from "./ranges";
import type { CellModel, Dimension, JsonObject, SheetModel, SpreadsheetModel } from "./types";
import { isJsonObject } from "./types";

export interface DimensionRange {
  sheet: SheetModel;
  dimension: Dimension;
  start: number;
  end: number;
}

function dimensionOf(value: unknown): Dimension {
  if (value === "ROWS" || value === "COLUMNS") return value;
  throw badRequest("dimension must be ROWS or COLUMNS");
}

export function readDimensionRange(ss: SpreadsheetModel, body: JsonObject, key = "range"): DimensionRange {
  const range = objectField(body, key) ?? {};
  const sheetId = intField(range, "sheetId", 0);
  const sheet = findSheetById(ss, sheetId);
  if (!sheet) throw badRequest(`No grid with id: ${sheetId}`);
  const dimension = dimensionOf(range.dimension);
  const start = intField(range, "startIndex", 0);
  const size = dimension === "ROWS" ? sheet.gridProperties.rowCount : sheet.gridProperties.columnCount;
  const end = range.endIndex === undefined || range.endIndex === null ? size : intField(range, "endIndex");
  if (start < 0 || end <= start) throw badRequest("The dimension range is empty or inverted.");
  return { sheet, dimension, start, end };
}

const insertDimension: RequestHandler = (body, { ss }) => {
  const { sheet, dimension, start, end } = readDimensionRange(ss, body);
  const size = dimension === "ROWS" ? sheet.gridProperties.rowCount : sheet.gridProperties.columnCount;
  if (start > size)
    throw badRequest(
      `Cannot insert at index ${start}: the sheet has only ${size} ${dimension.toLowerCase()}.`,
    );
  if (body.inheritFromBefore === true && start === 0) {
    throw badRequest("Cannot inherit from before when inserting at the start of the sheet.");
  }
  // New rows/columns take the formats and size of their neighbour: before, or (default) after.
  const inheritFrom = body.inheritFromBefore === true ? start - 1 : start < size ? start : undefined;
  if (dimension === "ROWS") insertRows(sheet, start, end - start, inheritFrom);
  else insertColumns(sheet, start, end - start, inheritFrom);
  shiftForDimensionChange(ss, sheet, dimension, start, end - start);
  return undefined;
};

const deleteDimension: RequestHandler = (body, { ss, ctx }) => {
  const { sheet, dimension, start, end } = readDimensionRange(ss, body);
  const { rowCount, columnCount } = sheet.gridProperties;
  const size = dimension === "ROWS" ? rowCount : columnCount;
  if (end > size)
    throw badRequest(`The ${dimension.toLowerCase()} ${start}..${end} exceed the grid (${size}).`);
  if (start === 0 && end === size) {
    throw badRequest(`You can't delete all the ${dimension === "ROWS" ? "rows" : "columns"} on the sheet.`);
  }
  const rect =
    dimension === "ROWS"
      ? { sheet, r0: start, r1: end, c0: 0, c1: columnCount }
      : { sheet, r0: 0, r1: rowCount, c0: start, c1: end };
  assertEditable(rect, ctx);
  if (dimension === "ROWS") deleteRows(sheet, start, end - start);
  else deleteColumns(sheet, start, end - start);
  shiftForDimensionChange(ss, sheet, dimension, start, start - end);
  return undefined;
};

const appendDimension: RequestHandler = (body, { ss }) => {
  const sheetId = intField(body, "sheetId", 0);
  const sheet = findSheetById(ss, sheetId);
  if (!sheet) throw badRequest(`No grid with id: ${sheetId}`);
  const length = intField(body, "length");
  if (length < 1) throw badRequest("length must be at least 1");
  if (dimensionOf(body.dimension) === "ROWS") sheet.gridProperties.rowCount += length;
  else sheet.gridProperties.columnCount += length;
  return undefined;
};

interface SortSpec {
  column: number;
  descending: boolean;
}

/**
 * Sorts the rows of a range by column values, moving whole cells (value, format, note, validation)
 * within the range's columns only, as Sheets does. Blanks always go last, in either order.
 */
const sortRange: RequestHandler = (body, { ss, ctx }) => {
  const rect = gridRangeToRect(ss, gridRangeFromJson(body.range));
  const specs: SortSpec[] = (Array.isArray(body.sortSpecs) ? body.sortSpecs : []).map((spec) => {
    if (!isJsonObject(spec)) throw badRequest("Invalid sortSpec");
    const column = intField(spec, "dimensionIndex", 0);
    if (column < rect.c0 || column >= rect.c1)
      throw badRequest(`Sort column ${column} is outside the sorted range.`);
    if (spec.sortOrder !== undefined && spec.sortOrder !== "ASCENDING" && spec.sortOrder !== "DESCENDING") {
      throw badRequest(`Invalid sortOrder: ${String(spec.sortOrder)}`);
    }
    return { column, descending: spec.sortOrder === "DESCENDING" };
  });
  assertEditable(rect, ctx);
  const { sheet } = rect;
  const last = Math.min(rect.r1, sheet.rows.length);
  if (specs.length === 0 || last <= rect.r0) return undefined;
  const ev = new Evaluator(ss, ctx.nowMs);
  const rows = [];
  for (let r = rect.r0; r < last; r++) {
    const cells: (CellModel | undefined)[] = [];
    for (let c = rect.c0; c < rect.c1; c++) cells.push(getCell(sheet, r, c));
    const keys: Scalar[] = specs.map((s) => ev.cellValue(sheet, r, s.column));
    rows.push({ from: r, cells, keys });
  }
  rows.sort((a, b) => {
    for (let i = 0; i < specs.length; i++) {
      const [x, y] = [a.keys[i] ?? null, b.keys[i] ?? null];
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1;
        continue;
      }
      if (x instanceof FormulaError || y instanceof FormulaError) continue;
      const cmp = compareScalars(x, y);
      if (cmp !== 0) return specs[i]?.descending ? -cmp : cmp;
    }
    return a.from - b.from;
  });
  rows.forEach((row, i) => {
    const r = rect.r0 + i;
    row.cells.forEach((cell, j) => {
      setCell(sheet, r, rect.c0 + j, cell);
    });
    if (row.from !== r) ctx.stats.cellsWritten += row.cells.filter((c) => c?.userEnteredValue).length;
  });
  return undefined;
};

/** Borders are drawn, not stored here: accepted after checking the sheet, with no effect on responses. */
const visualOnly: RequestHandler = (body, { ss }) => {
  const range = isJsonObject(body.range) ? body.range : undefined;
  if (range) {
    const sheetId = intField(range, "sheetId", 0);
    if (!findSheetById(ss, sheetId)) throw badRequest(`No grid with id: ${sheetId}`);
  }
  return undefined;
};

export const DIMENSION_HANDLERS: Record<string, RequestHandler> = {
  insertDimension,
  deleteDimension,
  appendDimension,
  sortRange,
  updateBorders: visualOnly,
};
