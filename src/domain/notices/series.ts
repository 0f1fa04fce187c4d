import type { NoticeType, Rating, TemplateName } from "../../../sheets-schema/enums";
import type { Settings } from "../../../sheets-schema/settings";
import type { Calendar } from "../calendar";
import { isProvisional } from "../deadlines";
import { reassignmentFloor } from "../status";
import type { EvaluatedRow } from "../summary/evaluated";
import { rowView, type View, type ViewContext } from "./placeholders";
import type { RecipientRef } from "./recipients";
import type { Spacing } from "./spacing";

/** One day a notice of a series falls due, and what tells it apart from the others. */
export interface Occurrence {
  readonly occurrence: string;
  readonly dueOn: string;
}

/**
 * The notices of one kind about one suggestion and round (e.g. the 到期提醒 of 2026-007 round 1).
 * Only the latest due occurrence of a series is ever sent, so a run that missed several sends one.
 */
export interface NoticeSeries {
  readonly type: NoticeType;
  /** The 通知模板 text to render, when not the type's own (co-units' 交办通知). */
  readonly template?: TemplateName;
  readonly suggestionId: string | null;
  readonly round: number;
  /** Ascending by dueOn. */
  readonly occurrences: readonly Occurrence[];
  /** After this day nothing of the series goes out (到期提醒 once 办理期限 has passed). */
  readonly lastDay: string | null;
  readonly recipients: readonly RecipientRef[];
  /**
   * Spaced from the last one each recipient got (逾期催办): planning asks spacedDue, per recipient,
   * instead of taking the latest of `occurrences`.
   */
  readonly spacing?: Spacing;
  /** The notice that was to tell the recipient of the matter first (a unit's 交办通知). */
  readonly introducedBy?: Introduction;
  view(recipient: string): View;
  /**
   * Text appended after the rendered body (the digest's lists), given that body and the rendered
   * title (a robot sends both and counts both in its limit): a staff text that already gives the
   * dashboard's address is not told it again at the end.
   */
  readonly appendix?: (body: string, title: string) => string;
}

/** A notice's rendered body with its series' appendix after it, as it is sent (and measured, digest.ts). */
export function withAppendix(body: string, appendix: string): string {
  return `${body}\n\n${appendix}`;
}

/**
 * The notice that was to tell a recipient of a matter before this one reminds it of it: a unit's
 * 交办通知 before its 协办提醒, 沟通提醒, 到期提醒 or 逾期催办. When the recipient was sent nothing
 * about the suggestion yet, the reminder is its first word of the matter and opens with `line`
 * (introductions.ts); planning decides which (plan.ts, firstWord).
 */
export interface Introduction {
  /**
   * The day the introducing notice fell due: before the catch-up horizon, the outbox keys planning
   * loads by default no longer reach it (PlanNoticesInput.historyOf).
   */
  readonly dueOn: string;
  /**
   * The round it introduces (the 二次交办通知's round 2): the recipient counts as told when sent a
   * notice of that round, not any about the suggestion, since a unit told of round 1 was not told
   * of the 二次交办. Absent: any notice about the suggestion tells it (a 交办通知 of round 1).
   */
  readonly round?: 2;
  line(view: View): string;
}

export interface SeriesContext extends ViewContext {
  readonly settings: Pick<
    Settings,
    | "reminderDays"
    | "overdueIntervalDays"
    | "ratingDays"
    | "followUpIntervalDays"
    | "digestRecipients"
    | "preContactDays"
    | "coOpinionDays"
    | "workingDaysOnly"
    | "practiceSince"
  >;
  readonly calendar: Calendar;
}

