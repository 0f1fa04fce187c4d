import type { Channel } from "../../../sheets-schema/enums";
import { MAX_DELAY_SECONDS, type RobotPacing, robotKey, type SlotRequest } from "../../store/robot-pacing";

/** Where a notice goes, as the pacing needs it. */
export interface NoticeRoute {
  readonly id: number;
  readonly channel: Channel;
  readonly address: string;
  /** Not before this (a retry's backoff, a robot's Retry-After); now when absent. */
  readonly notBeforeMs?: number;
}

/**
 * The delay of each notice's queue message, in seconds: 0 (or its notBefore) for e-mail and the
 * generic webhook; for a group robot, the slot the robot's pacing gave it, so that messages to one
 * robot reach it spaced out however many are queued, in however many calls. Null: its slot is
 * further off than the queue can delay a message (12 hours), so it is not queued now (it stays
 * 待发送, never queued, and the hourly sweep queues it then). One D1 statement, however many.
 */
export async function robotDelays(
  pacing: RobotPacing,
  routes: readonly NoticeRoute[],
  nowMs: number,
): Promise<Map<number, number | null>> {
  const seconds = (atMs: number) => Math.max(0, Math.ceil((atMs - nowMs) / 1000));
  const delays = new Map<number, number | null>();
  const byRobot = new Map<string, { request: SlotRequest; ids: number[] }>();
  const keys = new Map<string, Promise<string>>();
  const paced: { route: NoticeRoute; gapMs: number }[] = [];
  for (const route of routes) {
    const gapMs = pacing.gapMs(route.channel);
    const notBeforeMs = Math.max(nowMs, route.notBeforeMs ?? nowMs);
    if (gapMs === null) delays.set(route.id, Math.min(MAX_DELAY_SECONDS, seconds(notBeforeMs)));
    else {
      paced.push({ route, gapMs });
      if (!keys.has(route.address)) keys.set(route.address, robotKey(route.address));
    }
  }
  if (paced.length === 0) return delays;
  // One hash per robot, not per notice.
  const keyOf = new Map(
    await Promise.all([...keys].map(async ([address, key]) => [address, await key] as const)),
  );
  for (const { route, gapMs } of paced) {
    const key = keyOf.get(route.address) ?? "";
    const notBeforeMs = Math.max(nowMs, route.notBeforeMs ?? nowMs);
    const group = byRobot.get(key);
    if (group) {
      group.ids.push(route.id);
      group.request = {
        ...group.request,
        count: group.ids.length,
        notBeforeMs: Math.max(group.request.notBeforeMs, notBeforeMs),
      };
    } else byRobot.set(key, { request: { key, count: 1, gapMs, notBeforeMs }, ids: [route.id] });
  }
  const granted = await pacing.reserve(
    [...byRobot.values()].map((g) => g.request),
    nowMs + MAX_DELAY_SECONDS * 1000,
  );
  for (const [key, { ids }] of byRobot) {
    const slots = granted.get(key);
    ids.forEach((id, i) => {
      delays.set(id, slots && i < slots.count ? seconds(slots.fromMs + i * slots.gapMs) : null);
    });
  }
  return delays;
}
