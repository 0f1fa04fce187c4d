import { REPLY_CLASSES } from "../../../sheets-schema/enums";
import type { ReportLine } from "./report-ratings";
import type { YearReport } from "./year-report";
import { carriedState, hasAssigned } from "./year-report-export";

type Cell = string | number;

/** An appendix table of the report (附表), as the print view and the .docx lay it out. */
export interface ReportTable {
  readonly key: "units" | "categories" | "sessions" | "carried" | "excellent" | "assessment";
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** A 合计 line under the rows. */
  readonly total?: readonly Cell[];
  /** Columns from this index on are figures (right-aligned). */
  readonly figuresFrom: number;
  /** Said instead of an empty table. */
  readonly empty: string;
}

export const FIGURE_HEADERS = [
  "承办件数",
  "已答复",
  // As in 统计, with the second rounds' overdue (see the report's text): said, so that a reader does
  // not take 已答复 + 逾期未答复 for at most 承办件数.
  "逾期未答复（含二次交办）",
  "按期答复率",
  ...REPLY_CLASSES.map((c) => `${c}类`),
  "满意",
  "基本满意",
  "不满意",
  "满意率",
  "解决率",
  "平均答复天数",
  "沟通率",
  "延期件数",
] as const;

export function figureCells(l: ReportLine): Cell[] {
  return [
    l.label,
    l.assigned,
    l.replied,
    l.overdueUnreplied,
    l.onTimeRate,
    ...REPLY_CLASSES.map((c) => l.classes[c]),
    l.satisfied,
    l.basicallySatisfied,
    l.unsatisfied,
    l.satisfactionRate,
    l.solveRate,
    l.averageReplyDays,
    l.contactRate,
    l.extensions,
  ];
}

function figures(
  key: ReportTable["key"],
  title: string,
  first: string,
  lines: readonly ReportLine[],
  total: ReportLine,
): ReportTable {
  return {
    key,
    title,
    header: [first, ...FIGURE_HEADERS],
    // A unit or category with nothing assigned this year says nothing in a printed table (nor in the CSV).
    rows: lines.filter(hasAssigned).map(figureCells),
    total: figureCells({ ...total, label: "合计" }),
    figuresFrom: 1,
    empty: "本年度没有立案并确定主办单位的建议。",
  };
}

/** The report's appendix tables, numbered in order (附表1 …); tables the data lacks are left out. */
export function reportTables(r: YearReport): ReportTable[] {
  const tables: ReportTable[] = [];
  const add = (t: ReportTable) => tables.push(t);
  add(figures("units", "各承办单位办理情况", "承办单位", r.byUnit, r.overall));
  add(figures("categories", "各类别建议办理情况", "类别", r.byCategory, r.overall));
  if (r.bySession.length > 0) add(figures("sessions", "各届次建议办理情况", "届次", r.bySession, r.overall));
  add({
    key: "carried",
    title: "往年转入的跨年督办建议",
    // Not 台账状态: a marked suggestion shows 跨年督办 there however it was settled, which beside
    // 已办结 read as a contradiction. The rating and 落实情况 are what 办理情况 is worked out from.
    header: ["编号", "年度", "标题", "领衔代表", "主办单位", "满意度", "落实情况", "办理情况"],
    rows: r.carriedOver.items.map((i) => [
      i.id,
      i.year,
      i.title,
      i.leadDeputy,
      i.leadUnit,
      i.rating ?? "",
      i.implementation,
      carriedState(i.open),
    ]),
    figuresFrom: 99,
    empty: "往年没有转入本年度的跨年督办建议。",
  });
  add({
    key: "excellent",
    title: "优秀建议",
    header: ["编号", "标题", "领衔代表", "主办单位"],
    rows: r.excellent.map((e) => [e.id, e.title, e.leadDeputy, e.leadUnit]),
    figuresFrom: 99,
    empty: "本年度尚未评选优秀建议。",
  });
  if (r.assessment)
    add({
      key: "assessment",
      title: "承办单位测评结果",
      header: ["排名", "承办单位", "综合得分", "等次"],
      rows: r.assessment.map((a) => [a.rank, a.unit, a.score, a.grade]),
      figuresFrom: 99,
      empty: "本年度尚无测评结果。",
    });
  return tables.map((t, i) => ({ ...t, title: `附表${i + 1}　${t.title}` }));
}
