/** Notices go out once local time in 设置 时区 has reached this hour. */
export const DAILY_RUN_HOUR = 9;

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
  | { readonly run: false; readonly reason: "before-hour" | "already-ran" };

/**
 * Whether the hourly cron should run the daily notices now: once per local day, at or after 09:00.
 * A failed run leaves no mark, so the next hour tries again. (Rest days are the planner's concern:
 * the run happens and plans nothing.)
 */
export function decideDailyRun(clock: DailyRunClock): DailyRunDecision {
  if (clock.hour < DAILY_RUN_HOUR) return { run: false, reason: "before-hour" };
  if (clock.lastRunOn !== null && clock.lastRunOn >= clock.today)
    return { run: false, reason: "already-ran" };
  return { run: true };
}
