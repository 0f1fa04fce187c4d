import { columnLetters } from "../a1";
import { Evaluator } from "../formula-eval";
import { FormulaError } from "../formula-values";
import { getCell } from "../grid";
import { isDateFormat, numberFormatOf } from "../number-format";
import { formattedValue } from "../render";
import { DEFAULT_COLUMN_PIXELS, DEFAULT_ROW_PIXELS } from "../spreadsheet-defaults";
import type { SheetModel, SpreadsheetModel } from "../types";
import { classesOf, cssOf, lookOf } from "./cell-style";
import { conditionalFormat } from "./conditional";
import { esc } from "./html";
import { type PageRule, RuleBook, satisfies } from "./validation";

/** Empty rows shown below the data, so there is room to type (Google shows the whole grid). */
const SPARE_ROWS = 100;

/** The last row holding a value, + 1 (formats and dropdowns often run down to the end of the grid). */
function valueRowExtent(sheet: SheetModel): number {
  for (let r = sheet.rows.length - 1; r >= 0; r--) {
    if (sheet.rows[r]?.some((cell) => cell?.userEnteredValue !== undefined)) return r + 1;
  }
  return 0;
}
export const HEADER_PX = 24;
export const ROW_HEADER_PX = 46;

export interface ProtectedArea {
  r0: number;
  r1: number | null;
  c0: number;
  c1: number | null;
  warningOnly: boolean;
  description: string;
}

export interface GridMeta {
  gid: number;
  title: string;
  rowCount: number;
  columnCount: number;
  frozenRows: number;
  frozenColumns: number;
  renderedRows: number;
  revision: number;
  protectedAreas: ProtectedArea[];
  merges: { r0: number; r1: number; c0: number; c1: number }[];
  rules: PageRule[];
}

export interface GridView {
  html: string;
  meta: GridMeta;
}

function mergeMaps(sheet: SheetModel) {
  const anchors = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    const r0 = m.startRowIndex ?? 0;
    const c0 = m.startColumnIndex ?? 0;
    const r1 = m.endRowIndex ?? r0 + 1;
    const c1 = m.endColumnIndex ?? c0 + 1;
    let rows = 0;
    for (let r = r0; r < r1; r++) if (!sheet.rowProps[r]?.hiddenByUser) rows += 1;
    let cols = 0;
    for (let c = c0; c < c1; c++) if (!sheet.columnProps[c]?.hiddenByUser) cols += 1;
    anchors.set(`${r0},${c0}`, { rows, cols });
    for (let r = r0; r < r1; r++)
      for (let c = c0; c < c1; c++) if (r !== r0 || c !== c0) covered.add(`${r},${c}`);
  }
  return { anchors, covered };
}

/** What the formula bar and the cell editor start from: the formula, or the value as typed. */
function editText(sheet: SheetModel, r: number, c: number, shown: string): string {
  const cell = getCell(sheet, r, c);
  const uev = cell?.userEnteredValue;
  if (!uev) return "";
  if (uev.formulaValue !== undefined) return uev.formulaValue;
  if (uev.boolValue !== undefined) return uev.boolValue ? "TRUE" : "FALSE";
  if (uev.numberValue !== undefined && !isDateFormat(numberFormatOf(cell))) return String(uev.numberValue);
  return uev.stringValue ?? shown;
}

