import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { serialFromIso } from "../../../src/domain/civil-date";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import type { Sighting } from "../../../src/domain/notices/catch-up";
import { clearedHoldProblems, clearedHolds } from "../../../src/domain/notices/reply-cleared";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { noticeTabs, REASSIGNED_ROW, ROUND_2_TOLD_KEYS, runDailyWithSighting } from "./helpers";

/**
 * REASSIGNED_ROW as a key suggestion pressed by its 督办领导: round 2 (二次交办 2026-06-01, due
 * 2026-07-01) replied 2026-06-25, and that reply cleared on Monday 2026-08-03 (seen by that day's sync).
 */
const ROW: LedgerCells = { ...REASSIGNED_ROW, 重点建议: "是", 督办领导: "陈建平副主任" };
const LEADERS = [{ 姓名: "陈建平副主任", 类型: "督办", 邮箱: "cjp@example.gov.cn" }];
const CLEARED: Sighting = {
  id: "2026-001",
  cell: "二次答复日期",
  at: "2026-08-03T02:00:00.000Z",
  before: String(serialFromIso("2026-06-25")),
  after: "",
};
const localDay = (iso: string) => iso.slice(0, 10);

function evaluatedOn(day: string) {
  return evaluateLedger({
    tabs: { ...noticeTabs([ROW]), ...practiceTabs({ leaders: LEADERS }) },
    today: day,
  });
}

/** Each day's run as plan-steps makes it: the clearing asked about (leadWatchIds) and put on the row. */
function overdueNotices(from: string, to: string): string[] {
  return runDailyWithSighting(evaluatedOn, CLEARED, from, to, ROUND_2_TOLD_KEYS)
    .filter(({ notice }) => notice.type === "逾期催办")
    .map(({ day, notice: n }) => `${day} r${n.round} → ${n.recipient}`);
}

describe("a round 2 reply cleared lately", () => {
  it("presses neither the unit nor the 督办领导 for three days, then as for any overdue round", () => {
    expect(overdueNotices("2026-08-03", "2026-08-06")).toEqual([
      "2026-08-06 r2 → 区教育局",
      "2026-08-06 r2 → 陈建平副主任",
    ]);
  });

  it("tells staff in 校验问题 what 二次答复日期 held and when the reminders resume", () => {
    const evaluation = evaluatedOn("2026-08-04");
    expect(
      clearedHoldProblems(clearedHolds(evaluation.rows, [CLEARED], "2026-08-04", localDay), TAB_NAMES.ledger),
    ).toEqual([
      {
        tab: TAB_NAMES.ledger,
        row: 2,
        column: "二次答复日期",
        level: "提醒",
        id: "2026-001",
        message:
          "二次答复日期已被清空（原为 2026-06-25，2026-08-03 发现）：如系误删，请恢复（看板中本件的“变更与通知记录”有原值）；" +
          "确需清空的，2026-08-06 起照常向承办单位发送到期提醒和逾期催办",
      },
    ]);
    // After the grace, or with the reply put back, nothing is said.
    expect(
      clearedHoldProblems(
        clearedHolds(evaluatedOn("2026-08-06").rows, [CLEARED], "2026-08-06", localDay),
        "x",
      ),
    ).toEqual([]);
    const putBack = evaluateLedger({
      tabs: {
        ...noticeTabs([{ ...ROW, 二次答复日期: "2026-06-25" }]),
        ...practiceTabs({ leaders: LEADERS }),
      },
      today: "2026-08-04",
    });
    expect(clearedHoldProblems(clearedHolds(putBack.rows, [CLEARED], "2026-08-04", localDay), "x")).toEqual(
      [],
    );
  });
});
