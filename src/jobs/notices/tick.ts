import { requeueStranded } from "./enqueue";
import { type FlushResult, flushNoticeLog } from "./log-to-sheet";
import type { QueuingNoticeDeps } from "./notice-deps";
import { type DailyRunResult, startDailyNotices } from "./run-daily";

export interface NoticesTickResult {
  daily: DailyRunResult | Awaited<ReturnType<typeof startDailyNotices>>;
  requeued: number;
  log: FlushResult;
}

/**
 * The hourly notices cron: the daily run when it is due (09:00 or later, once a local day; its
 * parts are planned by the job queue, one invocation each), then
 * housekeeping that keeps the outbox honest: queue again what lost its message, and write any
 * outcome a consumer could not log.
 */
export async function runNoticesTick(deps: QueuingNoticeDeps, nowMs: number): Promise<NoticesTickResult> {
  // A daily run that cannot even start (D1 unreachable) must not stop the housekeeping after it.
  const daily: NoticesTickResult["daily"] = await startDailyNotices(deps, nowMs).catch((error: unknown) => ({
    outcome: "failed" as const,
    today: "",
    retryable: true,
    message: error instanceof Error ? error.message : String(error),
  }));
  const requeued = await requeueStranded(deps, nowMs);
  const log = await flushNoticeLog(deps, nowMs);
  return { daily, requeued, log };
}
