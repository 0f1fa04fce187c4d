import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { serialFromIso } from "../../src/domain/civil-date";
import { resetDatabase } from "../support/sync-helpers";
import {
  at10,
  buildOfficeSheet,
  noticesRunAt11,
  rowTwoProblems,
  setLedgerRow2,
  syncAt10,
} from "./notices-setup";

/** The day's notices run, an hour after the sync: what the lead deputy 张明 was sent about 2026-001. */
async function deputyNoticesOn(office: string, day: string): Promise<string[]> {
  await noticesRunAt11(office, day);
  const { results } = await env.DB.prepare(
    `SELECT type FROM notices WHERE suggestion_id = '2026-001' AND recipient = '张明'
     AND planned_at >= ?1 ORDER BY id`,
  )
    .bind(new Date(at10(day)).toISOString())
    .all<{ type: string }>();
  return results.map((n) => n.type);
}

/** The 校验问题 tab's messages about row 2 that say a cell was cleared. */
async function clearedNotes(office: string): Promise<string[]> {
  return (await rowTwoProblems(office)).filter((p) => p.includes("已被清空"));
}

let office = "";

beforeEach(async () => {
  await resetDatabase();
  office = `rating-cleared-${crypto.randomUUID().slice(0, 8)}`;
  await buildOfficeSheet(office);
  // 2026-001 replied 2026-04-07 and rated by 张明 before his 测评提醒 fell due (2026-05-07).
  await setLedgerRow2(office, { 答复日期: serialFromIso("2026-04-07"), 答复类别: "A", 满意度: "满意" });
  await syncAt10(office, "2026-04-20");
});

const NOTE =
  "提醒|满意度|满意度已被清空（原为 满意，2026-05-11 发现）：如系误删，请恢复" +
  "（看板中本件的“变更与通知记录”有原值）；确需清空的，2026-05-14 起照常向领衔代表发送测评提醒";

describe("a 满意度 cleared alone (答复日期 and 答复类别 kept)", () => {
  it("asks the deputy to rate on no day of the grace, tells staff every sync of it, and asks as usual after it", async () => {
    // Monday 2026-05-11: a clerk clears 满意度 of 2026-001.
    await setLedgerRow2(office, { 满意度: "" });
    await syncAt10(office, "2026-05-11");
    expect(await deputyNoticesOn(office, "2026-05-11")).toEqual([]);
    expect(await clearedNotes(office)).toEqual([NOTE]);
    await syncAt10(office, "2026-05-13");
    expect(await deputyNoticesOn(office, "2026-05-13")).toEqual([]);
    expect(await clearedNotes(office)).toEqual([NOTE]);
    // Still blank after the grace: cleared on purpose, the deputy is asked to rate as usual.
    await syncAt10(office, "2026-05-14");
    expect(await clearedNotes(office)).toEqual([]);
    expect(await deputyNoticesOn(office, "2026-05-14")).toContain("测评提醒");
  });

  it("sends the deputy nothing when the rating is put back within the grace", async () => {
    await setLedgerRow2(office, { 满意度: "" });
    await syncAt10(office, "2026-05-11");
    await setLedgerRow2(office, { 满意度: "满意" });
    await syncAt10(office, "2026-05-12");
    expect(await clearedNotes(office)).toEqual([]);
    const sent: string[] = [];
    for (const day of ["2026-05-11", "2026-05-12", "2026-05-13", "2026-05-14"])
      sent.push(...(await deputyNoticesOn(office, day)));
    expect(sent).toEqual([]);
  });
});
