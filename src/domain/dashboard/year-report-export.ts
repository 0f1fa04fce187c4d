import { REPLY_CLASSES } from "../../../sheets-schema/enums";
import { STATISTICS_HEADERS } from "../../../sheets-schema/tabs/system-tabs";
import { statisticsCells } from "../statistics";
import type { ReportLine } from "./report-ratings";
import type { YearReport, YearTotals } from "./year-report";

type Cell = string | number;

export const TOTAL_LABELS: readonly [keyof YearTotals, string][] = [
  ["submitted", "建议总数"],
  ["accepted", "立案"],
  // Not in 合计 nor in 因填写错误未计入: said, so that 立案 adds up to the three.
  ["withoutLeadUnit", "立案但尚未确定主办单位"],
  ["rejected", "不予立案"],
  ["merged", "并案"],
  ["returned", "退回修改"],
  ["withdrawn", "撤回"],
  ["unreviewed", "待审查"],
  ["key", "重点建议"],
  ["crossYear", "跨年督办"],
  ["followedUp", "抽中回访"],
  ["closed", "已办结"],
  ["excellent", "优秀建议"],
  ["fromLiaisonStations", "来源为联络站民意"],
];

/** The report's own columns after the 统计 ones. */
export const RATING_HEADERS = ["满意", "基本满意", "不满意", "解决率"] as const;

export function ratingCells(line: ReportLine): Cell[] {
  return [line.satisfied, line.basicallySatisfied, line.unsatisfied, line.solveRate];
}

/** The footnote of figures that leave rows out, as the page and the .docx print it. */
export function footnoteText(excluded: number): string {
  return `另有 ${excluded} 条因填写错误未计入`;
}

/**
 * A line the report's appendix and CSV list: a unit, category or 届次 with suggestions assigned that
 * year. 承办单位 lists every unit the office ever assigned to; one that handled nothing this year has
 * only zeros and dashes, which in an official appendix read as a unit that did nothing, so the page,
 * the .docx and the CSV all leave it out (its zeros add nothing to 合计).
 */
export const hasAssigned = (line: Pick<ReportLine, "assigned">): boolean => line.assigned > 0;

/** “已办结” or “仍在办理” for a carried-over suggestion. */
export const carriedState = (open: boolean) => (open ? "仍在办理" : "已办结");

function sections(report: YearReport): Cell[][][] {
  const out: Cell[][][] = [];
  const c = report.carriedOver;
  out.push([
    [
      "往年转入的跨年督办建议",
      "编号",
      "年度",
      "标题",
      "领衔代表",
      "主办单位",
      "台账状态",
      "答复类别",
      "满意度",
      "落实情况",
      "办理情况",
    ],
    ...c.items.map((i) => [
      "跨年督办",
      i.id,
      i.year,
      i.title,
      i.leadDeputy,
      i.leadUnit,
      i.status,
      i.replyClass,
      i.rating ?? "",
      i.implementation,
      carriedState(i.open),
    ]),
  ]);
  if (report.contacts) {
    const k = report.contacts;
    out.push([
      ["沟通记录（三沟通）", "次数"],
      ["合计", k.total],
      ["代表参加", k.deputyJoined],
      ...k.byStage.map((s) => [`阶段·${s.label}`, s.count]),
      ...k.byMethod.map((m) => [`方式·${m.label}`, m.count]),
    ]);
  }
  if (report.opinions) {
    const o = report.opinions;
    out.push([["联络站民意", "条数"], ["收到", o.received], ...o.byHandling.map((h) => [h.label, h.count])]);
  }
  out.push([
    ["优秀建议", "编号", "标题", "领衔代表", "主办单位"],
    ...report.excellent.map((e) => ["优秀建议", e.id, e.title, e.leadDeputy, e.leadUnit]),
  ]);
  if (report.commendedUnits) out.push([["先进单位"], ...report.commendedUnits.map((unit) => [unit])]);
  if (report.assessment)
    out.push([
      ["单位测评", "排名", "单位", "综合得分", "等次"],
      ...report.assessment.map((a) => ["单位测评", a.rank, a.unit, a.score, a.grade]),
    ]);
  return out;
}

/**
 * The report as one CSV-ready table: the counts, then 合计 / per unit / per category / per 届次,
 * then each further section (carried over, contacts, opinions, 优秀建议, 先进单位), blank lines between.
 */
export function yearReportTable(report: YearReport): Cell[][] {
  const head: Cell[][] = [
    ["项目", "数值"],
    ["年度", report.year],
    ["统计日期", report.today],
    // `?? 0`: a report stored by a build before 退回修改 and 撤回 were counted has neither.
    ...TOTAL_LABELS.map(([key, label]) => [label, report.totals[key] ?? 0]),
  ];
  if (report.excludedForErrors !== null) head.push(["因填写错误未计入", report.excludedForErrors]);
  const line = (group: string, row: ReportLine) => [group, ...statisticsCells(row), ...ratingCells(row)];
  const stats = [
    ["分组", ...STATISTICS_HEADERS.map((h) => (h === "单位" ? "名称" : h)), ...RATING_HEADERS],
    line("合计", report.overall),
    ...report.byUnit.filter(hasAssigned).map((row) => line("单位", row)),
    ...report.byCategory.filter(hasAssigned).map((row) => line("类别", row)),
    ...report.bySession.filter(hasAssigned).map((row) => line("届次", row)),
  ];
  return [...head, [], ...stats, ...sections(report).flatMap((s) => [[], ...s])];
}

function lineJson(r: ReportLine) {
  return {
    name: r.label,
    assigned: r.assigned,
    replied: r.replied,
    onTimeRate: r.onTimeRate,
    overdueUnreplied: r.overdueUnreplied,
    satisfactionRate: r.satisfactionRate,
    classes: Object.fromEntries(REPLY_CLASSES.map((c) => [c, r.classes[c]])),
    averageReplyDays: r.averageReplyDays,
    contactRate: r.contactRate,
    extensions: r.extensions,
    ratings: {
      rated: r.rated,
      satisfied: r.satisfied,
      basicallySatisfied: r.basicallySatisfied,
      unsatisfied: r.unsatisfied,
      satisfiedShare: r.satisfiedShare,
      basicallySatisfiedShare: r.basicallySatisfiedShare,
    },
    solved: r.solved,
    solveRate: r.solveRate,
  };
}

/** The report as JSON: English keys, the rates as the text the tabs show ("66.7%" or "—"). */
export function yearReportJson(report: YearReport) {
  return {
    year: report.year,
    today: report.today,
    totals: report.totals,
    excludedForErrors: report.excludedForErrors,
    overall: lineJson(report.overall),
    byUnit: report.byUnit.map(lineJson),
    byCategory: report.byCategory.map(lineJson),
    bySession: report.bySession.map(lineJson),
    carriedOver: report.carriedOver,
    excellent: report.excellent,
    contacts: report.contacts,
    opinions: report.opinions,
    commendedUnits: report.commendedUnits,
    assessment: report.assessment,
  };
}
