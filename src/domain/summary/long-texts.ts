import type { StoredSummaryRow } from "./summary-row";

// A part of the summary is one D1 row, and D1 refuses a row (or a value) past 2,000,000 bytes
// (SQLITE_TOOBIG). A hundred rows whose long texts are at jianyi's own limit (LONG_TEXT_MAX, 5,000
// characters, 3 bytes each in UTF-8) are 7.5 MB of rows and as much of export lines: such a part
// keeps its long values and its export lines apart, in pieces of at most PIECE_CHARS characters
// (summary_pieces, migration 0029). A part of short texts (the usual) is stored as before.

/**
 * UTF-8 bytes of a part's rows (and as many of its export lines) kept in its own D1 row: the two
 * and the rest of the row (facts, list entries, index, line ends) stay under D1's 2,000,000.
 */
export const KEPT_BYTES = 700_000;

/** Whether `text` fits `bytes` in UTF-8: by its length when that tells (3 bytes at most a character). */
export function fitsKept(text: string, bytes = KEPT_BYTES): boolean {
  if (text.length * 3 <= bytes) return true;
  return text.length <= bytes && new TextEncoder().encode(text).byteLength <= bytes;
}

/** Characters of one piece: at most 1.8 MB in UTF-8, under D1's 2,000,000 bytes for a row. */
export const PIECE_CHARS = 600_000;

/**
 * The most pieces a part's rows may take, and as many its export lines (one statement each, in the
 * part's batch): a hundred rows of five long texts at jianyi's own limit take five each. More only
 * when cells hold more than jianyi allows (a cell over LONG_TEXT_MAX is kept as typed, to show it).
 */
export const MAX_PIECES = 8;

/** A value of a row's record (or an unreadable cell) this long goes to the pieces. */
const LONG_VALUE = 64;

/** How long a value is in JSON, roughly: its characters (a list: its items' and separators). */
function lengthOf(value: unknown): number {
  if (typeof value === "string") return value.length;
  if (Array.isArray(value)) return value.reduce<number>((n, item) => n + lengthOf(item) + 3, 2);
  return 0;
}

/** The long values of one row, moved out of it: record fields under `r`, unreadable cells under `u`. */
interface RowTexts {
  r?: Record<string, unknown>;
  u?: Record<string, string>;
}

function moveLong<T>(from: Partial<Record<string, T>> | undefined): Record<string, T> | null {
  if (!from) return null;
  let out: Record<string, T> | null = null;
  for (const [key, value] of Object.entries(from)) {
    if (lengthOf(value) < LONG_VALUE) continue;
    out ??= {};
    out[key] = value as T;
    delete from[key];
  }
  return out;
}

/**
 * A part's rows (JSON, as stored) ready for D1: unchanged (no pieces) while they fit KEPT_BYTES;
 * else without their long values, each such row marked `t`, and the values as pieces (JSON
 * objects: sheet row number → RowTexts), in order. Only 编号 (`i`) and the row number (`n`) of a
 * row are read by D1's queries, and loadRows puts the values back before any code reads a row.
 */
export function rowsApart(rows: string): { rows: string; pieces: string[] } {
  if (fitsKept(rows)) return { rows, pieces: [] };
  const parsed = JSON.parse(rows) as StoredSummaryRow[];
  const entries: string[] = [];
  for (const row of parsed) {
    const texts: RowTexts = {};
    const r = moveLong(row.r);
    const u = moveLong(row.u);
    if (r) texts.r = r;
    if (u) texts.u = u;
    if (!r && !u) continue;
    if (row.u && Object.keys(row.u).length === 0) delete row.u;
    row.t = 1;
    entries.push(`${JSON.stringify(String(row.n))}:${JSON.stringify(texts)}`);
  }
  const pieces = packEntries(entries, "{", "}").map((p) => p.text);
  return { rows: JSON.stringify(parsed), pieces };
}

/**
 * JSON entries (object members, array items) packed in order into pieces of at most PIECE_CHARS
 * characters, each between `open` and `close` (an entry longer than that is a piece of its own),
 * with how many entries each holds. Shared by a part's long values and a tab kept in pieces
 * (tab-cache.ts): JSON of 3 bytes a character at most, so a piece is under D1's 2,000,000 bytes.
 */
export function packEntries(
  entries: readonly string[],
  open: string,
  close: string,
): { text: string; count: number }[] {
  const pieces: { text: string; count: number }[] = [];
  let piece: string[] = [];
  let chars = 0;
  for (const entry of entries) {
    if (piece.length > 0 && chars + entry.length > PIECE_CHARS) {
      pieces.push({ text: `${open}${piece.join(",")}${close}`, count: piece.length });
      piece = [];
      chars = 0;
    }
    piece.push(entry);
    chars += entry.length + 1;
  }
  if (piece.length > 0) pieces.push({ text: `${open}${piece.join(",")}${close}`, count: piece.length });
  return pieces;
}

/** Whether any of these stored rows has its long values in the pieces (rowsApart's mark). */
export function hasTextsApart(rows: readonly StoredSummaryRow[]): boolean {
  return rows.some((row) => row.t === 1);
}

/** Puts the long values of the pieces (rowsApart's, JSON) back into the marked rows, in place. */
export function putTextsBack(rows: readonly StoredSummaryRow[], pieces: readonly string[]): void {
  const texts = new Map<string, RowTexts>();
  for (const piece of pieces)
    for (const [n, value] of Object.entries(JSON.parse(piece) as Record<string, RowTexts>))
      texts.set(n, value);
  for (const row of rows) {
    if (row.t !== 1) continue;
    const apart = texts.get(String(row.n));
    delete row.t;
    if (!apart) continue;
    if (apart.r) Object.assign(row.r, apart.r);
    if (apart.u) row.u = { ...row.u, ...apart.u };
  }
}

/**
 * `text` in pieces of at most PIECE_CHARS characters, none cutting a character in two (a
 * surrogate pair), so their UTF-8 bytes joined are the text's: the export lines' ends stay true.
 * Empty when the text fits KEPT_BYTES (stored in the part's own row, as before).
 */
export function textPieces(text: string): string[] {
  if (fitsKept(text)) return [];
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + PIECE_CHARS, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}
