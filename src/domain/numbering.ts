/**
 * 编号 from 设置 编号格式: `{年}` is a four-digit year, `{序号:N}` the sequence padded to N digits,
 * `{序号}` unpadded; everything else is literal text. With `{年}` the sequence restarts every year;
 * without it the sequence runs on across years so numbers never collide.
 */
export interface IdFormat {
  readonly source: string;
  readonly hasYear: boolean;
  format(year: number, seq: number): string;
  /** Year and sequence of an id written in this format, or null for any other text. */
  parse(id: string): { year: number | null; seq: number } | null;
}

export type IdFormatResult = { ok: true; format: IdFormat } | { ok: false; message: string };

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
  let last = 0;
  let years = 0;
  let seqs = 0;
  for (const match of text.matchAll(TOKEN)) {
    const literal = text.slice(last, match.index);
    parts.push({ literal });
    pattern += literal.replace(REGEX_SPECIALS, "\\$&");
    const name = (match[1] ?? "").trim();
    const seq = SEQ_TOKEN.exec(name);
    if (name === "年") {
      years += 1;
      parts.push({ year: true });
      pattern += "(\\d{4})";
    } else if (seq) {
      seqs += 1;
      const pad = seq[1] ? Number(seq[1]) : 0;
      parts.push({ pad });
      pattern += pad > 0 ? `(\\d{${pad},})` : "(\\d+)";
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
  if (seqs !== 1)
    return { ok: false, message: "编号格式必须恰好含一个 {序号}（或 {序号:3} 这样的补位写法）" };
  if (years > 1) return { ok: false, message: "编号格式中 {年} 只能出现一次" };
  const regex = new RegExp(pattern);
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
    parse(id) {
      const match = regex.exec(id.trim());
      if (!match) return null;
      if (years === 0) return { year: null, seq: Number(match[1]) };
      const [year, seq] = yearFirst ? [match[1], match[2]] : [match[2], match[1]];
      return { year: Number(year), seq: Number(seq) };
    },
  };
  return { ok: true, format };
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
