import { env, exports } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bindingEmailSender } from "../../src/channels/cf-email-sender";
import { createEmailChannel } from "../../src/channels/email";
import { consumeNotices } from "../../src/jobs/notices/consume";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { runNoticesTick } from "../../src/jobs/notices/tick";
import { resetDatabase } from "../support/sync-helpers";
import {
  deliverBatch,
  drainJobs,
  freshOffice,
  MONDAY_10_MS,
  noticeDeps,
  officeUnits,
  registerRobot,
  robotMessages,
  seedOffice,
} from "./notices-setup";

const HOUR_MS = 3600_000;
const ADMIN = { authorization: "Bearer test-admin-token" };
const api = (path: string, init: RequestInit = {}) =>
  exports.default.fetch(
    new Request(`http://jianyi.test${path}`, { ...init, headers: { ...ADMIN, ...init.headers } }),
  );

const office = `runs-${crypto.randomUUID().slice(0, 8)}`;
beforeAll(async () => {
  await resetDatabase();
  await seedOffice(office);
});
beforeEach(() => freshOffice(office));

describe("the daily notices run", () => {
  it("sends nothing twice when it runs twice", async () => {
    const { deps, queued } = await noticeDeps(office);

    const first = await runDailyNotices(deps, MONDAY_10_MS);
    const second = await runDailyNotices(deps, MONDAY_10_MS + HOUR_MS);
    const forced = await runDailyNotices(deps, MONDAY_10_MS + 2 * HOUR_MS, { force: true });

    expect(first).toMatchObject({ outcome: "ok", inserted: 5 });
    expect(second).toMatchObject({ outcome: "skipped", reason: "already-ran" });
    expect(forced).toMatchObject({ outcome: "ok", planned: 0, inserted: 0 });
    expect(queued).toHaveLength(5);
  });

  it("sends nothing twice when two runs overlap", async () => {
    const a = await noticeDeps(office);
    const b = await noticeDeps(office);

    const results = await Promise.all([
      runDailyNotices(a.deps, MONDAY_10_MS, { force: true }),
      runDailyNotices(b.deps, MONDAY_10_MS, { force: true }),
      runDailyNotices(a.deps, MONDAY_10_MS, { force: true }),
    ]);

    const inserted = results.reduce((n, r) => n + (r.outcome === "ok" ? r.inserted : 0), 0);
    expect(inserted).toBe(5);
    const { results: rows } = await env.DB.prepare("SELECT id FROM notices ORDER BY id").all<{
      id: number;
    }>();
    expect(rows).toHaveLength(5);
    const queuedIds = [...a.queued, ...b.queued].map((m) => m.noticeId).sort((x, y) => x - y);
    expect(queuedIds).toEqual(rows.map((r) => r.id));
  });

  it("runs from the hourly cron once a local day, at 09:00 or later, a part of the ledger per step", async () => {
    const { deps, queued, jobs } = await noticeDeps(office);
    const at = (hour: number) => Date.parse(`2026-03-02T${String(hour).padStart(2, "0")}:00:00+08:00`);

    const early = await runNoticesTick(deps, at(8));
    const nine = await runNoticesTick(deps, at(9));
    const busy = await runNoticesTick(deps, at(9) + 60_000);
    const steps = await drainJobs(deps, jobs);
    const ten = await runNoticesTick(deps, at(10));

    expect(early.daily).toMatchObject({ outcome: "skipped", reason: "before-hour" });
    expect(nine.daily).toMatchObject({ outcome: "started", today: "2026-03-02", parts: 1 });
    // While its steps are queued, the run holds its lease: a second tick starts nothing.
    expect(busy.daily).toMatchObject({ outcome: "skipped", reason: "busy" });
    // One stored part, then the digest.
    expect(steps.map((s) => s.inserted)).toEqual([5, 0]);
    expect(ten.daily).toMatchObject({ outcome: "skipped", reason: "already-ran" });
    expect(queued).toHaveLength(5);
    expect(jobs).toEqual([]);
  });

  it("sends nothing on a rest day and catches up on the next working day", async () => {
    const { deps, queued } = await noticeDeps(office);

    const saturday = await runDailyNotices(deps, Date.parse("2026-03-07T09:30:00+08:00"));
    const monday = await runDailyNotices(deps, Date.parse("2026-03-09T09:30:00+08:00"));

    expect(saturday).toMatchObject({ outcome: "ok", restDay: true, planned: 0 });
    // The 交办通知 of 2026-03-02 was never sent: it goes out on the next run, once.
    expect(monday).toMatchObject({ outcome: "ok", restDay: false, inserted: 5 });
    expect(queued).toHaveLength(5);
  });

  it("queues again a notice whose message was lost", async () => {
    const { deps, queued } = await noticeDeps(office);
    await runDailyNotices(deps, MONDAY_10_MS);
    const lost = queued[0]?.noticeId;
    await env.DB.prepare("UPDATE notices SET enqueued_at = NULL WHERE id = ?1").bind(lost).run();

    const tick = await runNoticesTick(deps, MONDAY_10_MS + HOUR_MS);

    expect(tick.requeued).toBe(1);
    expect(queued).toHaveLength(6);
    expect(queued[5]?.noticeId).toBe(lost);
  });
});