/** A handling round of an assigned suggestion: round 2 is the 二次交办. */
export interface Round {
  readonly round: 1 | 2;
  readonly start: string;
  readonly due: string | null;
  readonly repliedOn: string | null;
  /**
   * The reply date cell holds something that is not a date, or is blank beside a reply's class
   * (replyWithoutDate): a reply may well be in, so the unit is not told it has not replied (staff
   * get a problem on the cell instead).
   */
  readonly replyUnreadable: boolean;
  readonly rating: Rating | null;
  /**
   * The rating cell holds something that is not one of the choices (比较满意): the deputy did rate,
   * staff are told to correct the word (an 错误 on the cell), so the deputy is not asked to rate
   * again meanwhile (rated). Beside a blank reply date it is no reply, as a rating typed right is not
   * (replyWithoutDate): the unit's reminders go on.
   */
  readonly ratingUnreadable: boolean;
  /**
   * The reply class cell holds something that is not one of the classes (E): typed as one (A, B类)
   * beside a blank reply date it would count as a reply (replyWithoutDate), so the unit's reminders
   * wait for staff to correct it (handling-series.ts).
   */
  readonly replyClassUnreadable: boolean;
  /**
   * The round's 交办日期 is before the date it must follow (round 1: 提出日期; round 2: 答复日期),
   * the same reading of the same two cells as the 错误 staff are shown (notBefore in
   * check-ledger-lifecycle.ts, ISO dates compared as text): a slip (2026-02-01 for 2026-12-01) whose
   * 办理期限 means nothing. The notices counted from it wait for the correction (handling-series.ts).
   */
  readonly assignedOnContradicted: boolean;
  /** 办理期限 falls in (or rolls past) a year whose 放假安排 is not entered yet: it may still move. */
  readonly provisional: boolean;
}

/** A reply is in, or its date was typed but cannot be read. */
export function replyPresent(round: Round): boolean {
  return round.repliedOn !== null || round.replyUnreadable;
}

/** The round's rating is in, or was typed but is not one of the choices. */
export function rated(round: Round): boolean {
  return round.rating !== null || round.ratingUnreadable;
}

/**
 * A round's 答复类别 is filled but its 答复日期 is blank: the unit did reply (staff class a reply they
 * hold), the date was lost (a column cleared by mistake, say). Taken as replyUnreadable: the unit is
 * not urged as if it had not replied; staff are told in 校验问题 (check-ledger-lifecycle.ts). A 满意度
 * alone is not taken so: one typed on the wrong row would silence the reminders the unit is owed by
 * law (ledger.md: a typo must never silence a statutory reminder), and its 错误 says they go on.
 */
function replyWithoutDate(replyClass: unknown): boolean {
  return Boolean(replyClass);
}

/** The rounds of an accepted, assigned suggestion (none otherwise). */
export function roundsOf(row: EvaluatedRow): Round[] {
  const { record } = row;
  if (record.review !== "立案" || !record.leadUnit || !record.assignedOn) return [];
  const rounds: Round[] = [
    {
      round: 1,
      start: record.assignedOn,
      due: row.firstDeadline?.due ?? null,
      repliedOn: record.repliedOn,
      replyUnreadable: row.unreadable?.答复日期 !== undefined || replyWithoutDate(record.replyClass),
      rating: record.rating,
      // row.unreadable holds the cells typed but unusable, as read (the shared empty object for most
      // rows): one lookup, no re-reading of the raw cell.
      ratingUnreadable: row.unreadable?.满意度 !== undefined,
      replyClassUnreadable: row.unreadable?.答复类别 !== undefined,
      assignedOnContradicted: !!record.submittedOn && record.assignedOn < record.submittedOn,
      provisional: isProvisional(row.firstDeadline?.explanation),
    },
  ];
  if (record.reassignedOn) {
    rounds.push({
      round: 2,
      start: record.reassignedOn,
      due: row.secondDeadline?.due ?? null,
      repliedOn: record.secondRepliedOn,
      replyUnreadable:
        row.unreadable?.二次答复日期 !== undefined || replyWithoutDate(record.secondReplyClass),
      rating: record.secondRating,
      ratingUnreadable: row.unreadable?.二次满意度 !== undefined,
      replyClassUnreadable: row.unreadable?.二次答复类别 !== undefined,
      assignedOnContradicted: record.reassignedOn < (reassignmentFloor(record)?.day ?? ""),
      provisional: isProvisional(row.secondDeadline?.explanation),
    });
  }
  return rounds;
}

/** Placeholder values of a row for notices about one round (办理期限 and 异议期限 of that round). */
export function roundView(row: EvaluatedRow, round: Round, ctx: SeriesContext): (recipient: string) => View {
  const facts = { start: round.start, due: round.due, round: round.round, provisional: round.provisional };
  return (recipient) =>
    rowView({ record: row.record, id: row.id ?? "", status: row.computed.status }, facts, recipient, ctx);
}
