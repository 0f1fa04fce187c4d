import { objectField, type RequestHandler } from "./batch-types";
import { badRequest } from "./errors";
import { Evaluator } from "./formula-eval";
import { getCell, updateCell } from "./grid";
import { assertEditable } from "./protection";
import { gridRangeFromJson, gridRangeToRect } from "./ranges";
import { effectiveValue } from "./render";
import type { CellModel, ExtendedValue, Rect } from "./types";

const PASTE_TYPES = [
  "PASTE_NORMAL",
  "PASTE_VALUES",
  "PASTE_FORMAT",
  "PASTE_NO_BORDERS",
  "PASTE_FORMULA",
  "PASTE_DATA_VALIDATION",
  "PASTE_CONDITIONAL_FORMATTING",
] as const;
type PasteType = (typeof PASTE_TYPES)[number];

/** What a cell holds before the paste: read from the untouched source, so overlaps paste the old content. */
interface SourceCell {
  cell: CellModel | undefined;
  /** The calculated value, for PASTE_VALUES (a formula pastes as what it shows). */
  value: ExtendedValue | undefined;
}

function asEntered(ev: ReturnType<typeof effectiveValue>): ExtendedValue | undefined {
  if (!ev || ev.errorValue) return undefined;
  if (ev.numberValue !== undefined) return { numberValue: ev.numberValue };
  if (ev.boolValue !== undefined) return { boolValue: ev.boolValue };
  if (ev.stringValue !== undefined && ev.stringValue !== "") return { stringValue: ev.stringValue };
  return undefined;
}

function withoutBorders(format: CellModel["userEnteredFormat"]): CellModel["userEnteredFormat"] {
  if (!format) return undefined;
  const { borders: _borders, ...rest } = format;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/** Applies one source cell onto a destination cell for a paste type (DISC PasteType). */
function paste(target: CellModel, source: SourceCell, type: PasteType): void {
  const from = source.cell ?? {};
  const set = <K extends keyof CellModel>(key: K, value: CellModel[K] | undefined) => {
    if (value === undefined) delete target[key];
    else target[key] = value;
  };
  switch (type) {
    case "PASTE_NORMAL":
      set("userEnteredValue", from.userEnteredValue);
      set("userEnteredFormat", from.userEnteredFormat);
      set("dataValidation", from.dataValidation);
      set("note", from.note);
      return;
    case "PASTE_NO_BORDERS":
      set("userEnteredValue", from.userEnteredValue);
      set("userEnteredFormat", withoutBorders(from.userEnteredFormat));
      set("dataValidation", from.dataValidation);
      set("note", from.note);
      return;
    case "PASTE_VALUES":
      set("userEnteredValue", source.value);
      return;
    case "PASTE_FORMULA":
      set("userEnteredValue", from.userEnteredValue);
      return;
    case "PASTE_FORMAT":
      set("userEnteredFormat", from.userEnteredFormat);
      return;
    case "PASTE_DATA_VALIDATION":
      set("dataValidation", from.dataValidation);
      return;
    case "PASTE_CONDITIONAL_FORMATTING":
      // Conditional formats live on the sheet, not in cells; the emulator keeps them unchanged.
      return;
  }
}

function readSource(ev: Evaluator, rect: Rect): SourceCell[][] {
  const out: SourceCell[][] = [];
  for (let r = rect.r0; r < rect.r1; r++) {
    const row: SourceCell[] = [];
    for (let c = rect.c0; c < rect.c1; c++) {
      const cell = getCell(rect.sheet, r, c);
      row.push({
        cell: cell ? structuredClone(cell) : undefined,
        value: asEntered(effectiveValue(ev, rect.sheet, r, c)),
      });
    }
    out.push(row);
  }
  return out;
}

/**
 * The destination covered by a paste: the source repeated to fill the destination when it spans a
 * multiple of the source's size, otherwise the source's own size at the destination's top-left
 * (DISC CopyPasteRequest.destination: "If the range is smaller than the source range, the entire
 * source data will still be copied (beyond the end of the destination range)").
 */
function pasteArea(dest: Rect, rows: number, cols: number): Rect {
  const span = (have: number, unit: number) => (have >= unit && have % unit === 0 ? have : unit);
  return {
    sheet: dest.sheet,
    r0: dest.r0,
    c0: dest.c0,
    r1: dest.r0 + span(dest.r1 - dest.r0, rows),
    c1: dest.c0 + span(dest.c1 - dest.c0, cols),
  };
}

/**
 * copyPaste: copies a range (values, formats, validation, notes by paste type) onto another range,
 * on the same or another sheet, applied atomically with the rest of the batch. Formulas are pasted
 * as written (the emulator does not shift relative references; see README).
 */
const copyPaste: RequestHandler = (body, { ss, ctx }) => {
  const type = (body.pasteType ?? "PASTE_NORMAL") as PasteType;
  if (!PASTE_TYPES.includes(type))
    throw badRequest(`Invalid value at 'paste_type', "${String(body.pasteType)}"`);
  const orientation = body.pasteOrientation ?? "NORMAL";
  if (orientation !== "NORMAL" && orientation !== "TRANSPOSE") {
    throw badRequest(`Invalid value at 'paste_orientation', "${String(orientation)}"`);
  }
  const source = gridRangeToRect(ss, gridRangeFromJson(objectField(body, "source")));
  const dest = gridRangeToRect(ss, gridRangeFromJson(objectField(body, "destination")));
  const cells = readSource(new Evaluator(ss, ctx.nowMs), source);
  const grid =
    orientation === "TRANSPOSE"
      ? (cells[0] ?? []).map((_, c) => cells.map((row) => row[c] as SourceCell))
      : cells;
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return undefined;
  const area = pasteArea(dest, rows, cols);
  const { rowCount, columnCount } = area.sheet.gridProperties;
  if (area.r1 > rowCount || area.c1 > columnCount) {
    throw badRequest(`Range exceeds grid limits. Max rows: ${rowCount}, max columns: ${columnCount}`);
  }
  assertEditable(area, ctx);
  for (let r = area.r0; r < area.r1; r++) {
    for (let c = area.c0; c < area.c1; c++) {
      const from = grid[(r - area.r0) % rows]?.[(c - area.c0) % cols] as SourceCell;
      updateCell(area.sheet, r, c, (cell) => paste(cell, from, type));
      if (type !== "PASTE_FORMAT" && type !== "PASTE_DATA_VALIDATION") ctx.stats.cellsWritten += 1;
    }
  }
  return undefined;
};

export const PASTE_HANDLERS: Record<string, RequestHandler> = { copyPaste };
