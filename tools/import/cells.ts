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
