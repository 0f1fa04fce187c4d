import { cellsA1 } from "./a1";
import { objectField, type RequestHandler } from "./batch-types";
import { badRequest } from "./errors";
import { Evaluator } from "./formula-eval";
import { type BlockMove, moveFormulaRefs } from "./formula-refs";
import { FormulaError } from "./formula-values";
import { getCell, setCell } from "./grid";
import { assertEditable } from "./protection";
import { exceedsGridLimits, findSheetById, gridRangeFromJson, gridRangeToRect } from "./ranges";
import { contains, intersects } from "./requests-merges";
import type { CellModel, ExtendedValue, Rect, SpreadsheetModel } from "./types";

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

/** The computed value of a cell as a plain entry (what PASTE_VALUES leaves behind). */
function computedValue(ev: Evaluator, rect: Rect, r: number, c: number): ExtendedValue | undefined {
  const value = ev.cellValue(rect.sheet, r, c);
  if (value === null || value instanceof FormulaError) return undefined;
  if (typeof value === "number") return { numberValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  return value === "" ? undefined : { stringValue: value };
}

/** What lands in a destination cell for one paste type, given what was there and what was cut. */
function pasted(
  type: PasteType,
  cut: CellModel | undefined,
  computed: ExtendedValue | undefined,
  old: CellModel,
) {
  const out: CellModel = { ...old };
  const put = <K extends keyof CellModel>(key: K, value: CellModel[K] | undefined) => {
    if (value === undefined) delete out[key];
    else out[key] = value;
  };
  switch (type) {
    case "PASTE_NORMAL":
      return { ...(cut ?? {}) };
    case "PASTE_NO_BORDERS": {
      const cell: CellModel = { ...(cut ?? {}) };
      if (cell.userEnteredFormat?.borders !== undefined) {
        const { borders: _borders, ...format } = cell.userEnteredFormat;
        if (Object.keys(format).length > 0) cell.userEnteredFormat = format;
        else delete cell.userEnteredFormat;
      }
      return cell;
    }
    case "PASTE_VALUES":
      put("userEnteredValue", computed);
      return out;
    case "PASTE_FORMULA":
      put("userEnteredValue", cut?.userEnteredValue);
      return out;
    case "PASTE_FORMAT":
      put("userEnteredFormat", cut?.userEnteredFormat);
      put("dataValidation", cut?.dataValidation);
      return out;
    case "PASTE_DATA_VALIDATION":
      put("dataValidation", cut?.dataValidation);
      return out;
    case "PASTE_CONDITIONAL_FORMATTING":
      return out;
  }
}

/** Rewrites every formula of the spreadsheet so references to the cut cells follow them. */
function followMovedCells(ss: SpreadsheetModel, move: BlockMove): void {
  const { from } = move;
  for (const home of ss.sheets) {
    for (const [r, row] of home.rows.entries()) {
      for (const [c, cell] of (row ?? []).entries()) {
        const formula = cell?.userEnteredValue?.formulaValue;
        if (!cell || formula === undefined) continue;
        const inside = home === from.sheet && r >= from.r0 && r < from.r1 && c >= from.c0 && c < from.c1;
        const finalHome = inside ? move.to.sheet : home;
        cell.userEnteredValue = { formulaValue: moveFormulaRefs(formula, ss, home, finalHome, move) };
      }
    }
  }
}

/**
 * cutPaste: "All the source data will be cut, regardless of what is pasted" (DISC CutPasteRequest):
 * the source cells are emptied, the destination gets what the paste type names, and merges inside
 * the source move with it. References to the cut cells follow them, in every formula.
 */
const cutPaste: RequestHandler = (body, { ss, ctx }) => {
  const source = gridRangeToRect(ss, gridRangeFromJson(body.source));
  const destination = objectField(body, "destination") ?? {};
  const sheetId = typeof destination.sheetId === "number" ? destination.sheetId : 0;
  const target = findSheetById(ss, sheetId);
  if (!target) throw badRequest(`No grid with id: ${sheetId}`);
  const type = (body.pasteType ?? "PASTE_NORMAL") as PasteType;
  if (!PASTE_TYPES.includes(type)) throw badRequest(`Invalid pasteType: ${String(body.pasteType)}`);
  const r0 = typeof destination.rowIndex === "number" ? destination.rowIndex : 0;
  const c0 = typeof destination.columnIndex === "number" ? destination.columnIndex : 0;
  const height = source.r1 - source.r0;
  const width = source.c1 - source.c0;
  const dest: Rect = { sheet: target, r0, r1: r0 + height, c0, c1: c0 + width };
  if (dest.r1 > target.gridProperties.rowCount || dest.c1 > target.gridProperties.columnCount) {
    throw exceedsGridLimits(target, cellsA1(r0, dest.r1, c0, dest.c1));
  }
  assertEditable(source, ctx);
  assertEditable(dest, ctx);
  const ev = new Evaluator(ss, ctx.nowMs);
  const computed = Array.from({ length: height }, (_, i) =>
    Array.from({ length: width }, (_, j) => computedValue(ev, source, source.r0 + i, source.c0 + j)),
  );
  if (type === "PASTE_NORMAL" || type === "PASTE_NO_BORDERS" || type === "PASTE_FORMULA") {
    followMovedCells(ss, { from: source, to: { sheet: target, r0, c0 } });
  }
  const cut = computed.map((row, i) =>
    row.map((value, j) => {
      const cell = getCell(source.sheet, source.r0 + i, source.c0 + j);
      return { cell: cell ? structuredClone(cell) : undefined, computed: value };
    }),
  );
  const movedMerges = source.sheet.merges.filter((m) => contains(source, m));
  for (let r = source.r0; r < source.r1; r++) {
    for (let c = source.c0; c < source.c1; c++) {
      if (getCell(source.sheet, r, c)?.userEnteredValue) ctx.stats.cellsWritten += 1;
      setCell(source.sheet, r, c, undefined);
    }
  }
  for (const [i, row] of cut.entries()) {
    for (const [j, { cell, computed }] of row.entries()) {
      const next = pasted(type, cell, computed, { ...(getCell(target, r0 + i, c0 + j) ?? {}) });
      if (next.userEnteredValue) ctx.stats.cellsWritten += 1;
      setCell(target, r0 + i, c0 + j, next);
    }
  }
  if (type === "PASTE_NORMAL" || type === "PASTE_NO_BORDERS") {
    source.sheet.merges = source.sheet.merges.filter((m) => !movedMerges.includes(m));
    target.merges = target.merges.filter((m) => !intersects(m, dest));
    for (const m of movedMerges) {
      target.merges.push({
        sheetId: target.sheetId,
        startRowIndex: (m.startRowIndex ?? 0) - source.r0 + r0,
        endRowIndex: (m.endRowIndex ?? 0) - source.r0 + r0,
        startColumnIndex: (m.startColumnIndex ?? 0) - source.c0 + c0,
        endColumnIndex: (m.endColumnIndex ?? 0) - source.c0 + c0,
      });
    }
  }
  return undefined;
};

export const CUT_PASTE_HANDLERS: Record<string, RequestHandler> = { cutPaste };
