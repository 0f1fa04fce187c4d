import { REPLY_CLASSES } from "../../../sheets-schema/enums";
import { STATISTICS_HEADERS } from "../../../sheets-schema/tabs/system-tabs";
import { computeStatistics, type StatisticsRow, statisticsCells } from "../statistics";
import { statisticsItemOf } from "../statistics-items";
import type { EvaluatedLedger, EvaluatedRow } from "../summary/evaluated";

/** Counts of the year's suggestions before the handling statistics. */
export interface YearTotals {
  readonly submitted: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly merged: number;
  readonly unreviewed: number;
  readonly key: number;
  readonly crossYear: number;
  readonly followedUp: number;
  readonly closed: number;
}

export interface YearReport {
  readonly year: number;
  readonly today: string;
  readonly totals: YearTotals;
  /** The spec's statistics over the year's 立案 suggestions: office-wide, per unit, per category. */
  readonly overall: StatisticsRow;
  readonly byUnit: readonly StatisticsRow[];
  readonly byCategory: readonly StatisticsRow[];
}

const TOTAL_LABELS: readonly [keyof YearTotals, string][] = [
  ["submitted", "建议总数"],
  ["accepted", "立案"],
  ["rejected", "不予立案"],
  ["merged", "并案"],
  ["unreviewed", "待审查"],
  ["key", "重点建议"],
  ["crossYear", "跨年督办"],
  ["followedUp", "抽中回访"],
  ["closed", "已办结"],
];

/** Year of a suggestion: 年 of 提出日期 (as for 编号); rows without a readable date belong to no year. */
export function yearOfRow(row: EvaluatedRow): number | null {
  return row.record.submittedOn ? Number(row.record.submittedOn.slice(0, 4)) : null;
}

/** Years that have suggestions, latest first. */
export function reportYears(evaluation: EvaluatedLedger): number[] {
  const years = new Set<number>();
  for (const row of evaluation.rows) {
    const year = row.blank ? null : yearOfRow(row);
    if (year !== null) years.add(year);
  }
  return [...years].sort((a, b) => b - a);
}

/** The figures of the standing committee's annual report for suggestions submitted in `year`. */
export function yearReport(evaluation: EvaluatedLedger, year: number): YearReport {
  const rows = evaluation.rows.filter((r) => !r.blank && yearOfRow(r) === year);
  const count = (test: (r: EvaluatedRow) => boolean) => rows.filter(test).length;
  const statistics = computeStatistics(rows.map(statisticsItemOf), {
    today: evaluation.today,
    units: evaluation.units.entries.map((e) => e.name),
    categories: evaluation.settings.categories,
  });
  return {
    year,
    today: evaluation.today,
    totals: {
      submitted: rows.length,
      accepted: count((r) => r.record.review === "立案"),
      rejected: count((r) => r.record.review === "不予立案"),
      merged: count((r) => r.record.review === "并案"),
      unreviewed: count((r) => r.record.review === null),
      key: count((r) => r.record.isKey === true),
      crossYear: count((r) => r.computed.status === "跨年督办"),
      followedUp: count((r) => r.record.followUp === true),
      closed: count((r) => r.computed.status === "已办结"),
    },
    overall: statistics.total,
    byUnit: statistics.byUnit,
    byCategory: statistics.byCategory,
  };
}

/** The report as one CSV-ready table: the counts, a blank line, then 合计 / per unit / per category. */
export function yearReportTable(report: YearReport): (string | number)[][] {
  const head: (string | number)[][] = [
    ["项目", "数值"],
    ["年度", report.year],
    ["统计日期", report.today],
    ...TOTAL_LABELS.map(([key, label]) => [label, report.totals[key]]),
  ];
  const stats = [
    ["分组", ...STATISTICS_HEADERS.map((h) => (h === "单位" ? "名称" : h))],
    ["合计", ...statisticsCells(report.overall)],
    ...report.byUnit.map((row) => ["单位", ...statisticsCells(row)]),
    ...report.byCategory.map((row) => ["类别", ...statisticsCells(row)]),
  ];
  return [...head, [], ...stats];
}

/** The report as JSON: English keys, the rates as the text the tabs show ("66.7%" or "—"). */
export function yearReportJson(report: YearReport) {
  const row = (r: StatisticsRow) => ({
    name: r.label,
    assigned: r.assigned,
    replied: r.replied,
    onTimeRate: r.onTimeRate,
    overdueUnreplied: r.overdueUnreplied,
    satisfactionRate: r.satisfactionRate,
    classes: Object.fromEntries(REPLY_CLASSES.map((c) => [c, r.classes[c]])),
    averageReplyDays: r.averageReplyDays,
  });
  return {
    year: report.year,
    today: report.today,
    totals: report.totals,
    overall: row(report.overall),
    byUnit: report.byUnit.map(row),
    byCategory: report.byCategory.map(row),
  };
}
