import { describe, expect, it } from "vitest";
import { reportNarrative } from "../../src/domain/dashboard/report-narrative";
import { reportTables } from "../../src/domain/dashboard/report-tables";
import { yearReport } from "../../src/domain/dashboard/year-report";
import { yearReportTable } from "../../src/domain/dashboard/year-report-export";
import { assessYear } from "../../src/domain/evaluation/assessment-view";
import { assessmentPart, mergeAssessments } from "../../src/domain/figures/assessment-part";
import { storedLedger, throughJson } from "./figures/parts";
import { evaluateRows, rowProblems } from "./helpers/evaluate";
import { makeRow, makeTabs } from "./helpers/make-row";

/**
 * "Carried over" is one rule for the report's tiles and CSV (列入跨年督办), its 附表 of earlier
 * years' suggestions and 单位测评: 跨年督办 = 是. A suggestion not satisfied twice (status 跨年督办 by
 * rule 8) with the cell blank is not carried, and 校验问题 asks staff to fill 是 or 否; one filled 否
 * is staff's decision, whatever its status shows.
 */
const TODAY = "2026-12-10";
const twice = (submittedOn: string, crossYear: string) => {
  const year = submittedOn.slice(0, 4);
  return {
    提出日期: submittedOn,
    主办单位: "区住建局",
    交办日期: `${year}-03-02`,
    答复日期: `${year}-05-20`,
    答复类别: "D",
    答复内容: "留作参考",
    满意度: "不满意",
    测评日期: `${year}-05-28`,
    二次交办日期: `${year}-06-01`,
    二次答复日期: `${year}-06-20`,
    二次答复类别: "C",
    二次满意度: "不满意",
    跨年督办: crossYear,
  };
};
const ROWS = [
  { 编号: "2026-001", ...twice("2026-01-08", "是") },
  { 编号: "2026-002", ...twice("2026-01-08", "") },
  { 编号: "2025-058", ...twice("2025-01-08", "否") },
  { 编号: "2025-059", ...twice("2025-01-08", "") },
  { 编号: "2025-060", ...twice("2025-01-08", "是"), 二次答复日期: "", 二次答复类别: "", 二次满意度: "" },
  { 编号: "2025-061", ...twice("2025-01-08", "是") },
];
const evaluation = evaluateRows(ROWS, {}, TODAY);
const report = yearReport(evaluation, 2026);

describe("跨年督办：报告的件数、CSV、附表和单位测评都只按“跨年督办”列为“是”计", () => {
  it("二次测评仍不满意的，台账状态都是跨年督办", () => {
    const statuses = evaluation.rows.filter((r) => r.record.secondRating).map((r) => r.computed.status);
    expect(statuses).toEqual(Array(5).fill("跨年督办"));
  });

  it("本年度列入跨年督办的件数：页面、正文和 CSV 一致，只计标了“是”的", () => {
    expect(report.totals.crossYear).toBe(1);
    expect(reportNarrative(report).sections.flatMap((s) => s.paragraphs)).toContain(
      "本年度建议中列入跨年督办的1件。",
    );
    expect(yearReportTable(report)).toContainEqual(["跨年督办", 1]);
  });

  it("往年转入的附表不列填了“否”或留空的，单位测评也不计它们", () => {
    const table = reportTables(report).find((t) => t.key === "carried");
    expect(table?.rows.map((r) => [r[0], r.at(-1)])).toEqual([
      ["2025-060", "仍在办理"],
      ["2025-061", "仍在办理"],
    ]);
    // 2026-001 and 2026-002 of its own year; 2025-060 (its second round unanswered) and 2025-061
    // (answered in 2025, still not satisfied) carried over, as the table lists them.
    const assigned = (a: { rows: readonly { unit: string; assigned: number }[] } | undefined) =>
      a?.rows.find((r) => r.unit === "区住建局")?.assigned;
    expect(assigned(assessYear(evaluation, 2026, []))).toBe(4);
    // The same from the sync's parts, stored as JSON.
    const ledger = storedLedger(makeTabs(ROWS.map((cells) => makeRow(cells))), TODAY);
    for (const size of [1, 3, 100]) {
      const parts = ledger.parts(size).map((rows) => throughJson(assessmentPart(rows, TODAY)));
      const merged = mergeAssessments(parts, ledger.view, []).find((a) => a.year === 2026);
      expect(assigned(merged), `${size} rows a part`).toBe(4);
    }
  });

  it("二次测评仍不满意而“跨年督办”留空的，校验问题提醒填写“是”或“否”；填了的不提醒", () => {
    const asked = (row: number) =>
      rowProblems(evaluation, row).filter((p) => p.column === "跨年督办" && p.level === "提醒");
    expect(asked(3)).toEqual([
      {
        column: "跨年督办",
        level: "提醒",
        message:
          "二次满意度为“不满意”，台账状态为“跨年督办”，但“跨年督办”列为空（留空视为“否”）：这条建议不计入年度报告中列入跨年督办的件数，也不列入下一年度报告的往年转入建议。如需继续督办，请在“跨年督办”列填“是”；不再督办的请填“否”",
      },
    ]);
    expect(asked(5)).toHaveLength(1);
    expect(asked(2)).toEqual([]);
    expect(asked(4)).toEqual([]);
  });
});
