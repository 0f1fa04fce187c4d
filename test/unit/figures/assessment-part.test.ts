import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { committeeTab } from "../../../sheets-schema/tabs/evaluation-tabs";
import { assessmentYears, assessYear, committeeScores } from "../../../src/domain/evaluation/assessment-view";
import {
  assessmentPart,
  mergeAssessments,
  mergeAssessmentYears,
} from "../../../src/domain/figures/assessment-part";
import { FIXTURE_ROWS, TODAY } from "../dashboard/fixture";
import { type LedgerCells, makeRow, makeTabs, serial } from "../helpers/make-row";
import { sampleLedgerTabs } from "../helpers/sample-ledger";
import { practiceTabs } from "../practice/helpers";
import { PART_SIZES, type StoredLedger, storedLedger, throughJson } from "./parts";

/** The row of 主办单位 that are no unit of 承办单位, as leaders read it. */
const MISNAMED_UNITS = "（主办单位有误，见校验问题）";

type Tabs = Record<string, unknown>;

/** What the finish computes today: every year's 单位测评 from every row. */
function fromEveryRow(ledger: StoredLedger, tabs: Tabs) {
  const committee = committeeScores(tabs[TAB_NAMES.committee] as unknown[][] | undefined);
  return assessmentYears(ledger.view).map((year) => assessYear(ledger.view, year, committee));
}

function merged(ledger: StoredLedger, tabs: Tabs, size: number) {
  const committee = committeeScores(tabs[TAB_NAMES.committee] as unknown[][] | undefined);
  const parts = ledger.parts(size).map((p) => throughJson(assessmentPart(p, ledger.view.today)));
  return mergeAssessments(parts, ledger.view, committee);
}

const assigned = (year: string): LedgerCells => ({
  提出日期: serial(`${year}-01-08`),
  交办日期: serial(`${year}-03-02`),
});

/**
 * The hand-worked fixture plus practice.md's columns over 2023–2026, in this sheet order:
 *
 * | 编号 | year | unit | what | counts in |
 * |---|---|---|---|---|
 * | 2024-101 | 2024 | 区教育局 | 跨年督办, replied 2025-03-10, B 已落实, 办前 contact | 2024, 2025 |
 * | 2025-102 | 2025 | 区 水务局 (not listed) | 跨年督办, C 不满意, round 2 replied 2026-02-10 B 已落实 | 2025, 2026 |
 * | 2026-030 | 2026 | 区水务局 | round 2 B 已落实 满意; named 区 水务局 in 2026 (the row above comes first) | 2026 |
 * | 2026-031 | 2026 | 区 环保局 (not listed) | replied, 满意, 优秀建议 | 2026 |
 * | 2024-102 | 2024 | 区环保局 | 跨年督办, never replied | 2024, 2025, 2026 (named 区 环保局 there) |
 * | 2025-101 | 2025 | 区住建局 | 跨年督办, replied 2025-05-01 | 2025 only |
 * | 2024-103 | 2024 | 区住建局 | 跨年督办, 答复类别 E (an 错误): left out, in the footnote | 2024, 2025, 2026 |
 * | 2025-103 | 2025 | 区卫健委 | 跨年督办 也许 (an 错误): left out, not carried | 2025 |
 * | 2025-104 | 2025 | 区卫健委 | 不予立案 with 跨年督办 | none |
 * | 2023-001 | 2023 | — | 不予立案 only: 2023 is assessed with no unit | — |
 * | 2025-105 | 2025 | 区卫健委 | approved extension, 满意 | 2025 |
 *
 * 常委会测评 scores 区教育局 (2026), 区住建局 (2025) and 区环保局 (2024; not in 承办单位, but typed so
 * in the ledger), and the weights name 常委会测评.
 */
