import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import type { Sighting } from "../../../src/domain/notices/catch-up";
import {
  awaitingReplyIds,
  clearedHoldProblems,
  clearedHolds,
} from "../../../src/domain/notices/reply-cleared";
import type { LedgerCells } from "../helpers/make-row";
import { ASSIGNED_ROW, noticeTabs, runDailyWithSighting } from "./helpers";

/**
 * ASSIGNED_ROW replied 2026-05-20 and rated 满意 by 张明 on 2026-05-25, before his 测评提醒 fell due
 * (2026-06-19): none went. On Monday 2026-06-22 staff clear 满意度 alone (答复日期 and 答复类别 stay),
 * seen by that day's sync.
 */
const RATED: LedgerCells = {
  ...ASSIGNED_ROW,
  答复日期: "2026-05-20",
  答复类别: "A",
  答复内容: "已列入年度计划",
  满意度: "满意",
  测评日期: "2026-05-25",
};
const CLEARED_ROW: LedgerCells = { ...RATED, 满意度: "" };
const CLEARED: Sighting = {
  id: "2026-001",
  cell: "满意度",
  at: "2026-06-22T02:00:00.000Z",
  before: "满意",
  after: "",
};
/** The deputy was told of the reply on its day. */
const TOLD_KEYS = ["答复告知|2026-001|r1|-|张明|email"];
const localDay = (iso: string) => iso.slice(0, 10);

const evaluatedOn = (row: LedgerCells, day: string) =>
  evaluateLedger({ tabs: noticeTabs([row]), today: day });

/** Each day's run as plan-steps makes it: the clearing asked about (leadWatchIds) and put on the row. */
function deputyNotices(from: string, to: string): string[] {
  return runDailyWithSighting((day) => evaluatedOn(CLEARED_ROW, day), CLEARED, from, to, TOLD_KEYS)
    .filter(({ notice }) => notice.recipient === "张明")
    .map(({ day, notice: n }) => `${day} ${n.type} r${n.round} → ${n.recipient}`);
}

describe("a rating cleared alone (答复日期 and 答复类别 kept)", () => {
  it("does not ask the deputy to rate again for three days, then asks once as usual", () => {
    expect(deputyNotices("2026-06-22", "2026-06-26")).toEqual(["2026-06-25 测评提醒 r1 → 张明"]);
  });

  it("tells staff in 校验问题 what 满意度 held and when the deputy is asked to rate", () => {
    const evaluation = evaluatedOn(CLEARED_ROW, "2026-06-23");
    // The sync asks the audit trail about the row (its one query of the rows' clearings).
    expect(awaitingReplyIds(evaluation.rows)).toEqual(["2026-001"]);
    expect(
      clearedHoldProblems(clearedHolds(evaluation.rows, [CLEARED], "2026-06-23", localDay), TAB_NAMES.ledger),
    ).toEqual([
      {
        tab: TAB_NAMES.ledger,
        row: 2,
        column: "满意度",
        level: "提醒",
        id: "2026-001",
        message:
          "满意度已被清空（原为 满意，2026-06-22 发现）：如系误删，请恢复（看板中本件的“变更与通知记录”有原值）；" +
          "确需清空的，2026-06-25 起照常向领衔代表发送测评提醒",
      },
    ]);
    // After the grace, or with the rating put back, nothing is said.
    expect(
      clearedHoldProblems(
        clearedHolds(evaluatedOn(CLEARED_ROW, "2026-06-25").rows, [CLEARED], "2026-06-25", localDay),
        "x",
      ),
    ).toEqual([]);
    const putBack = evaluatedOn(RATED, "2026-06-23");
    expect(clearedHoldProblems(clearedHolds(putBack.rows, [CLEARED], "2026-06-23", localDay), "x")).toEqual(
      [],
    );
    expect(awaitingReplyIds(putBack.rows)).toEqual([]);
  });
});
