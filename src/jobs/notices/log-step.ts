import { type FlushResult, flushNoticeLog } from "./log-to-sheet";
import type { QueuingNoticeDeps } from "./notice-deps";

/**
 * The job-queue message that writes finished notices to the sheet (通知记录, 最近通知). The notices
 * consumer queues it after a batch instead of writing in the same invocation, so that sending ten
 * notices and the sheet's reads and checked write each have the Free plan's 10 ms of CPU to itself.
 * `mark` names the pending mark its queueing took (queueNoticeLogStep); a step without one (queued by
 * an older build, or the bench) only writes.
 */
export interface NoticeLogStep {
  job: "notice-log";
  mark?: string;
}

export const NOTICE_LOG_STEP: NoticeLogStep = { job: "notice-log" };

export function isNoticeLogStep(body: unknown): body is NoticeLogStep {
  return typeof body === "object" && body !== null && (body as NoticeLogStep).job === "notice-log";
}

/**
 * How long a queued log step waits: the outcomes of every batch finishing in that time are written
 * by it together. Notices to one robot go 4 s apart, one or two a batch, so a step per batch was up to
 * 100 steps for 100 notices (3 Queues operations and a Sheets write each); now about one a minute.
 */
export const LOG_STEP_DELAY_SECONDS = 60;

/**
 * How long the next step waits after a flush that left outcomes (FLUSH_LIMIT a flush): soon, but two
 * Sheets writes a step stay well under Google's 60 a minute beside the sync's.
 */
export const LOG_FOLLOW_UP_DELAY_SECONDS = 10;

/**
 * The pending mark: a lease row (one conditional statement takes it, so of two consumers finishing at
 * once exactly one queues the step) held by the queued step until it runs. It expires by itself, the
 * step's delay plus two minutes for a job queue running late, so a step that was lost holds no later
 * batch back for long; the hourly tick's flush writes whatever is left meanwhile.
 */
const PENDING_MARK = "notice-log-pending";
const PENDING_MARK_TTL_MS = (LOG_STEP_DELAY_SECONDS + 120) * 1000;

/**
 * Queues the log step unless one is pending: "queued", or "pending" when an earlier batch's step will
 * write this batch's outcomes too (they are in D1 before the mark is checked, and the step clears its
 * mark before it reads the outbox). One D1 statement, and a Queues message only when it won the mark.
 */
export async function queueNoticeLogStep(
  deps: Pick<QueuingNoticeDeps, "lease" | "jobsQueue">,
  nowMs: number,
  delaySeconds = LOG_STEP_DELAY_SECONDS,
): Promise<"queued" | "pending"> {
  const mark = `notice-log-step-${crypto.randomUUID()}`;
  if (!(await deps.lease.acquire(PENDING_MARK, mark, PENDING_MARK_TTL_MS, nowMs))) return "pending";
  try {
    const step: NoticeLogStep = { job: "notice-log", mark };
    await deps.jobsQueue.send(step, { delaySeconds });
  } catch (error) {
    // No step is on its way: the next batch may queue one at once rather than after the mark expires.
    await deps.lease.release(PENDING_MARK, mark).catch(() => undefined);
    throw error;
  }
  return "queued";
}

/**
 * Writes what is not logged yet. Its mark is cleared first, before the outbox is read: a batch that
 * found this mark held had recorded its outcomes already, so they are read here; a batch finishing
 * after the clearing queues the next step. So a step retried for "busy" (below) holds no later batch
 * back, and its retry clears nobody else's mark (the mark is cleared by its holder's name only).
 * Another flush running may have read the outbox before this batch's outcomes were recorded, so "busy"
 * is tried again (the queue's backoff); a failure (a 429, 通知记录's header unreadable) is left to the
 * hourly tick's flush, which reports it, rather than retried here.
 */
export async function runNoticeLogStep(
  deps: Pick<QueuingNoticeDeps, "lease" | "meta" | "noticeOutbox" | "sheets" | "tabCache" | "jobsQueue">,
  nowMs: number,
  step: NoticeLogStep,
): Promise<FlushResult> {
  if (step.mark) await deps.lease.release(PENDING_MARK, step.mark);
  const log = await flushNoticeLog(deps, nowMs);
  if (log.outcome === "busy") throw new Error("通知记录正由另一次写入占用，稍后再写");
  await queueFollowUp(deps, log, nowMs);
  return log;
}

/**
 * After a flush that left outcomes, the next step (a flush writes FLUSH_LIMIT): queued unless one is
 * pending already, which writes them too. Not queued, they wait for the next batch's step or the
 * hourly tick's flush, so a failure here is logged, not thrown (the flush is done).
 */
export async function queueFollowUp(
  deps: Pick<QueuingNoticeDeps, "lease" | "jobsQueue">,
  log: FlushResult,
  nowMs: number,
): Promise<void> {
  if (log.outcome !== "ok" || !log.more) return;
  await queueNoticeLogStep(deps, nowMs, LOG_FOLLOW_UP_DELAY_SECONDS).catch((error: unknown) =>
    console.warn(JSON.stringify({ level: "warn", logStep: "follow-up not queued", error: String(error) })),
  );
}
