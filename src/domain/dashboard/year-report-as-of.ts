import { displayDate } from "../notices/format";
import type { StatisticsRow } from "../statistics";

/**
 * “统计截至” for the year-end documents (the year report, its .docx, 单位测评, the 表彰建议 list):
 * a year's figures and ranking keep moving after 31 December while its late suggestions fall due
 * (a sync in January moved a unit from 3rd to 9th), so a printed list says as of when, and whether
 * it may still change.
 */

/** What the documents need to say as of when. */
export interface AsOf {
  /** The year the document is about. */
  readonly year: number;
  /** The day the figures were worked out for (the stored summary's day). */
  readonly today: string;
  /** The sync the figures come from, local "YYYY-MM-DD HH:MM"; null when not known. */
  readonly syncedAt: string | null;
  /**
   * Rounds of the year's suggestions still unreplied within their 办理期限 (pendingRounds); null
   * when not known (then only the year's end is judged).
   */
  readonly pending: number | null;
  /** The year's suggestions 立案 but not yet 交办 (待交办: reportAwaiting); absent: none known. */
  readonly awaiting?: number;
}

/**
 * What the caveats read of a line. `awaitingAssignment` (the report's figures, report-ratings.ts):
 * its suggestions counted as 承办件数 (立案, with a 主办单位) that have no 交办日期 and no reply, 台账状态
 * 待交办; a report stored by an older build lacks it.
 */
export type PendingLine = Pick<
  StatisticsRow,
  "assigned" | "replied" | "overdueUnreplied" | "reassigned" | "secondReplied" | "secondOverdue"
> & { readonly awaitingAssignment?: number };

/** The line's suggestions 立案 with a 主办单位 but not yet 交办 (待交办): they have no 办理期限 yet. */
export function awaitingAssignment(line: PendingLine): number {
  return line.awaitingAssignment ?? 0;
}

/**
 * Rounds of a line's suggestions not replied and not yet past their limit: when one falls due it
 * adds to 按期答复率's denominator, on time or not, so the rates and ranks built on it can move.
 * Round 1: those 交办 (a 待交办 one has no limit to be within: counted as such it kept the caveat
 * up for good), less those replied and those overdue in round 1 (a running second round means
 * round 1 was replied); round 2: those reassigned, less replied and overdue.
 */
export function pendingRounds(line: PendingLine): number {
  // `?? 0`: a report stored by an older build may lack the second-round counts.
  const secondOverdue = line.secondOverdue ?? 0;
  const first =
    line.assigned - awaitingAssignment(line) - line.replied - (line.overdueUnreplied - secondOverdue);
  const second = (line.reassigned ?? 0) - (line.secondReplied ?? 0) - secondOverdue;
  return Math.max(0, first) + Math.max(0, second);
}

/** What the caveats read of a year report. */
export interface ReportPending {
  readonly year: number;
  readonly today: string;
  readonly overall: PendingLine;
  /** `withoutLeadUnit` (year-report.ts); absent from a report stored by an older build. */
  readonly totals?: { readonly withoutLeadUnit?: number };
}

/**
 * The year's suggestions 待交办 (台账状态 rule 4): those of the units' lines without a 交办日期, and
 * those 立案 without a 主办单位. Given a unit and a 交办日期, either falls due and joins the figures
 * (and a unit's 单位测评), so both keep the caveat up.
 */
export function reportAwaiting(report: ReportPending): number {
  return awaitingAssignment(report.overall) + (report.totals?.withoutLeadUnit ?? 0);
}

/** What the caveat reads of a year report (the page and its Word draft alike). */
export function reportAsOf(report: ReportPending): Omit<AsOf, "syncedAt"> {
  return {
    year: report.year,
    today: report.today,
    pending: pendingRounds(report.overall),
    awaiting: reportAwaiting(report),
  };
}

/** `asOf=year-end`: a year report's figures as kept at the year's end, not today's. */
export const YEAR_END = "year-end";

/**
 * A year report kept as it stood at the year's end (page-figures.ts yearEndCopies): `asOf`, the
 * day of the first sync on or after 1 January of the next year that kept it.
 */
export interface YearEndCopy {
  readonly year: number;
  readonly asOf: string;
}

/**
 * The day a year-end copy counts to, honestly: “2027-01-01”, or “2027-03-05 首次同步” when the first
 * sync after the year's end came later (an office that deployed in March): never 31 December.
 */
export function yearEndDay(copy: YearEndCopy, date: (iso: string) => string = displayDate): string {
  return copy.asOf === `${copy.year + 1}-01-01` ? date(copy.asOf) : `${date(copy.asOf)} 首次同步`;
}

