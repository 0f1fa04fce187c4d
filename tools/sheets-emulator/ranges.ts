import { cellsA1, openA1, parseA1, quoteTitle, type RangeRef } from "./a1";
import { type ApiError, badRequest, unableToParseRange } from "./errors";
import type {
  GridRangeModel,
  JsonObject,
  NamedRangeModel,
  Rect,
  SheetModel,
  SpreadsheetModel,
} from "./types";
import { isJsonObject } from "./types";

/** A parsed range bound to one sheet of a spreadsheet (sides may still be open). */
export interface BoundRange {
  sheet: SheetModel;
  ref: RangeRef;
}

/** Sheet titles are unique case-insensitively in Sheets, and ranges match them the same way. */
export function findSheetByTitle(ss: SpreadsheetModel, title: string): SheetModel | undefined {
  const lower = title.toLowerCase();
  return ss.sheets.find((s) => s.title === title) ?? ss.sheets.find((s) => s.title.toLowerCase() === lower);
}

export function findSheetById(ss: SpreadsheetModel, sheetId: number): SheetModel | undefined {
  return ss.sheets.find((s) => s.sheetId === sheetId);
}

/** `A1:B2` without a sheet means the first visible sheet. */
export function firstVisibleSheet(ss: SpreadsheetModel): SheetModel {
  const visible = ss.sheets.find((s) => s.extra.hidden !== true);
  const sheet = visible ?? ss.sheets[0];
  if (!sheet) throw badRequest("The spreadsheet has no sheets.");
  return sheet;
}

/** Names match case-insensitively, as in Sheets. */
export function findNamedRange(ss: SpreadsheetModel, name: string): NamedRangeModel | undefined {
  const lower = name.toLowerCase();
  return ss.namedRanges.find((n) => n.name.toLowerCase() === lower);
}

/** The A1 reference a named range stands for (its sheet found by id). */
export function namedRangeRef(ss: SpreadsheetModel, named: NamedRangeModel): BoundRange | undefined {
  const sheet = findSheetById(ss, named.range.sheetId);
  if (!sheet) return undefined;
  const ref: RangeRef = {};
  if (named.range.startRowIndex !== undefined) ref.startRow = named.range.startRowIndex;
  if (named.range.endRowIndex !== undefined) ref.endRow = named.range.endRowIndex;
  if (named.range.startColumnIndex !== undefined) ref.startCol = named.range.startColumnIndex;
  if (named.range.endColumnIndex !== undefined) ref.endCol = named.range.endColumnIndex;
  return { sheet, ref };
}

/**
 * Binds A1 text to a sheet. A bare word that names no sheet may name a named range ("A1 notation
 * or a named range", DISC ValueRange.range); a sheet of the same name wins.
 */
export function resolveRange(ss: SpreadsheetModel, text: string): BoundRange {
  const ref = parseA1(text);
  if (ref.sheetTitle === undefined) return { sheet: firstVisibleSheet(ss), ref };
  const sheet = findSheetByTitle(ss, ref.sheetTitle);
  if (sheet) return { sheet, ref };
  const named = text.startsWith("'") || text.includes("!") ? undefined : findNamedRange(ss, text);
  const bound = named ? namedRangeRef(ss, named) : undefined;
  if (!bound) throw unableToParseRange(text);
  return bound;
}

export function exceedsGridLimits(sheet: SheetModel, a1: string): ApiError {
  return badRequest(
    `Range (${quoteTitle(sheet.title)}!${a1}) exceeds grid limits. Max rows: ${sheet.gridProperties.rowCount}, max columns: ${sheet.gridProperties.columnCount}`,
  );
}

/** Open sides take the grid's extent and the result is clamped to it (reads, clears: §1.4-3). */
export function clampToGrid(bound: BoundRange): Rect {
  const { sheet, ref } = bound;
  const rows = sheet.gridProperties.rowCount;
  const cols = sheet.gridProperties.columnCount;
  const r0 = ref.startRow ?? 0;
  const c0 = ref.startCol ?? 0;
  if (r0 >= rows || c0 >= cols) throw exceedsGridLimits(sheet, openA1(ref));
  return {
    sheet,
    r0,
    c0,
    r1: Math.min(ref.endRow ?? rows, rows),
    c1: Math.min(ref.endCol ?? cols, cols),
  };
}

