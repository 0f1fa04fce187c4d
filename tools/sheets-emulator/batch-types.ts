import { randomInt } from "node:crypto";
import type { CallContext } from "./context";
import { badRequest } from "./errors";
import type { Json, JsonObject, SpreadsheetModel } from "./types";
import { isJsonObject } from "./types";

/** What one batchUpdate sub-request works on: a private copy of the spreadsheet (atomicity). */
export interface BatchRequestContext {
  ss: SpreadsheetModel;
  ctx: CallContext;
}

/** Returns the reply body (e.g. {addSheet:{…}}) or undefined for the requests whose reply is {}. */
export type RequestHandler = (body: JsonObject, bc: BatchRequestContext) => JsonObject | undefined;

/** Random positive int32, as Google picks sheetIds and protectedRangeIds. */
export function randomId(taken: (id: number) => boolean): number {
  for (;;) {
    const id = randomInt(1, 2 ** 31 - 1);
    if (!taken(id)) return id;
  }
}

export function objectField(body: JsonObject, key: string, required = true): JsonObject | undefined {
  const value = body[key];
  if (value === undefined || value === null) {
    if (required) throw badRequest(`${key} is required`);
    return undefined;
  }
  if (!isJsonObject(value)) throw badRequest(`${key} must be an object`);
  return value;
}

export function intField(body: JsonObject, key: string, fallback?: number): number {
  const value: Json | undefined = body[key];
  if (value === undefined || value === null) {
    if (fallback === undefined) throw badRequest(`${key} is required`);
    return fallback;
  }
  if (typeof value !== "number" || !Number.isInteger(value)) throw badRequest(`${key} must be an integer`);
  return value;
}

/** Drops JSON nulls recursively: clients send "description": null for "not set". */
export function withoutNulls(value: JsonObject): JsonObject;
export function withoutNulls(value: Json): Json;
export function withoutNulls(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = withoutNulls(v);
  return out;
}

/** Splits a `fields` string of a request ("gridProperties/rowCount,title") into dotted paths. */
export function fieldPaths(fields: Json | undefined): string[][] {
  if (typeof fields !== "string" || fields.trim() === "") throw badRequest("'fields' must be specified");
  return fields.split(",").map((f) => f.trim().split(/[./]/));
}
