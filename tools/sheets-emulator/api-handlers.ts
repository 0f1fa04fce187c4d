import { batchUpdate } from "./batch-update";
import type { CallContext } from "./context";
import { copySheet } from "./copy-sheet";
import { badRequest, notFound } from "./errors";
import { applyFieldMask, maskSelects, parseMaskOrThrow, validateFieldMask } from "./field-mask";
import { VALUE_INPUT_OPTIONS, type ValueInputOption } from "./input-parse";
import { findSheetById } from "./ranges";
import type { Route } from "./routes";
import { SPREADSHEET_SCHEMA } from "./spreadsheet-defaults";
import { sheetPropertiesJson, spreadsheetJson } from "./spreadsheet-json";
import { createFromResource, type Store } from "./store";
import type { Json, JsonObject, SpreadsheetModel } from "./types";
import { isJsonObject } from "./types";
import { parseEnum, queryBool, readValueRange, unknownField } from "./value-range-body";
import { appendValues, type InsertDataOption } from "./values-append";
import { batchGetValues, getValues, type ReadOptions, readOptions } from "./values-read";
import { clearValues, prefixed, updateValues } from "./values-write";

export interface ApiCall {
  route: Route;
  query: URLSearchParams;
  body: unknown;
  ctx: CallContext;
}

function queryObject(query: URLSearchParams): Record<string, string> {
  return Object.fromEntries(query.entries());
}

/** valueInputOption is required on writes; Google's words when it is missing. */
function inputOption(value: unknown): ValueInputOption {
  if (value === undefined || value === null || value === "" || value === "INPUT_VALUE_OPTION_UNSPECIFIED") {
    throw badRequest("Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED");
  }
  return parseEnum(value, VALUE_INPUT_OPTIONS, "value_input_option", "ValueInputOption", "RAW");
}

function responseOptions(source: Record<string, unknown>, include: boolean): ReadOptions | undefined {
  return include ? readOptions(source, "response") : undefined;
}

/** Runs one Sheets v4 method against the store; the caller has done auth, quota, faults and hooks. */
export function runApiCall(store: Store, call: ApiCall): JsonObject {
  const { route, query, body, ctx } = call;
  const q = queryObject(query);
  const fields = query.get("fields");
  const mask = fields ? parseMaskOrThrow(fields) : undefined;
  if (route.name === "create") {
    const ss = createFromResource(store, body);
    const result = spreadsheetJson(ss, {
      includeGridData: false,
      ranges: [],
      user: ctx.user,
      isOwner: true,
      nowMs: ctx.nowMs,
    });
    return mask ? applyFieldMask(result, mask) : result;
  }
  const ss = store.get(route.spreadsheetId ?? "");
  const range = route.range ?? "";
  let result: JsonObject;
  switch (route.name) {
    case "get": {
      if (mask) validateFieldMask(mask, SPREADSHEET_SCHEMA);
      // "includeGridData … is ignored if a field mask was set" (DISC): the mask decides.
      const includeGridData = mask ? maskSelects(mask, ["sheets", "data"]) : queryBool(q.includeGridData);
      result = spreadsheetJson(ss, {
        includeGridData,
        ranges: query.getAll("ranges"),
        user: ctx.user,
        isOwner: ctx.isOwner,
        nowMs: ctx.nowMs,
      });
      break;
    }
    case "batchUpdate": {
      const outcome = batchUpdate(ss, body, ctx);
      store.replace(outcome.spreadsheet);
      result = outcome.response;
      break;
    }
    case "values.get":
      result = getValues(ss, range, readOptions(q), ctx.nowMs);
      break;
    case "values.batchGet":
      result = batchGetValues(ss, query.getAll("ranges"), readOptions(q), ctx.nowMs);
      break;
    case "values.update": {
      const input = readValueRange(body, "data");
      const option = inputOption(q.valueInputOption);
      result = updateValues(
        ss,
        range,
        input,
        option,
        ctx,
        responseOptions(q, queryBool(q.includeValuesInResponse)),
      ).response;
      break;
    }
    case "values.append": {
      const input = readValueRange(body, "data");
      const option = inputOption(q.valueInputOption);
      const insert = parseEnum<InsertDataOption>(
        q.insertDataOption,
        ["OVERWRITE", "INSERT_ROWS"],
        "insert_data_option",
        "InsertDataOption",
        "OVERWRITE",
      );
      const working = structuredClone(ss);
      result = appendValues(
        working,
        range,
        input,
        option,
        insert,
        ctx,
        responseOptions(q, queryBool(q.includeValuesInResponse)),
      );
      store.replace(working);
      break;
    }
    case "values.clear":
      result = { spreadsheetId: ss.spreadsheetId, clearedRange: clearValues(ss, range, ctx) };
      break;
    case "values.batchUpdate":
      result = valuesBatchUpdate(store, ss.spreadsheetId, body, ctx);
      break;
    case "values.batchClear":
      result = valuesBatchClear(store, ss.spreadsheetId, body, ctx);
      break;
    case "sheets.copyTo":
      result = copyTo(store, ss, route.sheetId ?? 0, body, ctx);
      break;
  }
  return mask ? applyFieldMask(result, mask) : result;
}

