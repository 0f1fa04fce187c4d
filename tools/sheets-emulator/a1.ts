import { unableToParseRange } from "./errors";

/** Google's widest grid: column ZZZ (sheets-api.md §1.6). */
export const MAX_COLUMNS = 18_278;
export const MAX_ROWS = 10_000_000;

/**
 * A parsed A1/R1C1 range before it is bound to a grid. Indices are 0-based and end-exclusive;
 * undefined means "open" on that side (A:A has no row bounds, Sheet1 has none at all).
 */
export interface RangeRef {
  /** Sheet title as written (unquoted); undefined = the first visible sheet. */
  sheetTitle?: string;
  startRow?: number;
  endRow?: number;
  startCol?: number;
  endCol?: number;
}

/** 0-based column index → letters (0 → A, 25 → Z, 26 → AA). */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Letters → 0-based column index (A → 0); case-insensitive. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL_LIKE = /^[A-Za-z]{1,3}[0-9]*$/;
const R1C1_LIKE = /^[Rr][0-9]*[Cc]?[0-9]*$/;
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Quotes a title the way Google does in response ranges (sheets-api.md §1.4-4): `Sheet1` stays bare,
 * anything that is not a plain identifier or could be read as a cell/column/R1C1 reference (`D3`) is
 * quoted, with apostrophes doubled. A CJK title such as 建议台账 therefore comes back quoted.
 */
export function quoteTitle(title: string): string {
  if (PLAIN_NAME.test(title) && !CELL_LIKE.test(title) && !R1C1_LIKE.test(title)) return title;
  return `'${title.replaceAll("'", "''")}'`;
}

interface Endpoint {
  row?: number;
  col?: number;
}

const A1_ENDPOINT = /^\$?([A-Za-z]{1,3})?\$?([0-9]+)?$/;
const R1C1_ENDPOINT = /^[Rr]([0-9]+)[Cc]([0-9]+)$/;

function parseEndpoint(text: string, r1c1: boolean): Endpoint | undefined {
  if (r1c1) {
    const m = R1C1_ENDPOINT.exec(text);
    if (!m) return undefined;
    const row = Number(m[1]) - 1;
    const col = Number(m[2]) - 1;
    return row < 0 || col < 0 ? undefined : { row, col };
  }
  const m = A1_ENDPOINT.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const endpoint: Endpoint = {};
  if (m[1] !== undefined) endpoint.col = columnIndex(m[1]);
  if (m[2] !== undefined) {
    endpoint.row = Number(m[2]) - 1;
    if (endpoint.row < 0) return undefined;
  }
  return endpoint;
}

/** Parses the part after "!" (or a bare cell range on the first sheet); undefined when it is not one. */
export function parseCellPart(text: string): Omit<RangeRef, "sheetTitle"> | undefined {
  const parts = text.split(":");
  if (parts.length > 2 || text.length === 0) return undefined;
  const r1c1 = parts.every((p) => R1C1_ENDPOINT.test(p));
  const start = parseEndpoint(parts[0] ?? "", r1c1);
  if (!start) return undefined;
  if (parts.length === 1) {
    // A single reference must be a whole cell: "A" or "1" alone is not a range.
    if (start.row === undefined || start.col === undefined) return undefined;
    return { startRow: start.row, endRow: start.row + 1, startCol: start.col, endCol: start.col + 1 };
  }
  const end = parseEndpoint(parts[1] ?? "", r1c1);
  if (!end) return undefined;
  // "A:1" mixes a column-only and a row-only endpoint, which names nothing.
  if (
    (start.row === undefined && end.col === undefined) ||
    (start.col === undefined && end.row === undefined)
  ) {
    return undefined;
  }
  const ref: Omit<RangeRef, "sheetTitle"> = {};
  const rows = orderPair(start.row, end.row);
  const cols = orderPair(start.col, end.col);
  if (rows.lo !== undefined) ref.startRow = rows.lo;
  if (rows.hi !== undefined) ref.endRow = rows.hi + 1;
  if (cols.lo !== undefined) ref.startCol = cols.lo;
  if (cols.hi !== undefined) ref.endCol = cols.hi + 1;
  if (ref.endCol !== undefined && ref.endCol > MAX_COLUMNS) return undefined;
  if (ref.endRow !== undefined && ref.endRow > MAX_ROWS) return undefined;
  return ref;
}

