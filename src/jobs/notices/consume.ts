import { deliverNotice, noticeRetryDelaySeconds } from "./deliver";
import { isNoticeMessage } from "./enqueue";
import { flushNoticeLog } from "./log-to-sheet";
import type { NoticeDeps } from "./notice-deps";

export interface ConsumeSummary {
  sent: number;
  failed: number;
  retried: number;
  skipped: number;
  /** The backoff each retried notice was given, in seconds. */
  delays: { noticeId: number; delaySeconds: number }[];
}

/**
 * The jianyi-notices consumer: delivers each message's notice, acknowledges what is done (sent,
 * permanently failed after recording, or already finished), retries the rest with backoff (the
 * queue moves a message to the dead-letter queue after max_retries), then writes the outcomes to
 * 通知记录 and 最近通知 in one batch.
 */
export async function consumeNotices(
  batch: MessageBatch<unknown>,
  deps: NoticeDeps,
): Promise<ConsumeSummary> {
  const summary: ConsumeSummary = { sent: 0, failed: 0, retried: 0, skipped: 0, delays: [] };
  for (const message of batch.messages) {
    if (!isNoticeMessage(message.body)) {
      message.ack(); // not a notice: nothing to deliver
      summary.skipped += 1;
      continue;
    }
    try {
      const { noticeId } = message.body;
      const outcome = await deliverNotice(deps, noticeId, message.attempts);
      if (outcome.kind === "retry") {
        message.retry({ delaySeconds: outcome.delaySeconds });
        summary.delays.push({ noticeId, delaySeconds: outcome.delaySeconds });
        summary.retried += 1;
        continue;
      }
      message.ack();
      if (outcome.kind === "sent") summary.sent += 1;
      else if (outcome.kind === "failed") summary.failed += 1;
      else summary.skipped += 1;
    } catch (error) {
      // The outbox itself failed (D1): nothing was recorded, so try the message again.
      console.error(JSON.stringify({ level: "error", queue: batch.queue, error: String(error) }));
      const delaySeconds = noticeRetryDelaySeconds(message.attempts);
      message.retry({ delaySeconds });
      summary.delays.push({ noticeId: message.body.noticeId, delaySeconds });
      summary.retried += 1;
    }
  }
  if (summary.sent + summary.failed > 0) await logOutcomes(deps, batch.queue);
  return summary;
}

/**
 * The jianyi-notices-dlq consumer: a notice whose message ran out of retries is 失败 (its attempts
 * and last error stay in the outbox), and 通知记录 shows it.
 */
export async function consumeNoticeDeadLetters(
  batch: MessageBatch<unknown>,
  deps: NoticeDeps,
): Promise<number> {
  const ids = batch.messages
    .map((m) => m.body)
    .filter(isNoticeMessage)
    .map((b) => b.noticeId);
  const marked = await deps.noticeOutbox.markFailed(
    ids,
    new Date().toISOString(),
    "多次投递仍失败，已转入死信队列",
  );
  console.error(JSON.stringify({ level: "error", queue: batch.queue, deadLetters: ids.length, marked }));
  batch.ackAll();
  if (marked > 0) await logOutcomes(deps, batch.queue);
  return marked;
}

async function logOutcomes(deps: NoticeDeps, queue: string): Promise<void> {
  // The outcomes are safe in D1 either way: an unwritten log is written by the next flush.
  const log = await flushNoticeLog(deps, Date.now());
  if (log.outcome === "failed") console.warn(JSON.stringify({ level: "warn", queue, log }));
}
