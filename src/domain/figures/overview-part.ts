import { LEDGER_STATUSES } from "../../../sheets-schema/enums";
import {
  computeOverview,
  DUE_SOON_SHOWN,
  leftOutOfFigures,
  NO_LEAD_UNIT,
  OVERDUE_SHOWN_PER_UNIT,
  type OverdueGroup,
  type OverviewFigures,
  overdueGroups,
  overviewAsShown,
  soonestFirst,
  UNCOUNTED_SHOWN,
} from "../dashboard/overview";
import { byId, type SuggestionRef, suggestionRef } from "../dashboard/suggestion-ref";
import { hasFact } from "../practice/practice-facts";
import type { UnitBook } from "../statistics-units";
import type { EvaluatedLedger, EvaluatedRow } from "../summary/evaluated";

/**
 * One part's share of the overview (a plain JSON value, stored with the part): its counts whole,
 * and of its lists only what the overview could show, as the overview cuts them (overviewAsShown).
 * A suggestion among the most pressing few of the whole ledger is among those of its own part.
 */
export interface OverviewPart {
  /** Rows with a 编号. */
  readonly suggestions: number;
  /** Suggestions per 台账状态 (those that have one). */
  readonly statusCounts: Readonly<Partial<Record<string, number>>>;
  /**
   * 已逾期 by lead unit as typed, in first-appearance order: each unit's whole count, its longest
   * overdue few. Those the figures count only (a share an older build stored counted every one).
   */
  readonly overdueByUnit: readonly OverdueGroup[];
  /**
   * The part's longest overdue few that the figures leave out for an 错误 (leftOutOfFigures), and how
   * many there are. Absent from a share an older build stored (read as none).
   */
  readonly overdueUncounted?: readonly SuggestionRef[];
  readonly overdueUncountedCount?: number;
  /** The part's soonest 即将到期 few. */
  readonly dueSoon: readonly SuggestionRef[];
  readonly dueSoonCount: number;
  /** 重点建议, all of them (the overview lists them whole), in sheet order. */
  readonly keySuggestions: readonly SuggestionRef[];
  /** 延期申请 awaiting a decision, all of them, in sheet order. */
  readonly pendingExtensions: readonly SuggestionRef[];
  /** Suggestions in 待二次交办, all of them, in sheet order (absent from an older build's share). */
  readonly awaitingReassignment?: readonly SuggestionRef[];
}

/** The part's share of the overview, from its rows as evaluated for `today`. */
export function overviewPart(rows: readonly EvaluatedRow[], today: string): OverviewPart {
  const statusCounts: Partial<Record<string, number>> = {};
  const overdue = new Map<string, SuggestionRef[]>();
  const uncounted: SuggestionRef[] = [];
  const dueSoon: SuggestionRef[] = [];
  const keySuggestions: SuggestionRef[] = [];
  const pendingExtensions: SuggestionRef[] = [];
  const awaitingReassignment: SuggestionRef[] = [];
  let suggestions = 0;
  for (const row of rows) {
    if (row.blank || !row.id) continue;
    const ref = suggestionRef(row, today);
    suggestions += 1;
    if (ref.status) statusCounts[ref.status] = (statusCounts[ref.status] ?? 0) + 1;
    // Only a 已逾期 row is asked whether the figures leave it out: a flag, or its few problems.
    if (ref.status === "已逾期") {
      const unit = ref.leadUnit || NO_LEAD_UNIT;
      const items = overdue.get(unit);
      if (leftOutOfFigures(row)) uncounted.push(ref);
      else if (items) items.push(ref);
      else overdue.set(unit, [ref]);
    }
    if (ref.status === "即将到期") dueSoon.push(ref);
    if (ref.isKey) keySuggestions.push(ref);
    if (hasFact(row.practice, "extensionPending")) pendingExtensions.push(ref);
    if (ref.status === "待二次交办") awaitingReassignment.push(ref);
  }
  // Stable sorts: of two rows equal in order (one 编号 on both), the earlier in the sheet stays first.
  return {
    suggestions,
    statusCounts,
    overdueByUnit: [...overdue].map(([unit, items]) => ({
      unit,
      count: items.length,
      items: items.sort(soonestFirst).slice(0, OVERDUE_SHOWN_PER_UNIT),
    })),
    overdueUncounted: uncounted.sort(soonestFirst).slice(0, UNCOUNTED_SHOWN),
    overdueUncountedCount: uncounted.length,
    dueSoon: dueSoon.sort(soonestFirst).slice(0, DUE_SOON_SHOWN),
    dueSoonCount: dueSoon.length,
    keySuggestions,
    pendingExtensions,
    awaitingReassignment,
  };
}

/**
 * Every part's overdue groups as one per unit (counts summed, items in part order), as computeOverview
 * orders them (overdueGroups: names that are no unit of `units` as one group, last).
 */
function mergeOverdue(parts: readonly OverviewPart[], units: UnitBook): OverdueGroup[] {
  const merged = new Map<string, { count: number; items: SuggestionRef[] }>();
  for (const part of parts)
    for (const group of part.overdueByUnit) {
      const same = merged.get(group.unit);
      if (same) {
        same.count += group.count;
        same.items.push(...group.items);
      } else merged.set(group.unit, { count: group.count, items: [...group.items] });
    }
  return overdueGroups(
    [...merged].map(([unit, { count, items }]) => ({ unit, count, items })),
    units,
  );
}

/**
 * The overview as the finish stores it (overviewAsShown(computeOverview(ledger))) from every part's
 * share in sheet order. What does not depend on the rows (统计's totals and slowest units, the
 * problems, 设置) is computeOverview's own of the ledger without rows; `ledger.statistics` is the
 * whole ledger's.
 */
export function mergeOverview(
  parts: readonly OverviewPart[],
  ledger: Omit<EvaluatedLedger, "rows">,
): OverviewFigures {
  const statusCounts = LEDGER_STATUSES.map((status) => ({
    status,
    count: parts.reduce((n, part) => n + (part.statusCounts[status] ?? 0), 0),
  }));
  return overviewAsShown({
    ...computeOverview({ ...ledger, rows: [] }),
    suggestions: parts.reduce((n, part) => n + part.suggestions, 0),
    statusCounts,
    overdueByUnit: mergeOverdue(parts, ledger.units),
    overdueUncounted: parts.flatMap((part) => part.overdueUncounted ?? []).sort(soonestFirst),
    overdueUncountedCount: parts.reduce((n, part) => n + (part.overdueUncountedCount ?? 0), 0),
    dueSoon: parts.flatMap((part) => part.dueSoon).sort(soonestFirst),
    dueSoonCount: parts.reduce((n, part) => n + part.dueSoonCount, 0),
    keySuggestions: parts.flatMap((part) => part.keySuggestions).sort(byId),
    pendingExtensions: parts.flatMap((part) => part.pendingExtensions),
    awaitingReassignment: parts.flatMap((part) => part.awaitingReassignment ?? []),
  });
}
