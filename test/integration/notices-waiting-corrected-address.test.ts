import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { maskSecret } from "../../src/channels/robot-address";
import { failed } from "../../src/channels/types";
import { consumeNotices } from "../../src/jobs/notices/consume";
import { claimBatch } from "../../src/jobs/notices/deliver";
import { retryNotice } from "../../src/jobs/notices/retry-notice";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { runNoticesTick } from "../../src/jobs/notices/tick";
import { resetDatabase } from "../support/sync-helpers";
import { ADMIN, BASE, signIn, worker } from "./dashboard-helpers";
import {
  deliverBatch,
  editUnitRows,
  freshOffice,
  MONDAY_10_MS,
  noticeDeps,
  officeUnits,
  registerRobot,
  robotMessages,
  robotUrl,
  seedOffice,
} from "./notices-setup";

const office = `waiting-${crypto.randomUUID().slice(0, 8)}`;
beforeAll(async () => {
  await resetDatabase();
  await seedOffice(office);
});
beforeEach(() => freshOffice(office));

const MINUTE_MS = 60_000;

/** Staff edit 区教育局's 机器人地址 in 承办单位, then the sync takes the tab into D1. */
const setJyjAddress = (address: string, atMs: number) =>
  editUnitRows(office, { 区教育局: { 机器人地址: address } }, atMs);

/** A 企业微信 robot that answers every message with a retryable failure. */
const brokenToken = () => `${office}-t500`;
const brokenAddress = () => `${robotUrl()}/cgi-bin/webhook/send?key=${brokenToken()}`;

/**
 * The day's run with 区教育局's robot broken: its 交办通知 fails and stays 待发送, retrying; two
 * minutes later staff correct the 机器人地址 and the sync runs.
 */
async function waitingJyj() {
  const units = officeUnits(office);
  await registerRobot({ kind: "wecom", token: brokenToken(), alwaysFail: true });
  await setJyjAddress(brokenAddress(), MONDAY_10_MS - 10 * MINUTE_MS);
  const { deps, queued } = await noticeDeps(office);
  expect(await runDailyNotices(deps, MONDAY_10_MS)).toMatchObject({ outcome: "ok", inserted: 5 });
  const notice = (await deps.noticeOutbox.list({ limit: 10 })).find((n) => n.recipient === "区教育局");
  if (!notice) throw new Error("no notice for 区教育局");
  const deliver = () =>
    deliverBatch(
      "jianyi-notices",
      queued.splice(0).map((body, i) => ({ id: `m${i}`, body })),
      (b) => consumeNotices(b, deps),
    );
  await deliver();
  expect(await deps.noticeOutbox.get(notice.id)).toMatchObject({ status: "待发送", attempts: 1 });
  await setJyjAddress(units.区教育局.address, MONDAY_10_MS + 2 * MINUTE_MS);
  return { deps, queued, id: notice.id, deliver, units };
}

