/**
 * 编号 from 设置 编号格式: `{年}` is a four-digit year, `{序号:N}` the sequence padded to N digits,
 * `{序号}` unpadded; everything else is literal text. With `{年}` the sequence restarts every year;
 * without it the sequence runs on across years so numbers never collide.
 */
export interface IdFormat {
  readonly source: string;
  readonly hasYear: boolean;
  format(year: number, seq: number): string;
  /**
   * Year and sequence of an id written in this format, or null for any other text. Typed with a
   * Chinese IME (2026－240, ２０２６-240) it reads as its ASCII form: the sequence floor must count
   * it, or the next number handed out would be the one it already holds.
   */
  parse(id: string): { year: number | null; seq: number } | null;
  /** The IME characters (IME_ID_CHARS) the format itself writes, which are never an id's mistake. */
  readonly imeChars: ReadonlySet<string>;
}

export type IdFormatResult = { ok: true; format: IdFormat } | { ok: false; message: string };

/**
 * What a Chinese IME types for the ASCII of a 编号: full-width digits and letters, －／．： (as in
 * dates and numbers, README "Ledger rules"), and the dashes that look like "-" (‐ ‑ ‒ – — ― − ﹣).
 */
const IME_ID_CHARS = /[０-９Ａ-Ｚａ-ｚ－／．：\u2010-\u2015\u2212\ufe63]/g;
const DASHES = /[\u2010-\u2015\u2212\ufe63]/;
/** The fast path: an ASCII 编号 (nearly all of them) is tested once and never rewritten. */
const NON_ASCII = /[\u0080-\uffff]/;

const asciiOf = (ch: string): string =>
  DASHES.test(ch) ? "-" : String.fromCharCode(ch.charCodeAt(0) - 0xfee0);

/** Whether a 编号 is plain ASCII, and so cannot read alike another in IME characters. */
export function isAsciiId(id: string): boolean {
  return !NON_ASCII.test(id);
}

/**
 * A 编号 as it reads (2026－240 and ２０２６—240 both read 2026-240): for comparing and numbering
 * only, never written back (the system does not change what staff typed).
 */
export function idReading(id: string): string {
  return NON_ASCII.test(id) ? id.replace(IME_ID_CHARS, asciiOf) : id;
}

const TOKEN = /\{([^{}]*)\}/g;
const SEQ_TOKEN = /^序号(?::([1-9]))?$/;
const REGEX_SPECIALS = /[.*+?^${}()|[\]\\]/g;

