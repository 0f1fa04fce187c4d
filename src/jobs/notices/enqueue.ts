import type { NoticeOutbox } from "../../store/outbox";

/** The body of a jianyi-notices message: the outbox row to deliver. */
export interface NoticeMessage {
  noticeId: number;
}

export function isNoticeMessage(body: unknown): body is NoticeMessage {
  return typeof body === "object" && body !== null && typeof (body as NoticeMessage).noticeId === "number";
}

/** Queues.sendBatch takes at most 100 messages. */
const SEND_BATCH = 100;

/**
 * Queues delivery of outbox rows. A failed send is logged, not thrown: the rows stay 待发送 and
 * never enqueued, and the hourly sweep queues them again.
 */
export async function enqueueNotices(
  deps: { noticesQueue: Queue<unknown>; noticeOutbox: NoticeOutbox },
  ids: readonly number[],
  nowMs: number,
): Promise<number> {
  let sent = 0;
  for (let i = 0; i < ids.length; i += SEND_BATCH) {
    const chunk = ids.slice(i, i + SEND_BATCH);
    try {
      await deps.noticesQueue.sendBatch(
        chunk.map((noticeId) => ({ body: { noticeId } satisfies NoticeMessage })),
      );
      await deps.noticeOutbox.markEnqueued(chunk, new Date(nowMs).toISOString());
      sent += chunk.length;
    } catch (error) {
      console.warn(JSON.stringify({ level: "warn", message: "notice enqueue failed", error: String(error) }));
    }
  }
  return sent;
}

/** A 待发送 row never queued this long after planning is queued again. */
const UNQUEUED_AFTER_MS = 10 * 60_000;
/** Longer than a message's whole retry schedule: its message was lost (or its dead letter). */
const REQUEUE_AFTER_MS = 6 * 3600_000;

/** Queues again 待发送 notices whose message never went out or was lost; returns how many. */
export async function requeueStranded(
  deps: { noticesQueue: Queue<unknown>; noticeOutbox: NoticeOutbox },
  nowMs: number,
): Promise<number> {
  const ids = await deps.noticeOutbox.stranded(
    new Date(nowMs - UNQUEUED_AFTER_MS).toISOString(),
    new Date(nowMs - REQUEUE_AFTER_MS).toISOString(),
    500,
  );
  return enqueueNotices(deps, ids, nowMs);
}
