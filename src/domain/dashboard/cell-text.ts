import { ledgerStaffColumns } from "../../../sheets-schema/tabs/ledger";
import { isoFromSerial } from "../civil-date";
import type { EvaluatedRow } from "../summary/evaluated";

/** A parsed cell value as staff would write it: 是/否, lists joined with 、, dates as YYYY-MM-DD. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (Array.isArray(value)) return value.map(displayValue).join("、");
  return String(value);
}

/** A raw cell (what the sheet holds) as text; date serials in date columns become YYYY-MM-DD. */
export function rawText(raw: unknown, isDate: boolean): string {
  if (typeof raw === "number" && isDate && Number.isInteger(raw) && raw > 0) return isoFromSerial(raw);
  if (typeof raw === "string" || typeof raw === "number") return String(raw).trim();
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  return "";
}

export interface FieldText {
  readonly header: string;
  readonly text: string;
  /** The cell holds something the rules could not use: `text` is then what staff typed. */
  readonly unreadable: boolean;
}

/**
 * Every staff-owned field of a row, in contract order. A cell that failed to parse shows what is in
 * the sheet (marked), so a leader sees the same thing staff typed rather than a blank.
 */
export function fieldTexts(
  row: EvaluatedRow & { readonly unreadable?: Readonly<Record<string, string>> },
): FieldText[] {
  const record = row.record as unknown as Record<string, unknown>;
  return ledgerStaffColumns.map((column) => {
    const typed = row.unreadable?.[column.header];
    if (typed !== undefined) return { header: column.header, text: typed, unreadable: true };
    return { header: column.header, text: displayValue(record[column.key]), unreadable: false };
  });
}

/** Date columns of the ledger by header, so audit-trail values (raw cells) can be shown as dates. */
export const LEDGER_DATE_HEADERS: ReadonlySet<string> = new Set(
  ledgerStaffColumns.filter((c) => c.cell.kind === "date").map((c) => c.header),
);
