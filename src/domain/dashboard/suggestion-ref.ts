import type { LedgerStatus } from "../../../sheets-schema/enums";
import { TITLE_MAX } from "../../../sheets-schema/tabs/ledger";
import type { Calendar } from "../calendar";
import { type Deadline, daysBetween, isProvisional } from "../deadlines";
import { nameKey } from "../directory";
import { type ClearedKind, clearedKindOf, clearedNote } from "../notices/cleared-note";
import { inSecondRound } from "../status";
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
  /**
   * 领办领导; undefined when blank (left out of a stored entry's JSON, as in entries and overviews an
   * older build stored: most suggestions have none).
   */
  readonly handlingLeader?: string | undefined;
  readonly problemCount: number;
  /**
   * Its reply (or, the reply kept, its rating) was seen cleared within the grace and is still blank
   * (the sync's PRACTICE_FACTS flags): the lists say so beside its status (refClearedNote), as the
   * 督办周报 does. Undefined otherwise (left out of a stored entry's JSON), and in entries an older
   * build stored.
   */
  readonly cleared?: ClearedKind | undefined;
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
    handlingLeader: record.handlingLeader || undefined,
    problemCount: row.problems.length,
    cleared: clearedKindOf(row.practice),
  };
}

/**
 * What a list says beside a suggestion's 台账状态 when a clearing holds it (clearedNote): while it
 * awaits a reply, that its reply was cleared; while it awaits a rating (待测评), that its rating was.
 * "" for any other (nearly every) suggestion.
 */
export function refClearedNote(ref: Pick<SuggestionRef, "cleared" | "status">): string {
  if (!ref.cleared) return "";
  if (AWAITING_REPLY.has(ref.status)) return clearedNote(ref.cleared, "reply");
  return ref.status === "待测评" ? clearedNote(ref.cleared, "rating") : "";
}

/** What follows a 办理期限 that may still move, as every notice writes it (placeholders.ts 办理期限). */
export const PROVISIONAL_MARK = "（暂定）";

/** Whether a round's deadline may still move: its explanation says so, as the notices of its round do. */
export function deadlineProvisional(deadline: Pick<Deadline, "explanation"> | null | undefined): boolean {
  return isProvisional(deadline?.explanation);
}

/**
 * Whether a due date's year has no 放假安排 in `calendar` (the sync's, from the stored 节假日): all that
 * a due date read without its deadline's explanation (a row's facts, a list's stored reference) tells.
 */
export function dueYearProvisional(due: string, calendar: Pick<Calendar, "isYearKnown">): boolean {
  return due !== "" && !calendar.isYearKnown(Number(due.slice(0, 4)));
}

/**
 * Whether the row's 办理期限 (computed.dueDate) is provisional: it falls in (or rolls past) a year whose
 * 放假安排 is not entered, so the notices about it say （暂定） (urge-view, series). The deadline's
 * explanation says so, as it says it to the notices. A row read as facts (a link's lists) keeps no
 * explanation: its due date's year is asked of `calendar` (the sync's, from the stored 节假日), which
 * differs only for a deadline rolled from an unknown year into a known one.
 */
export function dueProvisional(row: EvaluatedRow, calendar?: Pick<Calendar, "isYearKnown">): boolean {
  const due = row.computed.dueDate;
  if (!due) return false;
  // The deadline computed.dueDate was taken from (evaluate-ledger-rows: currentDeadline).
  const deadline = (inSecondRound(row.record) ? row.secondDeadline : null) ?? row.firstDeadline;
  if (deadline?.explanation) return deadlineProvisional(deadline);
  return calendar ? dueYearProvisional(due, calendar) : false;
}

/** A due date as the notices write it: PROVISIONAL_MARK after it when provisional; "" stays "". */
export function markedDue(due: string, provisional: boolean): string {
  return due && provisional ? `${due}${PROVISIONAL_MARK}` : due;
}

/** 办理期限 as a link page shows it: the date, with PROVISIONAL_MARK when the notices add it; "" for none. */
export function dueText(row: EvaluatedRow, calendar?: Pick<Calendar, "isYearKnown">): string {
  return markedDue(row.computed.dueDate, dueProvisional(row, calendar));
}

/** One round's 办理期限 (首轮, 二次) as a suggestion's page shows it, （暂定） as its notices say it. */
export function deadlineText(deadline: Pick<Deadline, "due" | "explanation">): string {
  return markedDue(deadline.due, deadlineProvisional(deadline));
}

/**
 * A listed suggestion's 办理期限 as the dashboard's tables show it. A stored reference keeps no
 * explanation, so its year is asked of `calendar`, as a link's lists ask it of a row's facts
 * (dueProvisional); without a calendar the date stands bare.
 */
export function refDueText(
  ref: Pick<SuggestionRef, "due">,
  calendar?: Pick<Calendar, "isYearKnown">,
): string {
  return markedDue(ref.due, calendar !== undefined && dueYearProvisional(ref.due, calendar));
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
 * names the suggestions list's search finds it by besides the reference's (附议代表, 协办单位, 督办领导
 * and 领办领导 as typed, one a line: "what is 刘主任 supervising?"; absent in entries an older build
 * stored).
 */
export type ListEntry = readonly [ref: SuggestionRef, coUnits: readonly string[], alsoNamed?: string];

/** The row's list entry as of the sync's `today`; null for a row that is no suggestion to list yet. */
export function listEntry(row: EvaluatedRow, today: string): ListEntry | null {
  if (row.blank || !row.id) return null;
  const { coSigners, coUnits, supervisor, handlingLeader } = row.record;
  return [
    suggestionRef(row, today),
    [...new Set(coUnits.map(nameKey))],
    [...coSigners, ...coUnits, supervisor, handlingLeader].filter((name) => name !== "").join("\n"),
  ];
}

/** A stored reference with its days left counted from `today` (a page viewed after the sync's day). */
export function refAsOf(ref: SuggestionRef, today: string): SuggestionRef {
  return ref.daysLeft === null ? ref : { ...ref, daysLeft: daysBetween(today, ref.due) };
}
