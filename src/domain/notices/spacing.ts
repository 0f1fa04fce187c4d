import { addDaysIso } from "../civil-date";
import { daysBetween } from "../deadlines";
import { CATCH_UP_DAYS } from "./catch-up";
import type { Occurrence } from "./series";

/**
 * A repeating reminder that must never reach a recipient twice within its interval (逾期催办): its
 * grid starts on `first` and steps `intervalDays`, but a notice that went out late (the first run
 * over an old ledger catching up, a missed cron, a holiday with 仅工作日发送) moves the rest of the
 * series with it. A unit caught up on Monday would otherwise be pressed again on Tuesday, the next
 * day of the original grid.
 */
export interface Spacing {
  readonly first: string;
  readonly intervalDays: number;
}

const SPACED = /^n(\d+)(?:@(\d{4}-\d{2}-\d{2}))?$/;

/**
 * The occurrence of a spaced series that goes out on `day`: `n<k>@<day>`, k being the grid interval
 * the day falls in (sends are at least an interval apart, so no two share a k). The day is in the key
 * even on the grid: a bare `n<k>` only says where it fell on the grid of the 办理期限 of its time, so
 * once 办理期限 moves later (a 放假安排 entered, an extension) the new date's `n1` would be taken for
 * the old date's, and the first real overdue day would pass in silence.
 */
export function spacedOccurrenceOn(spacing: Spacing, day: string): Occurrence {
  const n = Math.floor(daysBetween(spacing.first, day) / spacing.intervalDays) + 1;
  return { occurrence: `n${n}@${day}`, dueOn: day };
}

/**
 * The day an occurrence of a spaced series went out. A bare `n<k>` (keys written before the day was
 * in every key) is read on the grid as it stands, as it always was: for an unchanged 办理期限 the
 * outbox's keys keep meaning what they meant, and nobody is pressed again.
 */
export function spacedDayOf(spacing: Spacing, occurrence: string): string | null {
  const m = SPACED.exec(occurrence);
  if (!m) return null;
  return m[2] ?? addDaysIso(spacing.first, (Number(m[1]) - 1) * spacing.intervalDays);
}

/**
 * The last one sent by today of the grid as it stands. One sent before the grid's first day was
 * counted from an earlier 办理期限 (none goes before the first working day after its own): once the
 * date moved later it neither spaces nor numbers the new date's series, whose first goes out on the
 * first working day after the new date as 已逾期 1 天.
 */
function latest(spacing: Spacing, occurrences: readonly string[], today: string) {
  let best: Occurrence | null = null;
  for (const occurrence of occurrences) {
    const day = spacedDayOf(spacing, occurrence);
    if (day && day >= spacing.first && day <= today && (!best || day > best.dueOn))
      best = { occurrence, dueOn: day };
  }
  return best;
}

/**
 * What a spaced series owes one recipient today, given the occurrences the outbox holds for that
 * recipient: `sent` (sent or waiting to be) and `failed` (失败). Nothing while the last one, sent or
 * failed, is less than an interval old: a failed one is then given back, under its own key, for a
 * working channel or a corrected address to deliver (planNotices skips the address it failed at).
 * Otherwise today's, keyed by today (spacedOccurrenceOn), so the next is an interval after it. With
 * none within the outbox keys planning loads, the grid decides as for any series: its latest day by
 * today, within the catch-up horizon.
 */
export function spacedDue(
  spacing: Spacing,
  today: string,
  sent: readonly string[],
  failed: readonly string[],
  horizonDays = CATCH_UP_DAYS,
): Occurrence | null {
  if (today < spacing.first) return null;
  const lastSent = latest(spacing, sent, today);
  const lastFailed = latest(spacing, failed, today);
  const last = lastFailed && (!lastSent || lastFailed.dueOn > lastSent.dueOn) ? lastFailed : lastSent;
  if (last && daysBetween(last.dueOn, today) < spacing.intervalDays) return last;
  if (!last) {
    const gridDay = addDaysIso(
      spacing.first,
      Math.floor(daysBetween(spacing.first, today) / spacing.intervalDays) * spacing.intervalDays,
    );
    if (gridDay < addDaysIso(today, -horizonDays)) return null;
  }
  return spacedOccurrenceOn(spacing, today);
}