/** Validates and compiles a format once; the regex for parsing is built here, not per id. */
export function compileIdFormat(source: string): IdFormatResult {
  const text = source.trim();
  if (text === "" || text.length > 50)
    return { ok: false, message: "编号格式不能为空，也不能超过 50 个字符" };
  const parts: ({ literal: string } | { year: true } | { pad: number })[] = [];
  let pattern = "^";
  // The same pattern over the literals as they read, for an id typed with IME characters.
  let readingPattern = "^";
  let last = 0;
  let years = 0;
  let seqs = 0;
  for (const match of text.matchAll(TOKEN)) {
    const literal = text.slice(last, match.index);
    parts.push({ literal });
    pattern += literal.replace(REGEX_SPECIALS, "\\$&");
    readingPattern += idReading(literal).replace(REGEX_SPECIALS, "\\$&");
    const name = (match[1] ?? "").trim();
    const seq = SEQ_TOKEN.exec(name);
    if (name === "年") {
      years += 1;
      parts.push({ year: true });
      pattern += "(\\d{4})";
      readingPattern += "(\\d{4})";
    } else if (seq) {
      seqs += 1;
      const pad = seq[1] ? Number(seq[1]) : 0;
      parts.push({ pad });
      const digits = pad > 0 ? `(\\d{${pad},})` : "(\\d+)";
      pattern += digits;
      readingPattern += digits;
    } else {
      return {
        ok: false,
        message: `编号格式中的“{${name}}”无法识别：只能用 {年}、{序号} 或 {序号:3} 这样的写法`,
      };
    }
    last = (match.index ?? 0) + match[0].length;
  }
  const tail = text.slice(last);
  if (
    tail.includes("{") ||
    tail.includes("}") ||
    parts.some((p) => "literal" in p && /[{}]/.test(p.literal))
  ) {
    return { ok: false, message: "编号格式中有不成对的大括号：请写成 {年}-{序号:3} 这样的形式" };
  }
  parts.push({ literal: tail });
  pattern += `${tail.replace(REGEX_SPECIALS, "\\$&")}$`;
  readingPattern += `${idReading(tail).replace(REGEX_SPECIALS, "\\$&")}$`;
  if (seqs !== 1)
    return { ok: false, message: "编号格式必须恰好含一个 {序号}（或 {序号:3} 这样的补位写法）" };
  if (years > 1) return { ok: false, message: "编号格式中 {年} 只能出现一次" };
  const regex = new RegExp(pattern);
  // A format written with IME characters of its own (2026－001) still counts 2026-240 typed in ASCII.
  const readingRegex = new RegExp(readingPattern);
  const readsOtherwise = readingPattern !== pattern;
  const yearFirst = text.indexOf("{年}") >= 0 && text.indexOf("{年}") < text.search(/\{\s*序号/);
  const format: IdFormat = {
    source: text,
    hasYear: years === 1,
    format(year, seq) {
      return parts
        .map((part) =>
          "literal" in part
            ? part.literal
            : "year" in part
              ? String(year)
              : String(seq).padStart(part.pad, "0"),
        )
        .join("");
    },
    imeChars: new Set(text.match(IME_ID_CHARS) ?? []),
    parse(id) {
      const trimmed = id.trim();
      const match =
        regex.exec(trimmed) ??
        (readsOtherwise || NON_ASCII.test(trimmed) ? readingRegex.exec(idReading(trimmed)) : null);
      if (!match) return null;
      if (years === 0) return { year: null, seq: Number(match[1]) };
      const [year, seq] = yearFirst ? [match[1], match[2]] : [match[2], match[1]];
      return { year: Number(year), seq: Number(seq) };
    },
  };
  return { ok: true, format };
}

/**
 * The IME characters of a typed 编号 that the format does not write itself (全角 ２ or －, a dash
 * such as —), each once, and the 编号 with those read as ASCII; null for an ASCII 编号 (at the cost
 * of one regex test) and for one the system could have written.
 */
export function imeCharsOf(format: IdFormat, id: string): { chars: string[]; ascii: string } | null {
  if (!NON_ASCII.test(id)) return null;
  const chars: string[] = [];
  const ascii = id.replace(IME_ID_CHARS, (ch) => {
    if (format.imeChars.has(ch)) return ch;
    if (!chars.includes(ch)) chars.push(ch);
    return asciiOf(ch);
  });
  return chars.length > 0 ? { chars, ascii } : null;
}

/**
 * 编号 that read alike (idReading) though typed apart, as 2026－240 and 2026-240: each of a group
 * of two or more → the sheet rows of the whole group, in order. `nonAscii` lists the typed 编号
 * with a non-ASCII character (only those read otherwise than typed: usually none, and then
 * nothing is built); `rowsOf` gives the rows typing a 编号.
 */
export function alikeIdRows(
  nonAscii: readonly string[],
  rowsOf: (id: string) => readonly number[] | undefined,
): Map<string, readonly number[]> {
  const out = new Map<string, readonly number[]>();
  if (nonAscii.length === 0) return out;
  const groups = new Map<string, Set<string>>();
  for (const id of nonAscii) {
    const reading = idReading(id);
    if (reading === id) continue;
    const group = groups.get(reading);
    if (group) group.add(id);
    else groups.set(reading, new Set(rowsOf(reading) ? [reading, id] : [id]));
  }
  for (const group of groups.values()) {
    if (group.size < 2) continue;
    const rows = [...group].flatMap((id) => rowsOf(id) ?? []).sort((a, b) => a - b);
    for (const id of group) out.set(id, rows);
  }
  return out;
}

/** The default format `{年}-{序号:3}` (2025-007). */
export const DEFAULT_ID_FORMAT = "{年}-{序号:3}";

/** Formats a 编号. */
export function formatId(format: IdFormat, year: number, seq: number): string {
  return format.format(year, seq);
}

/** Parses a 编号 written in the format. */
export function parseId(format: IdFormat, id: string): { year: number | null; seq: number } | null {
  return format.parse(id);
}

/**
 * Hands out new 编号 after the highest sequence already used (per year, or overall when the format
 * has no {年}), skipping any text already taken, so a number is never reused. `existing` should
 * include the sheet's ids and any the store remembers from deleted rows.
 */
export function createIdAllocator(
  format: IdFormat,
  existing: Iterable<string> | (() => Iterable<string>),
): { next(year: number): string } {
  // Most syncs number no row at all (every 编号 was written by an earlier sync), so the existing
  // ids are only listed and parsed when a first number is asked for.
  let state: { taken: Set<string>; maxSeq: Map<number | null, number> } | null = null;
  function scan(): { taken: Set<string>; maxSeq: Map<number | null, number> } {
    const taken = new Set<string>();
    const maxSeq = new Map<number | null, number>();
    for (const id of typeof existing === "function" ? existing() : existing) {
      const trimmed = id.trim();
      taken.add(trimmed);
      const parsed = format.parse(trimmed);
      if (!parsed) continue;
      const key = format.hasYear ? parsed.year : null;
      maxSeq.set(key, Math.max(maxSeq.get(key) ?? 0, parsed.seq));
    }
    return { taken, maxSeq };
  }
  return {
    next(year) {
      state ??= scan();
      const { taken, maxSeq } = state;
      const key = format.hasYear ? year : null;
      let seq = (maxSeq.get(key) ?? 0) + 1;
      let id = format.format(year, seq);
      while (taken.has(id)) {
        seq += 1;
        id = format.format(year, seq);
      }
      maxSeq.set(key, seq);
      taken.add(id);
      return id;
    },
  };
}
