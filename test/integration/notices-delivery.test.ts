import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { consumeJobs } from "../../src/jobs/consume-jobs";
import { localDate } from "../../src/jobs/local-time";
import { consumeNoticeDeadLetters, consumeNotices } from "../../src/jobs/notices/consume";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { emulator } from "../support/emulator-admin";
import { resetDatabase } from "../support/sync-helpers";
import {
  deliverBatch,
  freshOffice,
  ledgerCol,
  ledgerValues,
  logCol,
  MONDAY_10_MS,
  noticeDeps,
  noticeLog,
  officeUnits,
  registerRobot,
  robotMessages,
  seedOffice,
  writeQueuedNoticeLog,
} from "./notices-setup";

const office = `notices-${crypto.randomUUID().slice(0, 8)}`;
beforeAll(async () => {
  await resetDatabase();
  await seedOffice(office);
});
beforeEach(() => freshOffice(office));

async function plannedDay() {
  const units = officeUnits(office);
  const { deps, queued, jobs } = await noticeDeps(office);
  const run = await runDailyNotices(deps, MONDAY_10_MS);
  expect(run).toMatchObject({ outcome: "ok", today: "2026-03-02", inserted: 5, enqueued: 5 });
  const notices = await deps.noticeOutbox.list({ limit: 10 });
  const idOf = (recipient: string) => notices.find((n) => n.recipient === recipient)?.id as number;
  // The job queue's steps: a daily run's (none left: runDailyNotices ran them) and the notices log's.
  jobs.length = 0;
  return { units, deps, queued, idOf, jobs };
}

