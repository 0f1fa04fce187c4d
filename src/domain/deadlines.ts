import type { Period } from "../../sheets-schema/cells/setting-cells";
import { type HandlingPeriod, PERIOD_MONTHS } from "../../sheets-schema/enums";
import type { Calendar, DayInfo } from "./calendar";
import {
  daysInMonth,
  isoFromSerial,
  isoFromYmd,
  serialFromIso,
  weekdayName,
  ymdFromSerial,
} from "./civil-date";

/** A computed 办理期限 with the reasoning shown on the dashboard. */
export interface Deadline {
  /** The last day of the period after rolling past rest days (ISO). */
  readonly due: string;
  /** The last day by plain counting, before rolling (ISO). */
  readonly nominal: string;
  readonly rolled: boolean;
  readonly explanation: string;
  /** Years whose holiday arrangement was unknown while rolling (weekends-only fallback). */
  readonly unknownYears: readonly number[];
}

const MONTH_WORDS: Record<number, string> = { 3: "三个月", 6: "六个月" };

/**
 * Adds calendar months (民法典 Art. 202): the period ends on the same-numbered day of the due month,
 * or on that month's last day when there is none (Nov 30 + 3 months = Feb 28/29).
 */
export function addMonths(date: string, months: number): { date: string; clamped: boolean } {
  const { year, month, day } = ymdFromSerial(serialFromIso(date));
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const last = daysInMonth(targetYear, targetMonth);
  return { date: isoFromYmd(targetYear, targetMonth, Math.min(day, last)), clamped: day > last };
}

/** Calendar days from `from` to `to` (positive when `to` is later); NaN for a bad date. */
export function daysBetween(from: string, to: string): number {
  return serialFromIso(to) - serialFromIso(from);
}

/** The n-th working day after `date`, the start day not counted (异议期限工作日). */
export function workingDaysAfter(date: string, n: number, calendar: Calendar): string {
  return calendar.addWorkingDays(date, n);
}

function dayLabel(date: string): string {
  return `${date}（${weekdayName(date)}）`;
}

function whyRest(info: DayInfo): string {
  switch (info.reason) {
    case "holiday":
      return `落在${info.name}假期`;
    case "overrideRest":
      return `『节假日』表列为休息日${info.name ? `（${info.name}）` : ""}`;
    case "statutoryHoliday":
      return `落在${info.name}法定假日`;
    case "statutoryMakeUp":
      return `是${info.name}适逢周末（或与其他节日同日）的补休日`;
    default:
      return "是周末";
  }
}

function whyWorking(info: DayInfo): string {
  switch (info.reason) {
    case "adjustedWorkday":
      return `是${info.name}调休上班日`;
    case "overrideWork":
      return `『节假日』表列为工作日${info.name ? `（${info.name}）` : ""}`;
    default:
      return "是工作日";
  }
}

/**
 * Rolls a nominal last day forward past rest days (民法典 Art. 203) and words the result.
 * `lead` says how the nominal day was reached, e.g. "交办日期 2026-03-02 起算三个月为".
 */
export function rollDeadline(nominal: string, lead: string, calendar: Calendar): Deadline {
  const info = calendar.describe(nominal);
  const due = calendar.rollForward(nominal);
  const unknownYears = unknownYearsBetween(serialFromIso(nominal), serialFromIso(due), calendar);
  const rolled = due !== nominal;
  const nominalLabel = `${nominal}（${info.weekday}）`;
  let explanation = rolled
    ? `${lead} ${nominalLabel}，${whyRest(info)}，顺延至 ${dayLabel(due)}`
    : `${lead} ${nominalLabel}，${whyWorking(info)}，即为期限`;
  if (unknownYears.length > 0) explanation += provisionalNote(unknownYears);
  return { due, nominal, rolled, explanation, unknownYears };
}

const PROVISIONAL = "（暂定：";

/** Whether a deadline's explanation says it may still move (a year with no arrangement entered). */
export function isProvisional(explanation: string | undefined): boolean {
  return explanation?.includes(PROVISIONAL) ?? false;
}

/** Why a deadline in a year with no arrangement may still move: shown after its explanation. */
function provisionalNote(years: readonly number[]): string {
  return `${PROVISIONAL}${years.join("、")} 年放假安排尚未录入，暂按周末和《全国年节及纪念日放假办法》规定的节日及补休推算，未含调休，录入安排后重新计算）`;
}

/**
 * A deadline units were told as 暂定 is never moved earlier by entering the year's arrangement
 * (以交办通知所列期限为准): worked out too with the calendar as `start` was assigned (asToldOn: the
 * years first seen since taken as not entered), the later of the two stands, its explanation saying
 * why. A later firm date is used as is; a start after the arrangement was seen has the firm one.
 * `told`: whose word it was, e.g. 交办时通知的期限.
 */
