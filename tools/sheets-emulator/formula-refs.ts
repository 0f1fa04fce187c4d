import { columnIndex, columnLetters, quoteTitle } from "./a1";
import { FormulaParseError, tokenize } from "./formula-parser";
import type { ShiftDimension } from "./protection";
import { findSheetByTitle } from "./ranges";
import type { SheetModel, SpreadsheetModel } from "./types";

interface Endpoint {
  colAbs: string;
  col?: number;
  rowAbs: string;
  row?: number;
}

const ENDPOINT = /^(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?$/;

function parseEndpoint(text: string): Endpoint | undefined {
  const m = ENDPOINT.exec(text);
  if (!m) return undefined;
  const endpoint: Endpoint = { colAbs: m[1] ?? "", rowAbs: m[3] ?? "" };
  if (m[2] !== undefined) endpoint.col = columnIndex(m[2]);
  if (m[4] !== undefined) endpoint.row = Number(m[4]) - 1;
  return endpoint;
}

function printEndpoint(e: Endpoint): string {
  const col = e.col !== undefined ? `${e.colAbs}${columnLetters(e.col)}` : "";
  const row = e.row !== undefined ? `${e.rowAbs}${e.row + 1}` : "";
  return col + row;
}

/** Shifts one reference's text; undefined when the cells it names were deleted (#REF!). */
function shiftRefText(
  text: string,
  dimension: ShiftDimension,
  at: number,
  count: number,
): string | undefined {
  const parts = text.split(":").map(parseEndpoint);
  if (parts.some((p) => p === undefined)) return text;
  const endpoints = parts as Endpoint[];
  const key = dimension === "ROWS" ? "row" : "col";
  const first = endpoints[0];
  const last = endpoints[endpoints.length - 1];
  if (!first || !last) return text;
  const start = first[key];
  const end = last[key];
  if (start === undefined || end === undefined) return text;
  if (count > 0) {
    if (start >= at) first[key] = start + count;
    if (end >= at && last !== first) last[key] = end + count;
    return endpoints.map(printEndpoint).join(":");
  }
  const removed = -count;
  const gone = (i: number) => i >= at && i < at + removed;
  if (endpoints.length === 1) {
    if (gone(start)) return undefined;
    if (start >= at + removed) first[key] = start - removed;
    return printEndpoint(first);
  }
  const newStart = start < at ? start : gone(start) ? at : start - removed;
  const newEnd = end < at ? end : gone(end) ? at - 1 : end - removed;
  if (newEnd < newStart) return undefined;
  first[key] = newStart;
  last[key] = newEnd;
  return endpoints.map(printEndpoint).join(":");
}

/** Rewrites every reference to `target` in a formula; `rewrite` answers undefined for #REF!. */
function rewriteRefs(
  formula: string,
  ss: SpreadsheetModel,
  home: SheetModel,
  target: SheetModel,
  rewrite: (text: string) => string | undefined,
): string {
  let tokens: ReturnType<typeof tokenize>;
  try {
    tokens = tokenize(formula.slice(1));
  } catch (e) {
    if (e instanceof FormulaParseError) return formula;
    throw e;
  }
  let out = formula;
  // Rewrite from the end so earlier positions stay valid.
  for (const token of [...tokens].reverse()) {
    if (token.t !== "ref") continue;
    const sheet = token.sheet === undefined ? home : findSheetByTitle(ss, token.sheet);
    if (sheet !== target) continue;
    const rewritten = rewrite(token.text);
    const [from, to] = rewritten === undefined ? [token.pos, token.end] : [token.cellPos, token.end];
    out = `${out.slice(0, from + 1)}${rewritten ?? "#REF!"}${out.slice(to + 1)}`;
  }
  return out;
}

/**
 * Rewrites a formula after rows/columns of `target` were inserted or deleted, so =A5 still names the
 * same data (Sheets does this for every formula that points at the changed sheet).
 */
export function shiftFormula(
  formula: string,
  ss: SpreadsheetModel,
  home: SheetModel,
  target: SheetModel,
  dimension: ShiftDimension,
  at: number,
  count: number,
): string {
  return rewriteRefs(formula, ss, home, target, (text) => shiftRefText(text, dimension, at, count));
}

/**
 * Rewrites a formula after rows/columns of `target` were moved (moveDimension): `span` takes a
 * reference's first and last index along the dimension and answers where they are now.
 */
export function remapFormula(
  formula: string,
  ss: SpreadsheetModel,
  home: SheetModel,
  target: SheetModel,
  dimension: ShiftDimension,
  span: (first: number, last: number) => [number, number],
): string {
  const key = dimension === "ROWS" ? "row" : "col";
  return rewriteRefs(formula, ss, home, target, (text) => {
    const parts = text.split(":").map(parseEndpoint);
    if (parts.some((p) => p === undefined)) return text;
    const endpoints = parts as Endpoint[];
    const first = endpoints[0];
    const last = endpoints[endpoints.length - 1];
    const [start, end] = [first?.[key], last?.[key]];
    if (!first || !last || start === undefined || end === undefined) return text;
    // A single cell (first === last) is never split by a move, so both answers are the same index.
    [first[key], last[key]] = span(start, end);
    return endpoints.map(printEndpoint).join(":");
  });
}

/** Where a cut block goes: cells of `from` land with their top-left at (r0, c0) of `sheet`. */
export interface BlockMove {
  from: { sheet: SheetModel; r0: number; r1: number; c0: number; c1: number };
  to: { sheet: SheetModel; r0: number; c0: number };
}

/** Moves one bounded reference that lies wholly inside the cut block; undefined when it does not. */
function movedRefText(text: string, move: BlockMove): string | undefined {
  const endpoints = text.split(":").map(parseEndpoint);
  if (endpoints.some((e) => e === undefined || e.row === undefined || e.col === undefined)) return undefined;
  const points = endpoints as Required<Endpoint>[];
  const { from, to } = move;
  const inside = points.every(
    (p) => p.row >= from.r0 && p.row < from.r1 && p.col >= from.c0 && p.col < from.c1,
  );
  if (!inside) return undefined;
  return points
    .map((p) => printEndpoint({ ...p, row: p.row - from.r0 + to.r0, col: p.col - from.c0 + to.c0 }))
    .join(":");
}

/**
 * Rewrites a formula for a cut and paste, as Sheets does: references to cells inside the cut block
 * follow them to where they were pasted (another sheet included), and a formula that itself moves
 * to another sheet keeps pointing at its old sheet for everything else. `finalHome` is the sheet the
 * formula's cell lives on after the move.
 */
export function moveFormulaRefs(
  formula: string,
  ss: SpreadsheetModel,
  home: SheetModel,
  finalHome: SheetModel,
  move: BlockMove,
): string {
  let tokens: ReturnType<typeof tokenize>;
  try {
    tokens = tokenize(formula.slice(1));
  } catch (e) {
    if (e instanceof FormulaParseError) return formula;
    throw e;
  }
  let out = formula;
  for (const token of [...tokens].reverse()) {
    if (token.t !== "ref") continue;
    const sheet = token.sheet === undefined ? home : findSheetByTitle(ss, token.sheet);
    const moved = sheet === move.from.sheet ? movedRefText(token.text, move) : undefined;
    let replacement: string | undefined;
    if (moved !== undefined) {
      const prefix =
        move.to.sheet === finalHome && token.sheet === undefined ? "" : `${quoteTitle(move.to.sheet.title)}!`;
      replacement = `${prefix}${moved}`;
    } else if (token.sheet === undefined && finalHome !== home) {
      replacement = `${quoteTitle(home.title)}!${token.text}`;
    }
    if (replacement !== undefined)
      out = `${out.slice(0, token.pos + 1)}${replacement}${out.slice(token.end + 1)}`;
  }
  return out;
}
