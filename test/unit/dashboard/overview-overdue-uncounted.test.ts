import { describe, expect, it } from "vitest";
import {
  computeOverview,
  type OverviewFigures,
  overviewAsShown,
} from "../../../src/domain/dashboard/overview";
import { mergeOverview, type OverviewPart, overviewPart } from "../../../src/domain/figures/overview-part";
import { OverviewPage } from "../../../src/http/dashboard/overview-page";
import { storedLedger, throughJson } from "../figures/parts";
import { makeRow, makeTabs, serial } from "../helpers/make-row";
import { FIXTURE_ROWS, fixtureEvaluation, TODAY } from "./fixture";

/**
 * The fixture (2026-002 of 区教育局 overdue) and three more overdue suggestions: one counted, and two
 * with an 错误 in a counted field, which every figure leaves out: an unreadable 答复日期 (so the row
 * reads unreplied, 已逾期) and a 满意度 typed on a row with no reply.
 */
const ROWS = [
  ...FIXTURE_ROWS,
  {
    编号: "2026-039",
    标题: "农田水利",
    主办单位: "区卫健委",
    交办日期: serial("2026-03-02"),
    答复日期: "2026.13.5",
  },
  {
    编号: "2026-040",
    标题: "老旧小区",
    主办单位: "区住建局",
    交办日期: serial("2026-03-02"),
    满意度: "满意",
  },
  { 编号: "2026-041", 标题: "背街小巷", 主办单位: "区住建局", 交办日期: serial("2026-03-02") },
];

const frame = { lastSync: null, timeZone: "Asia/Shanghai", today: TODAY };

async function pageText(figures: OverviewFigures): Promise<string> {
  const page = OverviewPage({ figures, frame }) as { toString(): string | Promise<string> };
  return String(await page.toString());
}

/** The page as a leader reads it: text only. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("督办概览：逾期未答复的清单与统计数字一致", () => {
  const evaluation = fixtureEvaluation(ROWS);
  const figures = computeOverview(evaluation);

  it("按主办单位的件数与『统计』、单位页的逾期未答复相同，有错误的逾期建议另列", () => {
    const overdueOfUnit = (unit: string) =>
      evaluation.statistics.byUnit.find((r) => r.label === unit)?.overdueUnreplied;
    expect(figures.overdueByUnit.map((g) => [g.unit, g.count])).toEqual([
      ["区住建局", 1],
      ["区教育局", 1],
    ]);
    for (const group of figures.overdueByUnit) expect(group.count).toBe(overdueOfUnit(group.unit));
    // 区卫健委's only overdue suggestion has an 错误: 0 in 统计, so no line of its own in the list.
    expect(overdueOfUnit("区卫健委")).toBe(0);
    expect(figures.overdueByUnit.map((g) => g.unit)).not.toContain("区卫健委");
    expect(figures.overdueUncounted?.map((r) => r.id)).toEqual(["2026-039", "2026-040"]);
    expect(figures.overdueUncountedCount).toBe(2);
    // 已逾期 (the 台账状态 chart) = what the figures count + what they leave out.
    const overdueStatus = figures.statusCounts.find((s) => s.status === "已逾期")?.count;
    expect(overdueStatus).toBe(4);
    expect(figures.totals.overdueUnreplied).toBe(2);
  });

  it("页面上的 KPI、清单件数和另列的有错误建议彼此相加一致", async () => {
    const html = await pageText(overviewAsShown(figures));
    const text = textOf(html);
    expect(text).toContain("已逾期 4 计入统计 2 件（含二次交办），另 2 件有错误未计入");
    expect(text).toContain("有错误、未计入统计的逾期建议（2 件）");
    expect(text).toContain("2026-039 农田水利 区卫健委 逾期");
    expect(text).toContain("2026-040 老旧小区 区住建局 逾期");
    expect(html).toContain(`href="/problems?level=${encodeURIComponent("错误")}"`);
    // The list by unit: 区住建局 1 件 (2026-041 only), 区教育局 1 件; no line for 区卫健委.
    const byUnit = text.slice(text.indexOf("逾期未答复（按主办单位）"), text.indexOf("有错误、未计入统计"));
    expect(byUnit).toContain("区住建局 1 2026-041 背街小巷");
    expect(byUnit).toContain("区教育局 1 2026-002");
    expect(byUnit).not.toContain("区卫健委");
    expect(byUnit).not.toContain("2026-039");
    expect(byUnit).not.toContain("2026-040");
  });

  it("没有错误时页面照旧", async () => {
    const text = textOf(await pageText(computeOverview(fixtureEvaluation())));
    expect(text).toContain("其中逾期未答复 1 件（含二次交办）");
    expect(text).not.toContain("未计入统计的逾期建议");
  });

  it("各部分存下的份额相加后与整本台账算出的相同", () => {
    const { view, parts } = storedLedger(makeTabs(ROWS.map((r) => makeRow(r))), TODAY);
    const { rows: _rows, ...small } = view;
    const whole = overviewAsShown(computeOverview(view));
    expect(whole.overdueUncounted?.map((r) => r.id)).toEqual(["2026-039", "2026-040"]);
    for (const size of [1, 7, 100]) {
      const shares = parts(size).map((rows) => throughJson(overviewPart(rows, view.today)));
      expect(mergeOverview(shares, small), `parts of ${size} rows`).toEqual(whole);
    }
  });

  it("旧版本存下的份额没有另列的字段：按没有计", () => {
    const { view, parts } = storedLedger(makeTabs(ROWS.map((r) => makeRow(r))), TODAY);
    const { rows: _rows, ...small } = view;
    const older = parts(100).map((rows) => {
      const {
        overdueUncounted: _items,
        overdueUncountedCount: _count,
        ...rest
      } = overviewPart(rows, view.today);
      return rest satisfies OverviewPart;
    });
    const merged = mergeOverview(older, small);
    expect(merged.overdueUncounted).toEqual([]);
    expect(merged.overdueUncountedCount).toBe(0);
  });
});
