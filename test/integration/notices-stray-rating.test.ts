import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../support/sync-helpers";
import {
  at10,
  buildOfficeSheet,
  ledgerCol,
  ledgerValues,
  noticesRunAt11,
  rowTwoProblems,
  setLedgerRow2,
  syncAt10,
} from "./notices-setup";

/**
 * A 满意度 typed on a suggestion whose unit has not replied (on the wrong row, say): it rates no
 * reply, so the unit is still owed its 到期提醒 and 逾期催办 (ledger.md: a typo must never silence a
 * statutory reminder). 2026-001 (区教育局, 交办 2026-03-02) is due 2026-06-02; its 逾期催办 fall on
 * 2026-06-03 and every 7 days after, spaced from the last one the unit got.
 */

/** The day's notices run, an hour after the sync: what was sent about 2026-001, as "recipient type". */
async function noticesOn(office: string, day: string): Promise<string[]> {
  await noticesRunAt11(office, day);
  const { results } = await env.DB.prepare(
    `SELECT type, recipient FROM notices WHERE suggestion_id = '2026-001' AND planned_at >= ?1 ORDER BY id`,
  )
    .bind(new Date(at10(day)).toISOString())
    .all<{ type: string; recipient: string }>();
  return results.map((n) => `${n.recipient} ${n.type}`);
}

const rowTwoStatus = async (office: string) =>
  String((await ledgerValues(office))[1]?.[ledgerCol("台账状态")]);

const STRAY_ERROR =
  "错误|满意度|还没有答复，不能填写满意度：请先填写答复日期，或清空满意度；" +
  "在补上答复日期之前，系统按未答复处理，承办单位照常收到到期提醒和逾期催办";

let office = "";

beforeEach(async () => {
  await resetDatabase();
  office = `stray-rating-${crypto.randomUUID().slice(0, 8)}`;
  await buildOfficeSheet(office);
  // The office's first sync sees 2026-001 assigned and not replied.
  await syncAt10(office, "2026-04-20");
});

describe("a stray 满意度 on a suggestion with no 答复日期", () => {
  it("still sends the overdue unit its 逾期催办, tells the deputy nothing, and says so in 校验问题", async () => {
    // Monday 2026-07-06, a month past 办理期限: a clerk types 满意 into 2026-001's 满意度.
    await setLedgerRow2(office, { 满意度: "满意" });
    await syncAt10(office, "2026-07-06");
    expect(await noticesOn(office, "2026-07-06")).toEqual(["区教育局 逾期催办"]);
    expect(await rowTwoProblems(office)).toEqual([STRAY_ERROR]);
    // The ledger says what the notices do: not replied, overdue.
    expect(await rowTwoStatus(office)).toBe("已逾期");
  });

  it("holds nothing when staff clear it as told: the next 逾期催办 goes on its day, no 已被清空 提醒", async () => {
    await setLedgerRow2(office, { 满意度: "满意" });
    await syncAt10(office, "2026-07-06");
    expect(await noticesOn(office, "2026-07-06")).toEqual(["区教育局 逾期催办"]);
    // Monday 2026-07-13, the day the next one is due: the clerk clears the stray 满意度.
    await setLedgerRow2(office, { 满意度: "" });
    await syncAt10(office, "2026-07-13");
    expect(await rowTwoProblems(office)).toEqual([]);
    expect(await noticesOn(office, "2026-07-13")).toEqual(["区教育局 逾期催办"]);
  });
});
