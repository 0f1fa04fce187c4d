import { unitLine } from "../dashboard/scoreboard";
import { nameKey } from "../directory";
import type { StatisticsOptions, StatisticsRow } from "../statistics";
import { statisticsOfRows } from "../statistics-items";
import type { EvaluatedRow } from "../summary/evaluated";

/**
 * A unit's own figures for its link page: its line of the 承办单位 page (/units) and of 统计, by the
 * same statistics (statisticsOfRows: 已答复 = round-1 replies, 按期答复率 over every round due,
 * 满意率 on the latest rating, rows with an 错误 left out) over the rows the link already holds.
 * Every row the unit leads is among them (D1 picks the rows that mention it), those not yet 交办
 * included, which its lists leave out but 承办件数 counts. Only its lead rows are tallied: the rows
 * it co-handles would add partial lines of other units nobody reads. Null for a name that has no
 * line of its own on /units (no unit of 承办单位): the page then shows no figures rather than others.
 */
export function unitFiguresOf(
  rows: readonly EvaluatedRow[],
  unit: string,
  options: StatisticsOptions,
): StatisticsRow | null {
  const key = nameKey(unit.trim());
  const lead = rows.filter((r) => r.record.leadUnit !== "" && nameKey(r.record.leadUnit) === key);
  return unitLine(statisticsOfRows(lead, options).byUnit, unit) ?? null;
}