describe("notice delivery to each channel", () => {
  it("delivers 交办通知 over 企业微信, 钉钉, 飞书, a webhook and e-mail, each signature checked by the robot", async () => {
    const { units, deps, queued } = await plannedDay();
    const result = await deliverBatch(
      "jianyi-notices",
      queued.map((body, i) => ({ id: `m${i}`, body })),
      (batch) => consumeNotices(batch, deps),
    );

    expect(result.explicitAcks.sort()).toEqual(["m0", "m1", "m2", "m3", "m4"]);
    expect(result.retryMessages).toEqual([]);
    for (const unit of Object.values(units)) {
      const received = await robotMessages(unit.token);
      expect(received, unit.channel).toHaveLength(1);
      expect(received[0], unit.channel).toMatchObject({ kind: unit.channel, verified: true, accepted: true });
    }
    const [mail] = await robotMessages(units.区交通运输局.token);
    expect(mail?.mail?.subject).toBe("代表建议交办通知：2026-005 关于第5件民生实事的建议");
    expect(mail?.mail?.text).toContain("区交通运输局：现将张明代表领衔提出的建议《关于第5件民生实事的建议》");
    const [wecom] = await robotMessages(units.区教育局.token);
    expect(wecom?.body).toMatchObject({
      msgtype: "text",
      text: { content: expect.stringContaining("区教育局：现将") },
    });
  });

  it("writes every outcome to 通知记录 in one append, and 最近通知 on each row, in a job step after the batch", async () => {
    const { deps, queued, jobs } = await plannedDay();
    const since = (await emulator.requests()).at(-1)?.seq ?? 0;
    await deliverBatch(
      "jianyi-notices",
      queued.map((body, i) => ({ id: `m${i}`, body })),
      (b) => consumeNotices(b, deps),
    );
    // The batch itself only sends: the sheet is written by the one step it queued.
    expect(jobs).toEqual([{ job: "notice-log", mark: expect.any(String) }]);
    expect(await noticeLog(office)).toHaveLength(1);
    expect(await writeQueuedNoticeLog(deps, jobs)).toBe(1);

    const log = await noticeLog(office);
    expect(
      log.slice(1).map((r) => [r[logCol("编号")], r[logCol("接收方")], r[logCol("渠道")], r[logCol("状态")]]),
    ).toEqual(
      expect.arrayContaining([
        ["2026-001", "区教育局", "wecom", "已发送"],
        ["2026-002", "区住建局", "dingtalk", "已发送"],
        ["2026-003", "区卫健委", "feishu", "已发送"],
        ["2026-004", "区民政局", "webhook", "已发送"],
        ["2026-005", "区交通运输局", "email", "已发送"],
      ]),
    );
    expect(log).toHaveLength(6);
    // 最近通知 carries the day the notice really went out (the plan above ran "as of" 2026-03-02).
    const sentOn = localDate(Date.now(), "Asia/Shanghai");
    const ledger = await ledgerValues(office);
    expect(ledger[1]?.[ledgerCol("最近通知")]).toBe(`${sentOn} 交办通知 → 区教育局`);
    expect(ledger[5]?.[ledgerCol("最近通知")]).toBe(`${sentOn} 交办通知 → 区交通运输局`);
    // Placed from a few columns of every row and the five notices' rows: the ledger is never read whole.
    const ranges = (await emulator.requests(since))
      .filter((r) => r.spreadsheetId === office && r.kind === "read")
      .flatMap((r) => [
        ...[r.query.ranges ?? []].flat(),
        decodeURIComponent(r.path.split("/values/")[1] ?? ""),
      ]);
    expect(ranges.filter((range) => /^'建议台账'!A\d+:[A-Z]+\d+$/.test(range))).toHaveLength(5);
    expect(ranges).not.toContain("'建议台账'");
    // 通知记录's header is read once, in the same call as the ledger's header and columns.
    const headerReads = (await emulator.requests(since)).filter((r) =>
      [r.query.ranges ?? []].flat().includes("'通知记录'!1:2"),
    );
    expect(headerReads.map((r) => [r.query.ranges ?? []].flat().slice(0, 2))).toEqual([
      ["'建议台账'!1:1", "'通知记录'!1:2"],
    ]);
  });

  it("fills the rows under 通知记录's header that sheet:init formatted: 时间 reads as a date and time, not bold", async () => {
    const { deps, queued, jobs } = await plannedDay();
    const sheet = await emulator.spreadsheet(office);
    const sheetId = sheet.sheets.find((s) => s.properties.title === "通知记录")?.properties.sheetId ?? 0;
    // The tab as sheet:init lays it out: a bold header, a date-time format on the rows below.
    await deps.sheets.batchUpdate([
      {
        repeatCell: {
          range: { sheetId, startRowIndex: 0, endRowIndex: 1 },
          cell: { userEnteredFormat: { textFormat: { bold: true } } },
          fields: "userEnteredFormat.textFormat.bold",
        },
      },
      {
        repeatCell: {
          range: { sheetId, startRowIndex: 1, endRowIndex: 20, startColumnIndex: 0, endColumnIndex: 1 },
          cell: { userEnteredFormat: { numberFormat: { type: "DATE_TIME", pattern: "yyyy-mm-dd hh:mm" } } },
          fields: "userEnteredFormat.numberFormat",
        },
      },
    ]);
    await deliverBatch(
      "jianyi-notices",
      queued.map((body, i) => ({ id: `m${i}`, body })),
      (b) => consumeNotices(b, deps),
    );
    expect(await writeQueuedNoticeLog(deps, jobs)).toBe(1);

    const shown = await emulator.getValues(office, "'通知记录'", "FORMATTED_VALUE");
    expect(shown).toHaveLength(6);
    for (const row of shown.slice(1)) expect(row[logCol("时间")]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const grid = (await emulator.spreadsheet(office)).sheets.find((s) => s.properties.title === "通知记录");
    for (const rowData of grid?.data?.[0]?.rowData?.slice(1, 6) ?? [])
      expect(rowData.values?.[0]?.userEnteredFormat).not.toMatchObject({ textFormat: { bold: true } });
  });

  it("writes the log from the job queue's step, and tries it again while another flush holds the log", async () => {
    const { deps, queued, jobs } = await plannedDay();
    await deliverBatch(
      "jianyi-notices",
      queued.map((body, i) => ({ id: `m${i}`, body })),
      (b) => consumeNotices(b, deps),
    );
    const [step] = jobs;
    const runJob = async () => {
      const batch = createMessageBatch<unknown>("jianyi-jobs", [
        { id: "log", timestamp: new Date(), attempts: 1, body: step },
      ]);
      await consumeJobs(batch, deps);
      return getQueueResult(batch, createExecutionContext());
    };

    expect(await deps.lease.acquire("notice-log", "another flush", 60_000, Date.now())).toBe(true);
    const held = await runJob();
    expect(held.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(["log"]);
    expect(await noticeLog(office)).toHaveLength(1);
    await deps.lease.release("notice-log", "another flush");
    const done = await runJob();

    expect(done.explicitAcks).toEqual(["log"]);
    expect((await noticeLog(office)).slice(1).map((r) => r[logCol("状态")])).toEqual(Array(5).fill("已发送"));
  });

  it("delivers once when a channel fails three times and then succeeds", async () => {
    const { units, deps, queued, idOf, jobs } = await plannedDay();
    await registerRobot({ kind: "wecom", token: units.区教育局.token, failTimes: 3 });
    const body = queued.find((m) => m.noticeId === idOf("区教育局"));
    if (!body) throw new Error("no message for 区教育局");

    const delays: number[] = [];
    for (let attempts = 1; attempts <= 3; attempts += 1) {
      const result = await deliverBatch("jianyi-notices", [{ id: "m", body, attempts }], (b) =>
        consumeNotices(b, deps),
      );
      expect(result.explicitAcks).toEqual([]);
      delays.push(...result.summary.delays.map((d) => d.delaySeconds));
    }
    const last = await deliverBatch("jianyi-notices", [{ id: "m", body, attempts: 4 }], (b) =>
      consumeNotices(b, deps),
    );
    // The queue hands the message over once more (at-least-once delivery): nothing is sent again.
    const again = await deliverBatch("jianyi-notices", [{ id: "m", body, attempts: 5 }], (b) =>
      consumeNotices(b, deps),
    );

    expect(delays).toEqual([60, 120, 240]);
    expect(last.explicitAcks).toEqual(["m"]);
    expect(again.explicitAcks).toEqual(["m"]);
    const received = await robotMessages(units.区教育局.token);
    expect(received.map((m) => m.accepted)).toEqual([false, false, false, true]);
    const notice = await deps.noticeOutbox.get(idOf("区教育局"));
    expect(notice).toMatchObject({ status: "已发送", attempts: 4 });
    expect((await deps.noticeOutbox.attempts(idOf("区教育局"))).map((a) => a.ok)).toEqual([
      false,
      false,
      false,
      true,
    ]);
    await writeQueuedNoticeLog(deps, jobs);
    const sent = (await noticeLog(office)).filter((r) => r[logCol("编号")] === "2026-001");
    expect(sent.map((r) => r[logCol("状态")])).toEqual(["已发送"]);
  });

  it("ends a notice whose channel always fails in the dead-letter queue, shown 失败 in 通知记录", async () => {
    const { units, deps, queued, idOf, jobs } = await plannedDay();
    await registerRobot({
      kind: "webhook",
      token: units.区民政局.token,
      secret: units.区民政局.secret,
      alwaysFail: true,
    });
    const body = queued.find((m) => m.noticeId === idOf("区民政局"));
    if (!body) throw new Error("no message for 区民政局");

    // max_retries = 8 in wrangler.toml: nine deliveries, every one retried, then the dead-letter queue.
    for (let attempts = 1; attempts <= 9; attempts += 1) {
      const result = await deliverBatch("jianyi-notices", [{ id: "m", body, attempts }], (b) =>
        consumeNotices(b, deps),
      );
      expect(result.retryMessages.map((m) => m.msgId)).toEqual(["m"]);
    }
    expect((await deps.noticeOutbox.get(idOf("区民政局")))?.status).toBe("待发送");
    const dead = await deliverBatch("jianyi-notices-dlq", [{ id: "m", body }], (b) =>
      consumeNoticeDeadLetters(b, deps),
    );

    expect(dead.ackAll).toBe(true);
    const notice = await deps.noticeOutbox.get(idOf("区民政局"));
    expect(notice).toMatchObject({ status: "失败", attempts: 9 });
    expect(notice?.lastError).toContain("死信队列");
    expect(await writeQueuedNoticeLog(deps, jobs)).toBe(1);
    const row = (await noticeLog(office)).find((r) => r[logCol("编号")] === "2026-004");
    expect(row?.[logCol("状态")]).toBe("失败");
    expect(String(row?.[logCol("错误")])).toContain("HTTP 503");
    expect((await ledgerValues(office))[4]?.[ledgerCol("最近通知")] ?? "").toBe("");
  });

  it("fails at once, without retrying, when a robot refuses the signature", async () => {
    const { units, deps, queued, idOf } = await plannedDay();
    await registerRobot({ kind: "dingtalk", token: units.区住建局.token, secret: "SECsomething-else" });
    const body = queued.find((m) => m.noticeId === idOf("区住建局"));
    if (!body) throw new Error("no message for 区住建局");

    const result = await deliverBatch("jianyi-notices", [{ id: "m", body }], (b) => consumeNotices(b, deps));

    expect(result.explicitAcks).toEqual(["m"]);
    expect(await deps.noticeOutbox.get(idOf("区住建局"))).toMatchObject({
      status: "失败",
      lastError: expect.stringContaining("310000"),
    });
  });

  it("sends once when two consumers get the same notice at the same time", async () => {
    const { units, deps, queued, idOf } = await plannedDay();
    const body = queued.find((m) => m.noticeId === idOf("区卫健委"));
    if (!body) throw new Error("no message for 区卫健委");

    await Promise.all([
      deliverBatch("jianyi-notices", [{ id: "a", body }], (b) => consumeNotices(b, deps)),
      deliverBatch("jianyi-notices", [{ id: "b", body }], (b) => consumeNotices(b, deps)),
    ]);

    expect(await robotMessages(units.区卫健委.token)).toHaveLength(1);
    const count = await env.DB.prepare("SELECT count(*) AS n FROM notice_attempts").first<{ n: number }>();
    expect(count?.n).toBe(1);
  });

  it("waits out the claim of a batch that died before sending, then sends once", async () => {
    const { units, deps, queued, idOf } = await plannedDay();
    const id = idOf("区卫健委");
    const body = queued.find((m) => m.noticeId === id);
    if (!body) throw new Error("no message for 区卫健委");
    // A batch of ten claimed it (ten minutes: long enough to send all ten) and stopped before sending.
    const claimed = await deps.noticeOutbox.claim([id], Date.now(), 10 * 60_000);
    expect(claimed.get(id)?.kind).toBe("claimed");

    const early = await deliverBatch("jianyi-notices", [{ id: "m", body, attempts: 1 }], (b) =>
      consumeNotices(b, deps),
    );
    // Retried when the claim ends, not every minute (eight retries would dead-letter it meanwhile).
    expect(early.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(["m"]);
    expect(early.summary.delays[0]?.delaySeconds).toBeGreaterThanOrEqual(590);
    expect(await robotMessages(units.区卫健委.token)).toHaveLength(0);

    await env.DB.prepare("UPDATE notices SET claimed_until = ?2 WHERE id = ?1")
      .bind(id, Date.now() - 1)
      .run();
    const late = await deliverBatch("jianyi-notices", [{ id: "m", body, attempts: 2 }], (b) =>
      consumeNotices(b, deps),
    );

    expect(late.explicitAcks).toEqual(["m"]);
    expect(await robotMessages(units.区卫健委.token)).toHaveLength(1);
  });

  it("sends once when one batch holds the same notice twice (the batch's notices are claimed together)", async () => {
    const { units, deps, queued, idOf } = await plannedDay();
    const body = queued.find((m) => m.noticeId === idOf("区卫健委"));
    if (!body) throw new Error("no message for 区卫健委");

    const result = await deliverBatch(
      "jianyi-notices",
      [...queued.map((b, i) => ({ id: `m${i}`, body: b })), { id: "again", body }],
      (b) => consumeNotices(b, deps),
    );

    expect(result.explicitAcks).toHaveLength(6);
    expect(result.summary).toMatchObject({ sent: 5, skipped: 1, retried: 0 });
    expect(await robotMessages(units.区卫健委.token)).toHaveLength(1);
    const count = await env.DB.prepare("SELECT count(*) AS n FROM notice_attempts").first<{ n: number }>();
    expect(count?.n).toBe(5);
  });
});
