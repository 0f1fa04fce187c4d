/** Turns one Excel cell into what the ledger cell gets, and says when it could not be read. */
import { type ColumnDef, MAX_YEAR, MIN_YEAR, parseDateValue, toHalfWidth } from "../../sheets-schema";
import { isValidYmd, serialFromYmd } from "../../src/domain/civil-date";
import type { SourceValue } from "./workbook";

export type LedgerValue = string | number;

export interface Converted {
  readonly value: LedgerValue;
  /**
   * Why the value could not be read as this column expects; the value is kept all the same. Said of
   * the import to come (“导入时…”): the report lists it before the ledger is read, and in --dry-run.
   */
  readonly problem?: string;
  /**
   * A month and day without a year (1月5日, 3/2): an office's sheet of one year types them so, on
   * row after row. The report groups these by column rather than one line per cell.
   */
  readonly yearless?: true;
}

/** What staff do about a date with no year, said once per column (report.ts groups these cells). */
export const YEARLESS_FIX = "请在 Excel 中补上年份（写成 2026-03-02 这样）后再导入；导入时按原样写入";

/** 1月5日, 1月5号, 3/2, 3-2, 3.2: a month and a day that can be, and no year. */
const MONTH_DAY = /^(\d{1,2})\s*(?:月\s*(\d{1,2})\s*[日号]?|[-/.]\s*(\d{1,2}))$/;

function isMonthDay(value: string): boolean {
  const parts = MONTH_DAY.exec(toHalfWidth(value.trim()));
  if (!parts) return false;
  const month = Number(parts[1]);
  const day = Number(parts[2] ?? parts[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Excel stores a date as a day count; exceljs hands it over as that day at 00:00 UTC. */
function serialOfDate(date: Date): number {
  return serialFromYmd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function isoOfDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * A date typed as eight digits, 20240305 (a number or text; some offices keep dates so): its year,
 * month and day. Only a year the ledger takes (the contract's 2000–2100) makes it one: 12345678 is
 * no date anyone typed, and keeps the usual message.
 */
function eightDigitYmd(value: string | number): [number, number, number] | null {
  const parts = /^(\d{4})(\d{2})(\d{2})$/.exec(toHalfWidth(String(value).trim()));
  if (!parts) return null;
  const [y, m, d] = parts.slice(1).map(Number) as [number, number, number];
  return y >= MIN_YEAR && y <= MAX_YEAR ? [y, m, d] : null;
}

/** How the value reads in the report. */
export function shown(value: SourceValue): string {
  if (value === null) return "";
  if (value instanceof Date) return isoOfDate(value);
  if (typeof value === "object") return value.error;
  return String(value);
}

function asText(value: Exclude<SourceValue, { error: string }>, column: ColumnDef | null): LedgerValue {
  if (value === null) return "";
  if (value instanceof Date) return isoOfDate(value);
  if (typeof value === "boolean")
    return column?.cell.kind === "yesNo" ? (value ? "是" : "否") : String(value);
  // A number in a text column stays text (编号 2026001), as the ledger rules read it anyway.
  if (typeof value === "number") return column ? String(value) : value;
  return value;
}

/** Dates become sheet serials (shown by the column's date format); anything else stays as typed. */
export function convertCell(value: SourceValue, column: ColumnDef | null): Converted {
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return { value: "", problem: `单元格是公式错误 ${value.error}，导入时留空：请在 Excel 中修正后补填` };
  }
  if (typeof value === "string" && value.trim() === "") return { value: "" };
  if (column?.cell.kind === "date" && value !== null) {
    if (value instanceof Date) return { value: serialOfDate(value) };
    const ymd = typeof value === "boolean" ? null : eightDigitYmd(value);
    if (ymd) {
      if (isValidYmd(...ymd)) return { value: serialFromYmd(...ymd) };
      const [y, m, d] = ymd;
      return {
        value: asText(value, column),
        problem: `“${shown(value)}”按年月日读作 ${y} 年 ${m} 月 ${d} 日，没有这一天：请核对；导入时按原样写入`,
      };
    }
    const outcome = parseDateValue(value);
    if (outcome.ok) {
      const [y, m, d] = outcome.iso.split("-").map(Number) as [number, number, number];
      return { value: serialFromYmd(y, m, d) };
    }
    if (typeof value === "string" && isMonthDay(value))
      return { value: asText(value, column), problem: `只有月日，没有年份：${YEARLESS_FIX}`, yearless: true };
    return { value: asText(value, column), problem: `${outcome.message}；导入时按原样写入` };
  }
  const typed = asText(value, column);
  // 编号 typed with a Chinese IME (２０２６－２０４) is the ledger's 2026-204: matched and kept as such.
  const converted = column?.cell.kind === "id" && typeof typed === "string" ? toHalfWidth(typed) : typed;
  if (!column || converted === "") return { value: converted };
  const checked = column.cell.schema.safeParse(converted);
  if (checked.success) return { value: converted };
  const why = checked.error.issues[0]?.message ?? "不符合该列的要求";
  return { value: converted, problem: `${why}；导入时按原样写入，同步后会列入校验问题` };
}

/**
 * A 编号 that is a running number only (7, 012): no year, unlike what the 编号格式 makes. Digits that
 * start with a year the ledger takes (2026001) do carry one.
 */
export function isBareSequenceNumber(id: string): boolean {
  if (!/^\d+$/.test(id)) return false;
  const year = Number(id.slice(0, 4));
  return id.length <= 4 || year < MIN_YEAR || year > MAX_YEAR;
}

/** A reply whose text opens with its class (A类（已解决）, B类，正在解决, c 类 …): the class. */
const CLASS_OPENING = /^\s*([ABCD])\s*类/i;

/**
 * The reply class a 答复内容 states in its first characters, for a file without a 答复类别 column
 * (offices write 办理结果 “A类（已解决）”); null when it names none.
 */
export function replyClassOpening(reply: LedgerValue | undefined): "A" | "B" | "C" | "D" | null {
  if (typeof reply !== "string") return null;
  const found = CLASS_OPENING.exec(reply.normalize("NFKC"));
  return found ? ((found[1] as string).toUpperCase() as "A" | "B" | "C" | "D") : null;
}

/**
 * The width of the 序号 of a 编号 made of a year and a number only (2025001 → 3), as a 编号格式
 * {年}{序号:3} makes them; null for any other 编号.
 */
export function yearDigitsWidth(id: string): number | null {
  if (!/^\d{5,8}$/.test(id)) return null;
  const year = Number(id.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR ? id.length - 4 : null;
}
