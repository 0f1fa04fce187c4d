import { describe, expect, it } from "vitest";
import { planNotices } from "../../../src/domain/notices/plan";
import type { EvaluatedRow } from "../../../src/domain/summary/evaluated";
import type { LedgerCells } from "../helpers/make-row";
import { ASSIGNED_ROW, evaluateAt, REASSIGNED_ROW, ROUND_2_TOLD_KEYS, runDaily } from "./helpers";

const ASSIGNED = ASSIGNED_ROW;
const REASSIGNED = REASSIGNED_ROW;
const ROUND_1_TOLD = ROUND_2_TOLD_KEYS;

/** The deputy's notices of the days from..to, as daily runs plan them. */
function deputyNotices(cells: LedgerCells, from: string, to: string, existingKeys: string[] = []): string[] {
  return runDaily([cells], from, to, { existingKeys }).filter((l) => l.includes("→ 张明"));
}

/** A run's 答复告知 (recipient, due day), the row carrying the day the sync first saw 答复日期 filled. */
function replyNotices(cells: LedgerCells, today: string, seenOn: string, existingKeys: string[] = []) {
  const evaluation = evaluateAt([cells], today);
  for (const row of evaluation.rows)
    (row as { seenOn?: EvaluatedRow["seenOn"] }).seenOn = { 答复日期: seenOn };
  return planNotices({ today, evaluation, existingKeys, arrivals: [] })
    .notices.filter((n) => n.type === "答复告知")
    .map((n) => [n.recipient, n.dueOn, n.key]);
}

describe("a 答复日期 before its round's 交办日期 waits for staff to correct it", () => {
  it("tells the deputy nothing of a reply dated 2025-03-05 on a suggestion assigned 2026-03-02, and tells once it reads 2026-03-05", () => {
    const typo = { ...ASSIGNED, 答复日期: "2025-03-05", 答复类别: "A" };
    // Staff have the 错误 to correct.
    expect(evaluateAt([typo], "2026-03-05").rows[0]?.computed.problems).toContain(
      "[错误] 答复日期 2025-03-05 早于交办日期 2026-03-02：请核对；在改正之前，答复告知、测评提醒和跟踪提醒暂停发送",
    );
    // Typed on 2026-03-05: the run of that day and the next tell the deputy nothing.
    expect(replyNotices(typo, "2026-03-05", "2026-03-05")).toEqual([]);
    expect(replyNotices(typo, "2026-03-06", "2026-03-05")).toEqual([]);
    // Corrected on 2026-03-09: the deputy is told then, once.
    const fixed = { ...typo, 答复日期: "2026-03-05" };
    const told = replyNotices(fixed, "2026-03-09", "2026-03-05");
    expect(told).toEqual([["张明", "2026-03-05", "答复告知|2026-001|r1|-|张明|email"]]);
    expect(replyNotices(fixed, "2026-03-10", "2026-03-05", [String(told[0]?.[2])])).toEqual([]);
  });

  it("holds the round's 测评提醒 too, counted from a date the ledger contradicts", () => {
    const typo = { ...ASSIGNED, 答复日期: "2026-02-05", 答复类别: "A" };
    expect(deputyNotices(typo, "2026-03-05", "2026-04-30")).toEqual([]);
    expect(deputyNotices({ ...typo, 答复日期: "2026-03-05" }, "2026-03-05", "2026-04-30")).toEqual([
      "2026-03-05 答复告知 2026-001 → 张明 -",
      "2026-04-07 测评提醒 2026-001 → 张明 -",
    ]);
  });

  it("holds the round-2 答复告知 while 二次答复日期 is before 二次交办日期", () => {
    const typo = { ...REASSIGNED, 二次答复日期: "2026-05-28", 二次答复类别: "A" };
    expect(evaluateAt([typo], "2026-06-28").rows[0]?.computed.problems).toContain(
      "[错误] 二次答复日期 2026-05-28 早于二次交办日期 2026-06-01：请核对",
    );
    expect(deputyNotices(typo, "2026-06-01", "2026-07-10", ROUND_1_TOLD)).toEqual([]);
    expect(
      deputyNotices({ ...typo, 二次答复日期: "2026-06-26" }, "2026-06-26", "2026-07-10", ROUND_1_TOLD),
    ).toEqual(["2026-06-26 答复告知 2026-001 → 张明 -"]);
  });
});
