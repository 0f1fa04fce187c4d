import { describe, expect, it } from "vitest";
import { reportNarrative } from "../../../src/domain/dashboard/report-narrative";
import { reportTables } from "../../../src/domain/dashboard/report-tables";
import { type YearReport, yearReport } from "../../../src/domain/dashboard/year-report";
import { mayChangeLine, pendingRounds, reportAsOf } from "../../../src/domain/dashboard/year-report-as-of";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import type { PageFrame } from "../../../src/http/dashboard/layout";
import { ReportPage } from "../../../src/http/dashboard/report-page";
import { makeRow, makeTabs, serial } from "../helpers/make-row";
import { REPORT_ROWS } from "./report-fixture";

/**
 * Two late-2026 suggestions 交办 on 1 December (due 2027-03-01), and one 立案 with a 主办单位 but no
 * 交办日期 (台账状态 待交办, ledger.md rule 4): it has no 办理期限 to be within.
 */
const ROWS = [
  ...REPORT_ROWS,
  ...["2026-020", "2026-021"].map((id) => ({
    编号: id,
    提出日期: serial("2026-11-20"),
    主办单位: "区交通运输局",
    交办日期: serial("2026-12-01"),
  })),
  { 编号: "2026-022", 届次: "十一届五次会议", 提出日期: serial("2026-11-25"), 主办单位: "区交通运输局" },
].map((cells) => makeRow(cells));

/** The year's report as of `today`. */
const reportOn = (today: string): YearReport =>
  yearReport(evaluateLedger({ tabs: makeTabs(ROWS), today }), 2026);

const frameOn = (today: string): PageFrame => ({ lastSync: null, timeZone: "Asia/Shanghai", today });

/** The lines under the printed report's title: 统计截至, then whether the figures may still change. */
async function docMeta(report: YearReport): Promise<string[]> {
  const html = String(await ReportPage({ report, years: [2026], frame: frameOn(report.today) }));
  return [...html.matchAll(/<p class="doc-meta">([^<]*)<\/p>/g)].map((m) => m[1] ?? "");
}

describe("已立案、有主办单位但未交办（待交办）的建议", () => {
  it("不算“未到办理期限”：报告只数已交办、办理期限未到的", async () => {
    const report = reportOn("2027-01-05");
    expect(report.overall.awaitingAssignment).toBe(1);
    expect(pendingRounds(report.overall)).toBe(2);
    expect((await docMeta(report))[1]).toBe(
      "本年度尚有 2 件建议未到办理期限，另有 1 件建议尚未交办，数字可能变化。",
    );
  });

  it("本年度的建议都过了办理期限，只剩未交办的：报告和单位测评说的是它尚未交办，不是未到办理期限", async () => {
    const report = reportOn("2027-03-31");
    expect(await docMeta(report)).toEqual([
      "初稿 · 统计截至 2027年3月31日",
      "本年度尚有 1 件建议尚未交办，数字可能变化。",
    ]);
    // What /assessment and the commendations page show (assessmentAsOf reads the stored report so).
    expect(mayChangeLine(reportAsOf(report), "名次")).toBe("本年度尚有 1 件建议尚未交办，名次可能变化。");
  });

  it("都过了办理期限、也都交办了的年度，不再说数字、名次可能变化", () => {
    const assigned = ROWS.filter((row) => !row.includes("2026-022"));
    const report = yearReport(evaluateLedger({ tabs: makeTabs(assigned), today: "2027-03-31" }), 2026);
    expect(report.overall.awaitingAssignment).toBe(0);
    expect(mayChangeLine(reportAsOf(report), "名次")).toBeNull();
  });

  it("报告正文的基本情况说出有几件尚未交办", () => {
    const [basics] = reportNarrative(reportOn("2027-03-31")).sections;
    expect(basics?.paragraphs[0]).toContain("立案建议交由3个承办单位办理（其中1件尚未交办）。");
  });

  it("主办单位填写有误、也未交办的一件只说一次，不算进“尚未交办”", () => {
    const misnamed = makeRow({ 编号: "2026-023", 提出日期: serial("2026-11-26"), 主办单位: "区某某局" });
    const report = yearReport(
      evaluateLedger({ tabs: makeTabs([...ROWS, misnamed]), today: "2027-03-31" }),
      2026,
    );
    const [basics] = reportNarrative(report).sections;
    expect(basics?.paragraphs[0]).toContain(
      "立案建议交由3个承办单位办理（其中1件尚未交办），另有1件的主办单位填写有误、尚待改正。",
    );
  });

  it("按届次的件数如实标明（含未交办的），与附表的承办件数一致", () => {
    const report = reportOn("2027-03-31");
    const [basics] = reportNarrative(report).sections;
    expect(basics?.paragraphs[1]).toBe("按届次：十一届五次会议4件、未填届次6件（立案并已确定主办单位）。");
    const sessions = reportTables(report).find((t) => t.key === "sessions");
    expect(sessions?.rows.map((r) => `${r[0]}${r[1]}件`)).toEqual(["十一届五次会议4件", "未填届次6件"]);
  });
});
