import { describe, expect, it } from "vitest";
import type { LedgerCells } from "../helpers/make-row";
import { ASSIGNED_ROW, evaluateAt, REASSIGNED_ROW, ROUND_2_TOLD_KEYS, runDaily } from "./helpers";

const ASSIGNED = ASSIGNED_ROW;
const REASSIGNED = REASSIGNED_ROW;
const ROUND_2_TOLD = ROUND_2_TOLD_KEYS;

/** What the unit hears from daily runs (type and day). */
function unitNotices(cells: LedgerCells, from: string, to: string, existingKeys: string[] = []): string[] {
  return runDaily([cells], from, to, { existingKeys })
    .filter((l) => l.includes("→ 区教育局"))
    .map((l) => l.slice(0, 15));
}

/** What round 2's unit gets from 二次交办 to mid-July with both round-2 cells blank: a held class stops all of it. */
const ROUND_2_PRESSED = [
  "2026-06-16 到期提醒",
  "2026-06-24 到期提醒",
  "2026-06-29 到期提醒",
  "2026-07-02 逾期催办",
  "2026-07-09 逾期催办",
  "2026-07-16 逾期催办",
];

describe("a 满意度 beside a blank 答复日期 (typed on the wrong row, say): the unit is still pressed", () => {
  it("sends the overdue unit its 逾期催办 despite a stray 满意度 of 满意, and tells the deputy nothing", () => {
    const stray = { ...ASSIGNED, 满意度: "满意" };
    // 办理期限 2026-06-02: the first 逾期催办 is due the next working day, then every 7 days.
    expect(runDaily([stray], "2026-06-03", "2026-06-17")).toEqual([
      "2026-06-03 逾期催办 2026-001 → 区教育局 n1@2026-06-03",
      "2026-06-10 逾期催办 2026-001 → 区教育局 n2@2026-06-10",
      "2026-06-17 逾期催办 2026-001 → 区教育局 n3@2026-06-17",
    ]);
    // No reply to tell of or rate: no 答复告知 or 测评提醒 to 张明 on any day.
    expect(runDaily([stray], "2026-03-03", "2026-07-31").filter((l) => l.includes("→ 张明"))).toEqual([]);
    const row = evaluateAt([stray], "2026-06-03").rows[0];
    expect(row?.computed.status).toBe("已逾期");
    expect(row?.computed.problems).toBe(
      "[错误] 满意度：还没有答复，不能填写满意度：请先填写答复日期，或清空满意度；在补上答复日期之前，系统按未答复处理，承办单位照常收到到期提醒和逾期催办",
    );
  });

  it("sends its 到期提醒 too, and as for a rating typed right when typed as no choice (比较满意)", () => {
    const mistyped = { ...ASSIGNED, 满意度: "比较满意" };
    expect(evaluateAt([mistyped], "2026-05-21").rows[0]?.computed.problems).toBe(
      "[错误] 满意度：“比较满意”不是可选的值：请从 满意 / 基本满意 / 不满意 中选择；还没有答复日期：请补上答复日期，或清空满意度；在补上答复日期之前，系统按未答复处理，承办单位照常收到到期提醒和逾期催办",
    );
    const pressed = unitNotices(ASSIGNED, "2026-05-01", "2026-06-24");
    expect(pressed).toContain("2026-05-18 到期提醒");
    expect(unitNotices(mistyped, "2026-05-01", "2026-06-24")).toEqual(pressed);
    expect(unitNotices({ ...ASSIGNED, 满意度: "满意" }, "2026-05-01", "2026-06-24")).toEqual(pressed);
  });

  it("presses round 2's unit despite an 二次满意度 beside a blank 二次答复日期, typed right or not", () => {
    for (const rating of ["满意", "较满意"]) {
      const stray = { ...REASSIGNED, 二次满意度: rating };
      expect(unitNotices(stray, "2026-06-02", "2026-07-20", ROUND_2_TOLD)).toEqual(ROUND_2_PRESSED);
    }
  });
});

describe("an 答复类别 typed as no class (E) beside a blank 答复日期: the unit is not pressed", () => {
  it("sends no 到期提醒 or 逾期催办 while staff have the 错误 to correct, as for a class typed right", () => {
    const mistyped = { ...ASSIGNED, 答复类别: "E" };
    expect(evaluateAt([mistyped], "2026-05-21").rows[0]?.computed.problems).toContain(
      "[错误] 答复类别：“E”不是可选的值",
    );
    expect(unitNotices(mistyped, "2026-05-21", "2026-06-24")).toEqual([]);
    // Typed as a class (B类 reads as B) it already holds them.
    expect(unitNotices({ ...ASSIGNED, 答复类别: "B类" }, "2026-05-21", "2026-06-24")).toEqual([]);
  });

  it("presses the unit again once the class is cleared", () => {
    expect(unitNotices(ASSIGNED, "2026-06-24", "2026-06-24")).toEqual(["2026-06-24 逾期催办"]);
  });

  it("holds round 2's reminders for an 二次答复类别 of E beside a blank 二次答复日期", () => {
    const mistyped = { ...REASSIGNED, 二次答复类别: "E" };
    expect(unitNotices(mistyped, "2026-06-02", "2026-07-20", ROUND_2_TOLD)).toEqual([]);
    expect(unitNotices(REASSIGNED, "2026-06-02", "2026-07-20", ROUND_2_TOLD)).toEqual(ROUND_2_PRESSED);
  });
});
