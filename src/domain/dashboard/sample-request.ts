import { toHalfWidth } from "../../../sheets-schema/cells";
import { parseDateValue } from "../../../sheets-schema/cells/date-cells";
import type { ReplyRange } from "./sample-candidates";
import type { SampleSize } from "./sampling";

/** A validated request to draw a follow-up sample. */
export interface SampleRequest {
  readonly size: SampleSize;
  /** Null: the caller makes up a seed (and shows and stores it). */
  readonly seed: string | null;
  /** Only suggestions submitted in this year (年 of 提出日期); null = every year. */
  readonly year: number | null;
  /** Only those whose latest 答复日期 lies in this range (either end open); absent: any. */
  readonly replied?: ReplyRange;
  /** 每个主办单位至少抽 1 件 (DrawOptions.atLeastOne); absent: off. */
  readonly atLeastOne?: boolean;
}

export type Invalid = {
  readonly ok: false;
  readonly code: string;
  readonly field: string;
  readonly message: string;
};
export type Parsed<T> = { readonly ok: true; readonly value: T } | Invalid;

const MAX_SEED_CHARS = 64;
const MAX_COUNT = 100_000;

const invalid = (code: string, field: string, message: string): Invalid => ({
  ok: false,
  code,
  field,
  message,
});
const shown = (text: string) => `“${text.length > 20 ? `${text.slice(0, 20)}…` : text}”`;

/** Full-width digits and ％ (a Chinese input method's) as ASCII, so that ３０％ reads as 30%. */
const halfWidth = (text: string) => toHalfWidth(text).trim();

/** A year parameter: blank or 全部 = every year; otherwise four digits, 2000–2100. */
export function parseYear(raw: string | undefined): Parsed<number | null> {
  const text = halfWidth(raw ?? "");
  if (text === "" || text === "全部") return { ok: true, value: null };
  if (!/^\d{4}$/.test(text) || Number(text) < 2000 || Number(text) > 2100) {
    return invalid(
      "invalid_year",
      "year",
      `年度须为 2000–2100 年之间的四位数字（如 2026），收到${shown(text)}`,
    );
  }
  return { ok: true, value: Number(text) };
}

function parseSize(mode: string, amount: string): Parsed<SampleSize> {
  if (mode === "count") {
    if (!/^\d+$/.test(amount) || Number(amount) < 1 || Number(amount) > MAX_COUNT) {
      return invalid("invalid_count", "amount", `抽样数量须为正整数（件），收到${shown(amount)}`);
    }
    return { ok: true, value: { kind: "count", count: Number(amount) } };
  }
  if (mode === "share") {
    const number = amount.replace(/[%％]$/, "").trim();
    const percent = Number(number);
    if (!/^\d+(\.\d+)?$/.test(number) || !(percent > 0) || percent > 100) {
      return invalid("invalid_share", "amount", `抽样比例须大于 0% 且不超过 100%，收到${shown(amount)}`);
    }
    return { ok: true, value: { kind: "share", percent } };
  }
  return invalid(
    "invalid_mode",
    "mode",
    `抽样方式须为 count（按件数）或 share（按比例），收到${shown(mode)}`,
  );
}

/** The two ends of the 答复日期 range as the form names them. */
export const REPLIED_FROM = "repliedFrom";
export const REPLIED_TO = "repliedTo";
/** The 每个主办单位至少抽 1 件 checkbox (value 1; JSON: true too). */
export const AT_LEAST_ONE = "atLeastOne";

/** One end of the 答复日期 range: blank, or a date in one of the ledger's forms (2026-07-01, 2026年7月1日 …). */
function parseRangeEnd(raw: string, field: string, name: string): Parsed<string | null> {
  if (raw === "") return { ok: true, value: null };
  const date = parseDateValue(raw);
  if (!date.ok) return invalid("invalid_replied_range", field, `答复日期“${name}”：${date.message}`);
  return { ok: true, value: date.iso };
}

/** The 答复日期 range: each end optional, 至 not before 从. */
function parseReplied(from: string, to: string): Parsed<ReplyRange> {
  const start = parseRangeEnd(from, REPLIED_FROM, "从");
  if (!start.ok) return start;
  const end = parseRangeEnd(to, REPLIED_TO, "至");
  if (!end.ok) return end;
  if (start.value !== null && end.value !== null && end.value < start.value)
    return invalid(
      "invalid_replied_range",
      REPLIED_TO,
      `答复日期“至”${end.value} 早于“从”${start.value}：请把“至”改为 ${start.value} 或以后的日期`,
    );
  return { ok: true, value: { from: start.value, to: end.value } };
}

/** A checkbox as posted ("1", "on") or a JSON flag (true, 1). */
const isTicked = (v: unknown) => v === true || v === 1 || v === "1" || v === "on" || v === "true";

/**
 * Reads the sampling form (or the same fields as JSON): mode, amount, seed, year, the 答复日期 range
 * (repliedFrom, repliedTo) and 每个主办单位至少抽 1 件 (atLeastOne).
 */
export function parseSampleRequest(fields: Readonly<Record<string, unknown>>): Parsed<SampleRequest> {
  const text = (key: string) => {
    const v = fields[key];
    return typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "";
  };
  const size = parseSize(text("mode") || "share", halfWidth(text("amount")));
  if (!size.ok) return size;
  const seed = text("seed");
  if (seed.length > MAX_SEED_CHARS || [...seed].some((ch) => ch.charCodeAt(0) < 32)) {
    return invalid("invalid_seed", "seed", `随机种子最多 ${MAX_SEED_CHARS} 个字符，且不能含控制字符`);
  }
  const year = parseYear(text("year"));
  if (!year.ok) return year;
  const replied = parseReplied(text(REPLIED_FROM), text(REPLIED_TO));
  if (!replied.ok) return replied;
  const ranged = replied.value.from !== null || replied.value.to !== null;
  return {
    ok: true,
    value: {
      size: size.value,
      seed: seed || null,
      year: year.value,
      // Left out when not asked for: a request without them is the one it always was.
      ...(ranged ? { replied: replied.value } : {}),
      ...(isTicked(fields[AT_LEAST_ONE]) ? { atLeastOne: true } : {}),
    },
  };
}

/**
 * A count larger than the population is refused rather than silently cut down. `visited`: the
 * replied suggestions left out because visited already, which the message names so that a staff
 * member who counted the replies in the ledger sees where the rest went.
 */
export function checkSampleSize(size: SampleSize, population: number, visited = 0): Invalid | null {
  if (population === 0) {
    return invalid(
      "nothing_to_sample",
      "year",
      visited > 0 ? `已答复的 ${visited} 件建议都已列入回访，没有可抽取的建议` : "没有可抽样的已答复建议",
    );
  }
  if (size.kind === "count" && size.count > population) {
    const skipped = visited > 0 ? `（已列入回访的 ${visited} 件不再抽取）` : "";
    return invalid(
      "invalid_count",
      "amount",
      `抽样数量 ${size.count} 件超过可抽样的 ${population} 件${skipped}`,
    );
  }
  return null;
}