describe("staff API", () => {
  it("lists notices filtered by status, type and unit, without robot secrets", async () => {
    const { deps } = await noticeDeps(office);
    await runDailyNotices(deps, MONDAY_10_MS);

    const all = await api("/api/notices?status=待发送&type=交办通知");
    const one = await api(`/api/notices?unit=${encodeURIComponent("区住建局")}`);
    const bad = await api("/api/notices?status=done");
    const anonymous = await exports.default.fetch(new Request("http://jianyi.test/api/notices"));

    expect(all.status).toBe(200);
    expect(((await all.json()) as { notices: unknown[] }).notices).toHaveLength(5);
    const body = (await one.json()) as { notices: { recipient: string; address: string }[] };
    expect(body.notices).toEqual([
      expect.objectContaining({ recipient: "区住建局", address: expect.stringMatching(/#\*\*\*$/) }),
    ]);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: "invalid_request", requestId: expect.any(String) },
    });
    expect(anonymous.status).toBe(401);
  });

  it("retries a 失败 notice, and refuses a sent or pending one", async () => {
    const units = officeUnits(office);
    const { deps, queued } = await noticeDeps(office);
    await registerRobot({ kind: "dingtalk", token: units.区住建局.token, secret: "SECwrong" });
    await runDailyNotices(deps, MONDAY_10_MS);
    await deliverBatch(
      "jianyi-notices",
      queued.map((body, i) => ({ id: `m${i}`, body })),
      (b) => consumeNotices(b, deps),
    );
    const failed = (await deps.noticeOutbox.list({ status: "失败", limit: 5 }))[0];
    const sent = (await deps.noticeOutbox.list({ status: "已发送", limit: 5 }))[0];
    if (!failed || !sent) throw new Error("expected one failed and some sent notices");

    const retried = await api(`/api/notices/${failed.id}/retry`, { method: "POST" });
    const again = await api(`/api/notices/${failed.id}/retry`, { method: "POST" });
    const done = await api(`/api/notices/${sent.id}/retry`, { method: "POST" });
    const missing = await api("/api/notices/9999/retry", { method: "POST" });

    expect(retried.status).toBe(202);
    expect(await retried.json()).toMatchObject({ notice: { id: failed.id, status: "待发送" } });
    expect(again.status).toBe(409);
    expect(done.status).toBe(409);
    expect(await done.json()).toMatchObject({ error: { code: "already_sent" } });
    expect(missing.status).toBe(404);
    const detail = (await (await api(`/api/notices/${failed.id}`)).json()) as { attempts: unknown[] };
    expect(detail.attempts).toHaveLength(1);
  });

  it("runs the daily job as of another instant in development, and delivers through the real queue", async () => {
    const units = officeUnits(office);
    const res = await api(`/api/notices/run?now=${encodeURIComponent("2026-03-02T10:00:00+08:00")}`, {
      method: "POST",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ outcome: "ok", today: "2026-03-02", inserted: 5 });

    // The Worker's own consumer picks the messages up (batch timeout 5 s) and the robots verify them.
    const deadline = Date.now() + 20_000;
    let received = 0;
    while (Date.now() < deadline && received < 5) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const all = await Promise.all(Object.values(units).map((u) => robotMessages(u.token)));
      received = all.filter((list) => list.some((m) => m.verified && m.accepted)).length;
    }
    expect(received).toBe(5);
  });
});

describe("e-mail through the send_email binding", () => {
  it("is accepted by the runtime's EMAIL binding as a well-formed message, Reply-To and all", async () => {
    if (!env.EMAIL) throw new Error("EMAIL binding missing from wrangler.toml");
    const channel = createEmailChannel({
      sender: bindingEmailSender(env.EMAIL),
      from: "notices@rd.example.gov.cn",
      fromName: "北城区人大常委会代表工委",
      replyTo: "dbgw@rd.example.gov.cn",
      now: Date.now,
    });
    const result = await channel.send({
      id: 1,
      key: "交办通知|2026-001|r1|2026-03-02|区教育局|email",
      plannedAt: "2026-03-02T01:00:00.000Z",
      type: "交办通知",
      suggestionId: "2026-001",
      recipient: "区教育局",
      address: "jyj@example.gov.cn",
      title: "代表建议交办通知：2026-001 关于加快推进柏庄镇卫生院建设的建议",
      body: "区教育局：现将……交你单位办理。",
    });
    expect(result).toEqual({ ok: true, status: null });
  });
});
