import { REPLY_CLASSES } from "../../../sheets-schema/enums";
import type { UnitRecord } from "../../../sheets-schema/tabs/directory";
import { STATISTICS_HEADERS } from "../../../sheets-schema/tabs/system-tabs";
import type { DirectoryEntry } from "../directory";
import { nameKey } from "../directory";
import { footnoteRows, type StatisticsRow, statisticsCells } from "../statistics";
import type { EvaluatedLedger, EvaluatedRow } from "../summary/evaluated";
import { byId, type SuggestionRef, suggestionRef, suggestionRows } from "./suggestion-ref";

export interface Scoreboard {
  /** One row per unit: every unit of 承办单位 in tab order, then lead units not listed there. */
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

/** One unit's figures and suggestions (as lead and as co-unit); null when no such unit is known. */
export function unitDetail(evaluation: EvaluatedLedger, name: string): UnitDetail | null {
  const key = nameKey(name.trim());
  const figures = evaluation.statistics.byUnit.find((row) => nameKey(row.label) === key);
  if (!figures) return null;
  const refs = suggestionRows(evaluation);
  const lead = refs.filter((r) => nameKey(r.record.leadUnit) === key);
  const co = refs.filter((r) => r.record.coUnits.some((u) => nameKey(u) === key));
  return detailOf(evaluation, figures, lead, co);
}

/**
 * Every unit's detail at once (the sync's finish stores them for the units' pages): one pass over
 * the rows instead of one per unit.
 */
export function unitDetails(evaluation: EvaluatedLedger): UnitDetail[] {
  const lead = new Map<string, EvaluatedRow[]>();
  const co = new Map<string, EvaluatedRow[]>();
  const add = (map: Map<string, EvaluatedRow[]>, key: string, row: EvaluatedRow) => {
    const rows = map.get(key);
    if (rows) rows.push(row);
    else map.set(key, [row]);
  };
  for (const row of suggestionRows(evaluation)) {
    add(lead, nameKey(row.record.leadUnit), row);
    for (const key of new Set(row.record.coUnits.map(nameKey))) add(co, key, row);
  }
  const seen = new Set<string>();
  return evaluation.statistics.byUnit.flatMap((figures) => {
    const key = nameKey(figures.label);
    if (seen.has(key)) return [];
    seen.add(key);
    return [detailOf(evaluation, figures, lead.get(key) ?? [], co.get(key) ?? [])];
  });
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
