import { builtInCalendar } from "./calendar-data";
import { isoFromSerial, serialFromIso, WEEKDAY_NAMES, weekdayOf, ymdFromSerial } from "./civil-date";

/** A row of 节假日: it overrides the built-in calendar for that date. */
export interface HolidayOverride {
  readonly date: string;
  readonly rest: boolean;
  readonly note: string;
}

/** Why a day is a rest day or a working day, for explanations. */
export type DayReason =
  | "weekday"
  | "weekend"
  | "holiday"
  | "adjustedWorkday"
  | "overrideRest"
  | "overrideWork";

export interface DayInfo {
  readonly date: string;
  readonly rest: boolean;
  readonly reason: DayReason;
  /** Holiday name (春节) or the 节假日 说明; "" for ordinary days. */
  readonly name: string;
  readonly weekday: string;
  /** False when neither chinese-days nor 节假日 knows the year's arrangement (weekends only). */
  readonly yearKnown: boolean;
}

/** Working days and rest days, as the State Council arranges them, overridden by 节假日. */
export interface Calendar {
  isRestDay(date: string): boolean;
  isWorkingDay(date: string): boolean;
  describe(date: string): DayInfo;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string;
  /** `date` itself when it is a working day, else the next working day. */
  rollForward(date: string): string;
  /** The n-th working day after `date` (the start day is not counted). */
  addWorkingDays(date: string, n: number): string;
  isYearKnown(year: number): boolean;
  /** Years this calendar was asked about but knows no arrangement for, ascending. */
  unknownYearsUsed(): number[];
}

/** Hard stop for loops: no real arrangement has more than a few rest days in a row. */
const MAX_SCAN_DAYS = 400;

/**
 * Builds the calendar from the built-in data and the 节假日 rows (which win). A year is known when
 * either source has an entry for it; for other years only weekends are rest days.
 */
export function buildCalendar(overrides: readonly HolidayOverride[] = []): Calendar {
  const builtIn = builtInCalendar();
  const overrideDays = new Map<number, HolidayOverride>();
  const years = new Set(builtIn.years);
  for (const override of overrides) {
    const serial = serialFromIso(override.date);
    if (Number.isNaN(serial)) continue;
    overrideDays.set(serial, override);
    years.add(ymdFromSerial(serial).year);
  }
  const unknownUsed = new Set<number>();

  function infoOf(serial: number): Omit<DayInfo, "date" | "weekday" | "yearKnown"> {
    const override = overrideDays.get(serial);
    if (override)
      return {
        rest: override.rest,
        reason: override.rest ? "overrideRest" : "overrideWork",
        name: override.note,
      };
    const day = builtIn.days.get(serial);
    if (day) return { rest: day.rest, reason: day.rest ? "holiday" : "adjustedWorkday", name: day.name };
    const weekday = weekdayOf(serial);
    return weekday === 0 || weekday === 6
      ? { rest: true, reason: "weekend", name: "" }
      : { rest: false, reason: "weekday", name: "" };
  }

  function restSerial(serial: number): boolean {
    const year = ymdFromSerial(serial).year;
    if (!years.has(year)) unknownUsed.add(year);
    return infoOf(serial).rest;
  }

  function parse(date: string): number {
    const serial = serialFromIso(date);
    if (Number.isNaN(serial)) throw new RangeError(`not an ISO date: ${date}`);
    return serial;
  }

  function nextWorkingSerial(serial: number): number {
    for (let s = serial + 1; s <= serial + MAX_SCAN_DAYS; s += 1) if (!restSerial(s)) return s;
    return serial + 1;
  }

  return {
    isRestDay: (date) => restSerial(parse(date)),
    isWorkingDay: (date) => !restSerial(parse(date)),
    describe(date) {
      const serial = parse(date);
      const year = ymdFromSerial(serial).year;
      if (!years.has(year)) unknownUsed.add(year);
      const weekday = WEEKDAY_NAMES[weekdayOf(serial)] ?? "";
      const { rest, reason, name } = infoOf(serial);
      return { date, weekday, yearKnown: years.has(year), rest, reason, name };
    },
    nextWorkingDay: (date) => isoFromSerial(nextWorkingSerial(parse(date))),
    rollForward(date) {
      const serial = parse(date);
      return isoFromSerial(restSerial(serial) ? nextWorkingSerial(serial) : serial);
    },
    addWorkingDays(date, n) {
      let serial = parse(date);
      for (let i = 0; i < n; i += 1) serial = nextWorkingSerial(serial);
      return isoFromSerial(serial);
    },
    isYearKnown: (year) => years.has(year),
    unknownYearsUsed: () => [...unknownUsed].sort((a, b) => a - b),
  };
}
