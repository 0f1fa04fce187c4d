import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { deputiesTab, ledgerTab, noticeLogTab, problemsTab, statisticsTab } from "../../sheets-schema/tabs";
import { meterD1, takeD1Counts } from "../../src/d1-meter";
import type { Deps } from "../../src/deps";
import type { PlannedNotice } from "../../src/domain/notices/types";
import { consumeNoticeDeadLetters, consumeNotices } from "../../src/jobs/notices/consume";
import { enqueueNotices, type NoticeMessage } from "../../src/jobs/notices/enqueue";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { runSync } from "../../src/jobs/sync/run-sync";
import { depsFor, resetDatabase } from "../support/sync-helpers";
import {
  assignedRow,
  clearNotices,
  createSheet,
  deliverBatch,
  EMPTY_SMALL_TABS,
  header,
  logCol,
  MONDAY_10_MS,
  noticeDeps,
  noticeLog,
  officeDeps,
  officeUnits,
  type QueuedJob,
  registerOfficeRobots,
  robotMessages,
  row,
  unitsTabRows,
  writeQueuedNoticeLog,
} from "./notices-setup";

const office = `bundles-${crypto.randomUUID().slice(0, 8)}`;
const units = officeUnits(office);
const WECOM = units.区教育局;
const DINGTALK = units.区住建局;
const EMAIL = units.区交通运输局;

/** 2026-001…012 for 区教育局 (企业微信), 013…015 for 区住建局 (钉钉), 016…018 for 区交通运输局 (e-mail). */
const leadOf = (n: number) => (n <= 12 ? "区教育局" : n <= 15 ? "区住建局" : "区交通运输局");
const ids = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `2026-${String(from + i).padStart(3, "0")}`);

async function buildSheet(robots: { wecomFailTimes?: number } = {}) {
  await registerOfficeRobots(office, { 区教育局: robots.wecomFailTimes ?? 0 });
  await createSheet(office, {
    [TAB_NAMES.ledger]: [
      header(ledgerTab),
      ...Array.from({ length: 18 }, (_, i) => assignedRow(i + 1, leadOf(i + 1))),
    ],
    [TAB_NAMES.units]: unitsTabRows(units),
    [TAB_NAMES.deputies]: [header(deputiesTab), row(deputiesTab, { 姓名: "张明" })],
    ...EMPTY_SMALL_TABS,
    [TAB_NAMES.noticeLog]: [header(noticeLogTab)],
    [TAB_NAMES.problems]: [header(problemsTab)],
    [TAB_NAMES.statistics]: [header(statisticsTab)],
  });
}

beforeAll(async () => {
  await resetDatabase();
  await buildSheet();
  const synced = await runSync(await officeDeps(office), "test", MONDAY_10_MS);
  if (synced.outcome !== "ok") throw new Error(`sync failed: ${synced.message}`);
});
beforeEach(clearNotices);

/** The day's run: every notice planned and queued in one enqueue per part; the job queue emptied. */
async function plannedDay(robots: { wecomFailTimes?: number } = {}) {
  await buildSheet(robots);
  const { deps, queued, jobs } = await noticeDeps(office);
  const run = await runDailyNotices(deps, MONDAY_10_MS);
  expect(run).toMatchObject({ outcome: "ok", inserted: 18, enqueued: 18 });
  jobs.length = 0;
  const notices = await deps.noticeOutbox.list({ limit: 100 });
  const idOf = new Map(notices.map((n) => [n.suggestionId, n.id]));
  return { deps, queued, jobs, notices, idOf };
}

/** The ids a queued message carries. */
const carried = (m: NoticeMessage) => [m.noticeId, ...((m as { with?: number[] }).with ?? [])];

/** Delivers the queued messages as the queue would, ten a batch; returns the retried ones. */
async function deliverAll(deps: Deps, messages: NoticeMessage[], attempts = 1): Promise<NoticeMessage[]> {
  const retried: NoticeMessage[] = [];
  for (let i = 0; i < messages.length; i += 10) {
    const slice = messages.slice(i, i + 10);
    const result = await deliverBatch(
      "jianyi-notices",
      slice.map((body, j) => ({ id: `m${i + j}`, body, attempts })),
      (batch) => consumeNotices(batch, deps),
    );
    for (const { msgId } of result.retryMessages)
      retried.push(slice[Number(msgId.slice(1)) - i] as NoticeMessage);
  }
  return retried;
}

/** The text each accepted post to a robot showed (企业微信 and 钉钉: text.content). */
async function postedTexts(token: string, accepted = true): Promise<string[]> {
  return (await robotMessages(token))
    .filter((m) => m.accepted === accepted)
    .map((m) => (m.body as { text: { content: string } }).text.content);
}

const occurrences = (texts: readonly string[], needle: string) =>
  texts.reduce((sum, t) => sum + t.split(needle).length - 1, 0);

const utf8 = (text: string) => new TextEncoder().encode(text).length;

