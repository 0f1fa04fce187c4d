import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { computeOverview } from "../../../src/domain/dashboard/overview";
import {
  scoreboardTable,
  unitDetail,
  unitDetailOf,
  unitScoreboard,
} from "../../../src/domain/dashboard/scoreboard";
import { type ListEntry, listEntry } from "../../../src/domain/dashboard/suggestion-ref";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { mentionKey, mentionsOf } from "../../../src/domain/links/recipient-rows";
import type { EvaluatedRow } from "../../../src/domain/summary/evaluated";
import { makeRow, makeTabs } from "../helpers/make-row";
import { fixtureEvaluation, TODAY } from "./fixture";

const evaluation = fixtureEvaluation();

/** The rows' list entries, as the sync stores them with each part. */
function entriesOf(rows: readonly EvaluatedRow[], today: string): ListEntry[] {
  return rows.map((row) => listEntry(row, today)).filter((e): e is ListEntry => e !== null);
}

describe("overview figures", () => {
  const overview = computeOverview(evaluation);

  it("counts every suggestion once by its 台账状态", () => {
    const counts = Object.fromEntries(overview.statusCounts.map((s) => [s.status, s.count]));
    expect(overview.suggestions).toBe(10);
    expect(counts).toEqual({
      待审查: 1,
      退回修改: 0,
      已撤回: 0,
      不予立案: 1,
      已并案: 0,
      待交办: 1,
      办理中: 1,
      即将到期: 1,
      已逾期: 1,
      待测评: 1,
      待二次交办: 1,
      跨年督办: 0,
      跟踪落实: 1,
      已办结: 1,
    });
  });

  it("computes the office-wide rates by hand: 3 of 5 on time, 2 of 3 satisfied", () => {
    // Replied 001, 003 (late), 005, 2025-001; overdue 002 → on time 3 / (4 + 1).
    expect(overview.totals.onTimeRate).toBe("60.0%");
    // Rated 001 满意, 005 不满意, 2025-001 基本满意 → 2 / 3.
    expect(overview.totals.satisfactionRate).toBe("66.7%");
    // Classified replies A 1, B 2, C 1, D 0 of 4.
    expect(overview.classShares.map((s) => [s.replyClass, s.count, s.share])).toEqual([
      ["A", 1, "25.0%"],
      ["B", 2, "50.0%"],
      ["C", 1, "25.0%"],
      ["D", 0, "0.0%"],
    ]);
  });

  it("groups overdue suggestions by unit and lists those due soon", () => {
    expect(overview.overdueByUnit.map((g) => [g.unit, g.items.map((r) => [r.id, r.daysLeft])])).toEqual([
      ["区教育局", [["2026-002", -13]]],
    ]);
    expect(overview.dueSoon.map((r) => [r.id, r.due, r.daysLeft])).toEqual([["2026-004", "2026-06-16", 1]]);
    expect(overview.dueSoonDays).toBe(15);
  });

  it("lists key suggestions with their supervising leaders and counts problems", () => {
    expect(overview.keySuggestions.map((r) => [r.id, r.supervisor])).toEqual([
      ["2026-004", "刘主任"],
      ["2026-009", ""],
    ]);
    // Two 提醒: 2026-009 is a key suggestion without a 督办领导, and 设置 has no 周报接收人.
    expect(overview.problems).toEqual({ errors: 0, warnings: 2 });
  });

  it("周报接收人为空时，概览提示督办周报不会发送；填写后不再提示", () => {
    expect(overview.digestMissing).toBe(true);
    const settings = [
      ["项目", "值", "说明"],
      ["周报接收人", "dbc@example.gov.cn"],
    ];
    const filled = evaluateLedger({
      tabs: makeTabs([makeRow({ 标题: "一条建议" })], { [TAB_NAMES.settings]: settings }),
      today: TODAY,
    });
    expect(computeOverview(filled).digestMissing).toBe(false);
  });

  it("shows dashes, not 0% or 100%, for an empty ledger", () => {
    const empty = computeOverview(fixtureEvaluation([]));
    expect([empty.totals.onTimeRate, empty.totals.satisfactionRate, empty.classShares[0]?.share]).toEqual([
      "—",
      "—",
      "—",
    ]);
  });
});

