/** Notices go out once local time in 设置 时区 has reached this hour. */
export const DAILY_RUN_HOUR = 9;

/**
 * No daily run starts at or after this local hour: offices read their 钉钉/企业微信 groups and mail in
 * office hours (most close at 17:30 or 18:00), so the hourly cron's last chance is its 17:00 tick,
 * whose robot pacing still ends within office hours. A day that had no run by then is caught up by
 * the next run (the next day's 09:00, or the next working day's with 仅工作日发送), once, as for a
 * missed cron: the planner sends what fell due since, within its catch-up window.
 */
export const DAILY_RUN_END_HOUR = 18;

export interface DailyRunClock {
  /** Local date in 设置 时区. */
  readonly today: string;
  /** Local hour, 0–23. */
  readonly hour: number;
  /** The local date of the last completed daily run, if any. */
  readonly lastRunOn: string | null;
}

export type DailyRunDecision =
  | { readonly run: true }
  | { readonly run: false; readonly reason: "before-hour" | "already-ran" | "after-hour" };

/**
 * Whether the hourly cron should start the daily notices now: once per local day, from 09:00 and
 * before 18:00. A failed run leaves no mark, so the next hour tries again until 18:00; after that the
 * next day's run catches up. (Rest days are the planner's concern: the run happens and plans nothing.)
 * Only the start is gated: notices a run already queued are delivered whenever the queue gets to them.
 */
export function decideDailyRun(clock: DailyRunClock): DailyRunDecision {
  if (clock.hour < DAILY_RUN_HOUR) return { run: false, reason: "before-hour" };
  if (clock.lastRunOn !== null && clock.lastRunOn >= clock.today)
    return { run: false, reason: "already-ran" };
  if (clock.hour >= DAILY_RUN_END_HOUR) return { run: false, reason: "after-hour" };
  return { run: true };
}