const ROWS: LedgerCells[] = [
  ...FIXTURE_ROWS,
  {
    编号: "2024-101",
    ...assigned("2024"),
    主办单位: "区教育局",
    答复日期: serial("2025-03-10"),
    答复类别: "B",
    落实情况: "已落实",
    满意度: "满意",
    跨年督办: "是",
  },
  {
    编号: "2025-102",
    ...assigned("2025"),
    主办单位: "区 水务局",
    答复日期: serial("2025-06-02"),
    答复类别: "C",
    答复内容: "受财力所限，暂缓实施",
    满意度: "不满意",
    二次交办日期: serial("2025-07-01"),
    二次答复日期: serial("2026-02-10"),
    二次答复类别: "B",
    落实情况: "已落实",
    二次满意度: "基本满意",
    跨年督办: "是",
  },
  {
    编号: "2026-030",
    ...assigned("2026"),
    主办单位: "区水务局",
    答复日期: serial("2026-04-01"),
    答复类别: "C",
    答复内容: "受财力所限，暂缓实施",
    满意度: "不满意",
    二次交办日期: serial("2026-04-20"),
    二次答复日期: serial("2026-05-11"),
    二次答复类别: "B",
    落实情况: "已落实",
    二次满意度: "满意",
  },
  {
    编号: "2026-031",
    ...assigned("2026"),
    主办单位: "区 环保局",
    答复日期: serial("2026-05-20"),
    答复类别: "A",
    满意度: "满意",
    优秀建议: "是",
  },
  { 编号: "2024-102", ...assigned("2024"), 主办单位: "区环保局", 跨年督办: "是" },
  {
    编号: "2025-101",
    ...assigned("2025"),
    主办单位: "区住建局",
    答复日期: serial("2025-05-01"),
    答复类别: "A",
    满意度: "满意",
    跨年督办: "是",
  },
  {
    编号: "2024-103",
    ...assigned("2024"),
    主办单位: "区住建局",
    答复日期: serial("2026-03-01"),
    答复类别: "E",
    跨年督办: "是",
  },
  { 编号: "2025-103", ...assigned("2025"), 主办单位: "区卫健委", 跨年督办: "也许" },
  { 编号: "2025-104", 提出日期: serial("2025-01-08"), 审查结果: "不予立案", 跨年督办: "是" },
  { 编号: "2023-001", 提出日期: serial("2023-01-09"), 审查结果: "不予立案" },
  {
    编号: "2025-105",
    ...assigned("2025"),
    主办单位: "区卫健委",
    答复日期: serial("2025-08-01"),
    答复类别: "A",
    满意度: "满意",
  },
];

const CONTACTS = [
  { 编号: "2026-001", 日期: "2026-03-10", 阶段: "办前", 方式: "面商", 承办单位: "区教育局", 代表参加: "是" },
  { 编号: "2024-101", 日期: "2024-04-01", 阶段: "办前", 方式: "面商", 承办单位: "区教育局", 代表参加: "是" },
];
const EXTENSIONS = [
  {
    编号: "2025-105",
    申请日期: "2025-03-20",
    申请单位: "区卫健委",
    理由: "涉及面广",
    审批结果: "同意",
    审批日期: "2025-03-25",
  },
];

const TABS: Tabs = makeTabs(
  ROWS.map((cells) => makeRow(cells)),
  {
    ...practiceTabs({ contacts: CONTACTS, extensions: EXTENSIONS }),
    [TAB_NAMES.settings]: [
      ["项目", "值", "说明"],
      ["测评权重", "按期答复率:20,满意率:40,沟通率:10,落实率:10,常委会测评:20", ""],
    ],
    [TAB_NAMES.committee]: [
      committeeTab.columns.map((c) => c.header),
      [2026, "区教育局", 92, "满意", "是", ""],
      [2025, "区住建局", 80, "基本满意", "否", ""],
      [2024, "区环保局", 70, "", "", ""],
    ],
  },
);

