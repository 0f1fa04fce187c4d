import { hasFact } from "./practice/practice-facts";
import type { Problem } from "./problems";
import {
  addItem,
  isCountedSuggestion,
  newTallies,
  type StatisticsItem,
  type StatisticsOptions,
  type StatisticsResult,
  type StatisticsTallies,
  statisticsOf,
} from "./statistics";
import type { EvaluatedRow } from "./summary/evaluated";

/**
 * The 建议台账 columns whose values feed a figure (who is counted, replies and their dates and
 * classes, ratings, both rounds, 落实情况, 跨年督办). An 错误 in one of them (a reply dated before
 * 交办, a date that cannot be read) would bend the figures, so such a row is left out of every
 * figure and counted in the footnote instead. Columns that only group rows (主办单位, 类别,
 * 提出日期) are not among them: a 主办单位 that is no unit of 承办单位 stays in every total, and
 * grouped by unit it is in the one line of such names (statistics-units.ts).
 */
export const COUNTED_HEADERS: ReadonlySet<string> = new Set([
  "审查结果",
  "交办日期",
  "办理时限",
  "答复日期",
  "答复类别",
  "满意度",
  "二次交办日期",
  "二次答复日期",
  "二次满意度",
  "落实情况",
  "跨年督办",
]);

/** The row has an 错误 in a counted column. */
export function hasCountedError(problems: readonly Problem[]): boolean {
  // Indexed: most rows pass the shared frozen NO_PROBLEMS, and for…of over a frozen array makes
  // an iterator and a result object on every call.
  for (let i = 0; i < problems.length; i += 1) {
    const p = problems[i] as Problem;
    if (p.level === "错误" && p.column !== null && COUNTED_HEADERS.has(p.column)) return true;
  }
  return false;
}

/**
 * What the figures read of one evaluated row, fresh or stored. Stored facts carry no problem
 * messages, so the sync keeps "has an 错误 in a counted column" as a flag with the row; a fresh
 * evaluation is asked directly. The round-2 limit is the row's 办理期限 once 二次交办日期 is set.
 */
export function statisticsItemOf(row: EvaluatedRow): StatisticsItem {
  const { record } = row;
  const secondDue =
    row.secondDeadline?.due ?? (record.reassignedOn && row.computed.dueDate ? row.computed.dueDate : null);
  return {
    record,
    firstDue: row.firstDeadline?.due ?? null,
    secondDue,
    practice: row.practice,
    excluded: hasFact(row.practice, "countedError") || hasCountedError(row.problems),
  };
}

/**
 * Adds evaluated rows to the tallies, each read as it is counted: a list of items made first was
 * one more object per row kept until the last row was counted (10,000 of them in a whole ledger).
 */
export function addRows(tallies: StatisticsTallies, rows: readonly EvaluatedRow[], today: string): void {
  for (const row of rows) {
    // addItem counts only these: no item is made for the others.
    if (isCountedSuggestion(row.record)) addItem(tallies, statisticsItemOf(row), today);
  }
}

/** computeStatistics of evaluated rows (addRows). */
export function statisticsOfRows(
  rows: readonly EvaluatedRow[],
  options: StatisticsOptions,
): StatisticsResult {
  const tallies = newTallies(options);
  addRows(tallies, rows, options.today);
  return statisticsOf(tallies, options.units);
}
