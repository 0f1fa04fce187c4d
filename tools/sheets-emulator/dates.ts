/**
 * Serial dates as Sheets stores them: days since 1899-12-30 (wall-clock, no time zone), the fraction
 * being the time of day. 43831 = 2020-01-01 and 36162 = 1999-01-02 in the recordings (§1.5).
 */
const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;

export interface DateParts {
  year: number;
  month: number; // 1-12
  day: number;
  hours: number;
  minutes: number;
  seconds: number;
  weekday: number; // 0 = Sunday
}

export function serialFromParts(year: number, month: number, day: number, h = 0, m = 0, s = 0): number {
  return Date.UTC(year, month - 1, day, h, m, s) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

export function partsFromSerial(serial: number): DateParts {
  // Round to whole seconds so 0.1 + 0.2 style noise never shows up as 23:59:59.
  const ms = Math.round(((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY) / 1000) * 1000;
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hours: d.getUTCHours(),
    minutes: d.getUTCMinutes(),
    seconds: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/** The serial of an instant read on a UTC wall clock. */
export function serialFromEpochMs(ms: number): number {
  return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** One formatter per zone (building one costs far more than using it); null for a zone Intl does not know. */
const ZONE_FORMATS = new Map<string, Intl.DateTimeFormat | null>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat | null {
  let format = ZONE_FORMATS.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      format = null;
    }
    ZONE_FORMATS.set(timeZone, format);
  }
  return format;
}

/**
 * The serial of an instant on the wall clock of `timeZone` (the spreadsheet's `properties.timeZone`):
 * serials carry no zone, so Sheets' TODAY() and NOW() are the spreadsheet's local date and time
 * (§1.5). A zone Intl does not know reads as UTC.
 */
export function serialInTimeZone(ms: number, timeZone: string): number {
  const format = zoneFormat(timeZone);
  if (!format) return serialFromEpochMs(ms);
  const part: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(ms))) part[p.type] = Number(p.value);
  const wholeSeconds = serialFromParts(
    part.year ?? 1970,
    part.month ?? 1,
    part.day ?? 1,
    part.hour ?? 0,
    part.minute ?? 0,
    part.second ?? 0,
  );
  return wholeSeconds + (((ms % 1000) + 1000) % 1000) / MS_PER_DAY;
}

export interface ParsedDate {
  serial: number;
  type: "DATE" | "DATE_TIME";
  pattern: string;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const DATE_FORMS: { re: RegExp; order: "ymd" | "mdy"; pattern: string }[] = [
  { re: /^(\d{4})-(\d{1,2})-(\d{1,2})/, order: "ymd", pattern: "yyyy-mm-dd" },
  { re: /^(\d{4})\/(\d{1,2})\/(\d{1,2})/, order: "ymd", pattern: "yyyy/mm/dd" },
  // en_US reads 1/2/2020 as January 2nd.
  { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})/, order: "mdy", pattern: "M/d/yyyy" },
];
const TIME_PART = /^[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** Recognises the date (and date-time) forms an en_US user can type; undefined when it is not one. */
export function parseUserDate(text: string): ParsedDate | undefined {
  for (const form of DATE_FORMS) {
    const m = form.re.exec(text);
    if (!m) continue;
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const [year, month, day] = form.order === "ymd" ? [a, b, c] : [c, a, b];
    if (!validDay(year, month, day)) return undefined;
    const rest = text.slice(m[0].length);
    if (rest.length === 0)
      return { serial: serialFromParts(year, month, day), type: "DATE", pattern: form.pattern };
    const t = TIME_PART.exec(rest);
    if (!t) return undefined;
    const [h, min, s] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
    if (h > 23 || min > 59 || s > 59) return undefined;
    return {
      serial: serialFromParts(year, month, day, h, min, s),
      type: "DATE_TIME",
      pattern: `${form.pattern} H:mm:ss`,
    };
  }
  return undefined;
}
