import { evaluateLedger, type LedgerEvaluation } from "../../../src/domain/evaluate-ledger";
import { ledgerFromSummary, storedRows } from "../../../src/domain/summary/ledger-summary";
import { factsOf } from "../../../src/domain/summary/summary-row";
import { type LedgerCells, makeRow, makeTabs, serial } from "../helpers/make-row";

/** A Monday; every due date below is plain counting (no holiday near it). */
export const REPORT_TODAY = "2026-06-15";

const replied = (on: string, cls: string, more: LedgerCells = {}): LedgerCells => ({
  交办日期: serial("2026-03-02"),
  答复日期: serial(on),
  答复类别: cls,
  ...(cls === "C" ? { 答复内容: "受财力所限，暂缓实施" } : {}),
  ...more,
});

/**
 * The year report's fixture, worked by hand (units 区教育局 and 区住建局; 交办 2026-03-02 → due 06-02):
 *
 * | 编号 | 届次 | unit | reply | latest class | latest rating | also | counts as |
 * |---|---|---|---|---|---|---|---|
 * | 2026-001 | 十一届五次会议 | 教育 | 05-20 | A | 满意 | 优秀建议 | solved |
 * | 2026-002 | 十一届五次会议 | 教育 | 05-25 | B 已落实 | 基本满意 | | solved |
 * | 2026-003 | 十一届五次会议 | 住建 | 04-01 | B 推进中 | 满意 | 跨年督办 = 是 (status 跨年督办) | cross-year |
 * | 2026-004 | — | 住建 | 04-01 C, round 2 05-11 A | A | 满意 (2nd) | 来源 联络站民意 | solved |
 * | 2026-005 | — | 住建 | 04-01 D, round 2 05-11 D | D | 不满意 (2nd) | status 跨年督办 by rule 8, 跨年督办 blank | not carried (a 提醒 asks) |
 * | 2026-006 | — | 教育 | none (03-10 → 06-10, overdue) | | | | |
 * | 2026-007 | — | — 不予立案 | | | | | |
 * | 2026-008 | — | 教育 | 05-20 | B | (none: 待测评) | 跨年督办 = 是 | cross-year |
 * | 2025-010 | | 教育 | 2025-06-02 | B 推进中 | 基本满意 | 跨年督办 = 是 | carried, open |
 * | 2025-011 | | 住建 | 2025-06-02 | B 已落实 | 满意 | 跨年督办 = 是 | carried, finished |
 * | 2025-012 | | 住建 | 2025-06-02 | A | 满意 | | not carried |
 * | 2024-003 | | 教育 | 2024-06-03 | A | 满意 | 跨年督办 = 是 | finished before 2025: not carried into 2026 |
 * | 2024-004 | | 住建 | round 2 not satisfied | D | 不满意 (2nd) | 跨年督办 = 是 | carried (still open) |
 */
