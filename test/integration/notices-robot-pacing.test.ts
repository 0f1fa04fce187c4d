import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab, noticeLogTab, problemsTab, statisticsTab } from "../../sheets-schema/tabs";
import { failed } from "../../src/channels/types";
import type { Deps } from "../../src/deps";
import type { PlannedNotice } from "../../src/domain/notices/types";
import { consumeNotices } from "../../src/jobs/notices/consume";
import { enqueueNotices, type NoticeMessage } from "../../src/jobs/notices/enqueue";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { runNoticesTick } from "../../src/jobs/notices/tick";
import { runSync } from "../../src/jobs/sync/run-sync";
import { resetDatabase } from "../support/sync-helpers";
import {
  assignedRow,
  clearNotices,
  createSheet,
  deliverBatch,
  EMPTY_SMALL_TABS,
  MONDAY_10_MS,
  officeDeps,
  officeUnits,
  registerRobot,
  unitsTabRows,
} from "./notices-setup";

const office = `pacing-${crypto.randomUUID().slice(0, 8)}`;
const units = officeUnits(office);
const DINGTALK = units.区住建局;
const EMAIL = units.区交通运输局;

const header = (tab: { columns: readonly { header: string }[] }) => tab.columns.map((c) => c.header);
const _row = (tab: { columns: readonly { header: string }[] }, cells: Record<string, string | number>) =>
  header(tab).map((h) => cells[h] ?? "");

/** Forty suggestions for 区住建局 (one 钉钉 robot) and three for 区交通运输局 (e-mail), all assigned today. */
async function buildSheet() {
  for (const unit of [DINGTALK, EMAIL])
    await registerRobot({
      kind: unit.channel === "email" ? "email" : unit.channel,
      token: unit.token,
      secret: unit.secret,
    });
  const lead = (i: number) => (i < 40 ? "区住建局" : "区交通运输局");
  const ledger = Array.from({ length: 43 }, (_, i) => assignedRow(i + 1, lead(i)));
  await createSheet(office, {
    [TAB_NAMES.ledger]: [header(ledgerTab), ...ledger],
    [TAB_NAMES.units]: unitsTabRows(units),
    ...EMPTY_SMALL_TABS,
    [TAB_NAMES.noticeLog]: [header(noticeLogTab)],
    [TAB_NAMES.problems]: [header(problemsTab)],
    [TAB_NAMES.statistics]: [header(statisticsTab)],
  });
}

interface Queued {
  noticeId: number;
  /** Every notice the message carries (a robot's bundle: several). */
  ids: number[];
  delaySeconds: number;
}

/** Deps whose notices queue records each message with its delay (none given: 0). */
async function recordingDeps(): Promise<{ deps: Deps; queued: Queued[] }> {
  const queued: Queued[] = [];
  const metadata = { metrics: { backlogCount: 0, backlogBytes: 0 } };
  const record = (body: unknown, delaySeconds?: number) =>
    queued.push({
      noticeId: (body as NoticeMessage).noticeId,
      ids: [(body as NoticeMessage).noticeId, ...((body as NoticeMessage).with ?? [])],
      delaySeconds: delaySeconds ?? 0,
    });
  const noticesQueue: Queue<unknown> = {
    metrics: async () => ({ backlogCount: 0, backlogBytes: 0 }),
    send: async (body, options) => {
      record(body, options?.delaySeconds);
      return { metadata };
    },
    sendBatch: async (messages) => {
      for (const m of messages) record(m.body, m.delaySeconds);
      return { metadata };
    },
  };
  const jobsQueue = { send: async () => undefined } as unknown as Deps["jobsQueue"];
  return { deps: Object.assign(await officeDeps(office), { noticesQueue, jobsQueue }), queued };
}

/** The most messages any 60-second span holds, given each one's second of arrival. */
function mostInAMinute(seconds: readonly number[]): number {
  const sorted = [...seconds].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while ((sorted[i] ?? 0) - (sorted[j] ?? 0) >= 60) j += 1;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

function plannedToDingtalk(n: number, tag: string, body = "正文"): PlannedNotice[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `pacing|${tag}|${i}`,
    type: "交办通知",
    suggestionId: `2026-${String(i + 1).padStart(3, "0")}`,
    round: 1,
    occurrence: "-",
    recipient: "区住建局",
    recipientKind: "unit",
    channel: "dingtalk",
    address: DINGTALK.address,
    title: `通知 ${tag}${i}`,
    body,
    dueOn: "2026-03-02",
  }));
}

