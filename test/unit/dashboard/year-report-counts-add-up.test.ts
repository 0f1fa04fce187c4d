import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { deputyDetail, deputyRecords, deputyRecordsCsv } from "../../../src/domain/dashboard/deputy-records";
import { reportDocx } from "../../../src/domain/dashboard/report-docx";
import { reportNarrative } from "../../../src/domain/dashboard/report-narrative";
import { reportTables } from "../../../src/domain/dashboard/report-tables";
import { type YearReport, yearReport } from "../../../src/domain/dashboard/year-report";
import { mayChangeLine, reportAsOf } from "../../../src/domain/dashboard/year-report-as-of";
import { yearReportTable } from "../../../src/domain/dashboard/year-report-export";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { deputiesPart, mergeDeputies, mergeDeputyYears } from "../../../src/domain/figures/deputies-part";
import { mergeYearReport, yearReportPart } from "../../../src/domain/figures/year-report-part";
import { storedLedger, throughJson } from "../figures/parts";
import { type LedgerCells, makeRow, makeTabs, serial } from "../helpers/make-row";

const SESSION = "十一届五次会议";
const TODAY = "2026-12-07";

const done = (on: number | string): LedgerCells => ({ 答复类别: "A", 答复日期: on, 满意度: "满意" });

/**
 * The year 2026, worked by hand (提出日期 2026-01-10, 届次 十一届五次会议 unless said):
 *
 * | 编号 | 领衔 | 主办单位 | 交办 | reply | 台账状态 | counts as |
 * |---|---|---|---|---|---|---|
 * | 2026-001 | 李华 | 区教育局 | 03-02 | 05-20 A 满意 | 已办结 | 已办结 |
 * | 2026-002 | 赵敏 | 区教育局 | 03-02 | “2026.13.5” A 满意 (an 错误) | 已逾期 | footnote only |
 * | 2026-003 | 张明 | 区住建局 | 03-10 | 03-01 A 满意: before 交办 (an 错误) | 已办结 | footnote only |
 * | 2026-004 | 张明 | 区住建局 | — | | 待交办 | 附表1, 尚未交办 |
 * | 2026-005 | 张明 | — | — | | 待交办 | in no table: said apart |
 * | 2026-006 | 王伟(北关) | — 待审查, no 届次 (submitted through the form) | | | 待审查 | |
 */
const ROWS: LedgerCells[] = [
  {
    编号: "2026-001",
    领衔代表: "李华",
    主办单位: "区教育局",
    交办日期: serial("2026-03-02"),
    ...done(serial("2026-05-20")),
  },
  {
    编号: "2026-002",
    领衔代表: "赵敏",
    主办单位: "区教育局",
    交办日期: serial("2026-03-02"),
    ...done("2026.13.5"),
  },
  {
    编号: "2026-003",
    主办单位: "区住建局",
    交办日期: serial("2026-03-10"),
    ...done(serial("2026-03-01")),
  },
  { 编号: "2026-004", 主办单位: "区住建局" },
  { 编号: "2026-005" },
  { 编号: "2026-006", 领衔代表: "王伟(北关)", 审查结果: "", 届次: "" },
].map((cells) => ({ 届次: SESSION, ...cells }));

const tabsOf = (rows: readonly LedgerCells[]) => makeTabs(rows.map((cells) => makeRow(cells)));
const evaluationOf = (rows: readonly LedgerCells[], today = TODAY) =>
  evaluateLedger({ tabs: tabsOf(rows), today });

/** The report as the pages read it: added up from the sync's parts (2 rows a part), stored as JSON. */
function mergedReport(rows: readonly LedgerCells[], today = TODAY): YearReport {
  const ledger = storedLedger(tabsOf(rows), today);
  const parts = ledger.parts(2).map((p) => throughJson(yearReportPart(p, today, null, new Set())));
  return mergeYearReport(parts, ledger.view, 2026);
}

/** The 2026 report both ways: from every row, and as the pages read it. */
const bothReports = (rows: readonly LedgerCells[], today = TODAY): [string, YearReport][] => [
  ["全部行", yearReport(evaluationOf(rows, today), 2026)],
  ["同步各部分合并", mergedReport(rows, today)],
];

const basicsOf = (report: YearReport) => reportNarrative(report).sections[0]?.paragraphs ?? [];

