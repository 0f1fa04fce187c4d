import {
  LEDGER_STATUSES,
  type LedgerStatus,
  REPLY_CLASSES,
  type ReplyClass,
} from "../../../sheets-schema/enums";
import { hasFact } from "../practice/practice-facts";
import { formatRate, type StatisticsRow } from "../statistics";
import { hasCountedError } from "../statistics-items";
import { isMisnamedRow, MISNAMED_UNITS, splitByUnit, type UnitBook } from "../statistics-units";
import type { EvaluatedLedger, EvaluatedRow } from "../summary/evaluated";
import { byId, type SuggestionRef, suggestionRef, suggestionRows } from "./suggestion-ref";

export interface OverdueGroup {
  readonly unit: string;
  /** The unit's overdue suggestions, all of them (items may be only the first few: overviewAsShown). */
  readonly count: number;
  readonly items: readonly SuggestionRef[];
}

export interface OverviewFigures {
  readonly today: string;
  /** Suggestions in the ledger (rows with a 编号). */
  readonly suggestions: number;
  readonly statusCounts: readonly { readonly status: LedgerStatus; readonly count: number }[];
  /** Office-wide statistics (立案 suggestions with a lead unit), as the 统计 tab's 合计 row. */
  readonly totals: StatisticsRow;
  /** Round-1 reply classes and their share of classified replies ("—" before any reply). */
  readonly classShares: readonly {
    readonly replyClass: ReplyClass;
    readonly count: number;
    readonly share: string;
  }[];
  /**
   * 已逾期 suggestions by lead unit, the unit with most first; longest overdue first inside. Those
   * whose 主办单位 is no unit of 承办单位 are one MISNAMED_UNITS group, last. Only those the figures
   * count: each group's count is its unit's 逾期未答复 in 统计 and /units (overdueUncounted: the rest).
   */
  readonly overdueByUnit: readonly OverdueGroup[];
  /**
   * 已逾期 suggestions the figures leave out for an 错误 in a counted field (leftOutOfFigures), longest
   * overdue first (may be only the first few: overviewAsShown). Listed apart: a leader reads the list
   * above as the figures count it, and staff see what to fix. Absent from figures an older build
   * stored (its overdueByUnit counted them in).
   */
  readonly overdueUncounted?: readonly SuggestionRef[];
  /** How many overdueUncounted there are; absent with it. */
  readonly overdueUncountedCount?: number;
  /** 即将到期: due within 设置 即将到期天数, soonest first. */
  readonly dueSoon: readonly SuggestionRef[];
  /** How many are 即将到期 (dueSoon may be only the first few: overviewAsShown). */
  readonly dueSoonCount: number;
  readonly dueSoonDays: number;
  /** 重点建议 = 是, with their 督办领导 and 领办领导 (SuggestionRef.handlingLeader). */
  readonly keySuggestions: readonly SuggestionRef[];
  /** Units with the lowest 按期答复率 (those with a rate; never the MISNAMED_UNITS line), lowest first: who to urge. */
  readonly slowUnits: readonly StatisticsRow[];
  readonly problems: { readonly errors: number; readonly warnings: number };
  /**
   * The lead units' 延期申请 without 审批结果 (sent through a unit's link or typed into the tab), as
   * the sync marked them: staff decide them (审批结果 in 『延期申请』).
   */
  readonly pendingExtensions: readonly SuggestionRef[];
  /**
   * Suggestions in 待二次交办 (the deputy rated round 1 不满意, no 二次交办日期 yet), in sheet order:
   * a decision the office owes (ledger.md 督: a second assignment follows an unsatisfied deputy).
   * Absent from figures an older build stored (read as none).
   */
  readonly awaitingReassignment?: readonly SuggestionRef[];
  /** 设置 has no 周报接收人: nobody gets the weekly digest (also a 提醒 in 校验问题). */
  readonly digestMissing: boolean;
}

/**
 * The overview is what a leader reads first: the most pressing few of each list, each list whole one
 * click away (a unit's page, the list filtered by status). Rendering every overdue suggestion of a
 * large office made the page long to read and to build.
 */
export const OVERDUE_SHOWN_PER_UNIT = 5;
export const DUE_SOON_SHOWN = 20;
/** The overdue suggestions left out of the figures the overview lists (the rest: 校验问题's 错误). */
export const UNCOUNTED_SHOWN = 20;

/**
 * The figures cut to what the overview shows (the counts stay whole): what the sync's finish stores,
 * so the page reads a few kilobytes instead of every overdue suggestion of the office.
 */
export function overviewAsShown(figures: OverviewFigures): OverviewFigures {
  return {
    ...figures,
    overdueByUnit: figures.overdueByUnit.map((g) => ({
      ...g,
      items: g.items.slice(0, OVERDUE_SHOWN_PER_UNIT),
    })),
    dueSoon: figures.dueSoon.slice(0, DUE_SOON_SHOWN),
    ...(figures.overdueUncounted && {
      overdueUncounted: figures.overdueUncounted.slice(0, UNCOUNTED_SHOWN),
    }),
  };
}

/** How many units the overview names as slowest. */
export const SLOW_UNITS_SHOWN = 5;

/** A rate text ("87.5%") as a number; null for "—". */
export function rateNumber(rate: string): number | null {
  const n = Number.parseFloat(rate);
  return Number.isFinite(n) ? n : null;
}

function slowestUnits(rows: readonly StatisticsRow[]): StatisticsRow[] {
  return rows
    .filter((r) => rateNumber(r.onTimeRate) !== null && !isMisnamedRow(r.label))
    .sort(
      (a, b) =>
        (rateNumber(a.onTimeRate) ?? 0) - (rateNumber(b.onTimeRate) ?? 0) ||
        b.overdueUnreplied - a.overdueUnreplied ||
        (a.label < b.label ? -1 : 1),
    )
    .slice(0, SLOW_UNITS_SHOWN);
}

