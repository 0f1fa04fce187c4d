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
import { type ContactsById, ContactTally, contactHolders } from "./contacts-part";
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
  /**
   * The 沟通记录 that count (isCountingContact) of the year's rows whose 编号 no other row of the
   * ledger holds, by group; empty when the tab is not kept.
   */
  readonly contacts: readonly ContactGroup[];
  /**
   * Those of a 编号 the ledger holds on several rows (`duplicated`), by 编号: another part may hold
   * it too, and the merge counts each 编号's once (mergeContacts). Absent when there are none.
   */
  readonly sharedContacts?: readonly (readonly [id: string, groups: readonly ContactGroup[]])[];
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

/** A year's 沟通记录 as a share holds them (YearShare.contacts, sharedContacts). */
type YearContactShare = Pick<YearShare, "contacts" | "sharedContacts">;

/**
 * Each year's counting 沟通记录 of the part, from its rows that belong to a year (`dated`, sheet
 * order: a 编号 on two of them counts with the first, contactHolders), those of a duplicated 编号
 * apart by 编号.
 */
function contactShares(
  byYear: ReadonlyMap<number, readonly EvaluatedRow[]>,
  dated: readonly EvaluatedRow[],
  today: string,
  contacts: ContactsById | null,
  duplicated: ReadonlySet<string>,
): Map<number, YearContactShare> {
  const out = new Map<number, YearContactShare>();
  if (!contacts) return out;
  const held = new Set(contactHolders(dated));
  for (const [year, rows] of byYear) {
    const own = new ContactTally();
    const shared: [string, ContactGroup[]][] = [];
    for (const row of rows) {
      if (!held.has(row) || !row.id) continue;
      if (!duplicated.has(row.id)) own.addCounting(row, contacts, today);
      else {
        const tally = new ContactTally();
        tally.addCounting(row, contacts, today);
        shared.push([row.id, tally.groups()]);
      }
    }
    out.set(
      year,
      shared.length > 0 ? { contacts: own.groups(), sharedContacts: shared } : { contacts: own.groups() },
    );
  }
  return out;
}

function yearShare(
  year: number,
  rows: readonly EvaluatedRow[],
  today: string,
  contacts: YearContactShare | undefined,
): YearShare {
  const excellent = excellentOf(rows);
  const totals = yearTotals(rows, excellent.length);
  const ratings = yearRatings(rows);
  return {
    year,
    ...(contacts ?? { contacts: [] }),
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
 * and the 沟通记录 of their 编号 (null: the sheet does not keep the tab); `duplicated`: the 编号 of
 * these rows that more than one row of the ledger holds.
 */
export function yearReportPart(
  rows: readonly EvaluatedRow[],
  today: string,
  contacts: ContactsById | null,
  duplicated: ReadonlySet<string>,
): YearReportPart {
  const byYear = new Map<number, EvaluatedRow[]>();
  const dated: EvaluatedRow[] = [];
  const carried: CarriedOverItem[] = [];
  for (const row of rows) {
    const year = row.blank ? null : yearOfRow(row);
    if (year === null) continue;
    dated.push(row);
    const members = byYear.get(year);
    if (members) members.push(row);
    else byYear.set(year, [row]);
    const item = carriedOverItem(row, yearOfRow);
    if (item) carried.push(item);
  }
  const counted = contactShares(byYear, dated, today, contacts, duplicated);
  return {
    years: [...byYear].map(([year, members]) => yearShare(year, members, today, counted.get(year))),
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
 * The counting 沟通记录 of the year's suggestions by group, as yearContactGroups counts them from
 * every row; null when the sheet does not keep the tab. A 编号 several rows hold counts with the
 * first part (sheet order) that holds it, in that part's year for it, once.
 */
export function mergeContacts(parts: readonly YearReportPart[], year: number): ContactGroup[] | null {
  if (!parts.every((p) => p.contactsKept)) return null;
  const tally = new ContactTally();
  const owned = new Set<string>();
  for (const part of parts)
    for (const share of part.years)
      for (const [id, groups] of share.sharedContacts ?? []) {
        if (owned.has(id)) continue;
        owned.add(id);
        if (share.year === year) tally.add(groups);
      }
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
