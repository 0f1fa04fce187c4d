import { describe, expect, it } from "vitest";
import { planNotices } from "../../../src/domain/notices/plan";
import { summaryOf } from "../../../src/domain/summary/ledger-summary";
import type { LedgerCells } from "../helpers/make-row";
import { evaluateAt, runDaily } from "./helpers";

/** Assigned 2026-03-02, replied 2026-05-20: 测评提醒 falls due 30 days later (2026-06-22, after 端午). */
const REPLIED: LedgerCells = {
  编号: "2026-001",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  交办日期: "2026-03-02",
  答复日期: "2026-05-20",
  答复类别: "B",
};
/** Round 1 rated 不满意, 二次交办 2026-06-01, replied 2026-06-23. */
const SECOND_REPLIED: LedgerCells = {
  ...REPLIED,
  满意度: "不满意",
  测评日期: "2026-05-25",
  二次交办日期: "2026-06-01",
  二次答复日期: "2026-06-23",
  二次答复类别: "B",
};
const ROUND_1_TOLD = ["答复告知|2026-001|r1|-|张明|email", "二次交办通知|2026-001|r2|-|区教育局|email"];

/** The deputy's notices of the days from..to, as daily runs plan them. */
function deputyNotices(cells: LedgerCells, from: string, to: string, existingKeys: string[] = []): string[] {
  return runDaily([cells], from, to, { existingKeys }).filter((l) => l.includes("→ 张明"));
}

describe("a rating typed as no choice (比较满意) is a rating: the deputy is not asked to rate", () => {
  it("plans neither 答复告知 nor 测评提醒 for a reply rated 比较满意, while a blank rating gets both", () => {
    const mistyped = { ...REPLIED, 满意度: "比较满意", 测评日期: "2026-05-20" };
    // Staff are told to correct the word.
    const problems = evaluateAt([mistyped], "2026-05-20").rows[0]?.problems.map((p) => p.message);
    expect(problems?.some((m) => m.includes("“比较满意”不是可选的值"))).toBe(true);
    expect(deputyNotices(mistyped, "2026-05-19", "2026-06-30")).toEqual([]);
    expect(deputyNotices(REPLIED, "2026-05-19", "2026-06-30")).toEqual([
      "2026-05-20 答复告知 2026-001 → 张明 -",
      "2026-06-22 测评提醒 2026-001 → 张明 -",
    ]);
  });

  it("holds them too when the notices run plans from the rows the sync stored", () => {
    const plan = (cells: LedgerCells, today: string) =>
      planNotices({
        today,
        evaluation: summaryOf(evaluateAt([cells], today)),
        existingKeys: ["答复告知|2026-001|r1|-|张明|email"],
        failedNotices: [],
        arrivals: [],
      }).notices.map((n) => `${n.type} → ${n.recipient}`);
    expect(plan({ ...REPLIED, 满意度: "比较满意" }, "2026-06-22")).toEqual([]);
    expect(plan(REPLIED, "2026-06-22")).toEqual(["测评提醒 → 张明"]);
  });

  it("holds a round-2 答复告知 and 测评提醒 for an 二次满意度 of 较满意", () => {
    const mistyped = { ...SECOND_REPLIED, 二次满意度: "较满意" };
    expect(deputyNotices(mistyped, "2026-06-22", "2026-07-31", ROUND_1_TOLD)).toEqual([]);
    expect(deputyNotices(SECOND_REPLIED, "2026-06-22", "2026-07-31", ROUND_1_TOLD)).toEqual([
      "2026-06-23 答复告知 2026-001 → 张明 -",
      "2026-07-23 测评提醒 2026-001 → 张明 -",
    ]);
  });
});
