import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { runNoticesTick } from "../../src/jobs/notices/tick";
import { runSync } from "../../src/jobs/sync/run-sync";
import { resetDatabase } from "../support/sync-helpers";
import {
  buildOfficeSheet,
  drainJobs,
  freshOffice,
  MONDAY_10_MS,
  noticeDeps,
  officeDeps,
} from "./notices-setup";

/** Local time in Asia/Shanghai (the default 设置 时区). */
const at = (day: string, time: string) => Date.parse(`${day}T${time}:00+08:00`);
const LEADERS = "dbc-evening@example.gov.cn";

const office = `evening-${crypto.randomUUID().slice(0, 8)}`;
beforeAll(async () => {
  await resetDatabase();
  await buildOfficeSheet(office);
  // The leaders get the 督办周报, due on Monday 2026-03-02 as the five 交办通知 are.
  const deps = await officeDeps(office);
  await deps.sheets.batchUpdateValues([
    { range: `'${TAB_NAMES.settings}'!A2`, values: [["周报接收人", LEADERS, ""]] },
  ]);
  const synced = await runSync(deps, "test", MONDAY_10_MS);
  if (synced.outcome !== "ok") throw new Error(`sync failed: ${synced.message}`);
});
beforeEach(() => freshOffice(office));

/** The notices planned so far, as type and recipient. */
async function planned(): Promise<string[]> {
  const { results } = await env.DB.prepare(
    "SELECT type, recipient FROM notices ORDER BY type, recipient",
  ).all<{
    type: string;
    recipient: string;
  }>();
  return results.map((n) => `${n.type} → ${n.recipient}`);
}

describe("the hourly notices tick in the evening", () => {
  it("starts no daily run at 23:00 and says why: nothing reaches a group chat at night", async () => {
    const { deps, queued, jobs } = await noticeDeps(office);

    const night = await runNoticesTick(deps, at("2026-03-02", "23:00"));

    expect(night.daily).toEqual({
      outcome: "skipped",
      today: "2026-03-02",
      reason: "after-hour",
      message:
        "已过今天每日通知的开始时间：每天按『设置』的时区 9:00 至 18:00 之间开始发送，本次没有发送；今天（2026-03-02）到期的通知在下一次每日通知（次日 9:00 以后；仅工作日发送时为下一个工作日）补发，只发一次",
    });
    expect(jobs).toEqual([]);
    expect(queued).toEqual([]);
    expect(await planned()).toEqual([]);
  });

  it("sends the day's missed notices and 督办周报 at the next day's 09:00 tick, once", async () => {
    const { deps, queued, jobs } = await noticeDeps(office);
    const evening = [
      await runNoticesTick(deps, at("2026-03-02", "18:00")),
      await runNoticesTick(deps, at("2026-03-02", "23:00")),
    ];
    await drainJobs(deps, jobs);
    expect(evening.map((tick) => tick.daily)).toMatchObject([
      { outcome: "skipped", reason: "after-hour" },
      { outcome: "skipped", reason: "after-hour" },
    ]);
    expect(queued).toEqual([]);

    const morning = await runNoticesTick(deps, at("2026-03-03", "09:00"));
    await drainJobs(deps, jobs);
    const later = await runNoticesTick(deps, at("2026-03-03", "10:00"));

    expect(morning.daily).toMatchObject({ outcome: "started", today: "2026-03-03" });
    expect(later.daily).toMatchObject({ outcome: "skipped", reason: "already-ran" });
    expect(await planned()).toEqual([
      "交办通知 → 区交通运输局",
      "交办通知 → 区住建局",
      "交办通知 → 区卫健委",
      "交办通知 → 区教育局",
      "交办通知 → 区民政局",
      `督办周报 → ${LEADERS}`,
    ]);
    expect(queued).toHaveLength(6);
  });

  it("still starts the run at 17:59, the last minute before the cutoff", async () => {
    const { deps, queued, jobs } = await noticeDeps(office);

    const late = await runNoticesTick(deps, at("2026-03-02", "17:59"));
    await drainJobs(deps, jobs);

    expect(late.daily).toMatchObject({ outcome: "started", today: "2026-03-02" });
    expect(queued).toHaveLength(6);
  });
});