describe("unit scoreboard", () => {
  it("gives each unit's 承办件数 … 平均答复天数, worked out by hand", () => {
    expect(scoreboardTable(unitScoreboard(evaluation))).toEqual([
      [
        "单位",
        "承办件数",
        "已答复",
        "按期答复率",
        "逾期未答复",
        "满意率",
        "A",
        "B",
        "C",
        "D",
        "平均答复天数",
        "沟通率",
        "延期件数",
        "二次交办",
        "二次已答复",
        "二次逾期未答复",
      ],
      // 001, 002, 003, 2025-001: replied 3 (001, 2025-001 on time; 003 late) + 002 overdue → 2/4;
      // rated 001 满意 and 2025-001 基本满意 → 2/2; days (79 + 94 + 87) / 3 = 86.67.
      // No 沟通记录 or 延期申请 in this office: 沟通率 is a dash, 延期件数 0.
      ["区教育局", 4, 3, "50.0%", 1, "100.0%", 1, 2, 0, 0, 86.7, "—", 0, 0, 0, 0],
      // 004 (not yet due), 005 replied on time in 30 days, rated 不满意.
      ["区住建局", 2, 1, "100.0%", 0, "0.0%", 0, 0, 1, 0, 30, "—", 0, 0, 0, 0],
      ["区卫健委", 1, 0, "—", 0, "—", 0, 0, 0, 0, "—", "—", 0, 0, 0, 0],
      ["区交通运输局", 0, 0, "—", 0, "—", 0, 0, 0, 0, "—", "—", 0, 0, 0, 0],
      // (79 + 94 + 87 + 30) / 4 = 72.5.
      ["合计", 7, 4, "60.0%", 1, "66.7%", 1, 2, 1, 0, 72.5, "—", 0, 0, 0, 0],
    ]);
  });

  it("finds a unit by name (spaces and full-width parentheses ignored) with its lead and co suggestions", () => {
    const withCo = fixtureEvaluation([
      { 编号: "2026-001", 主办单位: "区住建局", 协办单位: "区教育局", 交办日期: 46083 },
    ]);
    expect(unitDetail(withCo, "区教育局")?.co.map((r) => r.id)).toEqual(["2026-001"]);
    const detail = unitDetail(evaluation, " 区 教育局 ");
    expect(detail?.name).toBe("区教育局");
    expect(detail?.lead.map((r) => r.id)).toEqual(["2025-001", "2026-001", "2026-002", "2026-003"]);
    expect(detail?.entry?.record.email).toBe("unit0@example.gov.cn");
    expect(unitDetail(evaluation, "区财政局")).toBeNull();
  });

  it("gives a unit's detail from the list entries of the rows that mention it, as from every row", () => {
    const withCo = fixtureEvaluation([
      { 编号: "2026-001", 主办单位: "区住建局", 协办单位: "区教育局、区 教育局、区卫健委", 交办日期: 46083 },
    ]);
    for (const office of [evaluation, withCo])
      for (const figures of office.statistics.byUnit) {
        const mentioning = office.rows.filter((row) =>
          mentionsOf(row.record).includes(mentionKey("unit", figures.label)),
        );
        const entries = entriesOf(mentioning, office.today);
        const entry = office.units.find(figures.label) ?? null;
        expect(unitDetailOf(figures, entry, entries)).toEqual(unitDetail(office, figures.label));
      }
    // A unit named twice in 协办单位 lists the suggestion once.
    const figures = withCo.statistics.byUnit.find((row) => row.label === "区教育局");
    if (!figures) throw new Error("区教育局 is in the fixture's 承办单位");
    const entries = entriesOf(withCo.rows, withCo.today);
    expect(unitDetailOf(figures, null, entries).co.map((r) => r.id)).toEqual(["2026-001"]);
  });
});
