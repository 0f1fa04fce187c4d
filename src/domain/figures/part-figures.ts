import type { DeputyRecordRow } from "../dashboard/deputy-records";
import type { OverviewFigures } from "../dashboard/overview";
import type { Drawable, SamplingCounts } from "../dashboard/sample-candidates";
import type { SuggestionRef } from "../dashboard/suggestion-ref";
import type { ReportFigures } from "../dashboard/year-report";
import type { Assessment, CommitteeScore } from "../evaluation/assessment";
import type { DigestFigures } from "../notices/digest";
import {
  joinRecipients,
  type Recipients,
  recipientProblems,
  recipientsOf,
} from "../notices/recipient-problems";
import type { Problem } from "../problems";
import type { StatisticsResult } from "../statistics";
import type { EvaluatedLedger, EvaluatedRow } from "../summary/evaluated";
import { type AssessmentPart, assessmentPart, mergeAssessments } from "./assessment-part";
import type { ContactsById } from "./contacts-part";
import { type DeputiesPart, deputiesPart, mergeDeputies, mergeDeputyYears } from "./deputies-part";
import { type DigestPart, digestPart, mergeDigest } from "./digest-part";
import { type ExcellentPart, excellentPart, mergeExcellent } from "./excellent-part";
import { mergeOverview, type OverviewPart, overviewPart } from "./overview-part";
import { mergeDrawable, mergeSampling, type SamplingPart, samplingPart } from "./sampling-part";
import { mergeStatistics, type StatisticsPart, statisticsPart } from "./statistics-part";
import {
  mergeContacts,
  mergeReportYears,
  mergeYearReport,
  type YearReportPart,
  yearReportPart,
} from "./year-report-part";

/**
 * Bump when a share's shape changes: shares stored by an older build are then not added up (the
 * finish works the figures out from the rows until every part is stored again; a new build checks
 * every part again anyway, its build id being part of each chunk's input).
 */
export const PART_FIGURES_FORMAT = 7;

/**
 * One part's share of the dashboard's figures, worked out by the chunk that stores the part (map)
 * and added up by the sync's finish (reduce), so that the finish need not go over every row of the
 * ledger: counts per unit, deputy, year and status, and the few suggestions a figure lists.
 */
export interface PartFigures {
  readonly format: number;
  readonly statistics: StatisticsPart;
  readonly overview: OverviewPart;
  readonly digest: DigestPart;
  readonly excellent: ExcellentPart;
  readonly deputies: DeputiesPart;
  readonly sampling: SamplingPart;
  readonly assessment: AssessmentPart;
  readonly reports: YearReportPart;
  /** Who the part's notices would go to (the finish checks they can be reached). */
  readonly recipients: Recipients;
}

export type ShareGroup = Exclude<keyof PartFigures, "format">;

/** The groups of a share, each stored as a text of its own (PartShares); every one of PartFigures, checked. */
const GROUPS = {
  statistics: true,
  overview: true,
  digest: true,
  excellent: true,
  deputies: true,
  sampling: true,
  assessment: true,
  reports: true,
  recipients: true,
} as const satisfies Record<ShareGroup, true>;
export const SHARE_GROUPS = Object.keys(GROUPS) as readonly ShareGroup[];

/**
 * A share as stored: each group's JSON text apart, so a step has D1 send the groups it adds up and
 * no other (D1 then joins texts instead of cutting one JSON text, see SummaryStore.loadFigures).
 */
export interface PartShares {
  readonly format: number;
  readonly groups: Readonly<Record<ShareGroup, string>>;
}

export function sharesOf(figures: PartFigures): PartShares {
  const groups = {} as Record<ShareGroup, string>;
  for (const group of SHARE_GROUPS) groups[group] = JSON.stringify(figures[group]);
  return { format: figures.format, groups };
}

/**
 * The part's share, from its rows as stored (sheet order) and the day they were evaluated for.
 * `duplicated`: the 编号 of these rows that more than one row of the ledger holds (the digest and
 * the sampling leave those suggestions out until staff fix them; the reports count their 沟通记录
 * once, mergeContacts). `contacts`: the 沟通记录 of the
 * rows' 编号 (contactsById; null when the sheet does not keep the tab).
 */
export function partFigures(
  rows: readonly EvaluatedRow[],
  today: string,
  duplicated: ReadonlySet<string>,
  contacts: ContactsById | null,
): PartFigures {
  return {
    format: PART_FIGURES_FORMAT,
    statistics: statisticsPart(rows, today),
    overview: overviewPart(rows, today),
    digest: digestPart(rows, duplicated),
    excellent: excellentPart(rows, today),
    deputies: deputiesPart(rows),
    sampling: samplingPart(rows, duplicated),
    assessment: assessmentPart(rows, today),
    reports: yearReportPart(rows, today, contacts, duplicated),
    recipients: recipientsOf(rows),
  };
}

