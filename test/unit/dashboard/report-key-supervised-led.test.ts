import { describe, expect, it } from "vitest";
import { reportNarrative } from "../../../src/domain/dashboard/report-narrative";
import { type YearReport, yearReport } from "../../../src/domain/dashboard/year-report";
import { mergeYearReport, yearReportPart } from "../../../src/domain/figures/year-report-part";
import { PART_SIZES, storedLedger, throughJson } from "../figures/parts";
import { type LedgerCells, makeRow, makeTabs, serial } from "../helpers/make-row";

const TODAY = "2026-06-15";
const KEY = { 重点建议: "是", 主办单位: "区教育局", 交办日期: serial("2026-03-02") };

/** The 一、基本情况 text of the year's report on these rows, worked out from every row and part by part. */
function basics(rows: LedgerCells[]): string[] {
  const ledger = storedLedger(makeTabs(rows.map((cells) => makeRow(cells))), TODAY);
  const text = (report: YearReport) => reportNarrative(report).sections[0]?.paragraphs.join("") ?? "";
  const whole = text(yearReport(ledger.view, 2026));
  const merged = PART_SIZES.map((size) =>
    text(
      mergeYearReport(
        ledger.parts(size).map((rows) => throughJson(yearReportPart(rows, TODAY, null, new Set()))),
        ledger.view,
        2026,
      ),
    ),
  );
  return [whole, ...merged];
}

/** The text must say it (from every row and from each cut into parts alike). */
function says(rows: LedgerCells[], sentence: string): void {
  for (const text of basics(rows)) expect(text).toContain(sentence);
}

describe("年度报告正文的重点建议一句按台账写明督办、领办", () => {
  it("有的重点建议没有督办领导时，只说有督办领导的件数，并写明领办", () => {
    const rows = [
      { ...KEY, 编号: "2026-201", 督办领导: "刘振华主任", 领办领导: "张卫东副区长" },
      { ...KEY, 编号: "2026-202", 督办领导: "刘振华主任" },
      { ...KEY, 编号: "2026-203" },
      { 编号: "2026-204", 主办单位: "区教育局", 交办日期: serial("2026-03-02"), 领办领导: "王副区长" },
      { 编号: "2026-205" },
    ];
    says(rows, "确定重点建议3件，其中2件由常委会领导督办，1件由党政领导领办。另有1件建议由党政领导领办。");
    for (const text of basics(rows)) expect(text).not.toContain("由常委会领导督办。");
  });

  it("每件重点建议都有督办领导时仍是原来的短句，有领办的再说其中几件", () => {
    const both = { ...KEY, 编号: "2026-201", 督办领导: "刘振华主任" };
    says([both, { ...both, 编号: "2026-202" }], "确定重点建议2件，由常委会领导督办。");
    says(
      [both, { ...both, 编号: "2026-202", 领办领导: "张卫东副区长" }],
      "确定重点建议2件，由常委会领导督办，其中1件由党政领导领办。",
    );
  });

  it("重点建议都没有督办领导时不说由常委会领导督办；没有重点建议而有领办的单说领办", () => {
    says([{ ...KEY, 编号: "2026-203" }], "确定重点建议1件。");
    says(
      [{ 编号: "2026-204", 主办单位: "区教育局", 交办日期: serial("2026-03-02"), 领办领导: "王副区长" }],
      "由党政领导领办的建议1件。",
    );
  });

  it("旧版本存下的报告没有这些计数：只说重点建议件数，不出现 undefined", () => {
    const ledger = storedLedger(
      makeTabs([makeRow({ ...KEY, 编号: "2026-201", 督办领导: "刘振华主任" })]),
      TODAY,
    );
    const report = yearReport(ledger.view, 2026);
    const { keySupervised: _s, keyLed: _k, led: _l, ...older } = report.totals;
    const text = reportNarrative({ ...report, totals: older as YearReport["totals"] })
      .sections.flatMap((s) => s.paragraphs)
      .join("");
    expect(text).toContain("确定重点建议1件。");
    expect(text).not.toMatch(/undefined|NaN/);
  });
});
