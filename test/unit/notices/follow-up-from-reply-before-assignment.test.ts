import { describe, expect, it } from "vitest";
import type { LedgerCells } from "../helpers/make-row";
import { ASSIGNED_ROW, evaluateAt, REASSIGNED_ROW, ROUND_2_TOLD_KEYS, runDaily } from "./helpers";

const ASSIGNED = ASSIGNED_ROW;
/** A B reply rated 满意: 跟踪落实, the unit followed up every 90 days (跟踪提醒间隔天数). */
const PROMISED: LedgerCells = {
  ...ASSIGNED,
  答复日期: "2026-03-05",
  答复类别: "B",
  答复内容: "列入明年计划",
  满意度: "满意",
  测评日期: "2026-03-10",
};
const REASSIGNED = REASSIGNED_ROW;
const ROUND_2_TOLD = ROUND_2_TOLD_KEYS;

/** The 跟踪提醒 the unit receives from daily runs. */
function followUps(cells: LedgerCells, from: string, to: string, existingKeys: string[] = []): string[] {
  return runDaily([cells], from, to, { existingKeys }).filter((l) => l.includes("跟踪提醒"));
}

describe("a 答复日期 before its round's 交办日期 does not start the unit's 跟踪提醒", () => {
  it("follows nothing up from a B reply dated 2025-03-05 on a suggestion assigned 2026-03-02, and counts from 2026-03-05 once corrected", () => {
    const typo = { ...PROMISED, 答复日期: "2025-03-05" };
    const row = evaluateAt([typo], "2026-03-10").rows[0];
    expect(row?.computed.status).toBe("跟踪落实");
    expect(row?.computed.problems).toContain(
      "[错误] 答复日期 2025-03-05 早于交办日期 2026-03-02：请核对；在改正之前，答复告知、测评提醒和跟踪提醒暂停发送",
    );
    // Counted from 2025 the unit was followed up on the day of the rating, as if a year had passed.
    expect(followUps(typo, "2026-03-10", "2026-09-30")).toEqual([]);
    expect(followUps(PROMISED, "2026-03-10", "2026-09-30")).toEqual([
      "2026-06-03 跟踪提醒 2026-001 → 区教育局 n1",
      "2026-09-01 跟踪提醒 2026-001 → 区教育局 n2",
    ]);
  });

  it("holds round 2's 跟踪提醒 while 二次答复日期 is before 二次交办日期", () => {
    const round2 = {
      ...REASSIGNED,
      二次答复日期: "2026-06-20",
      二次答复类别: "B",
      二次满意度: "满意",
    };
    const typo = { ...round2, 二次答复日期: "2025-06-20" };
    expect(evaluateAt([typo], "2026-06-28").rows[0]?.computed.status).toBe("跟踪落实");
    expect(followUps(typo, "2026-06-28", "2026-12-31", ROUND_2_TOLD)).toEqual([]);
    expect(followUps(round2, "2026-06-28", "2026-12-31", ROUND_2_TOLD)).toEqual([
      "2026-09-18 跟踪提醒 2026-001 → 区教育局 n1",
      "2026-12-17 跟踪提醒 2026-001 → 区教育局 n2",
    ]);
  });
});