/**
 * The groups of a share only the steps after the finish read (the pages' figures and the year
 * reports): the finish has D1 leave them out (SummaryStore.loadFigures), about four fifths of the
 * text, and calls none of their sums.
 */
export const PAGE_ONLY_SHARES = [
  "overview",
  "digest",
  "excellent",
  "deputies",
  "sampling",
  "reports",
] as const satisfies readonly (keyof PartFigures)[];

/**
 * What each step after the finish has D1 leave out of the shares: the groups it does not add up.
 * The overview's step adds up 统计, the overview's and the digest's; the records' step 统计, the
 * deputies', 优秀建议's, the sampling's and 单位测评's; the year reports' step the reports' and
 * 单位测评's (the report states each year's 单位测评).
 */
export const LEFT_OUT_BY_STEP = {
  overview: ["excellent", "deputies", "sampling", "assessment", "reports", "recipients"],
  records: ["overview", "digest", "reports", "recipients"],
  reports: ["statistics", "overview", "digest", "excellent", "deputies", "sampling", "recipients"],
} as const satisfies Record<string, readonly (keyof PartFigures)[]>;

/** What adding up reads besides the shares: the small tabs' directories and settings, the day. */
export type FiguresContext = Pick<EvaluatedLedger, "today" | "settings" | "units" | "deputies">;

/**
 * The whole ledger's figures from the parts' shares, each group added up when first asked for (a
 * step reads only the groups it adds up: loadFigures), equal to the same figure worked out from
 * every row.
 */
export interface LedgerFigures {
  readonly statistics: StatisticsResult;
  /** 单位测评 of every year, latest first (assessmentYears, assessYear). */
  assessments(committee: readonly CommitteeScore[]): Assessment[];
  /** `ledger`: the ledger without its rows, with these statistics and the problems of 校验问题. */
  overview(ledger: Omit<EvaluatedLedger, "rows">): OverviewFigures;
  digest(): DigestFigures;
  excellent(years: readonly number[]): Record<number, SuggestionRef[]>;
  deputies(): DeputyRecordRow[];
  /** Each year's deputies' records (mergeDeputyYears), null when a part lacks its years. */
  deputyYears(): Record<string, DeputyRecordRow[]> | null;
  sampling(): SamplingCounts;
  /** The suggestions that may be drawn for 回访, in sheet order (drawableOf). */
  drawable(): Drawable[];
  /** Years that have suggestions, latest first (reportYears). */
  reportYears(): number[];
  /**
   * A year's report figures but its 单位测评, which the finish has worked out already (assessments):
   * workOutYearReports adds that and what comes from elsewhere.
   */
  reports: Omit<ReportFigures, "assessment">;
  /** 校验问题 of recipients notices cannot reach (noticeRecipientProblems). */
  recipientProblems(ledger: Pick<EvaluatedLedger, "leaders">): Problem[];
}

/**
 * Adds up every part's share (JSON text, in part order); null when a share is of another format
 * (stored by an older build).
 */
export function addUpFigures(texts: readonly string[], ledger: FiguresContext): LedgerFigures | null {
  const parts = texts.map((text) => JSON.parse(text) as PartFigures);
  if (parts.some((p) => p.format !== PART_FIGURES_FORMAT)) return null;
  let statistics: StatisticsResult | undefined;
  const statisticsOnce = () => {
    statistics ??= mergeStatistics(
      parts.map((p) => p.statistics),
      ledger,
    );
    return statistics;
  };
  return {
    get statistics() {
      return statisticsOnce();
    },
    assessments: (committee) =>
      mergeAssessments(
        parts.map((p) => p.assessment),
        ledger,
        committee,
      ),
    overview: (whole) =>
      mergeOverview(
        parts.map((p) => p.overview),
        whole,
      ),
    digest: () =>
      mergeDigest(
        parts.map((p) => p.digest),
        statisticsOnce().total,
      ),
    excellent: (years) =>
      mergeExcellent(
        parts.map((p) => p.excellent),
        years,
      ),
    deputies: () =>
      mergeDeputies(
        parts.map((p) => p.deputies),
        ledger,
      ),
    deputyYears: () =>
      mergeDeputyYears(
        parts.map((p) => p.deputies),
        ledger,
      ),
    sampling: () => mergeSampling(parts.map((p) => p.sampling)),
    drawable: () => mergeDrawable(parts.map((p) => p.sampling)),
    reportYears: () => mergeReportYears(parts.map((p) => p.reports)),
    recipientProblems: (whole) =>
      recipientProblems(joinRecipients(parts.map((p) => p.recipients)), {
        ...ledger,
        leaders: whole.leaders,
      }),
    reports: {
      contacts: (year) => ({
        counted: mergeContacts(
          parts.map((p) => p.reports),
          year,
        ),
      }),
      report: (year, sources) =>
        mergeYearReport(
          parts.map((p) => p.reports),
          ledger,
          year,
          sources,
        ),
    },
  };
}
