import { builtInCalendar } from "./calendar-data";
import { fallbackYear } from "./calendar-fallback";
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
  | "overrideWork"
  /** A festival day of 《全国年节及纪念日放假办法》 in a year whose arrangement is not entered. */
  | "statutoryHoliday"
  /** Its 补休 day (the festival fell on a weekend or on another festival). */
  | "statutoryMakeUp";

export interface DayInfo {
  readonly date: string;
  readonly rest: boolean;
  readonly reason: DayReason;
  /** Holiday name (春节) or the 节假日 说明; "" for ordinary days. */
  readonly name: string;
  readonly weekday: string;
  /**
   * False when neither chinese-days nor 节假日 knows the year's arrangement: its rest days are then
   * the weekends and the statutory festivals (calendar-fallback.ts), and deadlines are provisional.
   */
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
  /** Years whose arrangement it knows (built in, or entered in 节假日), ascending. */
  knownYears(): number[];
  /**
   * The calendar as an assignment made on `start` was told its deadlines (暂定): the years whose
   * arrangement the sync first saw on or after `start` (ArrangementSeen) taken as not entered
   * (weekends and statutory festivals, their 节假日 rows and built-in days left out), with those
   * years. Null when no year was first seen since `start`. Deadlines keep the later of the two
   * (deadlines.ts keptAsTold): entering a year's arrangement never moves a told date earlier.
   */
  asToldOn(start: string): { readonly calendar: Calendar; readonly years: readonly number[] } | null;
}

/**
 * The day the sync first saw each year's arrangement known (built in or entered in 节假日), by year;
 * "" for a year known from the first sync that kept these days (known all along: nobody was told a
 * 暂定 date of it by this build). calendar-seen.ts keeps it.
 */
export type ArrangementSeen = ReadonlyMap<number, string>;

/** Hard stop for loops: no real arrangement has more than a few rest days in a row. */
const MAX_SCAN_DAYS = 400;

/**
 * True when 节假日 lists every statutory 春节 day of the year (除夕 to 初三) as 休: staff have
 * entered the State Council's arrangement, which always starts with 元旦 and 春节. A single row
 * (a local holiday, the first day typed) does not make the year known.
 */
function springFestivalEntered(year: number, overrideDays: ReadonlyMap<number, HolidayOverride>): boolean {
  const days = fallbackYear(year)?.springFestival;
  return days?.every((date) => overrideDays.get(serialFromIso(date))?.rest === true) ?? false;
}

/**
 * Builds the calendar from the built-in data and the 节假日 rows (which win). A year is known when
 * chinese-days has its arrangement or 节假日 holds its 春节 block; an unknown year's rest days are
 * the weekends and the statutory festivals with their 补休 (calendar-fallback.ts), 节假日 rows
 * still winning; a year chinese-days knows rests as it says; a year entered in 节假日 rests on its
 * rows, the weekends and the festivals' own days (not their 补休).
 */
export function buildCalendar(
  overrides: readonly HolidayOverride[] = [],
  seen: ArrangementSeen = new Map(),
  /** Years taken as not entered (asToldOn's calendar): built-in days and 节假日 rows left out. */
  hidden: ReadonlySet<number> = new Set(),
): Calendar {
  const builtIn = builtInCalendar();
  const overrideDays = new Map<number, HolidayOverride>();
  const builtInYears: ReadonlySet<number> = new Set([...builtIn.years].filter((y) => !hidden.has(y)));
  const years = new Set(builtInYears);
  const overrideYears = new Set<number>();
  for (const override of overrides) {
    const serial = serialFromIso(override.date);
    if (Number.isNaN(serial)) continue;
    const year = ymdFromSerial(serial).year;
    if (hidden.has(year)) continue;
    overrideDays.set(serial, override);
    overrideYears.add(year);
  }
  for (const year of overrideYears)
    if (!years.has(year) && springFestivalEntered(year, overrideDays)) years.add(year);
  const unknownUsed = new Set<number>();

  function infoOf(serial: number, year: number): Omit<DayInfo, "date" | "weekday" | "yearKnown"> {
    const override = overrideDays.get(serial);
    if (override)
      return {
        rest: override.rest,
        reason: override.rest ? "overrideRest" : "overrideWork",
        name: override.note,
      };
    const day = builtInYears.has(year) ? builtIn.days.get(serial) : undefined;
    if (day) return { rest: day.rest, reason: day.rest ? "holiday" : "adjustedWorkday", name: day.name };
    if (!builtInYears.has(year)) {
      const statutory = fallbackYear(year)?.days.get(serial);
      // A year nobody entered rests on the festivals and their 补休. One entered in 节假日 (its 春节
      // block) still rests on the festivals' own days, which the law fixes whatever the arrangement
      // (staff who typed only 春节 would otherwise turn 元旦 into a working day; a row typed 班 wins
      // above); its 补休 are the arrangement's to place, so its rows say them.
      if (statutory && (!years.has(year) || !statutory.makeUp))
        return {
          rest: true,
          reason: statutory.makeUp ? "statutoryMakeUp" : "statutoryHoliday",
          name: statutory.name,
        };
    }
    const weekday = weekdayOf(serial);
    return weekday === 0 || weekday === 6
      ? { rest: true, reason: "weekend", name: "" }
      : { rest: false, reason: "weekday", name: "" };
  }

  function restSerial(serial: number): boolean {
    const year = ymdFromSerial(serial).year;
    if (!years.has(year)) unknownUsed.add(year);
    return infoOf(serial, year).rest;
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

  // asToldOn's calendars, by the years they hide (one or two sets in an office's life).
  const told = new Map<string, { calendar: Calendar; years: number[] }>();
  function asToldOn(start: string) {
    const late = [...seen]
      .filter(([year, on]) => on !== "" && start <= on && years.has(year))
      .map(([year]) => year)
      .sort((a, b) => a - b);
    if (late.length === 0) return null;
    const key = late.join(",");
    let found = told.get(key);
    if (!found) {
      found = { calendar: buildCalendar(overrides, new Map(), new Set(late)), years: late };
      told.set(key, found);
    }
    return found;
  }

  return {
    isRestDay: (date) => restSerial(parse(date)),
    isWorkingDay: (date) => !restSerial(parse(date)),
    describe(date) {
      const serial = parse(date);
      const year = ymdFromSerial(serial).year;
      if (!years.has(year)) unknownUsed.add(year);
      const weekday = WEEKDAY_NAMES[weekdayOf(serial)] ?? "";
      const { rest, reason, name } = infoOf(serial, year);
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
    knownYears: () => [...years].sort((a, b) => a - b),
    asToldOn,
  };
}
