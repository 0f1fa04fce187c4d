import { type CarriedOverItem, carriedOverItem, carriedOverOf } from "../dashboard/carried-over";
import type { ContactGroup } from "../dashboard/report-practice";
import { type RatingCounts, RatingGroups, RatingTally, type ReportLine } from "../dashboard/report-ratings";
import {
  byReportId,
  counted,
  excellentOf,
  finishYearReport,
  type ReportSources,
  type ReportSuggestion,
  sessionOf,
  type YearRatings,
  type YearReport,
  type YearTotals,
  yearOfRow,
  yearRatings,
  yearTotals,
} from "../dashboard/year-report";
import { type LabelledTallies, Tally, type TallyCounts, tallyAt } from "../statistics";
import { addRows } from "../statistics-items";
import type { EvaluatedLedger, EvaluatedRow } from "../summary/evaluated";
import { type ContactsById, ContactTally, contactsOf } from "./contacts-part";
import { mergeStatistics, type StatisticsPart, statisticsPart } from "./statistics-part";

/**
 * The year report (yearReport) of every year worked out part by part: each sync chunk tallies its
 * own rows per year (提出日期), and the finish adds the parts' tallies of the year asked for. The
 * suggestions carried over into a later year (立案 under 跨年督办, few) travel apart as the report
 * lists them, for the finish to pick those of the year. The 沟通记录 of the part's suggestions are
 * counted too (contacts-part.ts). What comes from elsewhere (the 民意 and 常委会测评 tabs, the
 * 单位测评 ranking) is not in a share: the merge takes it as yearReport does.
 */

/** RatingGroups' counts by key (RatingGroups.counts), in the order first used. */
type RatingShares = readonly (readonly [key: string, counts: RatingCounts])[];

/** A part's share of one year: the year's rows of the part, tallied as yearReport tallies them. */
export interface YearShare {
  readonly year: number;
  /** The 沟通记录 of the year's rows (by their 编号), by group; empty when the tab is not kept. */
  readonly contacts: readonly ContactGroup[];
  /** yearTotals of the year's rows, in TOTAL_KEYS order. */
  readonly totals: readonly number[];
  readonly statistics: StatisticsPart;
  /** yearRatings of the year's rows. */
  readonly ratings: { readonly [K in keyof YearRatings]: RatingShares };
  /** Some row of the year has a 届次 (the per-届次 table is shown only then). */
  readonly sessionTyped: boolean;
  /** Per 届次 group (sessionOf) as first met: the statistics total and the report's figures. */
  readonly sessions: readonly (readonly [label: string, total: TallyCounts, ratings: RatingCounts])[];
  /** excellentOf the year's rows. */
  readonly excellent: readonly ReportSuggestion[];
}

/** A part's share of the year reports (a plain JSON value, stored with the part). */
export interface YearReportPart {
  /** One share per year of the part's rows, as first met. */
  readonly years: readonly YearShare[];
  /** The part's rows a later year's report may list as carried over (carriedOverItem), in sheet order. */
  readonly carried: readonly CarriedOverItem[];
  /** Whether the part's 沟通记录 were read (the sheet keeps the tab): else the reports have none. */
  readonly contactsKept: boolean;
}

/** YearTotals' fields in the order yearTotals lists them: a new total is stored without more ado. */
const TOTAL_KEYS = Object.keys(yearTotals([], 0)) as (keyof YearTotals)[];

/** The statistics total of some rows (computeStatistics(...).total's counts). */
function totalCounts(rows: readonly EvaluatedRow[], today: string): TallyCounts {
  const tallies = { byUnit: new Map(), byCategory: new Map(), total: new Tally() };
  addRows(tallies, rows, today);
  return tallies.total.counts();
}

function sessionShares(rows: readonly EvaluatedRow[], today: string): YearShare["sessions"] {
  const groups = new Map<string, EvaluatedRow[]>();
  for (const r of rows) {
    const members = groups.get(sessionOf(r));
    if (members) members.push(r);
    else groups.set(sessionOf(r), [r]);
  }
  return [...groups].map(([label, members]) => {
    const ratings = new RatingTally();
    for (const r of members) if (counted(r)) ratings.add(r.record);
    return [label, totalCounts(members, today), ratings.counts()] as const;
  });
}

