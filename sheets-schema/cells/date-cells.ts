import * as z from "zod";
import {
  daysInMonth,
  isoFromSerial,
  isoFromYmd,
  isValidYmd,
  serialFromYmd,
  ymdFromSerial,
} from "../../src/domain/civil-date";
import { isVolatileFormula } from "../../src/domain/sync/volatile-formulas";
import { type CellType, describeRaw, toHalfWidth, wrongShapeMessage } from "./cell-type";

/** Dates outside these years are typing slips (a serial 12, a year 0226), not ledger dates. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
const MIN_SERIAL = serialFromYmd(MIN_YEAR, 1, 1);
const MAX_SERIAL = serialFromYmd(MAX_YEAR, 12, 31);

const SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]$/;
const DATE_FORMS = "2026-03-02、2026/3/2、2026.3.2 或 2026年3月2日";

/** A refused date says why; `yearOutOfRange` marks a date whose form is right but whose year is not. */
type DateOutcome = { ok: true; iso: string } | { ok: false; message: string; yearOutOfRange?: true };

/** `typed` is the cell's trimmed text, quoted in a refusal (only then: quoting costs). */
function fromYmd(year: number, month: number, day: number, typed: string): DateOutcome {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return {
      ok: false,
      message: `日期${describeRaw(typed)}的年份不在 ${MIN_YEAR}–${MAX_YEAR} 年之间：请核对年份`,
      yearOutOfRange: true,
    };
  }
  if (!isValidYmd(year, month, day)) {
    const detail =
      month >= 1 && month <= 12
        ? `${year} 年 ${month} 月只有 ${daysInMonth(year, month)} 天`
        : "月份应为 1–12";
    return { ok: false, message: `日期${describeRaw(typed)}不存在（${detail}）：请核对` };
  }
  return { ok: true, iso: isoFromYmd(year, month, day) };
}

/**
 * Below this, a number in a date cell was typed as a number (3.5 for 3月5日, 2026, 305), not as a
 * date the sheet turned into its serial (10,000 is 1927-05-18).
 */
const TYPED_NUMBER_MAX = 10_000;

/**
 * Why a number outside 2000–2100's serials is no date. The column has the date format, so the sheet
 * shows such a number as a date (3.5 as 1900-01-02, 20260305 as 57370-10-29): staff are told what
 * they typed and how to write it, and retype it (it is not read as the date it probably meant).
 */
function numberMessage(raw: number): string {
  if (raw > 0 && raw < TYPED_NUMBER_MAX)
    return `${describeRaw(raw)}不是完整日期：请写成 2026-03-05 这样的年月日`;
  if (Number.isInteger(raw) && raw >= 10_000_000 && raw <= 99_999_999) {
    const year = Math.floor(raw / 10_000);
    const month = Math.floor(raw / 100) % 100;
    const day = raw % 100;
    if (year >= MIN_YEAR && year <= MAX_YEAR && isValidYmd(year, month, day))
      return `${describeRaw(raw)}被表格当成了数字，不是日期：请改写为 ${isoFromYmd(year, month, day)}`;
  }
  return `数字${describeRaw(raw)}不是日期：请把单元格设为日期格式后填写，如 2026-03-02`;
}

/**
 * Reads a date cell: a sheet serial number (days since 1899-12-30; a fraction is a time of day and
 * is dropped) or one of the four text forms. Full-width digits are read as ASCII digits.
 */
export function parseDateValue(raw: unknown): DateOutcome {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return { ok: false, message: "不是日期：请填写日期，如 2026-03-02" };
    const serial = Math.floor(raw);
    if (serial < MIN_SERIAL || serial > MAX_SERIAL) return { ok: false, message: numberMessage(raw) };
    return { ok: true, iso: isoFromSerial(serial) };
  }
  if (typeof raw !== "string")
    return { ok: false, message: wrongShapeMessage(raw, `日期，如 ${DATE_FORMS}`) };
  const typed = raw.trim();
  // The sync reads a volatile formula (=TODAY()) as its text (src/domain/sync/volatile-formulas.ts).
  if (isVolatileFormula(typed))
    return {
      ok: false,
      message: `${describeRaw(typed)}是公式，每天都会变成当天的日期（办理期限和通知随之每天变化）：请改为直接填写日期，如 2026-03-02（按 Ctrl+; 可填入今天的日期）`,
    };
  const text = toHalfWidth(typed);
  const separated = SEPARATED.exec(text);
  if (separated) return fromYmd(Number(separated[1]), Number(separated[3]), Number(separated[4]), typed);
  const chinese = CHINESE.exec(text);
  if (chinese) return fromYmd(Number(chinese[1]), Number(chinese[2]), Number(chinese[3]), typed);
  return { ok: false, message: `${describeRaw(typed)}不是可识别的日期：请写成 ${DATE_FORMS}（须含年份）` };
}

/** A date cell; the parsed value is an ISO local date "YYYY-MM-DD". */
export function dateCell(): CellType<string, null> {
  const schema = z.unknown().transform((raw, ctx) => {
    const outcome = parseDateValue(raw);
    if (outcome.ok) return outcome.iso;
    ctx.addIssue({ code: "custom", message: outcome.message });
    return z.NEVER;
  });
  return { kind: "date", schema, blank: null, numberFormat: "yyyy-mm-dd", fast: fastDate };
}

/**
 * The schema's result for a date it accepts: a serial, or text typed as a date (a tenth of the
 * ledger's 提出日期 in the benchmark, each costing a zod run). Refusals go to the schema, which words them.
 */
function fastDate(raw: unknown): string | undefined {
  if (typeof raw === "number") {
    return raw >= MIN_SERIAL && raw < MAX_SERIAL + 1 ? isoOfSerial(Math.floor(raw)) : undefined;
  }
  if (typeof raw !== "string") return undefined;
  const outcome = parseDateValue(raw);
  return outcome.ok ? outcome.iso : undefined;
}

/**
 * ISO text of an in-range serial, built once per day. A ledger of 10,000 rows holds some 40,000
 * dates but only a few hundred distinct days; sharing one string per day also makes the later
 * comparisons and Map lookups on dates cheap (the hash is computed once). It lives as long as the
 * isolate and is bounded: only serials of 2000–2100 come here (at most 36,890 days).
 */
const isoBySerial = new Map<number, string>();

function isoOfSerial(serial: number): string {
  let iso = isoBySerial.get(serial);
  if (iso === undefined) {
    iso = isoFromSerial(serial);
    isoBySerial.set(serial, iso);
  }
  return iso;
}

const MINUTES_PER_DAY = 1440;

/**
 * A date and time written by the system (通知记录 时间): a serial with a fraction, or text kept as
 * typed. Parsed to "YYYY-MM-DD HH:mm".
 */
export function dateTimeCell(): CellType<string, null> {
  const schema = z.unknown().transform((raw, ctx) => {
    if (typeof raw === "number" && raw >= MIN_SERIAL && raw <= MAX_SERIAL + 1) {
      const day = Math.floor(raw);
      const minutes = Math.round((raw - day) * MINUTES_PER_DAY);
      const { year, month, day: dd } = ymdFromSerial(day + Math.floor(minutes / MINUTES_PER_DAY));
      const m = minutes % MINUTES_PER_DAY;
      const hhmm = `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
      return `${isoFromYmd(year, month, dd)} ${hhmm}`;
    }
    if (typeof raw === "string") return raw.trim();
    ctx.addIssue({ code: "custom", message: wrongShapeMessage(raw, "日期时间") });
    return z.NEVER;
  });
  return { kind: "dateTime", schema, blank: null, numberFormat: "yyyy-mm-dd hh:mm" };
}