describe("a notice still waiting when staff correct its recipient's 机器人地址", () => {
  it("goes to the corrected address with the next hourly tick, though the day's run is done", async () => {
    const { deps, queued, id, units } = await waitingJyj();
    // The day's run went at 10:00 (waitingJyj); the tick at 11:00 plans nothing new but moves it.
    const tick = await runNoticesTick(deps, MONDAY_10_MS + 60 * MINUTE_MS);
    expect(tick.daily).toMatchObject({ outcome: "skipped" });
    expect(tick.readdressed).toBe(1);
    expect(await deps.noticeOutbox.get(id)).toMatchObject({
      status: "待发送",
      address: units.区教育局.address,
    });
    expect(queued.filter((m) => m.noticeId === id)).toHaveLength(1);
  });

  it("goes to the corrected address with the next daily run, once, and /notices says so", async () => {
    const { deps, queued, id, deliver, units } = await waitingJyj();

    const run = await runDailyNotices(deps, MONDAY_10_MS + 20 * MINUTE_MS, { force: true });
    expect(await deps.noticeOutbox.get(id)).toMatchObject({
      status: "待发送",
      address: units.区教育局.address,
    });
    expect(queued.filter((m) => m.noticeId === id)).toHaveLength(1);
    expect(run).toMatchObject({ outcome: "ok", readdressed: 1 });

    // Before it goes: the list says where it goes now, and the attempt history says why.
    const cookie = await signIn();
    const page = await (await worker(new Request(`${BASE}/notices`, { headers: { cookie } }))).text();
    // Both addresses as staff may see them: the robot's key cut to its start.
    const note = `未投递：区教育局的机器人地址已改为 ${maskSecret(units.区教育局.address)}（原为 ${maskSecret(brokenAddress())}），此后发往新地址`;
    expect(page).toContain(note);
    const detail = (await (
      await worker(new Request(`${BASE}/api/notices/${id}`, { headers: ADMIN }))
    ).json()) as {
      attempts: { ok: boolean; error: string | null }[];
    };
    expect(detail.attempts).toHaveLength(2);
    expect(detail.attempts[1]).toMatchObject({ ok: false, error: note });

    // Its old message comes round too: the notice goes once, to the new address.
    queued.push({ noticeId: id });
    await deliver();
    expect(await deps.noticeOutbox.get(id)).toMatchObject({ status: "已发送", attempts: 2 });
    const received = await robotMessages(units.区教育局.token);
    expect(received).toHaveLength(1);
    expect(JSON.stringify(received[0]?.body)).toContain("区教育局");
    expect(await robotMessages(brokenToken())).toHaveLength(1);
  });

  it("goes to the corrected address at once when staff press 重试, and not while it is being sent", async () => {
    const { deps, queued, id, deliver, units } = await waitingJyj();

    // A delivery holds it right now (at the old address): 重试 does not move it under that delivery.
    await claimBatch(deps, [id]);
    const held = await retryNotice(deps, id, MONDAY_10_MS + 3 * MINUTE_MS);
    expect(held).toMatchObject({ ok: false, code: "pending" });
    expect(await deps.noticeOutbox.get(id)).toMatchObject({ address: brokenAddress() });
    await deps.noticeOutbox.recordAttempt(id, new Date().toISOString(), failed(true, "HTTP 500", 500));

    const quiet = {
      send: async (body: unknown) => void queued.push(body as { noticeId: number }),
      sendBatch: async (messages: { body: unknown }[]) =>
        void queued.push(...messages.map((m) => m.body as { noticeId: number })),
    } as unknown as Queue<unknown>;
    const retry = await worker(
      new Request(`${BASE}/api/notices/${id}/retry`, { method: "POST", headers: ADMIN }),
      { NOTICES_QUEUE: quiet },
    );
    expect(retry.status).toBe(202);
    const { suggestionId } = (await deps.noticeOutbox.get(id)) ?? {};
    expect(await retry.json()).toMatchObject({
      // Named as /notices lists it: the outbox's row id is shown nowhere.
      message: `区教育局 ${suggestionId} 交办通知（企业微信）尚未送达，已改按新地址重新排队发送`,
      notice: { status: "待发送", address: maskSecret(units.区教育局.address) },
    });
    expect(queued).toEqual([{ noticeId: id }]);
    await deliver();
    expect(await deps.noticeOutbox.get(id)).toMatchObject({ status: "已发送" });
    expect(await robotMessages(units.区教育局.token)).toHaveLength(1);

    // Sent now: another 重试 is refused, and the day's next run moves nothing.
    expect(await retryNotice(deps, id, MONDAY_10_MS + 30 * MINUTE_MS)).toMatchObject({
      ok: false,
      code: "already_sent",
    });
    expect(await runDailyNotices(deps, MONDAY_10_MS + 30 * MINUTE_MS, { force: true })).toMatchObject({
      readdressed: 0,
      inserted: 0,
    });
  });

  it("stays refused by 重试 while its address is the one staff have not corrected", async () => {
    const { deps, queued, id } = await waitingJyj();
    await setJyjAddress(brokenAddress(), MONDAY_10_MS + 4 * MINUTE_MS);
    const { suggestionId } = (await deps.noticeOutbox.get(id)) ?? {};
    expect(await retryNotice(deps, id, MONDAY_10_MS + 5 * MINUTE_MS)).toMatchObject({
      ok: false,
      code: "pending",
      message: `区教育局 ${suggestionId} 交办通知（企业微信）正在等待发送，无需重试`,
    });
    expect(queued).toEqual([]);
  });
});
