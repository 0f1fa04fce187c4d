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
 * The occurrence of a spaced series that goes out on `day`: `n<k>` on the grid's k-th day (so a
 * series never caught up keys as it always did), `n<k>@<day>` off it, k being the grid interval
 * the day falls in. Sends are at least an interval apart, so no two share a k.
 */
export function spacedOccurrenceOn(spacing: Spacing, day: string): Occurrence {
  const since = daysBetween(spacing.first, day);
  const n = Math.floor(since / spacing.intervalDays) + 1;
  const onGrid = since % spacing.intervalDays === 0;
  return { occurrence: onGrid ? `n${n}` : `n${n}@${day}`, dueOn: day };
}

/** The day an occurrence of a spaced series went out (a bare `n<k>`: the grid's k-th day). */
export function spacedDayOf(spacing: Spacing, occurrence: string): string | null {
  const m = SPACED.exec(occurrence);
  if (!m) return null;
  return m[2] ?? addDaysIso(spacing.first, (Number(m[1]) - 1) * spacing.intervalDays);
}

function latest(spacing: Spacing, occurrences: readonly string[], today: string) {
  let best: Occurrence | null = null;
  for (const occurrence of occurrences) {
    const day = spacedDayOf(spacing, occurrence);
    if (day && day <= today && (!best || day > best.dueOn)) best = { occurrence, dueOn: day };
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
