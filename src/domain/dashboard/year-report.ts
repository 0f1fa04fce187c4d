import { nameKey } from "../directory";
import type { Assessment, CommitteeScore } from "../evaluation/assessment";
import { isExcellent } from "../evaluation/excellent";
import type { ContactHolder } from "../figures/contacts-part";
import { isCountedSuggestion, type StatisticsResult } from "../statistics";
import { statisticsItemOf, statisticsOfRows } from "../statistics-items";
import { isMisnamedRow, splitByUnit, type UnitBook } from "../statistics-units";
import type { EvaluatedLedger, EvaluatedRow } from "../summary/evaluated";
import { type CarriedOver, carriedOverInto, finished, isCrossYear } from "./carried-over";
import {
  type ContactCounts,
  type ContactGroup,
  contactCounts,
  type OpinionCounts,
  opinionCounts,
} from "./report-practice";
import { RatingGroups, RatingTally, type ReportLine } from "./report-ratings";
import { compareIds } from "./suggestion-ref";

/** Counts of the year's suggestions before the handling statistics. */
export interface YearTotals {
  readonly submitted: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly merged: number;
  /** 退回修改 and 撤回 (practice.md): without them the review's counts would not add up to submitted. */
  readonly returned: number;
  readonly withdrawn: number;
  readonly unreviewed: number;
  readonly key: number;
  /** Carried over into later years (跨年督办 = 是): see isCrossYear. */
  readonly crossYear: number;
  readonly followedUp: number;
  readonly closed: number;
  /** 优秀建议 named in the report (excellentOf: 立案 and marked 是). */
  readonly excellent: number;
  /** 来源 = 联络站民意 (as typed: a blank 来源 is inferred as 大会期间 or 闭会期间, never this). */
  readonly fromLiaisonStations: number;
  /**
   * 重点建议 with a 督办领导, and those with a 领办领导: the report says who supervises or leads only
   * the ones that have someone (a key suggestion without a 督办领导 is a 提醒 in 校验问题, not 督办).
   */
  readonly keySupervised: number;
  readonly keyLed: number;
  /** Every suggestion of the year with a 领办领导, key or not (practice.md: 领办 is not only for key ones). */
  readonly led: number;
  /**
   * 立案 with no 主办单位 (台账状态 待交办, status.ts rule 4): in no figure and no footnote, since the
   * figures count a suggestion under its unit, so the text says them apart and 立案 adds up to 附表1's
   * 合计, its footnote and these. Absent from a report stored by an older build.
   */
  readonly withoutLeadUnit: number;
  /**
   * 回访 = 是 with 回访意见 typed (the visit's notes): the narrative's 已填写回访意见K件 (0: 尚未填写回访意见).
   * Absent from a report stored by an older build, where the narrative says nothing of it.
   */
  readonly followUpNoted: number;
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
  /** As scoreText writes it ("100.0"). */
  readonly score: string;
  readonly grade: string;
}

/** What the report reads besides the stored rows: D1's counts and the tabs of other records. */
export interface ReportSources {
  /** 沟通记录 of the year's suggestions by group (YearContacts); null when the sheet has no such tab. */
  readonly contactGroups?: readonly ContactGroup[] | null;
  /** The raw 民意 tab (header row first), when the sheet has it. */
  readonly opinions?: readonly (readonly unknown[])[];
  /**
   * Whether 建议台账 holds a 编号 (a 民意 row's 建议编号: converted only then); absent or null when
   * it could not be asked.
   */
  readonly knownId?: ((id: string) => boolean) | null;
  /** 先进单位 as the year's 单位测评 marks them (commendedUnits); null when the sheet keeps no 常委会测评. */
  readonly commendedUnits?: readonly string[] | null;
  /** The 单位测评 ranking of the year, when there is one. */
  readonly assessment?: readonly AssessmentLine[] | null;
  /** Rows left out of every figure for an 错误 in a counted field, when the statistics count them. */
  readonly excludedForErrors?: number | null;
}

/**
 * How a year's 沟通记录 are counted: by the sync's parts already (null: the sheet does not keep the
 * tab), or from the rows D1 picks by the 编号 of the year's rows (`holders`, contactHolders: each
 * 编号 once, judged against that row as of `today`).
 */
export type YearContacts =
  | { readonly counted: readonly ContactGroup[] | null }
  | { readonly holders: readonly ContactHolder[]; readonly today: string };

