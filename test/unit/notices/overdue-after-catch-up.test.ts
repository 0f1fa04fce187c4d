import { describe, expect, it } from "vitest";
import { daysBetween } from "../../../src/domain/deadlines";
import type { LedgerCells } from "../helpers/make-row";
import { planAt, runDaily } from "./helpers";

/**
 * Assigned Monday 2026-03-02 to 区教育局, three months: 办理期限 2026-06-02, so the 逾期催办's grid
 * is 06-03, 06-10, 06-17, … (逾期催办间隔天数 7).
 */
const OVERDUE: LedgerCells = {
  编号: "2026-001",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  交办日期: "2026-03-02",
};

const urges = (lines: readonly string[]) => lines.filter((line) => line.includes("逾期催办"));
const days = (lines: readonly string[]) => lines.map((line) => line.slice(0, 10));
const gaps = (list: readonly string[]) => list.slice(1).map((day, i) => daysBetween(list[i] as string, day));

describe("逾期催办 after a catch-up: never twice within 逾期催办间隔天数", () => {
  it("the first run over an overdue ledger presses the unit once, then a week later, not the next day", () => {
    // 06-09 is the first run: it catches up the 06-03 one; the grid's 06-10 would come a day later.
    const sent = urges(runDaily([OVERDUE], "2026-06-09", "2026-06-30"));
    expect(sent).toEqual([
      "2026-06-09 逾期催办 2026-001 → 区教育局 n1@2026-06-09",
      "2026-06-16 逾期催办 2026-001 → 区教育局 n2@2026-06-16",
      "2026-06-23 逾期催办 2026-001 → 区教育局 n3@2026-06-23",
      "2026-06-30 逾期催办 2026-001 → 区教育局 n4@2026-06-30",
    ]);
  });

  it("a run missed for days moves the rest of the series with the one caught up", () => {
    // No run 06-10 to 06-12: the 06-10 one goes out Saturday 06-13 (仅工作日发送 = 否), the next a week on.
    const sent = urges(
      runDaily([OVERDUE], "2026-06-03", "2026-06-28", {
        settings: [["仅工作日发送", "否"]],
        skip: ["2026-06-10", "2026-06-11", "2026-06-12"],
      }),
    );
    expect(days(sent)).toEqual(["2026-06-03", "2026-06-13", "2026-06-20", "2026-06-27"]);
    expect(Math.min(...gaps(days(sent)))).toBeGreaterThanOrEqual(7);
  });

  it("keys each by the day it went out, and presses no one again over an outbox's keys of before", () => {
    expect(urges(runDaily([OVERDUE], "2026-06-03", "2026-06-17"))).toEqual([
      "2026-06-03 逾期催办 2026-001 → 区教育局 n1@2026-06-03",
      "2026-06-10 逾期催办 2026-001 → 区教育局 n2@2026-06-10",
      "2026-06-17 逾期催办 2026-001 → 区教育局 n3@2026-06-17",
    ]);
    // An office whose outbox holds the bare grid keys written before the day was in them: the
    // unit pressed on 06-03 and 06-10 is pressed next on 06-17, not again on the next run.
    const before = ["逾期催办|2026-001|r1|n1|区教育局|email", "逾期催办|2026-001|r1|n2|区教育局|email"];
    expect(urges(runDaily([OVERDUE], "2026-06-10", "2026-06-24", { existingKeys: before }))).toEqual([
      "2026-06-17 逾期催办 2026-001 → 区教育局 n3@2026-06-17",
      "2026-06-24 逾期催办 2026-001 → 区教育局 n4@2026-06-24",
    ]);
  });

  it("one that failed for good is not planned again at the same address, and a corrected one gets it under its key", () => {
    const [first] = planAt([OVERDUE], "2026-06-09").notices;
    expect(first?.key).toBe("逾期催办|2026-001|r1|n1@2026-06-09|区教育局|email");
    const failedHere = [{ key: first?.key as string, address: first?.address as string }];
    expect(planAt([OVERDUE], "2026-06-10", { failedNotices: failedHere }).notices).toEqual([]);
    const failedElsewhere = [{ key: first?.key as string, address: "old@example.gov.cn" }];
    const again = planAt([OVERDUE], "2026-06-10", { failedNotices: failedElsewhere }).notices;
    expect(again.map((n) => [n.key, n.dueOn])).toEqual([[first?.key, "2026-06-09"]]);
    // A week after the one that failed, the series goes on: a unit is still pressed weekly.
    const next = planAt([OVERDUE], "2026-06-16", { failedNotices: failedHere }).notices;
    expect(next.map((n) => n.occurrence)).toEqual(["n2@2026-06-16"]);
  });
});