export function keptAsTold(
  start: string,
  calendar: Calendar,
  compute: (calendar: Calendar) => Deadline,
  told: string,
): Deadline {
  const firm = compute(calendar);
  const then = calendar.asToldOn(start);
  if (!then) return firm;
  const provisional = compute(then.calendar);
  if (provisional.due <= firm.due) return firm;
  const moved = provisional.unknownYears.filter((y) => then.years.includes(y));
  const years = (moved.length > 0 ? moved : then.years).join("、");
  const cut = provisional.explanation.indexOf(PROVISIONAL);
  const reasoning = cut < 0 ? provisional.explanation : provisional.explanation.slice(0, cut);
  let explanation =
    `按${told}（${years} 年放假安排录入前暂定）：${reasoning}；` +
    `按录入的 ${years} 年放假安排计算为 ${dayLabel(firm.due)}，早于已通知的期限，仍以通知所列期限为准`;
  if (firm.unknownYears.length > 0) explanation += provisionalNote(firm.unknownYears);
  return {
    due: provisional.due,
    nominal: provisional.nominal,
    rolled: provisional.rolled,
    explanation,
    unknownYears: firm.unknownYears,
  };
}

/** Years from `first` to `last` (day serials) whose arrangement the calendar lacks, ascending. */
function unknownYearsBetween(first: number, last: number, calendar: Calendar): number[] {
  const years: number[] = [];
  for (let s = first; s <= last; s += 1) {
    const year = ymdFromSerial(s).year;
    if (!calendar.isYearKnown(year) && !years.includes(year)) years.push(year);
  }
  return years;
}

/** The longest round-1 period 代表法 Art. 51 allows, an approved extension included. */
export const MAX_PERIOD_MONTHS = 6;

/** "<label> <start> 起算<words>为", or, when the month has no such day, that it took the last day. */
function monthsLead(
  label: string,
  start: string,
  months: number,
  words: string,
): { end: string; lead: string } {
  const end = addMonths(start, months);
  if (!end.clamped) return { end: end.date, lead: `${label} ${start} 起算${words}为` };
  const { year, month } = ymdFromSerial(serialFromIso(end.date));
  const day = Number(start.slice(8, 10));
  return {
    end: end.date,
    lead: `${label} ${start} 起算${words}，${year} 年 ${month} 月没有 ${day} 日，取该月最后一日`,
  };
}

/**
 * Round 1: 交办日期 + three months (六个月: six), the start day not counted, rolled past rest days.
 * A blank 办理时限 means 三个月. An approved 延期申请 (`extended`) makes it six months, never more
 * (代表法 Art. 51), and the explanation says 经批准延期.
 */
export function firstRoundDeadline(
  assignedOn: string,
  period: HandlingPeriod | null,
  calendar: Calendar,
  extended = false,
): Deadline {
  const own = PERIOD_MONTHS[period ?? "三个月"];
  const months = extended ? MAX_PERIOD_MONTHS : own;
  const byExtension = extended && own < MAX_PERIOD_MONTHS;
  const words = `${MONTH_WORDS[months] ?? `${months} 个月`}${byExtension ? "（经批准延期）" : ""}`;
  const { end, lead } = monthsLead("交办日期", assignedOn, months, words);
  const told = extended ? "此前通知的期限" : "交办时通知的期限";
  return keptAsTold(assignedOn, calendar, (c) => rollDeadline(end, lead, c), told);
}

const CHINESE_COUNTS = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

/**
 * Round 2: 二次交办日期 + 二次办理时限 (N天, or N个月 by the month rule of Art. 202), the start
 * day not counted, rolled past rest days. A number is read as days (二次办理时限天数 of older sheets).
 */
export function secondRoundDeadline(
  reassignedOn: string,
  period: Period | number,
  calendar: Calendar,
): Deadline {
  const { amount, unit } = typeof period === "number" ? { amount: period, unit: "天" as const } : period;
  const told = "二次交办时通知的期限";
  if (unit === "个月") {
    const words = `${CHINESE_COUNTS[amount] ?? amount}个月`;
    const { end, lead } = monthsLead("二次交办日期", reassignedOn, amount, words);
    return keptAsTold(reassignedOn, calendar, (c) => rollDeadline(end, lead, c), told);
  }
  const nominal = isoFromSerial(serialFromIso(reassignedOn) + amount);
  const lead = `二次交办日期 ${reassignedOn} 起算 ${amount} 天为`;
  return keptAsTold(reassignedOn, calendar, (c) => rollDeadline(nominal, lead, c), told);
}
