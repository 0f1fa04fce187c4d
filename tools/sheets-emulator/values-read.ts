import { Evaluator } from "./formula-eval";
import { clampToGrid, formatRect, resolveRange } from "./ranges";
import { DATE_TIME_RENDER_OPTIONS, type RenderOptions, renderCell, VALUE_RENDER_OPTIONS } from "./render";
import type { Dimension, Json, JsonObject, Rect, SpreadsheetModel } from "./types";
import { parseDimension, parseEnum } from "./value-range-body";

export interface ReadOptions extends RenderOptions {
  majorDimension: Dimension;
}

/** Reads valueRenderOption/dateTimeRenderOption/majorDimension from a query or request body. */
export function readOptions(source: Record<string, unknown>, prefix = ""): ReadOptions {
  const key = (name: string) => (prefix ? `${prefix}${name[0]?.toUpperCase()}${name.slice(1)}` : name);
  return {
    majorDimension: parseDimension(source.majorDimension, "major_dimension"),
    valueRenderOption: parseEnum(
      source[key("valueRenderOption")],
      VALUE_RENDER_OPTIONS,
      prefix ? "response_value_render_option" : "value_render_option",
      "ValueRenderOption",
      "FORMATTED_VALUE",
    ),
    dateTimeRenderOption: parseEnum(
      source[key("dateTimeRenderOption")],
      DATE_TIME_RENDER_OPTIONS,
      prefix ? "response_date_time_render_option" : "date_time_render_option",
      "DateTimeRenderOption",
      "SERIAL_NUMBER",
    ),
  };
}

/**
 * The values of a rectangle with Google's trimming (§1.4-6): trailing empty cells and rows are
 * dropped, interior empty cells become "" and interior empty rows [].
 */
export function rectValues(ev: Evaluator, rect: Rect, options: ReadOptions): Json[][] {
  const rowsFirst = options.majorDimension === "ROWS";
  const outerCount = rowsFirst ? rect.r1 - rect.r0 : rect.c1 - rect.c0;
  const innerCount = rowsFirst ? rect.c1 - rect.c0 : rect.r1 - rect.r0;
  // Nothing is stored past the data, so only that part of a huge open range needs scanning.
  const storedRows = Math.min(rect.r1, rect.sheet.rows.length) - rect.r0;
  const outerLimit = rowsFirst ? Math.min(outerCount, Math.max(storedRows, 0)) : outerCount;
  const innerLimit = rowsFirst ? innerCount : Math.min(innerCount, Math.max(storedRows, 0));
  const out: Json[][] = [];
  let lastNonEmpty = -1;
  for (let i = 0; i < outerLimit; i++) {
    const line: Json[] = [];
    let lastCell = -1;
    for (let j = 0; j < innerLimit; j++) {
      const r = rect.r0 + (rowsFirst ? i : j);
      const c = rect.c0 + (rowsFirst ? j : i);
      const value = renderCell(ev, rect.sheet, r, c, options);
      line.push(value ?? "");
      if (value !== undefined) lastCell = j;
    }
    line.length = lastCell + 1;
    out.push(line);
    if (lastCell >= 0) lastNonEmpty = i;
  }
  out.length = lastNonEmpty + 1;
  return out;
}

/** A ValueRange: `range` is the requested range clamped to the grid, not trimmed to the data (§1.4-3). */
export function valueRange(ev: Evaluator, rect: Rect, options: ReadOptions): JsonObject {
  const values = rectValues(ev, rect, options);
  const result: JsonObject = { range: formatRect(rect), majorDimension: options.majorDimension };
  if (values.length > 0) result.values = values;
  return result;
}

export function getValues(
  ss: SpreadsheetModel,
  range: string,
  options: ReadOptions,
  nowMs: number,
): JsonObject {
  const rect = clampToGrid(resolveRange(ss, range));
  return valueRange(new Evaluator(ss, nowMs), rect, options);
}

export function batchGetValues(
  ss: SpreadsheetModel,
  ranges: string[],
  options: ReadOptions,
  nowMs: number,
): JsonObject {
  const ev = new Evaluator(ss, nowMs);
  const valueRanges = ranges.map((range) => valueRange(ev, clampToGrid(resolveRange(ss, range)), options));
  const result: JsonObject = { spreadsheetId: ss.spreadsheetId };
  if (valueRanges.length > 0) result.valueRanges = valueRanges;
  return result;
}