describe("年度报告和代表履职档案：有填写错误的建议不计入已办结", () => {
  const evaluation = evaluationOf(ROWS);

  it("两条有错误的建议台账状态各异，都只计入脚注", () => {
    const status = (id: string) => evaluation.rows.find((r) => r.id === id)?.computed.status;
    expect([status("2026-002"), status("2026-003")]).toEqual(["已逾期", "已办结"]);
  });

  for (const [way, report] of bothReports(ROWS))
    it(`${way}：已办结 1 件，另有 2 条因填写错误未计入`, () => {
      expect(report.totals.closed).toBe(1);
      expect(report.excludedForErrors).toBe(2);
      expect(yearReportTable(report)).toContainEqual(["已办结", 1]);
    });

  it("代表履职档案的领衔办结与年度报告同一口径（页面、个人页和导出）", () => {
    const ledClosed = (rows: ReturnType<typeof deputyRecords>) =>
      rows.map((r) => [r.name, r.ledAccepted, r.ledClosed]);
    const expected = [
      ["张明", 3, 0],
      ["李华", 1, 1],
      ["赵敏", 1, 0],
      ["王伟(北关)", 0, 0],
      ["王伟(文峰)", 0, 0],
    ];
    expect(ledClosed(deputyRecords(evaluation))).toEqual(expected);
    expect(ledClosed(deputyRecords(evaluation, 2026))).toEqual(expected);
    expect(deputyDetail(evaluation, "赵敏")?.row ?? null).toMatchObject({ ledAccepted: 1, ledClosed: 0 });
    // 姓名,代表团,专业小组,领衔,附议,领衔立案,领衔办结,…
    expect(deputyRecordsCsv(deputyRecords(evaluation))).toContain("\r\n赵敏,北关区代表团,,1,0,1,0,");
  });

  it("同步各部分合并的代表履职档案（全部年度和按年度）与全部行算出的一致", () => {
    const ledger = storedLedger(tabsOf(ROWS), TODAY);
    const parts = ledger.parts(2).map((p) => throughJson(deputiesPart(p)));
    const zhao = (rows: ReturnType<typeof deputyRecords> | undefined) => rows?.find((r) => r.name === "赵敏");
    expect(zhao(mergeDeputies(parts, ledger.view))).toMatchObject({ ledAccepted: 1, ledClosed: 0 });
    expect(zhao(mergeDeputyYears(parts, ledger.view)?.["2026"])).toMatchObject({ ledClosed: 0 });
    expect(mergeDeputies(parts, ledger.view)).toEqual(deputyRecords(ledger.view));
  });
});

describe("年度报告的立案件数对得上：未交办的都说出来", () => {
  for (const [way, report] of bothReports(ROWS))
    it(`${way}：立案 5 件 = 附表1 合计 2 件 + 脚注 2 条 + 尚未确定主办单位 1 件`, () => {
      expect(report.totals.accepted).toBe(5);
      const units = reportTables(report).find((t) => t.key === "units");
      expect(units?.total?.slice(0, 2)).toEqual(["合计", 2]);
      expect(basicsOf(report)[0]).toContain("经审查，立案5件，");
      expect(basicsOf(report)[0]).toContain(
        "立案建议交由2个承办单位办理（其中1件尚未交办），另有1件尚未确定主办单位、尚未交办。",
      );
      expect(reportNarrative(report).notes).toEqual(["注：另有 2 条因填写错误未计入。"]);
      expect(yearReportTable(report)).toContainEqual(["立案但尚未确定主办单位", 1]);
    });

  /** 2026-004 交办 on 1 November: only 2026-005, with no 主办单位, is still 待交办. */
  const assigned = ROWS.map((cells) =>
    cells.编号 === "2026-004" ? { ...cells, 交办日期: serial("2026-11-02") } : cells,
  );

  for (const [way, report] of bothReports(assigned))
    it(`${way}：另一件交办后，没有主办单位的一件仍说尚未交办`, () => {
      expect(basicsOf(report)[0]).toContain(
        "立案建议交由2个承办单位办理，另有1件尚未确定主办单位、尚未交办。",
      );
    });

  for (const [way, report] of bothReports(assigned, "2027-03-31"))
    it(`${way}：办理期限都已过，没有主办单位的一件仍使数字可能变化`, () => {
      expect(mayChangeLine(reportAsOf(report), "数字")).toBe("本年度尚有 1 件建议尚未交办，数字可能变化。");
    });

  it("Word 初稿的正文与页面相同", () => {
    const report = yearReport(evaluationOf(ROWS), 2026);
    const xml = strFromU8(
      unzipSync(reportDocx(report, new Date("2026-12-07T02:30:00Z")))["word/document.xml"] as Uint8Array,
    );
    const text = [...xml.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text).toContain("另有1件尚未确定主办单位、尚未交办。");
    expect(text).not.toContain("未填届次0件");
  });
});

describe("年度报告的按届次一句不列 0 件的一组", () => {
  for (const [way, report] of bothReports(ROWS))
    it(`${way}：表单提交、尚未审查、未填届次的建议不使正文出现“未填届次0件”`, () => {
      expect(basicsOf(report)[1]).toBe(`按届次：${SESSION}2件（立案并已确定主办单位）。`);
      const sessions = reportTables(report).find((t) => t.key === "sessions");
      expect(sessions?.rows.map((r) => `${r[0]}${r[1]}件`)).toEqual([`${SESSION}2件`]);
    });
});