/** "Sheet1!A1:Z1000", "'建议台账'!A2:AH40", "Sheet1!B3" — the normalised form Google answers with. */
export function formatRect(rect: Rect): string {
  return `${quoteTitle(rect.sheet.title)}!${cellsA1(rect.r0, rect.r1, rect.c0, rect.c1)}`;
}

function indexField(json: JsonObject, key: string): number | undefined {
  const value = json[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw badRequest(`${key} must be a non-negative integer`);
  }
  return value;
}

/**
 * Reads an API GridRange; a missing sheetId means 0, as proto3 defaults it. Errors carry the bare
 * reason: batchUpdate adds "Invalid requests[i].<kind>: " in front.
 */
export function gridRangeFromJson(value: unknown): GridRangeModel {
  if (!isJsonObject(value)) throw badRequest("range is required");
  const sheetId = value.sheetId ?? 0;
  if (typeof sheetId !== "number" || !Number.isInteger(sheetId)) throw badRequest("invalid sheetId");
  const model: GridRangeModel = { sheetId };
  const keys = ["startRowIndex", "endRowIndex", "startColumnIndex", "endColumnIndex"] as const;
  for (const key of keys) {
    const n = indexField(value, key);
    if (n !== undefined) model[key] = n;
  }
  return model;
}

/** Binds a GridRange to its sheet and checks it against the grid the way batchUpdate does. */
export function gridRangeToRect(ss: SpreadsheetModel, range: GridRangeModel): Rect {
  const sheet = findSheetById(ss, range.sheetId);
  if (!sheet) throw badRequest(`No grid with id: ${range.sheetId}`);
  const ref: RangeRef = {};
  if (range.startRowIndex !== undefined) ref.startRow = range.startRowIndex;
  if (range.endRowIndex !== undefined) ref.endRow = range.endRowIndex;
  if (range.startColumnIndex !== undefined) ref.startCol = range.startColumnIndex;
  if (range.endColumnIndex !== undefined) ref.endCol = range.endColumnIndex;
  const { rowCount, columnCount } = sheet.gridProperties;
  const past = (n: number | undefined, size: number) => (n ?? 0) > size;
  if (
    past(ref.endRow, rowCount) ||
    past(ref.endCol, columnCount) ||
    past(ref.startRow, rowCount - 1) ||
    past(ref.startCol, columnCount - 1)
  ) {
    throw exceedsGridLimits(sheet, openA1(ref));
  }
  const r0 = ref.startRow ?? 0;
  const c0 = ref.startCol ?? 0;
  const r1 = ref.endRow ?? rowCount;
  const c1 = ref.endCol ?? columnCount;
  if (r0 > r1) throw badRequest(`startRowIndex (${r0}) must be less than or equal to endRowIndex (${r1})`);
  if (c0 > c1)
    throw badRequest(`startColumnIndex (${c0}) must be less than or equal to endColumnIndex (${c1})`);
  return { sheet, r0, r1: Math.min(r1, rowCount), c0, c1: Math.min(c1, columnCount) };
}

/** proto3 JSON: sheetId 0 is a default and is omitted; the indices have presence and stay, even 0 (§1.4-12). */
export function gridRangeJson(range: GridRangeModel): JsonObject {
  const json: JsonObject = {};
  if (range.sheetId !== 0) json.sheetId = range.sheetId;
  if (range.startRowIndex !== undefined) json.startRowIndex = range.startRowIndex;
  if (range.endRowIndex !== undefined) json.endRowIndex = range.endRowIndex;
  if (range.startColumnIndex !== undefined) json.startColumnIndex = range.startColumnIndex;
  if (range.endColumnIndex !== undefined) json.endColumnIndex = range.endColumnIndex;
  return json;
}
