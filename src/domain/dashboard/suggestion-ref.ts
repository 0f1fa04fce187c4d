import type { LedgerStatus } from "../../../sheets-schema/enums";
import { TITLE_MAX } from "../../../sheets-schema/tabs/ledger";
import { daysBetween } from "../deadlines";
import { nameKey } from "../directory";
import type { EvaluatedLedger, EvaluatedRow } from "../summary/evaluated";

/** What a list on the dashboard shows of one suggestion. */
export interface SuggestionRef {
  readonly id: string;
  readonly title: string;
  readonly leadDeputy: string;
  readonly leadUnit: string;
  readonly category: string;
  readonly status: LedgerStatus | "";
  /** 办理期限 of the current round (ISO) or "". */
  readonly due: string;
  /** Days from today to `due` (negative when overdue) while a reply is awaited; null otherwise. */
  readonly daysLeft: number | null;
  readonly isKey: boolean;
  readonly supervisor: string;
  readonly problemCount: number;
}

/** Rows that are suggestions with a 编号 (a row without one cannot be linked to yet). */
export function suggestionRows(evaluation: EvaluatedLedger): EvaluatedRow[] {
  return evaluation.rows.filter((r) => !r.blank && r.id);
}

/** Statuses that wait for a reply: only then do days left (or overdue) mean anything. */
const AWAITING_REPLY: ReadonlySet<string> = new Set(["办理中", "即将到期", "已逾期"]);

export function suggestionRef(row: EvaluatedRow, today: string): SuggestionRef {
  const { record, computed } = row;
  const due = computed.dueDate;
  return {
    id: row.id ?? "",
    title: record.title,
    leadDeputy: record.leadDeputy,
    leadUnit: record.leadUnit,
    category: record.category,
    status: computed.status,
    due,
    daysLeft: due && AWAITING_REPLY.has(computed.status) ? daysBetween(today, due) : null,
    isKey: record.isKey === true,
    supervisor: record.supervisor,
    problemCount: row.problems.length,
  };
}

/**
 * A 标题 as a list shows it: whole within the sheet's limit (TITLE_MAX), else cut there with "…".
 * A title over the limit is an 错误, but the sync keeps its text (storeRow) so the suggestion is not
 * nameless: its own page shows it whole, and the search finds all of it.
 */
export function listTitle(title: string): string {
  return title.length <= TITLE_MAX ? title : `${title.slice(0, TITLE_MAX - 1)}…`;
}

/** Two 编号 in order (UTF-16 code units: 2026-009 before 2026-010 for a fixed-width format). */
export function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Suggestions in 编号 order. */
export function byId(a: SuggestionRef, b: SuggestionRef): number {
  return compareIds(a.id, b.id);
}

/**
 * A stored row as a list shows it, kept with its part (the sync works it out once): its reference,
 * the name keys of its 协办单位 (a unit's page lists the suggestions it co-handles apart), and the
 * names the suggestions list's search finds it by besides the reference's (附议代表 and 协办单位 as
 * typed, one a line; absent in entries an older build stored).
 */
export type ListEntry = readonly [ref: SuggestionRef, coUnits: readonly string[], alsoNamed?: string];

/** The row's list entry as of the sync's `today`; null for a row that is no suggestion to list yet. */
export function listEntry(row: EvaluatedRow, today: string): ListEntry | null {
  if (row.blank || !row.id) return null;
  const { coSigners, coUnits } = row.record;
  return [
    suggestionRef(row, today),
    [...new Set(coUnits.map(nameKey))],
    [...coSigners, ...coUnits].join("\n"),
  ];
}

/** A stored reference with its days left counted from `today` (a page viewed after the sync's day). */
export function refAsOf(ref: SuggestionRef, today: string): SuggestionRef {
  return ref.daysLeft === null ? ref : { ...ref, daysLeft: daysBetween(today, ref.due) };
}