/**
 * Whether every figure leaves the row out for an 错误 in a counted field, as the statistics ask it
 * (statisticsItemOf's `excluded`): a stored row keeps it as a flag, a fresh one has its problems.
 */
export function leftOutOfFigures(row: Pick<EvaluatedRow, "practice" | "problems">): boolean {
  return hasFact(row.practice, "countedError") || hasCountedError(row.problems);
}

/** The heading of overdue suggestions without a 主办单位. */
export const NO_LEAD_UNIT = "（未填主办单位）";

/** The order inside an overdue or due-soon list: longest overdue (or soonest due) first, then by 编号. */
export function soonestFirst(a: SuggestionRef, b: SuggestionRef): number {
  return (a.daysLeft ?? 0) - (b.daysLeft ?? 0) || byId(a, b);
}

/**
 * Overdue groups, one per 主办单位 as typed (NO_LEAD_UNIT for none), as the overview lists them: the
 * unit with most first, longest overdue first inside; the names that are no unit of 承办单位 as one
 * MISNAMED_UNITS group, last.
 */
export function overdueGroups(groups: readonly OverdueGroup[], units: UnitBook): OverdueGroup[] {
  const split = splitByUnit(units, groups, (g) => g.unit);
  const own = split.units;
  const misnamed: OverdueGroup[] = [];
  // No 主办单位 is no name typed wrong: it keeps a group of its own.
  for (const g of split.misnamed) (g.unit === NO_LEAD_UNIT ? own : misnamed).push(g);
  const ordered = own
    .map((g) => ({ ...g, items: [...g.items].sort(soonestFirst) }))
    .sort((a, b) => b.count - a.count || (a.unit < b.unit ? -1 : 1));
  if (misnamed.length > 0)
    ordered.push({
      unit: MISNAMED_UNITS,
      count: misnamed.reduce((n, g) => n + g.count, 0),
      items: misnamed.flatMap((g) => g.items).sort(soonestFirst),
    });
  return ordered;
}

/**
 * The 台账状态 of a suggestion 立案 with its 主办单位 and 交办日期 (status.ts: 待交办 lacks one of
 * them): the overview's 立案并交办 counts these, so it adds up with the 台账状态 chart beside it.
 */
export const ASSIGNED_STATUSES: ReadonlySet<LedgerStatus> = new Set<LedgerStatus>(
  // LEDGER_STATUSES lists the lifecycle in order: 办理中 is the first status after 交办.
  LEDGER_STATUSES.slice(LEDGER_STATUSES.indexOf("办理中")),
);

/**
 * 立案并交办: the suggestions assigned (交办日期 filled), from the status counts. Not the statistics'
 * 承办件数 (立案 with a 主办单位, 交办 or not, less rows with an 错误 in a counted field), which the
 * rates divide by.
 */
export function assignedCount(figures: Pick<OverviewFigures, "statusCounts">): number {
  return figures.statusCounts.reduce((n, s) => (ASSIGNED_STATUSES.has(s.status) ? n + s.count : n), 0);
}

/** The overview page's figures, from one evaluation of the ledger. */
export function computeOverview(evaluation: EvaluatedLedger): OverviewFigures {
  const rows = suggestionRows(evaluation);
  const refs = rows.map((r) => suggestionRef(r, evaluation.today));
  const counts = new Map<string, number>();
  for (const ref of refs) counts.set(ref.status, (counts.get(ref.status) ?? 0) + 1);
  const totals = evaluation.statistics.total;
  const classified = REPLY_CLASSES.reduce((s, c) => s + totals.classes[c], 0);
  const overdue = new Map<string, SuggestionRef[]>();
  const uncounted: SuggestionRef[] = [];
  for (const [i, ref] of refs.entries()) {
    if (ref.status !== "已逾期") continue;
    if (leftOutOfFigures(rows[i] as EvaluatedRow)) {
      uncounted.push(ref);
      continue;
    }
    const unit = ref.leadUnit || NO_LEAD_UNIT;
    const items = overdue.get(unit);
    if (items) items.push(ref);
    else overdue.set(unit, [ref]);
  }
  const overdueByUnit = overdueGroups(
    [...overdue].map(([unit, items]) => ({ unit, count: items.length, items })),
    evaluation.units,
  );
  const dueSoon = refs.filter((r) => r.status === "即将到期").sort(soonestFirst);
  const errors = evaluation.problems.filter((p) => p.level === "错误").length;
  return {
    today: evaluation.today,
    suggestions: refs.length,
    statusCounts: LEDGER_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 })),
    totals,
    classShares: REPLY_CLASSES.map((replyClass) => ({
      replyClass,
      count: totals.classes[replyClass],
      share: formatRate(totals.classes[replyClass], classified),
    })),
    overdueByUnit,
    overdueUncounted: uncounted.sort(soonestFirst),
    overdueUncountedCount: uncounted.length,
    dueSoon,
    dueSoonCount: dueSoon.length,
    dueSoonDays: evaluation.settings.dueSoonDays,
    keySuggestions: refs.filter((r) => r.isKey).sort(byId),
    slowUnits: slowestUnits(evaluation.statistics.byUnit),
    problems: { errors, warnings: evaluation.problems.length - errors },
    pendingExtensions: refs.filter((_, i) => hasFact(rows[i]?.practice, "extensionPending")),
    awaitingReassignment: refs.filter((r) => r.status === "待二次交办"),
    digestMissing: evaluation.settings.digestRecipients.length === 0,
  };
}
