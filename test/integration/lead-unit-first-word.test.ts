import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { runSync } from "../../src/jobs/sync/run-sync";
import { resetDatabase } from "../support/sync-helpers";
import { drainJobs, MONDAY_10_MS, noticeDeps, officeDeps, seedOffice } from "./notices-setup";

const office = `lead-first-${crypto.randomUUID().slice(0, 8)}`;
/** 10:00 in Asia/Shanghai on Monday 2026-05-18: the 到期提醒 15 days before 办理期限 (2026-06-02). */
const MAY_18_10_MS = Date.parse("2026-05-18T02:00:00Z");
/** Wednesday 2026-05-20: that 到期提醒 caught up two run days late. */
const MAY_20_10_MS = Date.parse("2026-05-20T02:00:00Z");

beforeAll(async () => {
  await resetDatabase();
  await seedOffice(office);
});

async function runOn(ms: number) {
  expect((await runSync(await officeDeps(office), "test", ms)).outcome).toBe("ok");
  const run = await noticeDeps(office);
  await runDailyNotices(run.deps, ms + 3600_000, { force: true });
  await drainJobs(run.deps, run.jobs);
}

async function reminders() {
  const { results } = await env.DB.prepare(
    "SELECT suggestion_id, recipient, title, body FROM notices WHERE type = '到期提醒' ORDER BY suggestion_id",
  ).all<{ suggestion_id: string; recipient: string; title: string; body: string }>();
  return results;
}

describe("a lead unit's first reminder when its 交办通知 is older than the catch-up window", () => {
  it("on an old ledger's first run, on the reminder's own day, tells the unit of its assignment", async () => {
    // Nothing was ever sent: the 交办通知 (03-02) is past the window and is not sent now.
    await runOn(MAY_18_10_MS);
    const sent = await reminders();
    expect(sent.map((n) => n.recipient)).toEqual([
      "区教育局",
      "区住建局",
      "区卫健委",
      "区民政局",
      "区交通运输局",
    ]);
    expect(sent[0]?.title).toBe("【首次通知】建议办理到期提醒：2026-001 还剩 15 天");
    // The 称呼 first, as an official notice opens; the 到期提醒's own text on the next line.
    // (The unit's link follows, on its own line.)
    expect(sent[0]?.body.split("\n").slice(0, 2)).toEqual([
      "区教育局：【首次通知】此前未向你单位发送本件的交办通知，现一并告知：建议《关于第1件民生实事的建议》（编号 2026-001）于 2026年3月2日交你单位主办，办理期限 2026年6月2日。对交办提出异议的期限已于 2026年3月11日届满；确有特殊情况，请联系代表工委。",
      "张明代表领衔提出的建议《关于第1件民生实事的建议》（编号 2026-001）办理期限为 2026年6月2日，还剩 15 天，目前尚未答复。请抓紧办理，按期答复代表。",
    ]);
    const { n } = (await env.DB.prepare("SELECT COUNT(*) AS n FROM notices WHERE type = '交办通知'").first<{
      n: number;
    }>()) ?? { n: -1 };
    expect(n).toBe(0);
  });

  it("a unit sent its 交办通知 in March gets a reminder caught up late as usual", async () => {
    await env.DB.prepare("DELETE FROM notices").run();
    await runOn(MONDAY_10_MS);
    await runOn(MAY_20_10_MS);
    const sent = await reminders();
    expect(sent.map((n) => n.recipient)).toEqual([
      "区教育局",
      "区住建局",
      "区卫健委",
      "区民政局",
      "区交通运输局",
    ]);
    for (const n of sent) {
      expect(n.title).not.toContain("首次通知");
      expect(n.body).not.toContain("首次通知");
    }
  });
});
