import type { Settings } from "../../../sheets-schema/settings";
import type { UnitRecord } from "../../../sheets-schema/tabs/directory";
import { type Directory, nameKey } from "../directory";
import {
  type StatisticsResult,
  type StatisticsTallies,
  seededTallies,
  statisticsOf,
  Tally,
  type TallyCounts,
  tallyAt,
} from "../statistics";
import { addRows } from "../statistics-items";
import type { EvaluatedRow } from "../summary/evaluated";

/**
 * One part's share of the statistics: its tallies per lead unit (name key, label as first typed in
 * the part) and per category, in the order the part's rows first name them, and its total.
 */
export interface StatisticsPart {
  readonly units: readonly (readonly [key: string, label: string, counts: TallyCounts])[];
  readonly categories: readonly (readonly [label: string, counts: TallyCounts])[];
  readonly total: TallyCounts;
}

/** The part's share: its rows tallied as computeStatistics tallies them, with no directory. */
export function statisticsPart(rows: readonly EvaluatedRow[], today: string): StatisticsPart {
  const tallies: StatisticsTallies = { byUnit: new Map(), byCategory: new Map(), total: new Tally() };
  addRows(tallies, rows, today);
  return {
    units: [...tallies.byUnit].map(([key, g]) => [key, g.label, g.tally.counts()] as const),
    categories: [...tallies.byCategory.values()].map((g) => [g.label, g.tally.counts()] as const),
    total: tallies.total.counts(),
  };
}

/**
 * The statistics of the whole ledger from every part's share, in part order: the directory's units
 * and 设置's categories first, in their order, then categories typed only in the ledger as first
 * seen, and the lead units that are no unit of 承办单位 as one line (statisticsOf). Equal to
 * computeStatistics over every row.
 */
export function mergeStatistics(
  parts: readonly StatisticsPart[],
  ledger: { readonly units: Directory<UnitRecord>; readonly settings: Pick<Settings, "categories"> },
): StatisticsResult {
  const tallies: StatisticsTallies = {
    byUnit: seededTallies(
      ledger.units.entries.map((e) => e.name),
      nameKey,
    ),
    byCategory: seededTallies(ledger.settings.categories, (label) => label),
    total: new Tally(),
  };
  for (const part of parts) {
    for (const [key, label, counts] of part.units) tallyAt(tallies.byUnit, key, label).addCounts(counts);
    for (const [label, counts] of part.categories)
      tallyAt(tallies.byCategory, label, label).addCounts(counts);
    tallies.total.addCounts(part.total);
  }
  return statisticsOf(tallies, ledger.units);
}
