/**
 * Civil (proleptic Gregorian) date arithmetic on "day serials": days since 1899-12-30, the same
 * numbering Google Sheets uses for dates. Using the sheet's own serial means a date cell read with
 * `SERIAL_NUMBER` needs no conversion, and day arithmetic is plain integer arithmetic with no time
 * zones or DST involved: every value here is a local date.
 */

/** Serial of 1970-01-01, so day serials and Unix days differ by a constant. */
const UNIX_EPOCH_SERIAL = 25569;

/** 星期日 … 星期六, indexed by `weekdayOf` (0 = Sunday, like `Date#getDay`). */
export const WEEKDAY_NAMES = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"] as const;

/** True for a real calendar date (rejects 2026-02-30, month 13, day 0). */
export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Number of days in a month (leap years included). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day serial of a calendar date (Howard Hinnant's days_from_civil, shifted to the sheet epoch). */
export function serialFromYmd(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + UNIX_EPOCH_SERIAL;
}

/** Calendar date of a day serial (civil_from_days). */
export function ymdFromSerial(serial: number): { year: number; month: number; day: number } {
  const z = serial - UNIX_EPOCH_SERIAL + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO "YYYY-MM-DD" of a day serial. */
export function isoFromSerial(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return isoFromYmd(year, month, day);
}

/**
 * A date cell as staff, units and forms read it: a day serial (as the sheet and intake keep dates)
 * as ISO text, text as typed (trimmed), nothing as "" (a form's date input wants ISO, not 46362).
 */
export function dateCellText(cell: unknown): string {
  if (typeof cell === "number") return isoFromSerial(cell);
  return typeof cell === "string" ? cell.trim() : "";
}

/** ISO "YYYY-MM-DD" of a calendar date. */
export function isoFromYmd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/**
 * Day serial of an ISO date "YYYY-MM-DD"; NaN when the text is not a real date. Domain functions
 * take ISO strings at their boundary, so this is the one place that guards against bad input.
 */
export function serialFromIso(iso: string): number {
  if (typeof iso !== "string" || iso.length !== 10 || iso[4] !== "-" || iso[7] !== "-") return Number.NaN;
  // Every row's deadlines, status and statistics come here: plain digits are read by arithmetic,
  // without the three substrings; anything else ("+202", " 7") takes Number()'s reading as before.
  const year = digitsAt(iso, 0, 4);
  const month = digitsAt(iso, 5, 2);
  const day = digitsAt(iso, 8, 2);
  if (year >= 0 && month >= 0 && day >= 0)
    return isValidYmd(year, month, day) ? serialFromYmd(year, month, day) : Number.NaN;
  return serialFromIsoText(iso);
}

/** The number written by `length` ASCII digits at `start`, or -1 when any is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function serialFromIsoText(iso: string): number {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  return isValidYmd(year, month, day) ? serialFromYmd(year, month, day) : Number.NaN;
}

/** True when the string is a real ISO calendar date. */
export function isIsoDate(value: string): boolean {
  return !Number.isNaN(serialFromIso(value));
}

/** 0 = Sunday … 6 = Saturday. Serial 0 (1899-12-30) was a Saturday. */
export function weekdayOf(serial: number): number {
  return (((serial + 6) % 7) + 7) % 7;
}

/** "星期二" for an ISO date. */
export function weekdayName(iso: string): string {
  const serial = serialFromIso(iso);
  return Number.isNaN(serial) ? "" : (WEEKDAY_NAMES[weekdayOf(serial)] ?? "");
}

/** The year of an ISO date, read without a full parse. */
export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** ISO date plus a number of calendar days. */
export function addDaysIso(iso: string, days: number): string {
  return isoFromSerial(serialFromIso(iso) + days);
}
