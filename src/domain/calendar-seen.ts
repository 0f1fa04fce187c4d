import type { ArrangementSeen } from "./calendar";

/**
 * The day the sync first saw each year's 放假安排 known, kept in D1 beside the small tabs it was read
 * with (tab_cache, under a name no sheet tab has: no query more for the pages and steps that load
 * the small tabs). A deadline worked out before that day was told 暂定 and is never moved earlier
 * by the arrangement (Calendar.asToldOn, deadlines.ts keptAsTold).
 */
export const ARRANGEMENT_SEEN_TAB = "#放假安排首见";

const HEADER = ["年份", "首见日期"];

/** The kept rows as ArrangementSeen (nothing kept: an empty map, every year as known all along). */
export function readArrangementSeen(rows: unknown): ArrangementSeen {
  const seen = new Map<number, string>();
  if (!Array.isArray(rows)) return seen;
  for (const row of rows.slice(1)) {
    if (!Array.isArray(row)) continue;
    const year = Number(row[0]);
    if (Number.isInteger(year)) seen.set(year, typeof row[1] === "string" ? row[1] : "");
  }
  return seen;
}

/**
 * The rows to keep after a sync of `today` that found the arrangements of `known` years: a year
 * first found now is kept with today; the first time anything is kept (`previous` undefined, e.g.
 * the first sync of this build), every year known is kept with "" (known all along). A year kept
 * stays, even once its rows are taken out of 节假日 (it is then unknown again: 暂定 both ways).
 */
export function nextArrangementSeen(
  previous: unknown[][] | undefined,
  known: readonly number[],
  today: string,
): unknown[][] {
  const seen = new Map(readArrangementSeen(previous));
  const first = previous === undefined;
  for (const year of known) if (!seen.has(year)) seen.set(year, first ? "" : today);
  return [HEADER, ...[...seen].sort(([a], [b]) => a - b).map(([year, on]) => [year, on])];
}