/** Where a year's report gets what comes from the rows: every row, or the parts' shares added up. */
export interface ReportFigures {
  contacts(year: number): YearContacts;
  /** The year's 单位测评. */
  assessment(year: number, committee: readonly CommitteeScore[]): Assessment;
  /** The report, given what comes from elsewhere. */
  report(year: number, sources: ReportSources): YearReport;
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

/** The years a page's picker lists with `year` among them (asked for though it has no suggestion), latest first. */
export function withYear(years: readonly number[], year: number): readonly number[] {
  return years.includes(year) ? years : [...years, year].sort((a, b) => b - a);
}

/** Years that have suggestions, latest first. */
export function reportYears(evaluation: EvaluatedLedger): number[] {
  return yearsOfRows(evaluation.rows);
}

/**
 * The year a page that names none opens on: the latest year with a counted suggestion (立案, with a
 * 主办单位) already replied to, else the latest with one counted, else the latest with any. In the
 * first months of a year its first suggestions, reviewed and assigned but not yet replied to, would
 * otherwise turn the year report and 单位测评 to a year with next to nothing to report (and grade a
 * unit on one carried-over suggestion) while the office is writing last year's.
 */
export function defaultYearOf(rows: readonly EvaluatedRow[]): number | undefined {
  let replied: number | undefined;
  let counted: number | undefined;
  let any: number | undefined;
  for (const row of rows) {
    const year = row.blank ? null : yearOfRow(row);
    if (year === null) continue;
    if (any === undefined || year > any) any = year;
    if (!isCountedSuggestion(row.record)) continue;
    if (counted === undefined || year > counted) counted = year;
    if (row.record.repliedOn && (replied === undefined || year > replied)) replied = year;
  }
  return replied ?? counted ?? any;
}

/** The years these rows' suggestions were submitted in, latest first (reportYears of some rows). */
export function yearsOfRows(rows: readonly EvaluatedRow[]): number[] {
  const years = new Set<number>();
  for (const row of rows) {
    const year = row.blank ? null : yearOfRow(row);
    if (year !== null) years.add(year);
  }
  return [...years].sort((a, b) => b - a);
}

/** The year's suggestions, in sheet order. */
export function rowsOfYear(evaluation: EvaluatedLedger, year: number): EvaluatedRow[] {
  return evaluation.rows.filter((r) => !r.blank && yearOfRow(r) === year);
}

/**
 * Counted in the figures, as computeStatistics counts: 立案 with a 主办单位, and no 错误 in a
 * counted field (such a row is in the footnote instead).
 */
export const counted = (r: EvaluatedRow) => isCountedSuggestion(r.record) && !statisticsItemOf(r).excluded;

/**
 * 已办结 as the report counts it (and the deputies' 领衔办结): finished by the rating, as the
 * carried-over table judges it (a suggestion marked 跨年督办 = 是 keeps that status once rated 满意,
 * and it is finished all the same), and counted: a row with an 错误 in a counted field (an
 * unreadable 答复日期 beside 满意度 满意) is in the footnote, not in 已办结 too.
 */
export const isClosed = (r: EvaluatedRow): boolean => finished(r) && counted(r);

/** The row's group in the per-届次 table. */
export const sessionOf = (r: EvaluatedRow): string => r.record.session || NO_SESSION;

/** Per 届次 (statistics and figures of each), only when the year's rows have some 届次. */
function bySession(rows: readonly EvaluatedRow[], today: string): ReportLine[] {
  if (!rows.some((r) => r.record.session)) return [];
  const groups = new Map<string, EvaluatedRow[]>();
  for (const r of rows) {
    const label = sessionOf(r);
    const members = groups.get(label);
    if (members) members.push(r);
    else groups.set(label, [r]);
  }
  return [...groups].map(([label, members]) => {
    const ratings = new RatingGroups();
    for (const r of members) if (counted(r)) ratings.of(label).add(r.record);
    const total = statisticsOfRows(members, { today }).total;
    return ratings.line({ ...total, label }, label);
  });
}

/** The counts of the year's suggestions; `excellent`: how many of them the report names. */
export function yearTotals(rows: readonly EvaluatedRow[], excellent: number): YearTotals {
  const count = (test: (r: EvaluatedRow) => boolean) => rows.filter(test).length;
  return {
    submitted: rows.length,
    accepted: count((r) => r.record.review === "立案"),
    rejected: count((r) => r.record.review === "不予立案"),
    merged: count((r) => r.record.review === "并案"),
    returned: count((r) => r.record.review === "退回修改"),
    withdrawn: count((r) => r.record.review === "撤回"),
    unreviewed: count((r) => r.record.review === null),
    key: count((r) => r.record.isKey === true),
    crossYear: count((r) => r.record.review === "立案" && isCrossYear(r.record)),
    followedUp: count((r) => r.record.followUp === true),
    closed: count(isClosed),
    excellent,
    fromLiaisonStations: count((r) => r.record.source === "联络站民意"),
    // Last: a part's share lists the totals in this order (TOTAL_KEYS), so one stored by an older
    // build reads the new ones as 0, never as another total.
    keySupervised: count((r) => r.record.isKey === true && Boolean(r.record.supervisor)),
    keyLed: count((r) => r.record.isKey === true && Boolean(r.record.handlingLeader)),
    led: count((r) => Boolean(r.record.handlingLeader)),
    // Whatever their other cells: the footnote counts only rows with a 主办单位, so leaving a row out
    // here for an 错误 would leave it out of every count (立案 would not add up).
    withoutLeadUnit: count((r) => r.record.review === "立案" && !r.record.leadUnit),
    followUpNoted: count((r) => r.record.followUp === true && (r.record.followUpNotes ?? "").trim() !== ""),
  };
}

/** The report's own figures of the counted suggestions: per unit (name key), per category, office-wide (""). */
export interface YearRatings {
  readonly units: RatingGroups;
  readonly categories: RatingGroups;
  readonly overall: RatingGroups;
}

export function yearRatings(rows: readonly EvaluatedRow[]): YearRatings {
  const ratings = { units: new RatingGroups(), categories: new RatingGroups(), overall: new RatingGroups() };
  for (const r of rows) {
    if (!counted(r)) continue;
    ratings.units.of(nameKey(r.record.leadUnit)).add(r.record);
    ratings.categories.of(r.record.category || "未分类").add(r.record);
    ratings.overall.of("").add(r.record);
  }
  return ratings;
}

/**
 * Report suggestions in 编号 order, as every list of 优秀建议 (commendations.ts) is: the order of the
 * sheet is whatever staff last sorted it by.
 */
export const byReportId = (a: ReportSuggestion, b: ReportSuggestion): number => compareIds(a.id, b.id);

/** The year's 优秀建议 (isExcellent, with a 编号), in 编号 order. */
export function excellentOf(rows: readonly EvaluatedRow[]): ReportSuggestion[] {
  return rows
    .filter((r) => isExcellent(r.record) && r.id)
    .map((r) => ({
      id: r.id ?? "",
      title: r.record.title,
      leadDeputy: r.record.leadDeputy,
      leadUnit: r.record.leadUnit,
    }))
    .sort(byReportId);
}

/** What the report works out from the ledger's rows, before the lines are joined and the sources added. */
export interface YearFigures {
  readonly totals: YearTotals;
  /** computeStatistics of the year's rows, with the directory's units and 设置's categories. */
  readonly statistics: StatisticsResult;
  readonly ratings: YearRatings;
  readonly bySession: readonly ReportLine[];
  readonly carriedOver: CarriedOver;
  readonly excellent: readonly ReportSuggestion[];
  /** 承办单位, which the statistics' lines per unit were grouped by (the ratings are grouped alike). */
  readonly units: UnitBook;
}

/**
 * The report's figures of the MISNAMED_UNITS line: those of every lead unit (by name key) that is no
 * unit of 承办单位, as statisticsOf adds up their statistics.
 */
function misnamedRatings(ratings: RatingGroups, units: UnitBook): RatingTally {
  const tally = new RatingTally();
  for (const [, counts] of splitByUnit(units, ratings.counts(), ([key]) => key).misnamed)
    tally.addCounts(counts);
  return tally;
}

/** The report from the year's figures (from every row, or added up from parts) and the sources. */
export function finishYearReport(
  year: number,
  today: string,
  figures: YearFigures,
  sources: ReportSources,
): YearReport {
  const { statistics, ratings } = figures;
  return {
    year,
    today,
    totals: figures.totals,
    overall: ratings.overall.line(statistics.total, ""),
    byUnit: statistics.byUnit.map((row) =>
      isMisnamedRow(row.label)
        ? { ...row, ...misnamedRatings(ratings.units, figures.units).figures() }
        : ratings.units.line(row, nameKey(row.label)),
    ),
    byCategory: statistics.byCategory.map((row) => ratings.categories.line(row, row.label)),
    bySession: figures.bySession,
    carriedOver: figures.carriedOver,
    excellent: figures.excellent,
    contacts: sources.contactGroups ? contactCounts(sources.contactGroups) : null,
    opinions: opinionCounts(sources.opinions, year, sources.knownId ?? null, today),
    commendedUnits: sources.commendedUnits ?? null,
    assessment: sources.assessment ?? null,
    excludedForErrors: sources.excludedForErrors ?? statistics.total.excluded,
  };
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
  const excellent = excellentOf(rows);
  const figures: YearFigures = {
    totals: yearTotals(rows, excellent.length),
    statistics: statisticsOfRows(rows, {
      today: evaluation.today,
      units: evaluation.units,
      categories: evaluation.settings.categories,
    }),
    ratings: yearRatings(rows),
    bySession: bySession(rows, evaluation.today),
    carriedOver: carriedOverInto(evaluation.rows, year, yearOfRow),
    excellent,
    units: evaluation.units,
  };
  return finishYearReport(year, evaluation.today, figures, sources);
}
