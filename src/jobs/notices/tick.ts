import { PACING_KEPT_MS } from "../../store/robot-pacing";
import { requeueStranded } from "./enqueue";
import { queueFollowUp } from "./log-step";
import { type FlushResult, flushNoticeLog } from "./log-to-sheet";
import type { QueuingNoticeDeps } from "./notice-deps";
import { readdressWaiting } from "./retry-notice";
import { type DailyRunResult, startDailyNotices } from "./run-daily";

export interface NoticesTickResult {
  daily: DailyRunResult | Awaited<ReturnType<typeof startDailyNotices>>;
  /** Waiting notices moved to their recipient's corrected address (readdressWaiting). */
  readdressed: number;
  requeued: number;
  /** Robots forgotten, their last slot over a day past (robot_pacing); null when D1 failed. */
  prunedRobots: number | null;
  log: FlushResult;
}

/**
 * The hourly notices cron: what still waits goes to its recipient's corrected address (within the
 * hour of staff's fix, not the next day's run), the daily run when it is due (from 09:00, before 18:00, once a
 * local day; its parts are planned by the job queue, one invocation each), then housekeeping that
 * keeps the outbox honest: queue again what lost its message, forget robots not used for a day,
 * and write any outcome a consumer could not log (or whose log step was lost).
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
  // The prune goes out alongside the sweep's first query, not after it: no wait of its own. It counts
  // from the Worker's clock, as the slots do (enqueue.ts), not from `nowMs` (a run "as of" another
  // day). Beside the sweep's own reservation it is safe: its condition is read in its one statement.
  const [requeued, prunedRobots] = await Promise.all([
    requeueStranded(deps, nowMs),
    deps.noticeOutbox.pacing.prune(Date.now() - PACING_KEPT_MS).catch((error: unknown) => {
      console.error(
        JSON.stringify({ level: "error", message: "robot pacing prune failed", error: String(error) }),
      );
      return null;
    }),
  ]);
  const log = await flushNoticeLog(deps, nowMs);
  await queueFollowUp(deps, log, nowMs);
  return { daily, readdressed, requeued, prunedRobots, log };
}
