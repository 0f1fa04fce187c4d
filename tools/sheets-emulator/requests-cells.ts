import { cellsA1 } from "./a1";
import { objectField, type RequestHandler, withoutNulls } from "./batch-types";
import { canonicalFormat, formatMaskWithTwins } from "./colors";
import { badRequest } from "./errors";
import { type MaskTree, parseMaskOrThrow, unknownMaskPath } from "./field-mask";
import { updateCell } from "./grid";
import { assertCellLength } from "./input-parse";
import { assertEditable } from "./protection";
import { exceedsGridLimits, findSheetById, gridRangeFromJson, gridRangeToRect } from "./ranges";
import { CELL_DATA_SCHEMA } from "./spreadsheet-defaults";
import type { CellModel, ExtendedValue, Json, JsonObject, Rect } from "./types";
import { isJsonObject } from "./types";

const VALUE_KEYS = ["numberValue", "stringValue", "boolValue", "formulaValue"] as const;

function extendedValue(value: Json | undefined): ExtendedValue | undefined {
  if (!isJsonObject(value)) return undefined;
  const keys = Object.keys(value).filter((k) => value[k] !== null);
  if (keys.length > 1) throw badRequest(`Only one of ${VALUE_KEYS.join(", ")} may be set.`);
  const [key] = keys;
  if (key === undefined) return undefined;
  if (key === "errorValue") throw badRequest("errorValue cannot be set.");
  const v = value[key];
  if (typeof v === "string") assertCellLength(v);
  if (key === "numberValue" && typeof v === "number") return { numberValue: v };
  if (key === "stringValue" && typeof v === "string") return v === "" ? undefined : { stringValue: v };
  if (key === "boolValue" && typeof v === "boolean") return { boolValue: v };
  if (key === "formulaValue" && typeof v === "string") return { formulaValue: v };
  throw badRequest(`Invalid userEnteredValue: ${JSON.stringify(value)}`);
}

/** Deep-merges the masked part of `source` into `target`; masked paths missing from source are cleared. */
function mergeMasked(target: JsonObject, source: JsonObject, tree: MaskTree): JsonObject {
  const out: JsonObject = { ...target };
  for (const [key, sub] of tree) {
    const value = source[key];
    if (sub === true || key === "*") {
      if (key === "*") return { ...source };
      if (value === undefined) delete out[key];
      else out[key] = value;
    } else {
      const current = out[key];
      const merged = mergeMasked(isJsonObject(current) ? current : {}, isJsonObject(value) ? value : {}, sub);
      if (Object.keys(merged).length > 0) out[key] = merged;
      else delete out[key];
    }
  }
  return out;
}

/** What a `fields` mask on CellData writes: which cell parts, and whether values change. */
export function applyCellMask(cell: CellModel, source: JsonObject, tree: MaskTree): boolean {
  const all = tree.has("*");
  let wroteValue = false;
  if (all || tree.has("userEnteredValue")) {
    const value = extendedValue(source.userEnteredValue);
    if (value) cell.userEnteredValue = value;
    else delete cell.userEnteredValue;
    wroteValue = true;
  }
  const format = all ? true : tree.get("userEnteredFormat");
  if (format !== undefined) {
    const sourceFormat = canonicalFormat(
      isJsonObject(source.userEnteredFormat) ? source.userEnteredFormat : {},
    );
    const merged =
      format === true
        ? sourceFormat
        : mergeMasked(cell.userEnteredFormat ?? {}, sourceFormat, formatMaskWithTwins(format));
    if (Object.keys(merged).length > 0) cell.userEnteredFormat = merged;
    else delete cell.userEnteredFormat;
  }
  if (all || tree.has("note")) {
    if (typeof source.note === "string" && source.note !== "") cell.note = source.note;
    else delete cell.note;
  }
  if (all || tree.has("dataValidation")) {
    if (isJsonObject(source.dataValidation)) cell.dataValidation = source.dataValidation;
    else delete cell.dataValidation;
  }
  return wroteValue;
}

/**
 * The `fields` of repeatCell / updateCells, relative to CellData. A path naming no CellData field is
 * refused: Google answers 400 there, but no recording or report gives its words, so this message is
 * a guess, shaped like the emulator's other batchUpdate mask errors.
 */