/** The grid of one sheet as HTML (a fixed-layout table; frozen rows and columns are sticky). */
export function renderGrid(
  ss: SpreadsheetModel,
  sheet: SheetModel,
  nowMs: number,
  revision: number,
  allRows = false,
): GridView {
  const ev = new Evaluator(ss, nowMs);
  const book = new RuleBook(ss, ev);
  const { rowCount, columnCount, frozenRowCount = 0, frozenColumnCount = 0 } = sheet.gridProperties;
  const renderedRows = allRows
    ? rowCount
    : Math.min(rowCount, Math.max(valueRowExtent(sheet), frozenRowCount) + SPARE_ROWS);
  const widths = Array.from(
    { length: columnCount },
    (_, c) => sheet.columnProps[c]?.pixelSize ?? DEFAULT_COLUMN_PIXELS,
  );
  const columns = widths.map((_, c) => c).filter((c) => !sheet.columnProps[c]?.hiddenByUser);
  const { anchors, covered } = mergeMaps(sheet);
  const leftOf = new Map<number, number>();
  let left = ROW_HEADER_PX;
  for (const c of columns) {
    if (c < frozenColumnCount) leftOf.set(c, left);
    left += widths[c] ?? DEFAULT_COLUMN_PIXELS;
  }
  const out: string[] = [];
  out.push(`<table class="grid" style="width:${left}px"><colgroup><col style="width:${ROW_HEADER_PX}px">`);
  for (const c of columns) out.push(`<col style="width:${widths[c]}px">`);
  out.push('</colgroup><thead><tr><th class="corner"></th>');
  for (const c of columns) {
    const sticky = leftOf.has(c) ? ` fc" style="left:${leftOf.get(c)}px` : "";
    out.push(`<th class="ch${sticky}" data-c="${c}">${columnLetters(c)}</th>`);
  }
  out.push("</tr></thead><tbody>");
  let top = HEADER_PX;
  for (let r = 0; r < renderedRows; r++) {
    const props = sheet.rowProps[r];
    if (props?.hiddenByUser) continue;
    const height = props?.pixelSize ?? DEFAULT_ROW_PIXELS;
    const frozen = r < frozenRowCount;
    const rowSticky = frozen ? `top:${top}px;` : "";
    const last = frozen && r === frozenRowCount - 1 ? ' class="last-frozen"' : "";
    out.push(`<tr data-r="${r}"${last} style="height:${height}px">`);
    out.push(`<th class="rh${frozen ? " fr" : ""}"${frozen ? ` style="${rowSticky}"` : ""}>${r + 1}</th>`);
    for (const c of columns) {
      const key = `${r},${c}`;
      if (covered.has(key)) continue;
      out.push(
        cellHtml(sheet, ev, book, r, c, { frozen, rowSticky, left: leftOf.get(c), span: anchors.get(key) }),
      );
    }
    out.push("</tr>");
    if (frozen) top += height;
  }
  out.push("</tbody></table>");
  if (renderedRows < rowCount) {
    out.push(
      `<div class="more">共 ${rowCount} 行，已显示前 ${renderedRows} 行。<button type="button" data-action="all-rows">显示全部行</button></div>`,
    );
  }
  return {
    html: out.join(""),
    meta: {
      gid: sheet.sheetId,
      title: sheet.title,
      rowCount,
      columnCount,
      frozenRows: frozenRowCount,
      frozenColumns: frozenColumnCount,
      renderedRows,
      revision,
      protectedAreas: sheet.protectedRanges.map((pr) => ({
        r0: pr.range.startRowIndex ?? 0,
        r1: pr.range.endRowIndex ?? null,
        c0: pr.range.startColumnIndex ?? 0,
        c1: pr.range.endColumnIndex ?? null,
        warningOnly: pr.warningOnly === true,
        description: pr.description ?? "",
      })),
      merges: sheet.merges.map((m) => ({
        r0: m.startRowIndex ?? 0,
        r1: m.endRowIndex ?? 0,
        c0: m.startColumnIndex ?? 0,
        c1: m.endColumnIndex ?? 0,
      })),
      rules: book.rules,
    },
  };
}

interface Placement {
  frozen: boolean;
  rowSticky: string;
  left: number | undefined;
  span: { rows: number; cols: number } | undefined;
}

function cellHtml(
  sheet: SheetModel,
  ev: Evaluator,
  book: RuleBook,
  r: number,
  c: number,
  at: Placement,
): string {
  const cell = getCell(sheet, r, c);
  const value = cell?.userEnteredValue ? ev.cellValue(sheet, r, c) : null;
  const text = cell?.userEnteredValue ? (formattedValue(ev, sheet, r, c) ?? "") : "";
  const kind =
    value === null || value instanceof FormulaError
      ? text === ""
        ? "empty"
        : "text"
      : typeof value === "number"
        ? "number"
        : typeof value === "boolean"
          ? "bool"
          : "text";
  const over = sheet.conditionalFormats.length > 0 ? conditionalFormat(sheet, r, c, value, text) : undefined;
  const look = lookOf(cell?.userEnteredFormat, over);
  const classes = classesOf(look, kind);
  const attrs: string[] = [`data-c="${c}"`];
  const sticky = [at.rowSticky, at.left !== undefined ? `left:${at.left}px;` : ""].join("");
  if (at.frozen) classes.push("fr");
  if (at.left !== undefined) classes.push("fc");
  if (at.span && at.span.rows > 1) attrs.push(`rowspan="${at.span.rows}"`);
  if (at.span && at.span.cols > 1) attrs.push(`colspan="${at.span.cols}"`);
  const rule = book.of(cell?.dataValidation);
  let extra = "";
  if (rule !== undefined) {
    attrs.push(`data-v="${rule}"`);
    const pageRule = book.rules[rule];
    if (pageRule?.dropdown) extra = '<span class="dd" aria-hidden="true"></span>';
    if (pageRule && !satisfies(pageRule, text, kind === "number")) classes.push("bad");
  }
  if (cell?.note) {
    classes.push("note");
    attrs.push(`data-note="${esc(cell.note)}"`);
  }
  const edit = editText(sheet, r, c, text);
  if (edit !== text) attrs.push(`data-e="${esc(edit)}"`);
  if (classes.length > 0) attrs.push(`class="${classes.join(" ")}"`);
  const css = [sticky, cssOf(look)].filter(Boolean).join(";");
  if (css) attrs.push(`style="${esc(css)}"`);
  return `<td ${attrs.join(" ")}>${extra}${esc(text)}</td>`;
}
