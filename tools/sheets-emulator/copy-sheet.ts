import { intField, type RequestHandler, randomId } from "./batch-types";
import { badRequest } from "./errors";
import { findSheetById, findSheetByTitle } from "./ranges";
import { assertTitleFree } from "./requests-sheets";
import { sheetPropertiesJson } from "./spreadsheet-json";
import type { GridRangeModel, JsonObject, SheetModel, SpreadsheetModel } from "./types";
import { isJsonObject } from "./types";

export interface CopyOptions {
  sheetId?: number;
  title?: string;
  index?: number;
  /** duplicateSheet keeps the protected ranges (with new ids); copyTo another spreadsheet drops them. */
  keepProtection: boolean;
}

/** "Copy of 建议台账", then "Copy of 建议台账 2"… until the title is free in the target spreadsheet. */
export function copyTitle(target: SpreadsheetModel, title: string): string {
  const base = `Copy of ${title}`;
  let candidate = base;
  for (let n = 2; findSheetByTitle(target, candidate); n++) candidate = `${base} ${n}`;
  return candidate;
}

function rebind(range: GridRangeModel, sheetId: number): GridRangeModel {
  return { ...range, sheetId };
}

function rebindJson(value: JsonObject, sheetId: number): JsonObject {
  const out = structuredClone(value);
  if (Array.isArray(out.ranges)) {
    out.ranges = out.ranges.map((r) => (isJsonObject(r) ? { ...r, sheetId } : r));
  }
  return out;
}

/**
 * Copies a sheet, cells, sizes, merges, groups, conditional formats and filter included, into
 * `target` (the same spreadsheet for duplicateSheet). Named ranges stay with the source.
 */
export function copySheet(source: SheetModel, target: SpreadsheetModel, options: CopyOptions): SheetModel {
  const sheetId = options.sheetId ?? randomId((id) => findSheetById(target, id) !== undefined);
  const copy: SheetModel = structuredClone(source);
  copy.sheetId = sheetId;
  copy.title = options.title ?? copyTitle(target, source.title);
  copy.merges = copy.merges.map((m) => rebind(m, sheetId));
  copy.conditionalFormats = copy.conditionalFormats.map((rule) => rebindJson(rule, sheetId));
  if (copy.basicFilter) copy.basicFilter.range = rebind(copy.basicFilter.range, sheetId);
  const taken = new Set(target.sheets.flatMap((s) => s.protectedRanges.map((pr) => pr.protectedRangeId)));
  copy.protectedRanges = options.keepProtection
    ? copy.protectedRanges.map((pr) => {
        const protectedRangeId = randomId((id) => taken.has(id));
        taken.add(protectedRangeId);
        const moved = { ...pr, protectedRangeId, range: rebind(pr.range, sheetId) };
        if (pr.unprotectedRanges)
          moved.unprotectedRanges = pr.unprotectedRanges.map((r) => rebind(r, sheetId));
        return moved;
      })
    : [];
  delete copy.extra.hidden;
  const index = Math.min(Math.max(options.index ?? target.sheets.length, 0), target.sheets.length);
  target.sheets.splice(index, 0, copy);
  return copy;
}

/**
 * duplicateSheet (DISC DuplicateSheetRequest): newSheetId must be free and non-negative, an empty
 * newSheetName gets "Copy of …", and without insertSheetIndex the copy goes last, as addSheet does.
 */
const duplicateSheet: RequestHandler = (body, { ss }) => {
  const sourceId = intField(body, "sourceSheetId", 0);
  const source = findSheetById(ss, sourceId);
  if (!source) throw badRequest(`No grid with id: ${sourceId}`);
  const options: CopyOptions = { keepProtection: true };
  if (body.newSheetId !== undefined && body.newSheetId !== null) {
    const id = intField(body, "newSheetId");
    if (id < 0) throw badRequest("newSheetId must be non-negative");
    if (findSheetById(ss, id)) throw badRequest(`Sheet with ID ${id} already exists`);
    options.sheetId = id;
  }
  if (typeof body.newSheetName === "string" && body.newSheetName !== "") {
    assertTitleFree(ss, body.newSheetName);
    options.title = body.newSheetName;
  }
  if (body.insertSheetIndex !== undefined && body.insertSheetIndex !== null) {
    options.index = intField(body, "insertSheetIndex");
  }
  const copy = copySheet(source, ss, options);
  return { duplicateSheet: { properties: sheetPropertiesJson(ss, copy) } };
};

export const COPY_SHEET_HANDLERS: Record<string, RequestHandler> = { duplicateSheet };
