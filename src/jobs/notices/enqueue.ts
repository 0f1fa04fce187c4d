import { bundleMaxBytes, bundles, planBundles } from "../../domain/notices/robot-bundles";
import type { NoticeOutbox, OutboxRoute } from "../../store/outbox";
import { robotDelays } from "./robot-slots";

/**
 * The body of a jianyi-notices message: the outbox row to deliver, and `with` the other notices to
 * the same group robot sent in the same robot message (a bundle, robot-bundles.ts). A message
 * queued before bundles existed has no `with`.
 */
export interface NoticeMessage {
  noticeId: number;
  with?: number[];
}

export function isNoticeMessage(body: unknown): body is NoticeMessage {
  if (typeof body !== "object" || body === null) return false;
  const { noticeId, with: others } = body as NoticeMessage;
  return (
    typeof noticeId === "number" &&
    (others === undefined || (Array.isArray(others) && others.every((id) => typeof id === "number")))
  );
}

/** Every notice a message carries, its own first. */
export const noticeIdsOf = (message: NoticeMessage): number[] => [message.noticeId, ...(message.with ?? [])];

/**
 * The messages these notices go as, in id order of their first notice: a group robot's notices
 * bundled (robot-bundles.ts), each bundle to one address and channel; the others one a message.
 */
function planMessages(routes: readonly OutboxRoute[]): OutboxRoute[][] {
  const byRobot = new Map<string, OutboxRoute[]>();
  for (const route of routes) {
    if (!bundles(route.channel, route.type)) continue;
    const robot = `${route.channel} ${route.address}`;
    const list = byRobot.get(robot);
    if (list) list.push(route);
    else byRobot.set(robot, [route]);
  }
  const bundleOf = new Map<number, OutboxRoute[]>();
  for (const robotRoutes of byRobot.values()) {
    const maxBytes = bundleMaxBytes(robotRoutes[0]?.channel ?? "wecom");
    for (const bundle of planBundles(robotRoutes, maxBytes))
      if (bundle[0]) bundleOf.set(bundle[0].id, bundle);
  }
  return routes.flatMap((route) => {
    if (!bundles(route.channel, route.type)) return [[route]];
    // A bundle's later notices go in its first one's message.
    const bundle = bundleOf.get(route.id);
    return bundle ? [bundle] : [];
  });
}

/** Queues.sendBatch takes at most 100 messages. */
const SEND_BATCH = 100;

/**
 * Queues delivery of outbox rows, a group robot's notices of this call bundled into few messages
 * (planMessages), each message to a group robot delayed to the robot's next free slot
 * (robot-slots.ts): a run's notices reach one robot spaced out under its rate limit, across every
 * call (the run's steps, the hourly sweep, staff's retries). A message whose slot is more than the
 * queue's 12 hours off is left unqueued for the sweep. Three D1 queries (routes, slots, stamps)
 * however many; no Queues operation beyond the one message each. A failed send is logged, not
 * thrown: the rows stay 待发送 and never enqueued, and the hourly sweep queues them again. Returns
 * how many notices were queued (not messages).
 */
export async function enqueueNotices(
  deps: { noticesQueue: Queue<unknown>; noticeOutbox: NoticeOutbox },
  ids: readonly number[],
  nowMs: number,
): Promise<number> {
  if (ids.length === 0) return 0;
  let messages: OutboxRoute[][];
  let delays: Map<number, number | null>;
  try {
    // Slots are in the Worker's own time: `nowMs` is the run's, and a forced run plays another day.
    // One slot a message: a bundle's first notice stands for it.
    messages = planMessages(await deps.noticeOutbox.routes(ids));
    delays = await robotDelays(
      deps.noticeOutbox.pacing,
      messages.flatMap(([first]) => (first ? [first] : [])),
      Date.now(),
    );
  } catch (error) {
    // Not sent unpaced: a burst is what gets a robot banned. The sweep queues them within the hour.
    warn("notice pacing failed", error);
    return 0;
  }
  const due = messages.flatMap((bundle) => {
    const [first, ...others] = bundle.map((r) => r.id);
    const delaySeconds = first === undefined ? undefined : delays.get(first);
    if (first === undefined || delaySeconds === undefined || delaySeconds === null) return [];
    const body: NoticeMessage = others.length > 0 ? { noticeId: first, with: others } : { noticeId: first };
    return [{ body, delaySeconds }];
  });
  const stamps: [number, string][] = [];
  for (let i = 0; i < due.length; i += SEND_BATCH) {
    const chunk = due.slice(i, i + SEND_BATCH);
    try {
      await deps.noticesQueue.sendBatch(
        chunk.map(({ body, delaySeconds }) => ({ body, ...(delaySeconds > 0 ? { delaySeconds } : {}) })),
      );
      for (const { body, delaySeconds } of chunk)
        for (const noticeId of noticeIdsOf(body))
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
