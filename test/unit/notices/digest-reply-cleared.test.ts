import { describe, expect, it } from "vitest";
import { buildCalendar } from "../../../src/domain/calendar";
import { duplicatedIds } from "../../../src/domain/dashboard/sample-candidates";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { digestPart, mergeDigest } from "../../../src/domain/figures/digest-part";
import type { Sighting } from "../../../src/domain/notices/catch-up";
import { digestTextOf } from "../../../src/domain/notices/digest";
import { clearedFlags, clearedHolds } from "../../../src/domain/notices/reply-cleared";
import { ledgerFromSummary, storedRows } from "../../../src/domain/summary/ledger-summary";
import { factsOf, loadFacts } from "../../../src/domain/summary/summary-row";
import { throughJson } from "../figures/parts";
import type { LedgerCells } from "../helpers/make-row";
import { ASSIGNED_ROW, noticeTabs } from "./helpers";

/** Friday 2026-05-29: the 办理期限 of a suggestion 交办 2026-03-02 is days away. */
const TODAY = "2026-05-29";
const REPLY = { 答复日期: "2026-05-20", 答复类别: "A", 答复内容: "已列入年度计划" } as const;

/** Staff cleared on 2026-05-28 答复日期…满意度 of 2026-001, and 满意度 alone of 2026-002. */
const ROWS: LedgerCells[] = [
  ASSIGNED_ROW,
  { ...ASSIGNED_ROW, 编号: "2026-002", 标题: "关于增设社区养老服务站的建议", ...REPLY },
  // Replied, never rated: 待测评 as it is.
  { ...ASSIGNED_ROW, 编号: "2026-003", 标题: "关于整治背街小巷的建议", ...REPLY },
  // Never replied: 即将到期 as it is.
  { ...ASSIGNED_ROW, 编号: "2026-004", 标题: "关于改造老旧管网的建议" },
];
const at = "2026-05-28T02:00:00.000Z";
const CLEARED: Sighting[] = [
  { id: "2026-001", cell: "答复日期", at, before: "2026-05-20", after: "" },
  { id: "2026-001", cell: "答复类别", at, before: "A", after: "" },
  { id: "2026-001", cell: "满意度", at, before: "满意", after: "" },
  { id: "2026-002", cell: "满意度", at, before: "满意", after: "" },
];
const localDay = (iso: string) => iso.slice(0, 10);

/**
 * The 周报 written from the figures of the rows as the sync stores them on `today`: the chunk asks the
 * audit trail for the clearings and marks the held rows' flags (run-chunk.ts), each part's share is
 * worked out from its facts, and the finish merges them.
 */
function digestOn(today: string): string {
  const tabs = noticeTabs(ROWS);
  const evaluation = evaluateLedger({ tabs, today });
  const stored = storedRows(evaluation);
  for (const [rowNumber, flag] of clearedFlags(clearedHolds(evaluation.rows, CLEARED, today, localDay))) {
    const row = stored.find((s) => s.n === rowNumber);
    if (row) row.x = (row.x ?? 0) | flag;
  }
  const facts = stored.map(factsOf);
  const view = ledgerFromSummary({ rows: facts, tabs, today, problems: [] });
  const share = throughJson(digestPart(facts.map(loadFacts), duplicatedIds(view.rows)));
  return digestTextOf(mergeDigest([share], view.statistics.total), { today, calendar: buildCalendar() });
}

const lineOf = (text: string, id: string) => text.split("\n").find((line) => line.includes(id)) ?? "";

describe("督办周报 within the days a cleared reply holds its reminders", () => {
  const text = digestOn(TODAY);

  it("says after a 即将到期 suggestion that its reply was cleared, to be checked", () => {
    expect(text).toContain("即将到期（2 件）：");
    expect(lineOf(text, "2026-001")).toMatch(/，还剩 \d+ 天（答复内容被清空，待核实）$/);
    expect(lineOf(text, "2026-004")).toMatch(/，还剩 \d+ 天$/);
  });

  it("says after a 待测评 suggestion that its rating was cleared, to be checked", () => {
    expect(text).toContain("待测评（2 件）：");
    expect(lineOf(text, "2026-002")).toMatch(/，答复日期 2026年5月20日（满意度被清空，待核实）$/);
    expect(lineOf(text, "2026-003")).toMatch(/，答复日期 2026年5月20日$/);
  });

  it("says nothing of it once the grace is over", () => {
    const after = digestOn("2026-05-31");
    expect(after).not.toContain("被清空");
    expect(lineOf(after, "2026-001")).not.toBe("");
  });
});