beforeAll(async () => {
  await resetDatabase();
  await buildSheet();
  const synced = await runSync(await officeDeps(office), "test", MONDAY_10_MS);
  if (synced.outcome !== "ok") throw new Error(`sync failed: ${synced.message}`);
});
beforeEach(clearNotices);

describe("notices to one group robot are spread under its rate limit", () => {
  it("queues a run's 40 notices to one 钉钉 robot as bundles no minute holds more than 18 of; e-mail at once", async () => {
    const { deps, queued } = await recordingDeps();
    const run = await runDailyNotices(deps, MONDAY_10_MS);
    expect(run).toMatchObject({ outcome: "ok", inserted: 43, enqueued: 43 });

    const notices = await deps.noticeOutbox.list({ limit: 100 });
    const channelOf = new Map(notices.map((n) => [n.id, n.channel]));
    const toRobot = queued.filter((q) => channelOf.get(q.noticeId) === "dingtalk");
    const byMail = queued.filter((q) => channelOf.get(q.noticeId) === "email");
    // Bundled (robot-bundles.ts): five messages of eight, every notice in one of them.
    expect(toRobot.map((q) => q.ids.length)).toEqual([8, 8, 8, 8, 8]);
    expect(toRobot.flatMap((q) => q.ids)).toHaveLength(40);
    expect(mostInAMinute(toRobot.map((q) => q.delaySeconds))).toBeLessThanOrEqual(18);
    // Spread, not held back: the last message goes within about three minutes.
    expect(Math.max(...toRobot.map((q) => q.delaySeconds))).toBeLessThanOrEqual(40 * 4);
    expect(byMail.map((q) => q.delaySeconds)).toEqual([0, 0, 0]);
    // Every one 待发送 until its message comes: waiting for its slot is not a failure.
    expect(notices.every((n) => n.status === "待发送" && n.lastError === null)).toBe(true);
  });

  it("spreads 40 messages to one 钉钉 robot (notices too long to share one) so that no minute holds more than 18", async () => {
    const { deps, queued } = await recordingDeps();
    // 5,000 bytes each: two would pass the 8,000 a 钉钉 message takes, so each goes alone.
    const long = "情况说明".repeat(420);
    const ids = await deps.noticeOutbox.insert(plannedToDingtalk(40, "l", long), new Date().toISOString());
    expect(await enqueueNotices(deps, ids, Date.now())).toBe(40);

    expect(queued.map((q) => q.ids.length)).toEqual(Array(40).fill(1));
    expect(mostInAMinute(queued.map((q) => q.delaySeconds))).toBeLessThanOrEqual(18);
    // Spread, not held back: the fortieth goes within about three minutes.
    expect(Math.max(...queued.map((q) => q.delaySeconds))).toBeLessThanOrEqual(40 * 4);
  });

  it("keeps the spacing across two enqueue calls: the second call's notices come after the first's", async () => {
    const { deps, queued } = await recordingDeps();
    const at = new Date().toISOString();
    const first = await deps.noticeOutbox.insert(plannedToDingtalk(20, "a"), at);
    const second = await deps.noticeOutbox.insert(plannedToDingtalk(20, "b"), at);
    const firstAt = Date.now();
    expect(await enqueueNotices(deps, first, Date.now())).toBe(20);
    const firstMessages = queued.length;
    const secondAt = Date.now();
    expect(await enqueueNotices(deps, second, Date.now())).toBe(20);
    // Each call's delays count from its own moment: both on the first call's clock.
    const later = (secondAt - firstAt) / 1000;
    const firstArrivals = queued.slice(0, firstMessages).map((q) => q.delaySeconds);
    const secondArrivals = queued.slice(firstMessages).map((q) => q.delaySeconds + later);

    // Twenty short notices a call: three messages (8, 8 and 4 notices), one slot each.
    expect(queued.map((q) => q.ids.length)).toEqual([8, 8, 4, 8, 8, 4]);
    expect(mostInAMinute([...firstArrivals, ...secondArrivals])).toBeLessThanOrEqual(18);
    expect(Math.min(...secondArrivals)).toBeGreaterThanOrEqual(Math.max(...firstArrivals) + 3);
  });

  it("sends a 钉钉 throttle's retries after its 10 minutes, spaced and after the robot's queued slots", async () => {
    const { deps, queued } = await recordingDeps();
    const ids = await deps.noticeOutbox.insert(plannedToDingtalk(12, "r"), new Date().toISOString());
    await enqueueNotices(deps, ids, Date.now());
    const lastQueued = Math.max(...queued.map((q) => q.delaySeconds));
    // The robot refuses (130101: over 20 a minute, stopped for 10 minutes), as 钉钉 answers then.
    deps.channels = {
      ...deps.channels,
      dingtalk: { send: async () => failed(true, "发送太频繁，被机器人限流", 200, 600) },
    };
    const result = await deliverBatch(
      "jianyi-notices",
      ids.slice(0, 10).map((noticeId, i) => ({ id: `m${i}`, body: { noticeId } })),
      (batch) => consumeNotices(batch, deps),
    );

    const delays = result.summary.delays.map((d) => d.delaySeconds).sort((a, b) => a - b);
    expect(result.retryMessages).toHaveLength(10);
    expect(delays[0]).toBeGreaterThanOrEqual(600);
    // Not a herd: each a slot of its own, 4 s apart, none in the same minute as 18 others.
    for (let i = 1; i < delays.length; i += 1)
      expect((delays[i] ?? 0) - (delays[i - 1] ?? 0)).toBeGreaterThanOrEqual(3);
    expect(mostInAMinute(delays)).toBeLessThanOrEqual(18);
    // And the next notice queued to the robot comes after them.
    const [late] = await deps.noticeOutbox.insert(plannedToDingtalk(1, "late"), new Date().toISOString());
    await enqueueNotices(deps, [late as number], Date.now());
    expect(queued.at(-1)?.delaySeconds).toBeGreaterThan(Math.max(...delays, lastQueued));
    // The notices stay 待发送: a throttle is a wait, not a failure.
    expect((await deps.noticeOutbox.get(ids[0] as number))?.status).toBe("待发送");
  });
});