export const REPORT_ROWS: LedgerCells[] = [
  {
    编号: "2026-001",
    届次: "十一届五次会议",
    主办单位: "区教育局",
    ...replied("2026-05-20", "A"),
    满意度: "满意",
    优秀建议: "是",
  },
  {
    编号: "2026-002",
    届次: "十一届五次会议",
    主办单位: "区教育局",
    ...replied("2026-05-25", "B", { 落实情况: "已落实" }),
    满意度: "基本满意",
  },
  {
    编号: "2026-003",
    届次: "十一届五次会议",
    主办单位: "区住建局",
    ...replied("2026-04-01", "B", { 落实情况: "推进中" }),
    满意度: "满意",
    跨年督办: "是",
  },
  {
    编号: "2026-004",
    来源: "联络站民意",
    主办单位: "区住建局",
    ...replied("2026-04-01", "C"),
    满意度: "不满意",
    二次交办日期: serial("2026-04-20"),
    二次答复日期: serial("2026-05-11"),
    二次答复类别: "A",
    二次满意度: "满意",
  },
  {
    编号: "2026-005",
    主办单位: "区住建局",
    ...replied("2026-04-01", "D"),
    满意度: "不满意",
    二次交办日期: serial("2026-04-20"),
    二次答复日期: serial("2026-05-11"),
    二次答复类别: "D",
    二次满意度: "不满意",
  },
  { 编号: "2026-006", 主办单位: "区教育局", 交办日期: serial("2026-03-10") },
  { 编号: "2026-007", 审查结果: "不予立案" },
  { 编号: "2026-008", 主办单位: "区教育局", ...replied("2026-05-20", "B"), 跨年督办: "是" },
  ...(
    [
      ["2025-010", "区教育局", "B", "基本满意", { 落实情况: "推进中", 跨年督办: "是" }],
      ["2025-011", "区住建局", "B", "满意", { 落实情况: "已落实", 跨年督办: "是" }],
      ["2025-012", "区住建局", "A", "满意", {}],
    ] as const
  ).map(([id, unit, cls, rating, more]) => ({
    编号: id,
    提出日期: serial("2025-01-08"),
    主办单位: unit,
    交办日期: serial("2025-03-03"),
    答复日期: serial("2025-06-02"),
    答复类别: cls,
    满意度: rating,
    ...more,
  })),
  {
    编号: "2024-003",
    提出日期: serial("2024-01-09"),
    主办单位: "区教育局",
    交办日期: serial("2024-03-04"),
    答复日期: serial("2024-06-03"),
    答复类别: "A",
    满意度: "满意",
    跨年督办: "是",
  },
  {
    编号: "2024-004",
    提出日期: serial("2024-01-09"),
    主办单位: "区住建局",
    交办日期: serial("2024-03-04"),
    答复日期: serial("2024-06-03"),
    答复类别: "D",
    满意度: "不满意",
    二次交办日期: serial("2024-06-17"),
    二次答复日期: serial("2024-07-08"),
    二次答复类别: "D",
    二次满意度: "不满意",
    跨年督办: "是",
  },
];

/**
 * 民意: four opinions dated in 2026 (two marked 转化为建议: one with 建议编号 2026-004, converted; one
 * without, not yet; one without 处理方式), one of 2025, one undated.
 */
export const OPINIONS: unknown[][] = [
  ["日期", "联络站", "反映人", "内容", "接待代表", "处理方式", "建议编号", "备注"],
  ["2026-03-01", "北关街道联络站", "王某", "路灯不亮", "张明", "转化为建议", "2026-004", ""],
  [serial("2026-04-02"), "北关街道联络站", "李某", "噪声扰民", "李华", "转交部门", "", ""],
  ["2026年5月3日", "柏庄镇联络站", "赵某", "村道破损", "赵敏", "转化为建议", "", ""],
  ["2026-05-10", "柏庄镇联络站", "钱某", "咨询政策", "赵敏", "", "", ""],
  ["2025-12-30", "柏庄镇联络站", "孙某", "校车", "张明", "转化为建议", "2025-012", ""],
  ["", "柏庄镇联络站", "周某", "未写日期", "张明", "当场答复", "", ""],
];

/** 常委会测评: 区教育局 named 先进单位 for 2026 (区卫健委 for 2025). */
export const COMMITTEE: unknown[][] = [
  ["年度", "单位名称", "测评得分", "表决结果", "先进单位", "备注"],
  [2026, "区教育局", 95, "满意", "是", ""],
  ["2026", "区住建局", 80, "基本满意", "否", ""],
  [2025, "区卫健委", 90, "满意", "是", ""],
];

export function reportEvaluation(rows: LedgerCells[] = REPORT_ROWS): LedgerEvaluation {
  return evaluateLedger({
    tabs: makeTabs(rows.map((cells) => makeRow(cells))),
    today: REPORT_TODAY,
  });
}

/** The same ledger as a page loads it: the rows' stored facts, not a fresh evaluation. */
export function reportFromFacts(evaluation: LedgerEvaluation) {
  return ledgerFromSummary({
    rows: storedRows(evaluation).map(factsOf),
    tabs: makeTabs([]) as Record<string, unknown>,
    today: evaluation.today,
    problems: [],
  });
}
