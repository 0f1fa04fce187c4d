import type { NoticeOutbox } from "../../store/outbox";
import { robotDelays } from "./robot-slots";

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
 * Queues delivery of outbox rows, each message to a group robot delayed to the robot's next free
 * slot (robot-slots.ts): a run's notices reach one robot spaced out under its rate limit, across
 * every call (the run's steps, the hourly sweep, staff's retries). A notice whose slot is more than
 * the queue's 12 hours off is left unqueued for the sweep. Three D1 queries (routes, slots, stamps)
 * however many; no Queues operation beyond the one message each. A failed send is logged, not
 * thrown: the rows stay 待发送 and never enqueued, and the hourly sweep queues them again.
 */
export async function enqueueNotices(
  deps: { noticesQueue: Queue<unknown>; noticeOutbox: NoticeOutbox },
  ids: readonly number[],
  nowMs: number,
): Promise<number> {
  if (ids.length === 0) return 0;
  let delays: Map<number, number | null>;
  try {
    // Slots are in the Worker's own time: `nowMs` is the run's, and a forced run plays another day.
    const routes = await deps.noticeOutbox.routes(ids);
    delays = await robotDelays(deps.noticeOutbox.pacing, routes, Date.now());
  } catch (error) {
    // Not sent unpaced: a burst is what gets a robot banned. The sweep queues them within the hour.
    warn("notice pacing failed", error);
    return 0;
  }
  const due = ids.flatMap((noticeId) => {
    const delaySeconds = delays.get(noticeId);
    return delaySeconds === undefined || delaySeconds === null ? [] : [{ noticeId, delaySeconds }];
  });
  const stamps: [number, string][] = [];
  for (let i = 0; i < due.length; i += SEND_BATCH) {
    const chunk = due.slice(i, i + SEND_BATCH);
    try {
      await deps.noticesQueue.sendBatch(
        chunk.map(({ noticeId, delaySeconds }) => ({
          body: { noticeId } satisfies NoticeMessage,
          ...(delaySeconds > 0 ? { delaySeconds } : {}),
        })),
      );
      for (const { noticeId, delaySeconds } of chunk)
        stamps.push([noticeId, new Date(nowMs + delaySeconds * 1000).toISOString()]);
    } catch (error) {
      warn("notice enqueue failed", error);
    }
  }
  // Not stamped, a notice is queued again by the sweep: its two messages still send it once (claim).
  await deps.noticeOutbox.markEnqueued(stamps).catch((error: unknown) => warn("notice stamp failed", error));
  return stamps.length;
}

function warn(message: string, error: unknown): void {
  console.warn(JSON.stringify({ level: "warn", message, error: String(error) }));
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
