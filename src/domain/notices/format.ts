import { parseDateValue } from "../../../sheets-schema/cells/date-cells";
import { isIsoDate } from "../civil-date";

/** "2026-03-02" → "2026年3月2日", the way official notices write dates. */
export function displayDate(iso: string): string {
  if (!isIsoDate(iso)) return iso;
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** Lists whose blank reads better as 无 in a sentence ("协办单位：无"). */
const NONE_WHEN_BLANK = new Set(["协办单位", "附议代表"]);

/** A parsed ledger value as it reads in a notice. */
export function displayValue(header: string, kind: string, value: unknown): string {
  if (Array.isArray(value)) {
    const items = value.map(String).filter((s) => s !== "");
    return items.length > 0 ? items.join("、") : NONE_WHEN_BLANK.has(header) ? "无" : "";
  }
  if (value === null || value === undefined || value === "") return NONE_WHEN_BLANK.has(header) ? "无" : "";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (kind === "date" && typeof value === "string") return displayDate(value);
  return String(value);
}

/** A raw cell (a form's answer: a date arrives as a serial number) as it reads in a notice. */
export function displayRaw(header: string, kind: string, raw: unknown): string {
  if (kind === "date" && raw !== "" && raw !== null && raw !== undefined) {
    const parsed = parseDateValue(raw);
    if (parsed.ok) return displayDate(parsed.iso);
  }
  return displayValue(header, kind, typeof raw === "string" ? raw.trim() : raw);
}
