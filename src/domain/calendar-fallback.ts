import { getSolarDateFromLunar, getSolarTermDate, getYearLeapMonth, monthDays } from "./chinese-days-lunar";
import { isoFromSerial, serialFromIso, serialFromYmd, weekdayOf } from "./civil-date";

/**
 * The rest days a year has by law before the State Council publishes its arrangement:
 * 《全国年节及纪念日放假办法》 (2025 text), Art. 2: 元旦 1 day; 春节 4 days, 除夕 to 初三; 清明节 1 day,
 * on the solar term; 劳动节 2 days, 5-1 and 5-2; 端午节 1 day, 五月初五; 中秋节 1 day, 八月十五; 国庆节
 * 3 days, 10-1 to 10-3. Art. 6: a holiday that falls on a Saturday or Sunday is made up on a
 * working day (补休), which the State Council has always placed right after it. The arrangement's
 * 调休 (extra days off against working weekends) cannot be foreseen and is left out.
 */
export interface FallbackDay {
  /** The festival, e.g. 春节. */
  readonly name: string;
  /** A 补休 day for a festival day that fell on a weekend or on another festival. */
  readonly makeUp: boolean;
}

export interface FallbackYear {
  readonly year: number;
  /** Rest days beyond weekends, by day serial. */
  readonly days: ReadonlyMap<number, FallbackDay>;
  /** 除夕 to 初三 (ISO): once 节假日 lists them all as 休, staff have entered the year. */
  readonly springFestival: readonly string[];
}

/** The lunar table of chinese-days covers 1900–2100; the sheet's dates are 2000–2100. */
const FIRST_YEAR = 1901;
const LAST_YEAR = 2100;

/** Day serial of 正月初一 of lunar year `year`. */
function lunarNewYear(year: number): number {
  // A local Date: the library reads its local year, month and day, so any time zone gives the same.
  return serialFromIso(getSolarDateFromLunar(new Date(year, 0, 1)).date);
}

/**
 * Day serial of a day of an ordinary lunar month, counted on from 正月初一 with the library's month
 * lengths (its own conversion walks every lunar year since 1900 on each call: three calls cost
 * about 1.7 ms of a cold Worker's CPU). A leap month comes right after its ordinary month.
 */
function lunarSerial(year: number, newYear: number, month: number, day: number): number {
  const leap = getYearLeapMonth(year);
  let serial = newYear + day - 1;
  for (let m = 1; m < month; m += 1) serial += monthDays(year, m);
  if (leap.leapMonth !== undefined && leap.leapMonth < month) serial += leap.days;
  return serial;
}

/**
 * The day 清明 begins. chinese-days writes it from a UTC midnight read in local time, a day early
 * west of UTC (Workers run in UTC; a developer's machine may not), so that one day is put back.
 */
function qingmingSerial(year: number): number {
  const serial = serialFromIso(getSolarTermDate(year, 4, "pure_brightness"));
  const westOfUtc = new Date(Date.UTC(year, 3, 4)).getTimezoneOffset() > 0;
  return westOfUtc ? serial + 1 : serial;
}

interface Festival {
  readonly name: string;
  readonly first: number;
  readonly length: number;
}

function festivalsOf(year: number): Festival[] {
  const newYear = lunarNewYear(year);
  return [
    { name: "元旦", first: serialFromYmd(year, 1, 1), length: 1 },
    { name: "春节", first: newYear - 1, length: 4 },
    { name: "清明节", first: qingmingSerial(year), length: 1 },
    { name: "劳动节", first: serialFromYmd(year, 5, 1), length: 2 },
    { name: "端午节", first: lunarSerial(year, newYear, 5, 5), length: 1 },
    { name: "中秋节", first: lunarSerial(year, newYear, 8, 15), length: 1 },
    { name: "国庆节", first: serialFromYmd(year, 10, 1), length: 3 },
  ].sort((a, b) => a.first - b.first);
}

const isWeekend = (serial: number) => {
  const weekday = weekdayOf(serial);
  return weekday === 0 || weekday === 6;
};

