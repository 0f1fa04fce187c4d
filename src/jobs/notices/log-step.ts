import { type FlushResult, flushNoticeLog } from "./log-to-sheet";
import type { NoticeDeps } from "./notice-deps";

/**
 * The job-queue message that writes finished notices to the sheet (通知记录, 最近通知). The notices
 * consumer sends it after a batch instead of writing in the same invocation, so that sending ten
 * notices and the sheet's reads and checked write each have the Free plan's 10 ms of CPU to itself.
 */
export interface NoticeLogStep {
  job: "notice-log";
}

export const NOTICE_LOG_STEP: NoticeLogStep = { job: "notice-log" };

export function isNoticeLogStep(body: unknown): body is NoticeLogStep {
  return typeof body === "object" && body !== null && (body as NoticeLogStep).job === "notice-log";
}

/**
 * Writes what is not logged yet. Another flush running may have read the outbox before this batch's
 * outcomes were recorded, so "busy" is tried again (the queue's backoff); a failure (a 429, 通知记录's
 * header unreadable) is left to the hourly tick's flush, which reports it, rather than retried here.
 */
export async function runNoticeLogStep(
  deps: Pick<NoticeDeps, "lease" | "meta" | "noticeOutbox" | "sheets" | "tabCache">,
  nowMs: number,
): Promise<FlushResult> {
  const log = await flushNoticeLog(deps, nowMs);
  if (log.outcome === "busy") throw new Error("通知记录正由另一次写入占用，稍后再写");
  return log;
}