/** B2:A1 is accepted and means A1:B2; an open side stays open ("A5:A" keeps no end row). */
function orderPair(a: number | undefined, b: number | undefined): { lo?: number; hi?: number } {
  if (a !== undefined && b !== undefined) return { lo: Math.min(a, b), hi: Math.max(a, b) };
  return { lo: a, hi: b };
}

/**
 * Parses A1 notation as Google accepts it: `Sheet1`, `'My sheet'`, `'建议台账'!A2:AH`, `A1:B2` (first
 * sheet), `Sheet1!A:A`, `1:2`, `A5:A`, `R1C1:R2C2`, quoted names with doubled apostrophes.
 * Throws "Unable to parse range: <input>" for anything else.
 */
export function parseA1(input: string): RangeRef {
  if (input.startsWith("'")) {
    let i = 1;
    let title = "";
    for (;;) {
      const ch = input[i];
      if (ch === undefined) throw unableToParseRange(input);
      if (ch === "'") {
        if (input[i + 1] === "'") {
          title += "'";
          i += 2;
          continue;
        }
        break;
      }
      title += ch;
      i += 1;
    }
    const rest = input.slice(i + 1);
    if (title.length === 0) throw unableToParseRange(input);
    if (rest.length === 0) return { sheetTitle: title };
    if (!rest.startsWith("!")) throw unableToParseRange(input);
    const cells = parseCellPart(rest.slice(1));
    if (!cells) throw unableToParseRange(input);
    return { sheetTitle: title, ...cells };
  }
  const bang = input.lastIndexOf("!");
  if (bang >= 0) {
    const title = input.slice(0, bang);
    const cells = parseCellPart(input.slice(bang + 1));
    if (!cells || title.length === 0 || title.includes("'")) throw unableToParseRange(input);
    return { sheetTitle: title, ...cells };
  }
  // A bare "A1" is a cell of the first sheet, never the sheet titled "A1" (Google's own tip).
  const cells = parseCellPart(input);
  if (cells) return cells;
  if (input.length === 0 || input.includes("'")) throw unableToParseRange(input);
  return { sheetTitle: input };
}

/** The A1 text of a rectangle without the sheet: "A1" for one cell, "A1:B2" otherwise. */
export function cellsA1(r0: number, r1: number, c0: number, c1: number): string {
  const start = `${columnLetters(c0)}${r0 + 1}`;
  if (r1 - r0 === 1 && c1 - c0 === 1) return start;
  return `${start}:${columnLetters(c1 - 1)}${r1}`;
}

/** A1 text that may have open sides, as Google prints them in grid-limit errors ("T!A1001:B"). */
export function openA1(ref: RangeRef): string {
  const start = `${ref.startCol !== undefined ? columnLetters(ref.startCol) : "A"}${
    ref.startRow !== undefined ? ref.startRow + 1 : ref.startCol !== undefined ? 1 : ""
  }`;
  const end = `${ref.endCol !== undefined ? columnLetters(ref.endCol - 1) : ""}${
    ref.endRow !== undefined ? ref.endRow : ""
  }`;
  if (
    ref.endRow !== undefined &&
    ref.endCol !== undefined &&
    ref.endRow - (ref.startRow ?? 0) === 1 &&
    ref.endCol - (ref.startCol ?? 0) === 1
  ) {
    return start;
  }
  return end.length > 0 ? `${start}:${end}` : start;
}
