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
  /**
   * For an id parse() refused: its year and sequence when it reads like this format's output with
   * the separators (- / . _ : · space) between its parts left out, replaced or added, as 2025001,
   * 2025/001 or 2025 001 for `{年}-{序号:3}` (an office's ledger imported from Excel). A person reads
   * 2025001 and 2025-001 as one number: the floors must count it. Kept strict: the year is a
   * plausible one (PLAUSIBLE_YEARS) and the sequence has at least the format's width of digits.
   */
  parseAlike(id: string): { year: number | null; seq: number } | null;
  /**
   * The format written the way such an id is (`{年}{序号:3}` for 2025001), to suggest to staff; null
   * for an id parseAlike refuses.
   */
  sourceLike(id: string): string | null;
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

/**
 * What separates the parts of a 编号 as it reads (idReading has turned － — ／ ． ： into ASCII):
 * one run of up to three of them, or none, stands for any other between the same two parts.
 */
const SEPARATOR = /[-_/.:·\u3000 ]/;
const LOOSE_SEPARATOR = "([-_/.:·\\u3000 ]{0,3})";
/**
 * Years a 编号 written otherwise than the format may name: the reading is only trusted for these,
 * so 1234567 is not taken for year 1234 (suggestions from the 1980s on may be imported).
 */
const PLAUSIBLE_YEARS = { min: 1980, max: 2099 } as const;

type FormatPart = { literal: string } | { year: true } | { pad: number };

/**
 * How the format reads with its separators free: its parts (the tokens and each run of other
 * literal text) with a free separator between each two, the leading and trailing separators kept
 * as written. Null for a format of one part (`{序号:3}`), which has nothing to leave out.
 */
function loosePatternOf(parts: readonly FormatPart[]) {
  type Unit = { text: string; reading: string } | { year: true } | { pad: number };
  const units: Unit[] = [];
  let lead = "";
  let trail = "";
  for (const part of parts) {
    if (!("literal" in part)) {
      units.push(part);
      trail = "";
      continue;
    }
    for (const ch of part.literal) {
      const reading = idReading(ch);
      if (SEPARATOR.test(reading)) {
        if (units.length === 0) lead += reading;
        else trail += reading;
        continue;
      }
      const last = units.at(-1);
      if (last && "text" in last && trail === "") {
        units[units.length - 1] = { text: last.text + ch, reading: last.reading + reading };
      } else units.push({ text: ch, reading });
      trail = "";
    }
  }
  if (units.length < 2) return null;
  const quoted = (text: string) => text.replace(REGEX_SPECIALS, "\\$&");
  let pattern = `^${quoted(lead)}`;
  let group = 0;
  let yearGroup = 0;
  let seqGroup = 0;
  const separatorGroups: number[] = [];
  for (const [i, unit] of units.entries()) {
    if (i > 0) {
      pattern += LOOSE_SEPARATOR;
      separatorGroups.push(++group);
    }
    if ("text" in unit) pattern += quoted(unit.reading);
    else if ("year" in unit) {
      pattern += "(\\d{4})";
      yearGroup = ++group;
    } else {
      pattern += unit.pad > 0 ? `(\\d{${unit.pad},})` : "(\\d+)";
      seqGroup = ++group;
    }
  }
  pattern += `${quoted(trail)}$`;
  const unitSource = (unit: Unit, seqText: string) => {
    if ("text" in unit) return unit.text;
    if ("year" in unit) return "{年}";
    // 20250001 for {序号:3}: the office pads to 4 digits.
    const pad = seqText.startsWith("0") ? Math.max(unit.pad, seqText.length) : unit.pad;
    return pad > 0 ? `{序号:${pad}}` : "{序号}";
  };
  return {
    regex: new RegExp(pattern),
    /** Year (null without {年}) and sequence of a match, null for an implausible year. */
    read(match: RegExpExecArray): { year: number | null; seq: number } | null {
      const year = yearGroup > 0 ? Number(match[yearGroup]) : null;
      if (year !== null && (year < PLAUSIBLE_YEARS.min || year > PLAUSIBLE_YEARS.max)) return null;
      return { year, seq: Number(match[seqGroup]) };
    },
    /** The format written with the separators and the padding of a match. */
    source(match: RegExpExecArray): string {
      const seqText = match[seqGroup] ?? "";
      const written = units.map((unit, i) => {
        const separator = i > 0 ? (match[separatorGroups[i - 1] ?? 0] ?? "") : "";
        return separator + unitSource(unit, seqText);
      });
      return lead + written.join("") + trail;
    },
  };
}

/** Validates and compiles a format once; the regex for parsing is built here, not per id. */
export function compileIdFormat(source: string): IdFormatResult {
  const text = source.trim();
  if (text === "" || text.length > 50)
    return { ok: false, message: "编号格式不能为空，也不能超过 50 个字符" };
  const parts: FormatPart[] = [];
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
  const loose = loosePatternOf(parts);
  const looseMatch = (id: string) => (loose ? loose.regex.exec(idReading(id.trim())) : null);
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
    parseAlike(id) {
      const match = looseMatch(id);
      return match && loose ? loose.read(match) : null;
    },
    sourceLike(id) {
      const match = looseMatch(id);
      return match && loose?.read(match) ? loose.source(match) : null;
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
      // 2025001 beside a format {年}-{序号:3} holds 2025's 001 too (parseAlike).
      const parsed = format.parse(trimmed) ?? format.parseAlike(trimmed);
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