function yearShare(
  year: number,
  rows: readonly EvaluatedRow[],
  today: string,
  contacts: ContactsById | null,
): YearShare {
  const excellent = excellentOf(rows);
  const totals = yearTotals(rows, excellent.length);
  const ratings = yearRatings(rows);
  const ids = rows.flatMap((r) => (r.id ? [r.id] : []));
  return {
    year,
    contacts: contacts ? contactsOf(ids, contacts) : [],
    totals: TOTAL_KEYS.map((key) => totals[key]),
    statistics: statisticsPart(rows, today),
    ratings: {
      units: ratings.units.counts(),
      categories: ratings.categories.counts(),
      overall: ratings.overall.counts(),
    },
    sessionTyped: rows.some((r) => r.record.session),
    sessions: sessionShares(rows, today),
    excellent,
  };
}

/**
 * The part's share of every year's report, from its rows as evaluated for `today` (sheet order)
 * and the 沟通记录 of their 编号 (null: the sheet does not keep the tab).
 */
export function yearReportPart(
  rows: readonly EvaluatedRow[],
  today: string,
  contacts: ContactsById | null,
): YearReportPart {
  const byYear = new Map<number, EvaluatedRow[]>();
  const carried: CarriedOverItem[] = [];
  for (const row of rows) {
    const year = row.blank ? null : yearOfRow(row);
    if (year === null) continue;
    const members = byYear.get(year);
    if (members) members.push(row);
    else byYear.set(year, [row]);
    const item = carriedOverItem(row, yearOfRow);
    if (item) carried.push(item);
  }
  return {
    years: [...byYear].map(([year, members]) => yearShare(year, members, today, contacts)),
    carried,
    contactsKept: contacts !== null,
  };
}

/** The years that have suggestions, latest first (reportYears). */
export function mergeReportYears(parts: readonly YearReportPart[]): number[] {
  return [...new Set(parts.flatMap((p) => p.years.map((y) => y.year)))].sort((a, b) => b - a);
}

/** Every part's share of `year`, in part order. */
const sharesOf = (parts: readonly YearReportPart[], year: number): YearShare[] =>
  parts.flatMap((p) => p.years.filter((y) => y.year === year));

/**
 * The 沟通记录 of the year's suggestions by group, as D1 counts those of the year's 编号
 * (countRowsOf); null when the sheet does not keep the tab.
 */
export function mergeContacts(parts: readonly YearReportPart[], year: number): ContactGroup[] | null {
  if (!parts.every((p) => p.contactsKept)) return null;
  const tally = new ContactTally();
  for (const share of sharesOf(parts, year)) tally.add(share.contacts);
  return tally.groups();
}

function addRatings(groups: RatingGroups, shares: RatingShares): void {
  for (const [key, counts] of shares) groups.of(key).addCounts(counts);
}

/** Per 届次, as yearReport's bySession: only when some part's rows of the year have a 届次. */
function mergeSessions(shares: readonly YearShare[]): ReportLine[] {
  if (!shares.some((s) => s.sessionTyped)) return [];
  const tallies: LabelledTallies = new Map();
  const ratings = new RatingGroups();
  for (const share of shares)
    for (const [label, total, counts] of share.sessions) {
      tallyAt(tallies, label, label).addCounts(total);
      ratings.of(label).addCounts(counts);
    }
  return [...tallies.values()].map((g) => ratings.line(g.tally.row(g.label), g.label));
}

/**
 * The report of `year` from every part's share (in sheet order) and the sources, equal to
 * yearReport of the whole ledger: the directory's units and 设置's categories come from `ledger`.
 */
export function mergeYearReport(
  parts: readonly YearReportPart[],
  ledger: Pick<EvaluatedLedger, "today" | "units" | "settings">,
  year: number,
  sources: ReportSources = {},
): YearReport {
  const shares = sharesOf(parts, year);
  const totals: Record<keyof YearTotals, number> = { ...yearTotals([], 0) };
  const ratings: YearRatings = {
    units: new RatingGroups(),
    categories: new RatingGroups(),
    overall: new RatingGroups(),
  };
  for (const share of shares) {
    TOTAL_KEYS.forEach((key, i) => {
      totals[key] += share.totals[i] ?? 0;
    });
    addRatings(ratings.units, share.ratings.units);
    addRatings(ratings.categories, share.ratings.categories);
    addRatings(ratings.overall, share.ratings.overall);
  }
  const figures = {
    totals,
    statistics: mergeStatistics(
      shares.map((s) => s.statistics),
      ledger,
    ),
    ratings,
    bySession: mergeSessions(shares),
    carriedOver: carriedOverOf(
      parts.flatMap((p) => p.carried),
      year,
    ),
    // Each share is in 编号 order; the parts follow the sheet's, however staff last sorted it.
    excellent: shares.flatMap((s) => s.excellent).sort(byReportId),
    units: ledger.units,
  };
  return finishYearReport(year, ledger.today, figures, sources);
}
