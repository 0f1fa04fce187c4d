import { REPLY_CLASSES } from "../../../sheets-schema/enums";
import type { UnitRecord } from "../../../sheets-schema/tabs/directory";
import { STATISTICS_HEADERS } from "../../../sheets-schema/tabs/system-tabs";
import type { DirectoryEntry } from "../directory";
import { nameKey } from "../directory";
import { footnoteRows, type StatisticsRow, statisticsCells } from "../statistics";
import { isMisnamedRow } from "../statistics-units";
import type { EvaluatedLedger, EvaluatedRow } from "../summary/evaluated";
import { byId, type ListEntry, type SuggestionRef, suggestionRef, suggestionRows } from "./suggestion-ref";

export interface Scoreboard {
  /**
   * One row per unit: every unit of 承办单位 in tab order, then one row of the lead units not listed
   * there (MISNAMED_UNITS), as 统计 has them.
   */
  readonly units: readonly StatisticsRow[];
  readonly total: StatisticsRow;
}

export interface UnitDetail {
  readonly name: string;
  readonly figures: StatisticsRow;
  /** The 承办单位 entry, or null for a lead unit that is not listed there (a 校验问题). */
  readonly entry: DirectoryEntry<UnitRecord> | null;
  readonly lead: readonly SuggestionRef[];
  readonly co: readonly SuggestionRef[];
}

/** The unit scoreboard: the spec's statistics per lead unit, exactly as the 统计 tab has them. */
export function unitScoreboard(evaluation: EvaluatedLedger): Scoreboard {
  return { units: evaluation.statistics.byUnit, total: evaluation.statistics.total };
}

/** The scoreboard as a table (header row first, then 合计 and the footnote of rows left out), for the CSV export. */
export function scoreboardTable(board: Scoreboard): (string | number)[][] {
  return [
    [...STATISTICS_HEADERS],
    ...board.units.map(statisticsCells),
    statisticsCells(board.total),
    ...footnoteRows(board.total.excluded),
  ];
}

/**
 * A unit's line of the scoreboard by name (as typed in a link); never the MISNAMED_UNITS line, which
 * is no unit and has no page of its own (its link goes to 校验问题).
 */
export function unitLine(rows: readonly StatisticsRow[], name: string): StatisticsRow | undefined {
  const key = nameKey(name.trim());
  return rows.find((row) => nameKey(row.label) === key && !isMisnamedRow(row.label));
}

/** One unit's figures and suggestions (as lead and as co-unit); null when no such unit is known. */
export function unitDetail(evaluation: EvaluatedLedger, name: string): UnitDetail | null {
  const key = nameKey(name.trim());
  const figures = unitLine(evaluation.statistics.byUnit, name);
  if (!figures) return null;
  const refs = suggestionRows(evaluation);
  const lead = refs.filter((r) => nameKey(r.record.leadUnit) === key);
  const co = refs.filter((r) => r.record.coUnits.some((u) => nameKey(u) === key));
  return detailOf(evaluation, figures, lead, co);
}

/**
 * One unit's detail from its line of figures, its 承办单位 entry and the list entries of the rows
 * that mention it (lead or 协办, in sheet order: D1 picks them through the parts' index), as
 * unitDetail gives it from every row.
 */
export function unitDetailOf(
  figures: StatisticsRow,
  entry: DirectoryEntry<UnitRecord> | null,
  entries: readonly ListEntry[],
): UnitDetail {
  const key = nameKey(figures.label);
  return {
    name: figures.label,
    figures,
    entry,
    lead: entries.flatMap(([ref]) => (nameKey(ref.leadUnit) === key ? [ref] : [])).sort(byId),
    co: entries.flatMap(([ref, co]) => (co.includes(key) ? [ref] : [])).sort(byId),
  };
}

function detailOf(
  evaluation: EvaluatedLedger,
  figures: StatisticsRow,
  lead: readonly EvaluatedRow[],
  co: readonly EvaluatedRow[],
): UnitDetail {
  const today = evaluation.today;
  return {
    name: figures.label,
    figures,
    entry: evaluation.units.find(figures.label) ?? null,
    lead: lead.map((r) => suggestionRef(r, today)).sort(byId),
    co: co.map((r) => suggestionRef(r, today)).sort(byId),
  };
}

/** Share of each reply class among a row's classified round-1 replies, for the stacked bar. */
export function classCounts(row: StatisticsRow): { label: string; count: number }[] {
  return REPLY_CLASSES.map((c) => ({ label: c, count: row.classes[c] }));
}
