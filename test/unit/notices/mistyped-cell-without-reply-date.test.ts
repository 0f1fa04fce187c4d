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

/** What round 2's unit gets from 二次交办 to mid-July with both round-2 cells blank: the held cells stop all of it. */
const ROUND_2_PRESSED = [
  "2026-06-16 到期提醒",
  "2026-06-24 到期提醒",
  "2026-06-29 到期提醒",
  "2026-07-02 逾期催办",
  "2026-07-09 逾期催办",
  "2026-07-16 逾期催办",
];

describe("a 满意度 typed as no choice (比较满意) beside a blank 答复日期: the unit is not pressed", () => {
  it("sends no 到期提醒 or 逾期催办 while staff have the 错误 to correct, as for a rating typed right", () => {
    const mistyped = { ...ASSIGNED, 满意度: "比较满意" };
    expect(evaluateAt([mistyped], "2026-05-21").rows[0]?.computed.problems).toContain(
      "[错误] 满意度：“比较满意”不是可选的值",
    );
    expect(unitNotices(mistyped, "2026-05-21", "2026-06-24")).toEqual([]);
    // The same rating typed as a choice already holds them.
    expect(unitNotices({ ...ASSIGNED, 满意度: "满意" }, "2026-05-21", "2026-06-24")).toEqual([]);
  });

  it("presses the unit again once the rating is cleared: the overdue suggestion is not silent for ever", () => {
    expect(unitNotices(ASSIGNED, "2026-06-24", "2026-06-24")).toEqual(["2026-06-24 逾期催办"]);
  });

  it("holds round 2's reminders for an 二次满意度 of 较满意 beside a blank 二次答复日期", () => {
    const mistyped = { ...REASSIGNED, 二次满意度: "较满意" };
    expect(unitNotices(mistyped, "2026-06-02", "2026-07-20", ROUND_2_TOLD)).toEqual([]);
    expect(unitNotices(REASSIGNED, "2026-06-02", "2026-07-20", ROUND_2_TOLD)).toEqual(ROUND_2_PRESSED);
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
