import { nameKey } from "../directory";
import { computeStatistics, type StatisticsItem } from "../statistics";
import type { EvaluatedLedger, EvaluatedRow } from "../summary/evaluated";
import { type CarriedOver, carriedOverInto, isCrossYear } from "./carried-over";
import {
  type ContactCounts,
  type ContactGroup,
  commendedUnits,
  contactCounts,
  type OpinionCounts,
  opinionCounts,
} from "./report-practice";
import { RatingGroups, type ReportLine } from "./report-ratings";

/** Counts of the year's suggestions before the handling statistics. */
export interface YearTotals {
  readonly submitted: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly merged: number;
  readonly unreviewed: number;
  readonly key: number;
  /** In cross-year supervision (跨年督办 = 是, or 不满意 after the second round): see isCrossYear. */
  readonly crossYear: number;
  readonly followedUp: number;
  readonly closed: number;
  /** 优秀建议 = 是. */
  readonly excellent: number;
  /** 来源 = 联络站民意 (as typed: a blank 来源 is inferred as 大会期间 or 闭会期间, never this). */
  readonly fromLiaisonStations: number;
}

/** A suggestion named in the report (优秀建议). */
export interface ReportSuggestion {
  readonly id: string;
  readonly title: string;
  readonly leadDeputy: string;
  readonly leadUnit: string;
}

/** A unit's line of the 单位测评 ranking, when the assessment (issue 14 part A) provides one. */
export interface AssessmentLine {
  readonly rank: number;
  readonly unit: string;
  readonly score: string;
  readonly grade: string;
}

/** What the report reads besides the stored rows: D1's counts and the tabs of other records. */
export interface ReportSources {
  /** 沟通记录 of the year's suggestions counted by D1; null when the sheet has no such tab. */
  readonly contactGroups?: readonly ContactGroup[] | null;
  /** The raw 民意 and 常委会测评 tabs (header row first), when the sheet has them. */
  readonly opinions?: readonly (readonly unknown[])[];
  readonly committee?: readonly (readonly unknown[])[];
  /** The 单位测评 ranking of the year, when there is one. */
  readonly assessment?: readonly AssessmentLine[] | null;
  /** Rows left out of every figure for an 错误 in a counted field, when the statistics count them. */
  readonly excludedForErrors?: number | null;
}

export interface YearReport {
  readonly year: number;
  readonly today: string;
  readonly totals: YearTotals;
  /** The spec's statistics over the year's 立案 suggestions with the report's own figures. */
  readonly overall: ReportLine;
  readonly byUnit: readonly ReportLine[];
  readonly byCategory: readonly ReportLine[];
  /** Per 届次, when some suggestion of the year has one (else empty). */
  readonly bySession: readonly ReportLine[];
  readonly carriedOver: CarriedOver;
  readonly excellent: readonly ReportSuggestion[];
  /** null: the sheet keeps no such record (the section is left out). */
  readonly contacts: ContactCounts | null;
  readonly opinions: OpinionCounts | null;
  readonly commendedUnits: readonly string[] | null;
  readonly assessment: readonly AssessmentLine[] | null;
  /** The footnote “另有 N 条因填写错误未计入”, when the statistics leave such rows out. */
  readonly excludedForErrors: number | null;
}

/** The label of the suggestions without 届次 in the per-届次 table. */
export const NO_SESSION = "未填届次";

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

/** The year's suggestions, in sheet order. */
export function rowsOfYear(evaluation: EvaluatedLedger, year: number): EvaluatedRow[] {
  return evaluation.rows.filter((r) => !r.blank && yearOfRow(r) === year);
}

const item = (r: EvaluatedRow): StatisticsItem => ({
  record: r.record,
  firstDue: r.firstDeadline?.due ?? null,
  practice: r.practice,
});

/** Counted in the figures, as computeStatistics counts: 立案 with a 主办单位. */
const counted = (r: EvaluatedRow) => r.record.review === "立案" && Boolean(r.record.leadUnit);

/** Per 届次 (statistics and figures of each), only when the year's rows have some 届次. */
function bySession(rows: readonly EvaluatedRow[], today: string): ReportLine[] {
  if (!rows.some((r) => r.record.session)) return [];
  const groups = new Map<string, EvaluatedRow[]>();
  for (const r of rows) {
    const label = r.record.session || NO_SESSION;
    const members = groups.get(label);
    if (members) members.push(r);
    else groups.set(label, [r]);
  }
  return [...groups].map(([label, members]) => {
    const ratings = new RatingGroups();
    for (const r of members) if (counted(r)) ratings.of(label).add(r.record);
    const total = computeStatistics(members.map(item), { today }).total;
    return ratings.line({ ...total, label }, label);
  });
}

/**
 * The figures of the standing committee's annual report for suggestions submitted in `year`, with
 * practice.md's additions: 满意 and 基本满意 apart, 解决率, extensions, contacts, liaison-station
 * opinions, 优秀建议 and 先进单位, per 届次, and the earlier years' suggestions carried over.
 */
export function yearReport(
  evaluation: EvaluatedLedger,
  year: number,
  sources: ReportSources = {},
): YearReport {
  const rows = rowsOfYear(evaluation, year);
  const count = (test: (r: EvaluatedRow) => boolean) => rows.filter(test).length;
  const statistics = computeStatistics(rows.map(item), {
    today: evaluation.today,
    units: evaluation.units.entries.map((e) => e.name),
    categories: evaluation.settings.categories,
  });
  const units = new RatingGroups();
  const categories = new RatingGroups();
  const overall = new RatingGroups();
  for (const r of rows) {
    if (!counted(r)) continue;
    units.of(nameKey(r.record.leadUnit)).add(r.record);
    categories.of(r.record.category || "未分类").add(r.record);
    overall.of("").add(r.record);
  }
  const excellent = rows
    .filter((r) => r.record.excellent === true && r.id)
    .map((r) => ({
      id: r.id ?? "",
      title: r.record.title,
      leadDeputy: r.record.leadDeputy,
      leadUnit: r.record.leadUnit,
    }));
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
      crossYear: count((r) => r.record.review === "立案" && isCrossYear(r)),
      followedUp: count((r) => r.record.followUp === true),
      closed: count((r) => r.computed.status === "已办结"),
      excellent: excellent.length,
      fromLiaisonStations: count((r) => r.record.source === "联络站民意"),
    },
    overall: overall.line(statistics.total, ""),
    byUnit: statistics.byUnit.map((row) => units.line(row, nameKey(row.label))),
    byCategory: statistics.byCategory.map((row) => categories.line(row, row.label)),
    bySession: bySession(rows, evaluation.today),
    carriedOver: carriedOverInto(evaluation.rows, year, yearOfRow),
    excellent,
    contacts: sources.contactGroups ? contactCounts(sources.contactGroups) : null,
    opinions: opinionCounts(sources.opinions, year),
    commendedUnits: commendedUnits(sources.committee, year),
    assessment: sources.assessment ?? null,
    excludedForErrors: sources.excludedForErrors ?? null,
  };
}