/**
 * sheets.copyTo: copies one sheet into another spreadsheet the caller can edit (or the same one) and
 * answers the new sheet's SheetProperties (DISC). The copy is named "Copy of …" and goes last.
 */
function copyTo(
  store: Store,
  ss: SpreadsheetModel,
  sheetId: number,
  body: unknown,
  ctx: CallContext,
): JsonObject {
  const request = isJsonObject(body) ? body : {};
  for (const key of Object.keys(request)) if (key !== "destinationSpreadsheetId") throw unknownField(key);
  const destinationId = request.destinationSpreadsheetId;
  if (typeof destinationId !== "string" || destinationId === "") {
    throw badRequest("destinationSpreadsheetId is required");
  }
  const sheet = findSheetById(ss, sheetId);
  if (!sheet) throw notFound();
  const destination = structuredClone(store.get(destinationId));
  const copy = copySheet(sheet, destination, { keepProtection: destinationId === ss.spreadsheetId });
  for (const row of copy.rows)
    for (const cell of row ?? []) if (cell?.userEnteredValue) ctx.stats.cellsWritten += 1;
  store.replace(destination);
  return sheetPropertiesJson(destination, copy);
}

/** BatchUpdateValuesRequest's fields (DISC); any other key is Google's "Cannot find field". */
const BATCH_UPDATE_KEYS = [
  "valueInputOption",
  "data",
  "includeValuesInResponse",
  "responseValueRenderOption",
  "responseDateTimeRenderOption",
];

/** A request body with only the message's own keys; no body at all reads as an empty message. */
function requestBody(body: unknown, keys: readonly string[]): JsonObject {
  if (body === undefined) return {};
  if (!isJsonObject(body)) throw badRequest("Invalid JSON payload received. Expected an object.");
  for (const key of Object.keys(body)) if (!keys.includes(key)) throw unknownField(key);
  return body;
}

/** A repeated field: absent or null is empty, anything but a list is refused as for `requests`. */
function listField(request: JsonObject, name: string): Json[] {
  const value = request[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest(`Invalid value at '${name}'`);
  return value;
}

function valuesBatchUpdate(store: Store, spreadsheetId: string, body: unknown, ctx: CallContext): JsonObject {
  const request = requestBody(body, BATCH_UPDATE_KEYS);
  const option = inputOption(request.valueInputOption);
  const include = request.includeValuesInResponse === true;
  const respond = responseOptions(request as Record<string, unknown>, include);
  const data = listField(request, "data");
  // Applied to a copy so that one bad element leaves the spreadsheet untouched.
  const working = structuredClone(store.get(spreadsheetId));
  const rows = new Set<string>();
  const columns = new Set<string>();
  const sheets = new Set<string>();
  let cells = 0;
  const responses = data.map((item, i) =>
    prefixed(`Invalid data[${i}]: `, () => {
      const input = readValueRange(item, `data[${i}]`);
      if (input.range === undefined) throw badRequest("range is required");
      const outcome = updateValues(working, input.range, input, option, ctx, respond);
      const sheetKey = String(outcome.response.updatedRange).split("!")[0] ?? "";
      for (const r of outcome.rows) rows.add(`${sheetKey}:${r}`);
      for (const c of outcome.columns) columns.add(`${sheetKey}:${c}`);
      if (outcome.cells > 0) sheets.add(sheetKey);
      cells += outcome.cells;
      return outcome.response;
    }),
  );
  store.replace(working);
  const result: JsonObject = { spreadsheetId };
  if (rows.size > 0) result.totalUpdatedRows = rows.size;
  if (columns.size > 0) result.totalUpdatedColumns = columns.size;
  if (cells > 0) result.totalUpdatedCells = cells;
  if (sheets.size > 0) result.totalUpdatedSheets = sheets.size;
  if (responses.length > 0) result.responses = responses;
  return result;
}

function valuesBatchClear(store: Store, spreadsheetId: string, body: unknown, ctx: CallContext): JsonObject {
  const request = requestBody(body, ["ranges"]);
  const ranges = listField(request, "ranges");
  const working = structuredClone(store.get(spreadsheetId));
  const clearedRanges = ranges.map((range, i) =>
    prefixed(`Invalid range[${i}]: `, () =>
      clearValues(working, typeof range === "string" ? range : "", ctx),
    ),
  );
  store.replace(working);
  const result: JsonObject = { spreadsheetId };
  if (clearedRanges.length > 0) result.clearedRanges = clearedRanges;
  return result;
}