describe("robot_pacing keeps no robot for ever", () => {
  it("forgets in the hourly tick a robot whose last slot is over a day past, never one with slots ahead", async () => {
    const { deps } = await recordingDeps();
    // A robot used now: its twelve slots lie ahead.
    const ids = await deps.noticeOutbox.insert(plannedToDingtalk(12, "ahead"), new Date().toISOString());
    expect(await enqueueNotices(deps, ids, Date.now())).toBe(12);
    const { results: ahead } = await env.DB.prepare("SELECT address_key FROM robot_pacing").all<{
      address_key: string;
    }>();
    expect(ahead).toHaveLength(1);
    // Two robots last used 25 and 23 hours ago.
    const hoursAgo = (h: number) => Date.now() - h * 3600_000;
    const old = (key: string, freeMs: number) =>
      env.DB.prepare(
        `INSERT INTO robot_pacing (address_key, granted_from_ms, next_free_ms, gap_ms, wanted)
         VALUES (?1, ?2, ?3, 4000, 1)`,
      ).bind(key, freeMs - 4000, freeMs);
    await env.DB.batch([old("used-25-hours-ago", hoursAgo(25)), old("used-23-hours-ago", hoursAgo(23))]);

    // The hourly tick before 09:00: no daily run, only its housekeeping.
    const tick = await runNoticesTick(deps, Date.parse("2026-03-02T08:00:00+08:00"));

    const { results: kept } = await env.DB.prepare(
      "SELECT address_key FROM robot_pacing ORDER BY address_key",
    ).all<{ address_key: string }>();
    expect(kept.map((r) => r.address_key).sort()).toEqual(
      [ahead[0]?.address_key, "used-23-hours-ago"].sort(),
    );
    expect(tick.prunedRobots).toBe(1);
  });
});