/**
 * The note on a year's report of today's figures when its year-end copy exists, before the link to
 * it: “年末数字：截至 2027-01-01 的统计（之后的答复、测评未计入）。” `what`: what was kept (“测评”
 * on 单位测评).
 */
export function yearEndOffer(
  copy: YearEndCopy,
  date: (iso: string) => string = displayDate,
  what = "统计",
): string {
  const day = yearEndDay(copy, date);
  // A space after a date, none after 首次同步.
  return `年末数字：截至 ${day}${day.endsWith("同步") ? "" : " "}的${what}（之后的答复、测评未计入）。`;
}

/** Why `?asOf=` is refused: only YEAR_END, or none (today's figures). */
export function asOfRefused(asOf: string): string {
  return `asOf 只能是 ${YEAR_END}（年末数字），收到“${asOf.slice(0, 40)}”；不写 asOf 即今天的数字`;
}

/** `?asOf=year-end` with no year: which to write (`page`: /report, /assessment). */
export function yearEndWithoutYear(page: string, today: string): string {
  return `年末数字须指明年度，例如 ${page}?year=${Number(today.slice(0, 4)) - 1}&asOf=${YEAR_END}`;
}

/** Why `page?year=&asOf=year-end` finds no copy of `year` on `today`, and where today's figures are. */
export function noYearEndCopy(page: string, year: number, today: string): string {
  const why =
    year >= Number(today.slice(0, 4))
      ? `${year} 年度尚未结束：年末数字在 ${year + 1} 年 1 月 1 日起的第一次同步时保存`
      : `年末数字在 ${year} 年结束后的第一次同步时保存，那次同步时台账里没有 ${year} 年的建议，或此后还没有同步过`;
  return `没有保存 ${year} 年的年末数字（${why}）。今天的数字见 ${page}?year=${year}`;
}

/**
 * What a year-end copy says instead of mayChangeLine: it no longer changes, and what was still
 * open when it was kept.
 */
export function yearEndKeptLine(a: Pick<AsOf, "pending" | "awaiting">, what: string): string {
  const pending = a.pending !== null && a.pending > 0 ? a.pending : 0;
  const awaiting = a.awaiting ?? 0;
  const then = [
    pending > 0 ? `${pending} 件建议未到办理期限` : "",
    awaiting > 0 ? `${awaiting} 件建议尚未交办` : "",
  ]
    .filter(Boolean)
    .join("、");
  return `年末数字保存后不再变化${then ? `（当时尚有 ${then}）` : ""}；之后的答复、测评只计入今天的${what}。`;
}

/**
 * “统计截至 2027年1月5日（数据来自 09:10 的同步）”: the sync's day is said only when it is another.
 * `date` writes a day: 年月日 in a document (the default); a page's screen notes pass the ISO form
 * their sync line uses (今天 2027-01-05), so one page does not say one day two ways. `yearEnd`: the
 * year whose year-end copy the figures are (`today` the day it was kept): “统计截至 2027年1月1日
 * （年末数字）”, no sync time (the copy's sync is not the page's last).
 */
export function asOfLine(
  a: Pick<AsOf, "today" | "syncedAt"> & { readonly yearEnd?: number },
  date: (iso: string) => string = displayDate,
): string {
  if (a.yearEnd !== undefined)
    return `统计截至 ${yearEndDay({ year: a.yearEnd, asOf: a.today }, date)}（年末数字）`;
  const synced = a.syncedAt ? /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/.exec(a.syncedAt) : null;
  const when = synced ? (synced[1] === a.today ? synced[2] : `${date(synced[1] ?? "")} ${synced[2]}`) : "";
  return `统计截至 ${date(a.today)}${when ? `（数据来自 ${when} 的同步）` : ""}`;
}

/**
 * Whether the figures may still change, and why; null when the year is over and nothing of it is
 * still within its 办理期限 or still to be assigned. `what` names what moves (“名次” on the ranking, “数字” in the report).
 */
export function mayChangeLine(a: Omit<AsOf, "syncedAt">, what: string): string | null {
  const pending = a.pending !== null && a.pending > 0 ? a.pending : 0;
  // A 待交办 one has no 办理期限 to be within, but once assigned it falls due and counts.
  const awaiting = a.awaiting ?? 0;
  const waiting = [
    pending > 0 ? `尚有 ${pending} 件建议未到办理期限` : "",
    awaiting > 0 ? `${pending > 0 ? "另有" : "尚有"} ${awaiting} 件建议尚未交办` : "",
  ]
    .filter(Boolean)
    .join("，");
  if (a.today <= `${a.year}-12-31`)
    return `${a.year} 年度尚未结束${waiting ? `，${waiting}` : ""}，${what}可能变化。`;
  return waiting ? `本年度${waiting}，${what}可能变化。` : null;
}
