import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { consumeNotices } from "../../src/jobs/notices/consume";
import { retryNotice } from "../../src/jobs/notices/retry-notice";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { resetDatabase } from "../support/sync-helpers";
import { BASE, signIn, worker } from "./dashboard-helpers";
import {
  deliverBatch,
  editUnitRows,
  freshOffice,
  MONDAY_10_MS,
  noticeDeps,
  officeUnits,
  robotMessages,
  robotUrl,
  seedOffice,
} from "./notices-setup";

const office = `resend-${crypto.randomUUID().slice(0, 8)}`;
beforeAll(async () => {
  await resetDatabase();
  await seedOffice(office);
});
beforeEach(() => freshOffice(office));

/** Staff edit 区住建局's row of 承办单位, then the sync takes the tab into D1. */
const editZjj = (cells: Record<string, string>) =>
  editUnitRows(office, { 区住建局: cells }, MONDAY_10_MS + 5 * 60_000);

const wrongAddress = () => `${robotUrl()}/robot/send?access_token=${office}-wrong#SEC${office}`;

/** The day's run with 区住建局's robot address wrong: its 交办通知 fails for good. */
async function failedZjj() {
  await editZjj({ 机器人地址: wrongAddress() });
  const { deps, queued } = await noticeDeps(office);
  expect(await runDailyNotices(deps, MONDAY_10_MS)).toMatchObject({ outcome: "ok", inserted: 5 });
  const notices = await deps.noticeOutbox.list({ limit: 10 });
  const failed = notices.find((n) => n.recipient === "区住建局");
  if (!failed) throw new Error("no notice for 区住建局");
  const deliver = async () => {
    const messages = queued.splice(0);
    return deliverBatch(
      "jianyi-notices",
      messages.map((body, i) => ({ id: `m${i}`, body })),
      (b) => consumeNotices(b, deps),
    );
  };
  await deliver();
  expect(await deps.noticeOutbox.get(failed.id)).toMatchObject({ status: "失败" });
  return { deps, queued, id: failed.id, deliver };
}

