import type { Channel } from "../../../sheets-schema/enums";
import type { ClaimResult } from "../../store/outbox";
import { MAX_DELAY_SECONDS } from "../../store/robot-pacing";
import { claimBatch, deliverMessage, noticeRetryDelaySeconds } from "./deliver";
import { isNoticeMessage, noticeIdsOf } from "./enqueue";
import { queueNoticeLogStep } from "./log-step";
import type { QueuingNoticeDeps } from "./notice-deps";
import { robotDelays } from "./robot-slots";

export interface ConsumeSummary {
  /** Notices sent, and failed for good (a robot's bundle counts each of its notices). */
  sent: number;
  failed: number;
  /** Messages retried, and messages that had nothing left to send. */
  retried: number;
  skipped: number;
  /** The backoff each retried message was given, in seconds, by its first notice. */
  delays: { noticeId: number; delaySeconds: number }[];
}

/**
 * The jianyi-notices consumer: delivers each message's notices (a group robot's bundle in one robot
 * message, deliverMessage), acknowledges what is done (sent,
 * permanently failed after recording, or already finished), retries the rest with backoff (the
 * queue moves a message to the dead-letter queue after max_retries), then queues the step that
 * writes the outcomes to 通知记录 and 最近通知 a minute later, unless one is queued already (log-step).
 */
export async function consumeNotices(
  batch: MessageBatch<unknown>,
  deps: QueuingNoticeDeps,
): Promise<ConsumeSummary> {
  const summary: ConsumeSummary = { sent: 0, failed: 0, retried: 0, skipped: 0, delays: [] };
  const bodies = batch.messages.map((m) => m.body).filter(isNoticeMessage);
  const ids = [...new Set(bodies.flatMap(noticeIdsOf))];
  // Claimed in one D1 statement, not one per message: a full batch stays well within the Free
  // plan's 50 D1 queries per invocation (each message's recorded attempts are two statements,
  // however many notices it carries).
  let claims: Map<number, ClaimResult>;
  try {
    claims = ids.length > 0 ? await claimBatch(deps, ids, Date.now, bodies.length) : new Map();
  } catch (error) {
    // D1 failed: nothing was claimed or sent, so every message is tried again.
    console.error(JSON.stringify({ level: "error", queue: batch.queue, error: String(error) }));
    batch.retryAll({ delaySeconds: noticeRetryDelaySeconds(1) });
    summary.retried = batch.messages.length;
    return summary;
  }
  const handled = new Set<number>();
  const retries: Retry[] = [];
  for (const message of batch.messages) {
    if (!isNoticeMessage(message.body)) {
      message.ack(); // not a notice: nothing to deliver
      summary.skipped += 1;
      continue;
    }
    try {
      // A notice already carried by an earlier message of the batch: that message's delivery (or its
      // retry) answers for it, so the one claim never sends twice.
      const own = noticeIdsOf(message.body).filter((id) => !handled.has(id));
      for (const id of own) handled.add(id);
      const outcome =
        own.length > 0
          ? await deliverMessage(
              deps,
              own.map((id) => claims.get(id)),
              message.attempts,
            )
          : { sent: 0, failed: 0, skipped: "delivered by another message of this batch" };
      summary.sent += outcome.sent;
      summary.failed += outcome.failed;
      if (outcome.retry) {
        const { delaySeconds, route } = outcome.retry;
        retries.push({ message, noticeId: message.body.noticeId, delaySeconds, route });
        continue;
      }
      message.ack();
      if (outcome.sent + outcome.failed === 0) summary.skipped += 1;
    } catch (error) {
      // The outbox itself failed (D1): nothing was recorded, so try the message again.
      console.error(JSON.stringify({ level: "error", queue: batch.queue, error: String(error) }));
      const delaySeconds = noticeRetryDelaySeconds(message.attempts);
      message.retry({ delaySeconds });
      summary.delays.push({ noticeId: message.body.noticeId, delaySeconds });
      summary.retried += 1;
    }
  }
  for (const { message, noticeId, delaySeconds } of await pacedRetries(deps, retries)) {
    message.retry({ delaySeconds });
    summary.delays.push({ noticeId, delaySeconds });
    summary.retried += 1;
  }
  if (summary.sent + summary.failed > 0) await logOutcomes(deps, batch.queue);
  return summary;
}

interface Retry {
  message: Message<unknown>;
  noticeId: number;
  delaySeconds: number;
  route?: { channel: Channel; address: string };
}

/**
 * The batch's retries, each to a group robot placed at the robot's next free slot after its backoff
 * (one D1 statement for the batch): the notices a robot refused come back spaced out, not all in the
 * same second, and after the messages already queued to it. A slot beyond the queue's 12 hours waits
 * those 12 hours. Should D1 fail, the backoff alone.
 */
async function pacedRetries(deps: QueuingNoticeDeps, retries: Retry[]): Promise<Retry[]> {
  const nowMs = Date.now();
  // By the retry's place in the list: two messages of a batch may share their first notice.
  const routes = retries.flatMap((r, i) =>
    r.route ? [{ id: i, ...r.route, notBeforeMs: nowMs + r.delaySeconds * 1000 }] : [],
  );
  if (routes.length === 0) return retries;
  try {
    const slots = await robotDelays(deps.noticeOutbox.pacing, routes, nowMs);
    return retries.map((r, i) => {
      const slot = slots.get(i);
      return slot === undefined
        ? r
        : { ...r, delaySeconds: Math.max(r.delaySeconds, slot ?? MAX_DELAY_SECONDS) };
    });
  } catch (error) {
    console.error(JSON.stringify({ level: "error", message: "retry pacing failed", error: String(error) }));
    return retries;
  }
}

/**
 * The jianyi-notices-dlq consumer: the notices whose message ran out of retries are 失败 (their attempts
 * and last error stay in the outbox), and 通知记录 shows it.
 */
export async function consumeNoticeDeadLetters(
  batch: MessageBatch<unknown>,
  deps: QueuingNoticeDeps,
): Promise<number> {
  // Every notice of a robot's bundle: the message that carried them all ran out of retries.
  const ids = batch.messages
    .map((m) => m.body)
    .filter(isNoticeMessage)
    .flatMap(noticeIdsOf);
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

async function logOutcomes(deps: QueuingNoticeDeps, queue: string): Promise<void> {
  // The outcomes are safe in D1 either way: a log not written now is written by the hourly tick.
  // Called after they are recorded: a step already pending reads them when it runs.
  try {
    await queueNoticeLogStep(deps, Date.now());
  } catch (error) {
    console.warn(JSON.stringify({ level: "warn", queue, logStep: "not queued", error: String(error) }));
  }
}
