import { describe, expect, it } from "vitest";
import { reportNarrative } from "../../../src/domain/dashboard/report-narrative";
import { yearReport } from "../../../src/domain/dashboard/year-report";
import { assessYear } from "../../../src/domain/evaluation/assessment-view";
import { ASSIGNED, evaluateWith, extensionRequest, problemsIn } from "./helpers";

/*
 * 延期件数 counts the approvals that extended round 1: one of a suggestion whose 办理时限 is 六个月
 * already moved no due date (代表法第五十一条), its row says so in a 提醒, and 单位测评, the
 * statistics and the year report do not count it as an extension.
 */
const SIX_MONTHS = {
  ...ASSIGNED,
  编号: "2026-002",
  主办单位: "区住建局",
  协办单位: "",
  办理时限: "六个月",
};
const evaluation = evaluateWith(
  [
    { ...ASSIGNED, 提出日期: "2026-01-08" },
    { ...SIX_MONTHS, 提出日期: "2026-01-08" },
  ],
  { extensions: [extensionRequest(), extensionRequest({ 编号: "2026-002", 申请单位: "区住建局" })] },
);
const byUnit = (rows: readonly { unit?: string; label?: string; extensions: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.unit ?? r.label, r.extensions]));

describe("延期件数只计延长了办理期限的批准", () => {
  it("办理时限已是六个月的建议，批准延期有提醒，不计入延期件数", () => {
    expect(problemsIn(evaluation, "延期申请")).toContainEqual({
      row: 3,
      column: "审批结果",
      level: "提醒",
      message: "台账中办理时限已是六个月，批准延期不再延长：代表法第五十一条规定办理期限最长六个月",
    });
    expect(byUnit(assessYear(evaluation, 2026, []).rows)).toEqual({ 区教育局: 1, 区住建局: 0 });
    expect(byUnit(evaluation.statistics.byUnit)).toMatchObject({ 区教育局: 1, 区住建局: 0 });
  });

  it("年度报告写“经批准延期办理的建议1件”", () => {
    const text = reportNarrative(yearReport(evaluation, 2026))
      .sections.flatMap((s) => s.paragraphs)
      .join("\n");
    expect(text).toContain("经批准延期办理的建议1件。");
  });
});