/** A year's statutory rest days, computed afresh (fallbackYear keeps them). */
export function statutoryRestDays(year: number): FallbackYear {
  const days = new Map<number, FallbackDay>();
  const festivals = festivalsOf(year);
  // Festival days first, so that a 补休 never lands on a later festival (国庆 and 中秋 run close).
  const owed = festivals.map((festival) => {
    let count = 0;
    for (let s = festival.first; s < festival.first + festival.length; s += 1) {
      if (isWeekend(s) || days.has(s)) count += 1;
      else days.set(s, { name: festival.name, makeUp: false });
    }
    return count;
  });
  festivals.forEach((festival, i) => {
    let left = owed[i] ?? 0;
    for (let s = festival.first + festival.length; left > 0; s += 1) {
      if (isWeekend(s) || days.has(s)) continue;
      days.set(s, { name: festival.name, makeUp: true });
      left -= 1;
    }
  });
  // A festival day on a weekend is a rest day all the same, and is named in explanations.
  for (const festival of festivals)
    for (let s = festival.first; s < festival.first + festival.length; s += 1)
      if (!days.has(s)) days.set(s, { name: festival.name, makeUp: false });
  const spring = festivals.find((f) => f.name === "春节") as Festival;
  const springFestival = [0, 1, 2, 3].map((k) => isoFromSerial(spring.first + k));
  return { year, days, springFestival };
}

/** Built at most once per year per isolate: every row's deadline in that year looks days up here. */
const cache = new Map<number, FallbackYear | null>();

/** The statutory rest days of a year (beyond weekends); null outside the lunar table's years. */
export function fallbackYear(year: number): FallbackYear | null {
  let found = cache.get(year);
  if (found === undefined) {
    found = year >= FIRST_YEAR && year <= LAST_YEAR ? statutoryRestDays(year) : null;
    cache.set(year, found);
  }
  return found;
}

function springFestivalSpan(year: number): string {
  const days = fallbackYear(year)?.springFestival;
  return days ? `${year} 年春节 ${days[0]} 至 ${days[days.length - 1]}` : `${year} 年春节`;
}

/**
 * Suggestions whose 办理期限 is 暂定, per year with no arrangement entered that it depends on:
 * [year, suggestions], years ascending. A suggestion due across two such years counts in each.
 */
export type ProvisionalDue = readonly (readonly [year: number, rows: number])[];

/**
 * The 节假日 tab's 提醒 for a year deadlines (or today) needed but nobody entered: said once per year
 * for the whole ledger, with how many suggestions' 办理期限 are 暂定 by it (the rows say nothing: in
 * January a hundred rows each saying it buried the few real problems of 校验问题; each row's 办理期限
 * note says 暂定 on its own). It says what makes it go: the 春节 days entered as 休 (see buildCalendar).
 */
export function arrangementMissingMessage(year: number, rows: number): string {
  const affected =
    rows > 0
      ? `${rows} 件建议的办理期限为暂定期限（暂按周末和法定节日及补休推算）`
      : "涉及该年的期限暂按周末和法定节日及补休推算，为暂定期限";
  return (
    `${year} 年的放假和调休安排尚未录入：${affected}。` +
    `国务院办公厅公布安排后，请在『节假日』表中逐日录入全年的放假和调休（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节的休息日和补休，以及调休上班日，类型 休 或 班）；` +
    `录入 ${springFestivalSpan(year)} 各日为 休 后，本提醒消除，此后该年按『节假日』表录入的日期计算（法定节日当天未录入的仍按休息日）`
  );
}

/**
 * The 提醒s of the years with no arrangement, one per year, from the parts of the ledger (the whole,
 * or the sync's chunks): their years added together, their suggestions counted together. A part
 * stored without counts (an older build) adds its years only.
 */
export function arrangementMissingMessages(
  parts: readonly { readonly unknownYears: readonly number[]; readonly provisionalDue?: ProvisionalDue }[],
): string[] {
  const rows = new Map<number, number>();
  for (const part of parts) {
    for (const year of part.unknownYears) rows.set(year, rows.get(year) ?? 0);
    for (const [year, n] of part.provisionalDue ?? []) rows.set(year, (rows.get(year) ?? 0) + n);
  }
  return [...rows.keys()]
    .sort((a, b) => a - b)
    .map((year) => arrangementMissingMessage(year, rows.get(year) ?? 0));
}
