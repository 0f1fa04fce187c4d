import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { reportFiguresOf } from "../../../src/domain/dashboard/report-figures";
import { reportNarrative } from "../../../src/domain/dashboard/report-narrative";
import { assessYear, committeeScores } from "../../../src/domain/evaluation/assessment-view";
import { idsHeldIn, workOutYearReports } from "../../../src/jobs/year-report";
import type { TabCache } from "../../../src/store/tab-cache";
import { serial } from "../helpers/make-row";
import { COMMITTEE, OPINIONS, REPORT_ROWS, reportEvaluation } from "./report-fixture";

/*
 * The year report a leader reads, worked out as a page does from the stored rows (reportFiguresOf,
 * workOutYearReports), counts what the pages and 校验问题 count: 先进单位 as 单位测评 marks them, a
 * 民意 converted only with a 建议编号 of the ledger, and each 沟通记录 once and only without 错误.
 */

/** 2026-006 typed on a second row (a duplicate 编号: its contacts must still count once). */
const ROWS = [...REPORT_ROWS, { 编号: "2026-006", 主办单位: "区教育局", 交办日期: serial("2026-03-10") }];

/** 区住建局's row has two 错误 (得分 120 > 100, 表决结果 很满意): it counts for nothing. */
const COMMITTEE_TAB = [
  COMMITTEE[0] as unknown[],
  [2026, "区教育局", 95, "满意", "是", ""],
  [2026, "区住建局", 120, "很满意", "是", ""],
];

/** Besides the fixture's: a 2026 opinion 转化为建议 with a 建议编号 no ledger row holds. */
const OPINIONS_TAB = [
  ...OPINIONS,
  ["2026-05-20", "北关街道联络站", "吴某", "停车难", "张明", "转化为建议", "2026-999", ""],
];

/** today 2026-06-15; 2026-001/002/006/008 are 区教育局's (交办 03-02, 006 03-10), 003 区住建局's. */
const CONTACTS_TAB: unknown[][] = [
  ["编号", "日期", "阶段", "方式", "承办单位", "代表参加", "参加人员", "内容", "代表意见"],
  ["2026-001", "2026-03-05", "办前", "面商", "区教育局", "是", "", "", ""],
  ["2026-006", "2026-03-12", "办前", "电话", "区教育局", "否", "", "", ""],
  ["2026-003", "2026-03-20", "办中", "座谈", "区住建局", "是", "", "", ""],
  // 错误 each: after today, a unit not on the suggestion, before 交办, a 阶段 not of the list.
  ["2026-001", "2026-07-01", "办后", "面商", "区教育局", "是", "", "", ""],
  ["2026-002", "2026-03-06", "办前", "面商", "区住建局", "是", "", "", ""],
  ["2026-003", "2026-02-01", "办前", "面商", "区住建局", "是", "", "", ""],
  ["2026-008", "2026-03-21", "办里", "面商", "区教育局", "是", "", "", ""],
];

const TABS: Record<string, unknown[][]> = {
  [TAB_NAMES.contacts]: CONTACTS_TAB,
  [TAB_NAMES.opinions]: OPINIONS_TAB,
  [TAB_NAMES.committee]: COMMITTEE_TAB,
};

const text = (cell: unknown) => (cell === null || cell === undefined ? "" : String(cell).trim());

/** The tab cache as D1 answers a report (the cached tabs above). */
const tabCache = {
  async load(names: readonly string[]) {
    return Object.fromEntries(names.flatMap((n) => (TABS[n] ? [[n, TABS[n]]] : [])));
  },
  async loadRowsOf(names: readonly string[], ids: readonly string[]) {
    const out: Record<string, unknown[][]> = {};
    for (const name of names) {
      const tab = TABS[name];
      if (!tab) continue;
      const at = (tab[0] ?? []).map(text).indexOf("编号");
      const picked: unknown[][] = [];
      tab.forEach((row, i) => {
        if (i === 0 || ids.includes(text(row[at]))) picked[i] = row;
      });
      out[name] = picked;
    }
    return out;
  },
} as unknown as TabCache;

const evaluation = reportEvaluation(ROWS);
const [report] = await workOutYearReports(
  tabCache,
  reportFiguresOf(evaluation),
  [2026],
  idsHeldIn(evaluation.rows),
);
const narrative = reportNarrative(report as NonNullable<typeof report>)
  .sections.flatMap((s) => s.paragraphs)
  .join("\n");

describe("年度报告与各页面数字一致", () => {
  it("先进单位取自单位测评：常委会测评中有错误的行不计", () => {
    const assessment = assessYear(evaluation, 2026, committeeScores(COMMITTEE_TAB));
    const advanced = assessment.rows.filter((r) => r.advanced).map((r) => r.unit);
    expect(advanced).toEqual(["区教育局"]);
    expect(report?.commendedUnits).toEqual(advanced);
    expect(narrative).toContain("经常委会测评，区教育局被评为先进承办单位。");
    expect(narrative).not.toContain("区住建局被评为");
  });

  it("民意转化为建议只计建议编号在台账中的", () => {
    expect(report?.opinions).toMatchObject({ received: 5, converted: 1 });
    expect(report?.opinions?.byHandling).toEqual([
      { label: "转化为建议", count: 1 },
      { label: "转化为建议（建议编号未填或不在台账中）", count: 2 },
      { label: "转交部门", count: 1 },
      { label: "当场答复", count: 0 },
      { label: "其他", count: 0 },
      { label: "未填或无法识别", count: 1 },
    ]);
    expect(narrative).toContain("各代表联络站收集群众意见5条，转化为建议1条。");
  });

  it("沟通记录每条只计一次（编号重复的建议也一样），有错误的不计", () => {
    expect(report?.contacts).toMatchObject({
      total: 3,
      deputyJoined: 2,
      byStage: [
        { label: "办前", count: 2 },
        { label: "办中", count: 1 },
        { label: "办后", count: 0 },
      ],
    });
    expect(narrative).toContain(
      "承办单位与代表沟通联系3次（办前2次、办中1次），方式为面商1次、座谈1次、电话1次，代表本人参加2次",
    );
  });
});
