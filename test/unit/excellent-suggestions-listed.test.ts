import { describe, expect, it } from "vitest";
import { reportDocumentBody } from "../../src/domain/dashboard/report-docx";
import { reportNarrative } from "../../src/domain/dashboard/report-narrative";
import { yearReport } from "../../src/domain/dashboard/year-report";
import { excellentSuggestions } from "../../src/domain/evaluation/commendations";
import { excellentPart, mergeExcellent } from "../../src/domain/figures/excellent-part";
import { mergeYearReport, yearReportPart } from "../../src/domain/figures/year-report-part";
import { storedLedger, throughJson } from "./figures/parts";
import { evaluateRows, rowProblems } from "./helpers/evaluate";
import { type LedgerCells, makeRow, makeTabs } from "./helpers/make-row";

const TODAY = "2026-12-10";
const replied = {
  主办单位: "区教育局",
  交办日期: "2026-03-02",
  答复日期: "2026-05-20",
  答复类别: "A",
  满意度: "满意",
  测评日期: "2026-05-28",
};

/**
 * 优秀建议 = 是 on rows staff sorted by 标题 (sheet order is not 编号 order): two 立案 and replied,
 * one 立案 not yet assigned (待交办), one 不予立案, one 撤回, one not yet reviewed.
 */
const ROWS: LedgerCells[] = [
  { 编号: "2026-036", 标题: "关于甲的建议", ...replied, 优秀建议: "是" },
  { 编号: "2026-001", 标题: "关于乙的建议", 审查结果: "不予立案", 优秀建议: "是" },
  { 编号: "2026-134", 标题: "关于丙的建议", 优秀建议: "是" },
  { 编号: "2026-007", 标题: "关于丁的建议", ...replied, 优秀建议: "是" },
  { 编号: "2026-050", 标题: "关于戊的建议", 审查结果: "撤回", 优秀建议: "是" },
  { 编号: "2026-060", 标题: "关于己的建议", 审查结果: "", 优秀建议: "是" },
  { 编号: "2026-070", 标题: "关于庚的建议", ...replied, 优秀建议: "否" },
];
const LISTED = ["2026-007", "2026-036", "2026-134"];

const ledger = storedLedger(makeTabs(ROWS.map((cells) => makeRow(cells))), TODAY);
const { view } = ledger;

/** The .docx body's paragraphs as Word shows them. */
function docxParagraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((p) =>
    [...(p[1] ?? "").matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  );
}

const SENTENCE =
  "评选优秀建议3件：张明代表领衔的《关于丁的建议》；张明代表领衔的《关于甲的建议》；张明代表领衔的《关于丙的建议》。";

describe("优秀建议：只列立案的建议，按编号排列", () => {
  it("主任会议材料、年度报告和 .docx 都按编号列出，不列未立案的（不予立案、撤回、未审查）", () => {
    expect(excellentSuggestions(view, 2026).map((s) => s.id)).toEqual(LISTED);
    const report = yearReport(view, 2026);
    expect(report.excellent.map((s) => s.id)).toEqual(LISTED);
    expect(report.totals.excellent).toBe(3);
    expect(reportNarrative(report).sections.flatMap((s) => s.paragraphs)).toContain(SENTENCE);
    expect(docxParagraphs(reportDocumentBody(report))).toContain(SENTENCE);
  });

  it("同步按部分算出的名单与全部行算出的一致，也按编号排列", () => {
    for (const size of [1, 2, 100]) {
      const parts = ledger.parts(size);
      const excellent = mergeExcellent(
        parts.map((rows) => throughJson(excellentPart(rows, TODAY))),
        [2026],
      );
      expect(excellent[2026]?.map((s) => s.id)).toEqual(LISTED);
      const shares = parts.map((rows) => throughJson(yearReportPart(rows, TODAY, null, new Set())));
      expect(
        mergeYearReport(shares, view, 2026).excellent.map((s) => s.id),
        `${size} rows a part`,
      ).toEqual(LISTED);
    }
  });

  it("校验问题在“优秀建议”列提醒：未立案的不列入名单，未答复的照列但请核对", () => {
    const evaluation = evaluateRows(ROWS, {}, TODAY);
    const excellentProblems = (row: number) =>
      rowProblems(evaluation, row).filter((p) => p.column === "优秀建议");
    expect(excellentProblems(3)).toEqual([
      {
        column: "优秀建议",
        level: "提醒",
        message:
          "审查结果为“不予立案”，只有立案的建议才能评为优秀建议：这条建议不列入优秀建议名单、年度报告和主任会议材料。如是标错了行，请把“优秀建议”改为“否”",
      },
    ]);
    expect(excellentProblems(4)).toEqual([
      {
        column: "优秀建议",
        level: "提醒",
        message:
          "这条建议还没有答复，已标为优秀建议：仍列入优秀建议名单、年度报告和主任会议材料。请核对是否评选过早或标错了行；如不应评选，请把“优秀建议”改为“否”",
      },
    ]);
    expect(excellentProblems(6)[0]?.message).toContain("审查结果为“撤回”");
    expect(excellentProblems(7)[0]?.message).toContain("审查结果为空白（待审查）");
    expect(excellentProblems(2)).toEqual([]);
    expect(excellentProblems(8)).toEqual([]);
  });
});