describe("notices to one group robot go as few robot messages", () => {
  it("sends a run's 12 交办通知 to one 企业微信 robot in fewer posts, each within 2,048 bytes, every notice once", async () => {
    const { deps, queued, jobs, notices } = await plannedDay();
    expect(await deliverAll(deps, queued)).toEqual([]);

    const posts = await postedTexts(WECOM.token);
    expect(posts.length).toBeLessThan(12);
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) expect(utf8(post)).toBeLessThanOrEqual(2048);
    for (const id of ids(1, 12)) expect(occurrences(posts, `交办通知：${id} `), id).toBe(1);
    // A bundle says how many it holds, and where one notice ends.
    const bundled = posts.filter((p) => p.startsWith("（共 "));
    expect(bundled.length).toBeGreaterThan(0);
    for (const post of bundled) {
      const count = Number(/^（共 (\d+) 条通知）/.exec(post)?.[1]);
      expect(post.split("\n——————\n")).toHaveLength(count);
      expect(occurrences([post], "代表建议交办通知：")).toBe(count);
    }

    // The outbox and 通知记录 still speak of notices: each 已发送, one row each.
    const after = await deps.noticeOutbox.list({ limit: 100 });
    expect(after.filter((n) => n.recipient === "区教育局").map((n) => n.status)).toEqual(
      Array(12).fill("已发送"),
    );
    expect(after.every((n) => n.status === "已发送")).toBe(true);
    for (const n of notices.filter((x) => x.recipient === "区教育局"))
      expect(await deps.noticeOutbox.attempts(n.id)).toHaveLength(1);
    await writeQueuedNoticeLog(deps, jobs as QueuedJob[]);
    const log = (await noticeLog(office)).slice(1);
    const logged = log.filter((r) => r[logCol("接收方")] === "区教育局");
    expect(logged.map((r) => r[logCol("编号")]).sort()).toEqual(ids(1, 12));
    expect(logged.every((r) => r[logCol("状态")] === "已发送")).toBe(true);
    expect(log).toHaveLength(18);
  });

  it("never mixes two units' robots, and sends each e-mail on its own", async () => {
    const { deps, queued, notices } = await plannedDay();
    const recipientOf = new Map(notices.map((n) => [n.id, n.recipient]));
    // Every queued message goes to one recipient; the e-mails one notice each.
    for (const m of queued) expect(new Set(carried(m).map((id) => recipientOf.get(id))).size).toBe(1);
    const mails = queued.filter((m) => recipientOf.get(m.noticeId) === "区交通运输局");
    expect(mails.map((m) => carried(m).length)).toEqual([1, 1, 1]);
    // Each 交办通知 carries its unit's link (about 800 bytes): 钉钉 takes all three in one message.
    const toDingtalk = queued.filter((m) => recipientOf.get(m.noticeId) === "区住建局");
    expect(toDingtalk.map((m) => carried(m).length)).toEqual([3]);
    await deliverAll(deps, queued);

    const wecom = await postedTexts(WECOM.token);
    const dingtalk = await postedTexts(DINGTALK.token);
    for (const id of ids(13, 18)) expect(occurrences(wecom, `${id} `), id).toBe(0);
    for (const id of [...ids(1, 12), ...ids(16, 18)]) expect(occurrences(dingtalk, `${id} `), id).toBe(0);
    expect(dingtalk).toHaveLength(1);
    expect(dingtalk[0]).toMatch(/^（共 3 条通知）\n代表建议交办通知：2026-013 /);
    for (const id of ids(13, 15)) expect(occurrences(dingtalk, `交办通知：${id} `), id).toBe(1);
    const mail = (await robotMessages(EMAIL.token)).map((m) => m.mail?.subject ?? "");
    expect(mail.sort()).toEqual(
      ids(16, 18).map((id) => `代表建议交办通知：${id} 关于第${Number(id.slice(5))}件民生实事的建议`),
    );
  });

  it("tries a bundle the 企业微信 robot refused (45009) again, and then sends each of its notices once", async () => {
    const { deps, queued } = await plannedDay({ wecomFailTimes: 1 });
    const retried = await deliverAll(deps, queued);
    expect(retried).toHaveLength(1);
    const refusedIds = carried(retried[0] as NoticeMessage);
    expect(refusedIds.length).toBeGreaterThan(1);
    for (const id of refusedIds)
      expect(await deps.noticeOutbox.get(id)).toMatchObject({ status: "待发送", attempts: 1 });
    const [refused] = await postedTexts(WECOM.token, false);
    expect(refused).toMatch(/^（共 \d+ 条通知）/);

    // The queue hands the message over again after its wait.
    expect(await deliverAll(deps, retried, 2)).toEqual([]);
    const posts = await postedTexts(WECOM.token);
    for (const id of ids(1, 12)) expect(occurrences(posts, `交办通知：${id} `), id).toBe(1);
    for (const id of refusedIds)
      expect(await deps.noticeOutbox.get(id)).toMatchObject({ status: "已发送", attempts: 2 });
  });

  it("does not send again a notice of a bundle that already went by another message (staff's 重试, the sweep)", async () => {
    const { deps, queued } = await plannedDay();
    const bundle = queued.find((m) => carried(m).length > 1) as NoticeMessage;
    expect(bundle).toBeDefined();
    const [first, gone, ...rest] = carried(bundle) as [number, number, ...number[]];
    // A message of that one notice alone (as 重试 or the hourly sweep queues it) came first.
    await deliverAll(deps, [{ noticeId: gone }]);
    expect(await deps.noticeOutbox.get(gone)).toMatchObject({ status: "已发送" });
    const goneTitle = (await deps.noticeOutbox.get(gone))?.title ?? "";
    const firstTitle = (await deps.noticeOutbox.get(first))?.title ?? "";

    await deliverAll(deps, [bundle]);
    const posts = await postedTexts(WECOM.token);
    expect(posts).toHaveLength(2);
    expect(occurrences(posts, goneTitle)).toBe(1);
    // What is left of the bundle goes: one notice as itself, more under their count.
    expect(
      posts[1]?.startsWith(rest.length > 0 ? `（共 ${1 + rest.length} 条通知）` : `${firstTitle}\n`),
    ).toBe(true);
    for (const id of [first, ...rest])
      expect(await deps.noticeOutbox.get(id)).toMatchObject({ status: "已发送", attempts: 1 });
    expect(await deps.noticeOutbox.attempts(gone)).toHaveLength(1);
  });

  it("marks every notice of a dead-lettered bundle 失败", async () => {
    const { deps, queued } = await plannedDay();
    const bundle = queued.find((m) => carried(m).length > 1) as NoticeMessage;
    expect(bundle).toBeDefined();
    const result = await deliverBatch("jianyi-notices-dlq", [{ id: "d0", body: bundle }], (batch) =>
      consumeNoticeDeadLetters(batch, deps),
    );
    expect(result.summary).toBe(carried(bundle).length);
    for (const id of carried(bundle))
      expect(await deps.noticeOutbox.get(id)).toMatchObject({
        status: "失败",
        lastError: expect.stringContaining("死信队列"),
      });
  });

  it("delivers a full batch of ten bundles of eight notices within the Free plan's 50 D1 queries", async () => {
    await buildSheet();
    const { deps, queued, jobs } = await noticeDeps(office);
    const planned: PlannedNotice[] = Array.from({ length: 80 }, (_, i) => ({
      key: `bundles|full|${i}`,
      type: "逾期催办",
      suggestionId: `2026-${String(i + 1).padStart(3, "0")}`,
      round: 1,
      occurrence: "-",
      recipient: "区教育局",
      recipientKind: "unit",
      channel: "wecom",
      address: WECOM.address,
      title: `逾期催办：第${i + 1}件`,
      body: "请尽快答复代表。",
      dueOn: "2026-03-02",
    }));
    const inserted = await deps.noticeOutbox.insert(planned, new Date().toISOString());
    expect(await enqueueNotices(deps, inserted, Date.now())).toBe(80);
    expect(queued.map((m) => carried(m).length)).toEqual(Array(10).fill(8));

    const metered = Object.assign(depsFor(office, meterD1(env.DB)), {
      noticesQueue: deps.noticesQueue,
      jobsQueue: deps.jobsQueue,
    });
    takeD1Counts();
    const result = await deliverBatch(
      "jianyi-notices",
      queued.map((body, i) => ({ id: `m${i}`, body })),
      (batch) => consumeNotices(batch, metered),
    );
    const { queries } = takeD1Counts();

    expect(result.summary).toMatchObject({ sent: 80, failed: 0, retried: 0 });
    expect(queries).toBeLessThanOrEqual(50);
    expect(await postedTexts(WECOM.token)).toHaveLength(10);
    const sent = await env.DB.prepare("SELECT count(*) AS n FROM notices WHERE status = '已发送'").first<{
      n: number;
    }>();
    expect(sent?.n).toBe(80);
    expect(jobs).toEqual([{ job: "notice-log", mark: expect.any(String) }]);
  });

  it("sends a notice staff moved to a corrected robot since it was bundled to that robot, the rest as bundled", async () => {
    const { deps, queued } = await plannedDay();
    const bundle = queued.find((m) => carried(m).length === 2) as NoticeMessage;
    const [stays, moved] = carried(bundle) as [number, number];
    // What readdressWaiting does when staff correct the unit's robot: the waiting notice goes there.
    await env.DB.prepare("UPDATE notices SET channel = 'dingtalk', address = ?2 WHERE id = ?1")
      .bind(moved, DINGTALK.address)
      .run();

    expect(await deliverAll(deps, [bundle])).toEqual([]);
    const [toWecom] = await postedTexts(WECOM.token);
    const [toDingtalk] = await postedTexts(DINGTALK.token);
    const titleOf = async (id: number) => (await deps.noticeOutbox.get(id))?.title ?? "";
    // Each alone now: no count above it.
    expect(toWecom).toBe(`${await titleOf(stays)}\n${(await deps.noticeOutbox.get(stays))?.body}`);
    expect(toDingtalk?.startsWith(await titleOf(moved))).toBe(true);
    for (const id of [stays, moved])
      expect(await deps.noticeOutbox.get(id)).toMatchObject({ status: "已发送" });
  });
});
