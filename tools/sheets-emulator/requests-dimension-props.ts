import { fieldPaths, objectField, type RequestHandler, withoutNulls } from "./batch-types";
import { badRequest } from "./errors";
import { Evaluator } from "./formula-eval";
import { getCell } from "./grid";
import { formattedValue } from "./render";
import { type DimensionRange, readDimensionRange } from "./requests-dimensions";
import { DEFAULT_COLUMN_PIXELS, DEFAULT_ROW_PIXELS } from "./spreadsheet-defaults";
import { fitHeightPx, fitWidthPx, textStyleOf } from "./text-width";
import type { DimensionPropsModel, SheetModel, SpreadsheetModel } from "./types";
import { isJsonObject } from "./types";

function propsOf(sheet: SheetModel, dimension: "ROWS" | "COLUMNS") {
  return dimension === "ROWS" ? sheet.rowProps : sheet.columnProps;
}

/** Changes the properties of one row or column; a row back at its defaults is stored as null. */
function updateProps(range: DimensionRange, index: number, change: (p: DimensionPropsModel) => void): void {
  const props = propsOf(range.sheet, range.dimension);
  while (props.length <= index) props.push(null);
  const next: DimensionPropsModel = { ...(props[index] ?? {}) };
  change(next);
  props[index] = next.pixelSize === undefined && !next.hiddenByUser ? null : next;
}

function checkWithinGrid(range: DimensionRange): void {
  const { rowCount, columnCount } = range.sheet.gridProperties;
  const size = range.dimension === "ROWS" ? rowCount : columnCount;
  if (range.end > size) {
    throw badRequest(
      `Invalid dimension range: ${range.start}..${range.end} exceeds the ${size} ${range.dimension.toLowerCase()} of the grid.`,
    );
  }
}

/** updateDimensionProperties: pixelSize and hiddenByUser, as spreadsheets.get then reports them. */
const updateDimensionProperties: RequestHandler = (body, { ss }) => {
  if (body.dataSourceSheetRange !== undefined) {
    throw badRequest("The Sheets emulator has no data source sheets.");
  }
  const range = readDimensionRange(ss, body);
  checkWithinGrid(range);
  const properties = withoutNulls(objectField(body, "properties") ?? {});
  const paths = fieldPaths(body.fields).map((p) => p.join("."));
  for (const path of paths) {
    if (!["*", "pixelSize", "hiddenByUser"].includes(path)) {
      throw badRequest(`Invalid field mask path: ${path}`);
    }
  }
  const size = properties.pixelSize;
  if (size !== undefined && (typeof size !== "number" || !Number.isInteger(size) || size < 0)) {
    throw badRequest("pixelSize must be a non-negative integer");
  }
  const setSize = paths.includes("*") || paths.includes("pixelSize");
  const setHidden = paths.includes("*") || paths.includes("hiddenByUser");
  for (let i = range.start; i < range.end; i++) {
    updateProps(range, i, (p) => {
      if (setSize) {
        if (typeof size === "number") p.pixelSize = size;
        else delete p.pixelSize;
      }
      if (setHidden) {
        if (properties.hiddenByUser === true) p.hiddenByUser = true;
        else delete p.hiddenByUser;
      }
    });
  }
  return undefined;
};

function columnWidth(ev: Evaluator, sheet: SheetModel, c: number): number | undefined {
  let widest: number | undefined;
  const singleColumn = (r: number) =>
    !sheet.merges.some(
      (m) =>
        (m.startRowIndex ?? 0) <= r &&
        r < (m.endRowIndex ?? 0) &&
        (m.startColumnIndex ?? 0) <= c &&
        c < (m.endColumnIndex ?? 0),
    );
  for (let r = 0; r < sheet.rows.length; r++) {
    const text = formattedValue(ev, sheet, r, c);
    if (!text || !singleColumn(r)) continue;
    const width = fitWidthPx(text, textStyleOf(getCell(sheet, r, c)?.userEnteredFormat));
    widest = Math.max(widest ?? 0, width);
  }
  return widest;
}

function rowHeight(ev: Evaluator, sheet: SheetModel, r: number): number {
  let tallest = DEFAULT_ROW_PIXELS;
  const row = sheet.rows[r] ?? [];
  row.forEach((cell, c) => {
    const text = formattedValue(ev, sheet, r, c);
    if (!text || !cell) return;
    const wrap = isJsonObject(cell.userEnteredFormat) && cell.userEnteredFormat.wrapStrategy === "WRAP";
    const width = sheet.columnProps[c]?.pixelSize ?? DEFAULT_COLUMN_PIXELS;
    tallest = Math.max(
      tallest,
      fitHeightPx(text, textStyleOf(cell.userEnteredFormat), wrap ? width : undefined),
    );
  });
  return tallest;
}

/**
 * autoResizeDimensions: columns fit their widest displayed value (a column with nothing in it keeps
 * its width), rows fit their tallest cell. Widths are estimated from Arial's metrics, calibrated on
 * the recorded answer of gspread WorksheetTest.test_auto_resize_columns (1024 × "A" → 9483 px).
 */
function autoResize(ss: SpreadsheetModel, range: DimensionRange, nowMs: number): void {
  const ev = new Evaluator(ss, nowMs);
  for (let i = range.start; i < range.end; i++) {
    const size =
      range.dimension === "COLUMNS" ? columnWidth(ev, range.sheet, i) : rowHeight(ev, range.sheet, i);
    if (size === undefined) continue;
    const isDefault = size === (range.dimension === "ROWS" ? DEFAULT_ROW_PIXELS : DEFAULT_COLUMN_PIXELS);
    updateProps(range, i, (p) => {
      if (isDefault) delete p.pixelSize;
      else p.pixelSize = size;
    });
  }
}

const autoResizeDimensions: RequestHandler = (body, { ss, ctx }) => {
  if (body.dataSourceSheetDimensions !== undefined) {
    throw badRequest("The Sheets emulator has no data source sheets.");
  }
  const range = readDimensionRange(ss, body, "dimensions");
  checkWithinGrid(range);
  autoResize(ss, range, ctx.nowMs);
  return undefined;
};

export const DIMENSION_PROPERTY_HANDLERS: Record<string, RequestHandler> = {
  updateDimensionProperties,
  autoResizeDimensions,
};