describe("单位测评：各部分合并与全部行算出的一致", () => {
  for (const today of [TODAY, "2026-12-31"]) {
    const ledger = storedLedger(TABS, today);

    for (const size of PART_SIZES)
      it(`${today}，每部分 ${size} 行`, () => {
        expect(merged(ledger, TABS, size)).toEqual(fromEveryRow(ledger, TABS));
      });
  }

  const ledger = storedLedger(TABS, TODAY);
  const byYear = new Map(merged(ledger, TABS, 7).map((a) => [a.year, a]));
  const line = (year: number, unit: string) => byYear.get(year)?.rows.find((r) => r.unit === unit);

  it("测评的年度：有建议的年度，由近及远（2023 年只有不予立案，也列出而无单位）", () => {
    const years = mergeAssessmentYears(ledger.parts(7).map((p) => assessmentPart(p, TODAY)));
    expect(years).toEqual([2026, 2025, 2024, 2023]);
    expect([...byYear.keys()]).toEqual(years);
    expect(byYear.get(2023)).toEqual({ year: 2023, rows: [], excluded: 0 });
  });

  it("跨年督办的建议计入其后仍在办理的年度；不在承办单位表中的主办单位合为最后一行，不排名、不评等次", () => {
    expect(byYear.get(2024)?.rows.map((r) => r.unit)).toEqual(["区教育局", "区住建局", MISNAMED_UNITS]);
    // 2025-001 of the fixture and 2024-101 carried over.
    expect(line(2025, "区教育局")).toMatchObject({ assigned: 2 });
    // 2025: 区 水务局 (2025-102) and 区环保局 (2024-102, carried over); 2026: both carried over, and
    // 区水务局 (2026-030) and 区 环保局 (2026-031).
    expect(line(2025, MISNAMED_UNITS)).toMatchObject({ assigned: 2, score: null, grade: "—", rank: null });
    expect(line(2026, MISNAMED_UNITS)).toMatchObject({ assigned: 4, score: null, grade: "—", rank: null });
    for (const name of ["区 水务局", "区水务局", "区 环保局", "区环保局"])
      for (const year of [2024, 2025, 2026]) expect(line(year, name)).toBeUndefined();
    for (const year of [2024, 2025, 2026]) expect(byYear.get(year)?.rows.at(-1)?.unit).toBe(MISNAMED_UNITS);
  });

  it("有错误的行不计入而计入脚注，跨年的在其后各年也如此", () => {
    expect(line(2024, "区住建局")).toMatchObject({ assigned: 0, excluded: 1 });
    expect(line(2025, "区住建局")).toMatchObject({ assigned: 1, excluded: 1 });
    expect(line(2026, "区住建局")?.excluded).toBe(1);
    expect(line(2025, "区卫健委")).toMatchObject({ assigned: 1, excluded: 1, extensions: 1 });
  });

  it("落实率按最近一轮的答复类别，常委会测评按单位名匹配（不在承办单位表中的名称不计）", () => {
    expect(line(2026, MISNAMED_UNITS)?.figures.落实率).toMatchObject({ numerator: 2, denominator: 2 });
    expect(line(2025, "区教育局")?.figures.落实率).toMatchObject({ numerator: 1, denominator: 2 });
    expect(line(2026, "区教育局")?.figures.常委会测评.value).toBe(92);
    // 区环保局 is scored by the committee but is no unit of 承办单位 (an 错误 in both tabs).
    expect(line(2024, MISNAMED_UNITS)?.figures.常委会测评.value).toBeNull();
  });
});

describe("单位测评：随机台账", () => {
  for (const seed of [1, 7, 2026])
    for (const today of ["2026-06-15", "2027-01-04"])
      it(`种子 ${seed}，${today}`, () => {
        const tabs = sampleLedgerTabs(600, seed);
        const ledger = storedLedger(tabs, today);
        const expected = fromEveryRow(ledger, tabs);
        for (const size of PART_SIZES) expect(merged(ledger, tabs, size)).toEqual(expected);
      });

  // Measured: at most 1.94 KB for these parts (2.11 KB with a 2,000-row sample): a tally per year and unit.
  it("100 行一部分的份额不超过 2.5 KB", () => {
    const ledger = storedLedger(sampleLedgerTabs(600, 3), "2026-06-15");
    const sizes = ledger.parts(100).map((p) => JSON.stringify(assessmentPart(p, "2026-06-15")).length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2560);
  });
});