function maskOf(fields: Json | undefined): MaskTree {
  if (typeof fields !== "string" || fields.trim() === "") throw badRequest("'fields' must be specified");
  const tree = parseMaskOrThrow(fields.replaceAll("/", "."));
  const unknown = unknownMaskPath(tree, CELL_DATA_SCHEMA);
  if (unknown !== undefined) throw badRequest(`Invalid field mask path: ${unknown}`);
  return tree;
}

function forEachCell(rect: Rect, visit: (r: number, c: number) => void): void {
  for (let r = rect.r0; r < rect.r1; r++) for (let c = rect.c0; c < rect.c1; c++) visit(r, c);
}

const repeatCell: RequestHandler = (body, { ss, ctx }) => {
  const rect = gridRangeToRect(ss, gridRangeFromJson(body.range));
  const source = withoutNulls(objectField(body, "cell", false) ?? {});
  const tree = maskOf(body.fields);
  assertEditable(rect, ctx);
  forEachCell(rect, (r, c) =>
    updateCell(rect.sheet, r, c, (cell) => {
      if (applyCellMask(cell, source, tree)) ctx.stats.cellsWritten += 1;
    }),
  );
  return undefined;
};

const updateCells: RequestHandler = (body, { ss, ctx }) => {
  const rows = Array.isArray(body.rows) ? body.rows : [];
  const tree = maskOf(body.fields);
  let rect: Rect;
  if (body.range !== undefined && body.range !== null) {
    rect = gridRangeToRect(ss, gridRangeFromJson(body.range));
  } else {
    const start = objectField(body, "start");
    const sheetId = typeof start?.sheetId === "number" ? start.sheetId : 0;
    const sheet = findSheetById(ss, sheetId);
    if (!sheet) throw badRequest(`No grid with id: ${sheetId}`);
    const r0 = typeof start?.rowIndex === "number" ? start.rowIndex : 0;
    const c0 = typeof start?.columnIndex === "number" ? start.columnIndex : 0;
    const width = Math.max(
      1,
      ...rows.map((row) => (isJsonObject(row) && Array.isArray(row.values) ? row.values.length : 0)),
    );
    rect = { sheet, r0, c0, r1: r0 + Math.max(rows.length, 1), c1: c0 + width };
    const { rowCount, columnCount } = sheet.gridProperties;
    if (rect.r1 > rowCount || rect.c1 > columnCount)
      throw exceedsGridLimits(sheet, cellsA1(r0, rect.r1, c0, rect.c1));
  }
  assertEditable(rect, ctx);
  forEachCell(rect, (r, c) => {
    const row = rows[r - rect.r0];
    const values = isJsonObject(row) && Array.isArray(row.values) ? row.values : [];
    const source = withoutNulls(values[c - rect.c0] ?? {});
    // Cells of the range that the rows do not cover get the masked fields cleared (DISC updateCells).
    updateCell(rect.sheet, r, c, (cell) => {
      if (applyCellMask(cell, isJsonObject(source) ? source : {}, tree)) ctx.stats.cellsWritten += 1;
    });
  });
  return undefined;
};

const setDataValidation: RequestHandler = (body, { ss }) => {
  const rect = gridRangeToRect(ss, gridRangeFromJson(body.range));
  const rule = objectField(body, "rule", false);
  let stored: JsonObject | undefined;
  if (rule) {
    const clean = withoutNulls(rule);
    if (!isJsonObject(clean.condition) || typeof clean.condition.type !== "string") {
      throw badRequest("rule.condition.type is required");
    }
    // proto3 JSON leaves out false booleans (showCustomUi: false is not echoed back).
    stored = clean;
    for (const key of ["strict", "showCustomUi"]) if (stored[key] === false) delete stored[key];
  }
  forEachCell(rect, (r, c) =>
    updateCell(rect.sheet, r, c, (cell) => {
      if (stored) cell.dataValidation = stored;
      else delete cell.dataValidation;
    }),
  );
  return undefined;
};

export const CELL_HANDLERS: Record<string, RequestHandler> = { repeatCell, updateCells, setDataValidation };