describe("a notice that failed for good", () => {
  it("goes to the corrected 机器人地址 when staff press 重试, and 重试 says when the address is still the failing one", async () => {
    const units = officeUnits(office);
    const { deps, id, deliver } = await failedZjj();

    const unchanged = await retryNotice(deps, id, MONDAY_10_MS + 10 * 60_000);
    expect(unchanged).toMatchObject({ ok: true, sameAddress: true });
    const { suggestionId } = (await deps.noticeOutbox.get(id)) ?? {};
    // Named as /notices lists it: the outbox's row id is shown nowhere.
    expect(unchanged.message).toContain(
      `区住建局 ${suggestionId} 交办通知（钉钉）已重新排队发送，但接收方的地址仍是上次发送失败的那个`,
    );
    await deliver();
    expect(await deps.noticeOutbox.get(id)).toMatchObject({ status: "失败" });

    await editZjj({ 机器人地址: units.区住建局.address });
    const fixed = await retryNotice(deps, id, MONDAY_10_MS + 20 * 60_000);
    expect(fixed).toMatchObject({ ok: true, sameAddress: false });
    expect(fixed.message).toBe(`区住建局 ${suggestionId} 交办通知（钉钉）已按接收方的新地址重新排队发送`);
    await deliver();
    expect(await deps.noticeOutbox.get(id)).toMatchObject({
      status: "已发送",
      address: units.区住建局.address,
    });
    const received = await robotMessages(units.区住建局.token);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ kind: "dingtalk", verified: true, accepted: true });
    expect(JSON.stringify(received[0]?.body)).toContain("区住建局：现将");
  });

  it("goes by e-mail, once, after the unit's 通知渠道 changed, though 重试 and the daily run race for it", async () => {
    const { deps, queued, id, deliver } = await failedZjj();
    const mail = `zjj-${office}@example.gov.cn`;
    await editZjj({ 通知渠道: "email", 邮箱: mail, 机器人地址: "" });

    const [retried, run] = await Promise.all([
      retryNotice(deps, id, MONDAY_10_MS + 10 * 60_000),
      runDailyNotices(deps, MONDAY_10_MS + 10 * 60_000, { force: true }),
    ]);
    expect(run).toMatchObject({ outcome: "ok" });
    const rows = await env.DB.prepare(
      "SELECT id, channel, address FROM notices WHERE recipient = '区住建局' ORDER BY id",
    ).all<{ id: number; channel: string; address: string }>();
    expect(rows.results.map((r) => [r.channel, r.address])).toEqual([
      ["dingtalk", wrongAddress()],
      ["email", mail],
    ]);
    const email = rows.results[1]?.id;
    expect(queued.filter((m) => m.noticeId === email)).toHaveLength(1);
    // Whichever came first queued it; the other was told so (or planned nothing).
    const { suggestionId } = (await deps.noticeOutbox.get(id)) ?? {};
    if (retried.ok)
      expect(retried.message).toBe(
        `区住建局的通知渠道已改为邮件：区住建局 ${suggestionId} 交办通知（钉钉）已改由邮件重新排队发送`,
      );
    else expect(retried.code).toBe("pending");

    await deliver();
    const received = await robotMessages(mail);
    expect(received).toHaveLength(1);
    expect(received[0]?.mail?.text).toContain("区住建局：现将");
    // Sent now: neither another run nor another 重试 sends it again.
    expect(await runDailyNotices(deps, MONDAY_10_MS + 30 * 60_000, { force: true })).toMatchObject({
      inserted: 0,
    });
    expect(await retryNotice(deps, id, MONDAY_10_MS + 30 * 60_000)).toMatchObject({
      ok: false,
      code: "notified",
      message: `区住建局 ${suggestionId} 交办通知（钉钉）无需重试：同一通知已通过邮件送达`,
    });
  });

  it("goes to the corrected address once when two runs start at once", async () => {
    const units = officeUnits(office);
    const { deps, queued, id, deliver } = await failedZjj();
    await editZjj({ 机器人地址: units.区住建局.address });

    const runs = await Promise.all([
      runDailyNotices(deps, MONDAY_10_MS + 10 * 60_000, { force: true }),
      runDailyNotices(deps, MONDAY_10_MS + 10 * 60_000, { force: true }),
    ]);
    expect(runs.map((r) => (r.outcome === "ok" ? r.inserted : 0)).reduce((a, b) => a + b)).toBe(1);
    expect(queued.filter((m) => m.noticeId === id)).toHaveLength(1);
    await deliver();
    expect(await robotMessages(units.区住建局.token)).toHaveLength(1);
    expect(await deps.noticeOutbox.get(id)).toMatchObject({
      status: "已发送",
      address: units.区住建局.address,
    });
  });

  it("tells staff on /notices when 重试 went to the address that failed, and what to do", async () => {
    const { id } = await failedZjj();
    const cookie = await signIn();
    const queued: unknown[] = [];
    const quiet = {
      send: async (body: unknown) => void queued.push(body),
      sendBatch: async (messages: { body: unknown }[]) => void queued.push(...messages.map((m) => m.body)),
    } as unknown as Queue<unknown>;
    const retry = await worker(
      new Request(`${BASE}/notices/${id}/retry`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE, cookie },
        body: "",
      }),
      { NOTICES_QUEUE: quiet },
    );
    expect(retry.status).toBe(303);
    const { suggestionId } = (await env.DB.prepare(
      "SELECT suggestion_id AS suggestionId FROM notices WHERE id = ?1",
    )
      .bind(id)
      .first<{ suggestionId: string }>()) ?? { suggestionId: "" };
    const location = `/notices?retried=${id}&unchanged=1`;
    expect(retry.headers.get("location")).toBe(location);
    expect(queued).toEqual([{ noticeId: id }]);
    const page = await worker(new Request(`${BASE}${location}`, { headers: { cookie } }));
    const said = await page.text();
    expect(said).toContain(
      `区住建局 ${suggestionId} 交办通知（钉钉）已重新排队发送，但接收方的地址仍是上次发送失败的那个：若已在表格中改正机器人地址或邮箱，请等下一次同步（约 10 分钟）后再重试；未改正的，这次多半仍会失败。`,
    );
    expect(said).not.toContain(`第 ${id} 条`);
  });
});
