import { addDaysIso } from "../civil-date";
import type { NoticeSeries, Occurrence } from "./series";

/**
 * How far back a notice that no run sent may still go out: longer than the longest run of rest
 * days (春节 is nine) plus a few missed crons, and short enough that the first run over an existing
 * ledger does not send units months-old 交办通知.
 */
export const CATCH_UP_DAYS = 30;

/**
 * The occurrence of a series to send today: the latest one due on or before today, if it is within
 * the catch-up horizon and the series is still open. Earlier ones are superseded: when several
 * offsets of one reminder passed unsent, only the latest goes out.
 */
export function dueOccurrence(
  series: NoticeSeries,
  today: string,
  horizonDays = CATCH_UP_DAYS,
): Occurrence | null {
  if (series.lastDay && today > series.lastDay) return null;
  let latest: Occurrence | null = null;
  for (const occurrence of series.occurrences) if (occurrence.dueOn <= today) latest = occurrence;
  if (!latest || latest.dueOn < addDaysIso(today, -horizonDays)) return null;
  return latest;
}
