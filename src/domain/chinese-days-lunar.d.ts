/**
 * The solar date of a lunar date of the Chinese calendar (chinese-days): the lunar year, month and
 * day are read from the Date's local year, month and day. `date` is the ordinary month's day;
 * `leapMonthDate` the same day of the leap month when that month has one.
 */
export function getSolarDateFromLunar(lunarDate: Date): { date: string; leapMonthDate?: string };

/**
 * The day a solar term begins (chinese-days: the 寿星 formula with its table of corrections), as
 * "YYYY-MM-DD". The library builds the text from a UTC midnight read in local time: in a time zone
 * west of UTC it comes out one day early (see calendar-fallback.ts).
 */
export function getSolarTermDate(year: number, month: number, term: "pure_brightness"): string;

/** Days (29 or 30) of ordinary month `month` of lunar year `year`. */
export function monthDays(year: number, month: number): number;

/** The leap month of lunar year `year` (undefined when none) and its days (0 when none). */
export function getYearLeapMonth(year: number): { leapMonth: number | undefined; days: number };
