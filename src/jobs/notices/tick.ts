import { requeueStranded } from "./enqueue";
import { type FlushResult, flushNoticeLog } from "./log-to-sheet";
import type { QueuingNoticeDeps } from "./notice-deps";
import { readdressWaiting } from "./retry-notice";
import { type DailyRunResult, startDailyNotices } from "./run-daily";

export interface NoticesTickResult {
  daily: DailyRunResult | Awaited<ReturnType<typeof startDailyNotices>>;
  /** Waiting notices moved to their recipient's corrected address (readdressWaiting). */
  readdressed: number;
  requeued: number;
  log: FlushResult;
}

/**
 * The hourly notices cron: what still waits goes to its recipient's corrected address (within the
 * hour of staff's fix, not the next day's run), the daily run when it is due (09:00 or later, once a
 * local day; its parts are planned by the job queue, one invocation each), then housekeeping that
 * keeps the outbox honest: queue again what lost its message, and write any outcome a consumer
 * could not log.
 */
export async function runNoticesTick(deps: QueuingNoticeDeps, nowMs: number): Promise<NoticesTickResult> {
  const readdressed = await readdressWaiting(deps, nowMs).then(
    (moved) => moved.length,
    (error: unknown) => {
      console.error(JSON.stringify({ level: "error", message: "readdress failed", error: String(error) }));
      return 0;
    },
  );
  // A daily run that cannot even start (D1 unreachable) must not stop the housekeeping after it.
  const daily: NoticesTickResult["daily"] = await startDailyNotices(deps, nowMs).catch((error: unknown) => ({
    outcome: "failed" as const,
    today: "",
    retryable: true,
    message: error instanceof Error ? error.message : String(error),
  }));
  const requeued = await requeueStranded(deps, nowMs);
  const log = await flushNoticeLog(deps, nowMs);
  return { daily, readdressed, requeued, log };
}
