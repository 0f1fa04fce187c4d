import type { Channel, NoticeType } from "../../../sheets-schema/enums";
import type { Problem } from "../problems";
import type { EvaluatedLedger } from "../summary/evaluated";
import type { RecipientRef } from "./recipients";

/** What planning needs of the evaluated ledger. */
export type NoticeEvaluation = Pick<
  EvaluatedLedger,
  | "settings"
  | "calendar"
  | "rows"
  | "units"
  | "deputies"
  | "leaders"
  | "templates"
  | "statistics"
  | "practice"
>;

/** A notice due today, rendered, for one recipient over one channel: one outbox row. */
export interface PlannedNotice {
  readonly key: string;
  readonly type: NoticeType;
  readonly suggestionId: string | null;
  readonly round: number;
  readonly occurrence: string;
  /** Unit or deputy name, or the digest address. */
  readonly recipient: string;
  /** Who the recipient is: a unit, deputy or leader gets a personal link in the notice. */
  readonly recipientKind: RecipientRef["kind"];
  readonly channel: Channel;
  readonly address: string;
  readonly title: string;
  readonly body: string;
  /** The day it fell due (earlier than today when it catches up). */
  readonly dueOn: string;
}

/** A notice due today that cannot go: its recipient has no usable channel. */
export interface UnreachableNotice {
  readonly type: NoticeType;
  readonly suggestionId: string | null;
  readonly recipient: string;
  readonly reason: string;
}

export interface NoticePlan {
  /** Today is a rest day and 仅工作日发送 = 是: nothing planned, it all waits for the next working day. */
  readonly restDay: boolean;
  readonly notices: PlannedNotice[];
  readonly unreachable: UnreachableNotice[];
  /** Notices not planned because their template has 启用 = 否. */
  readonly disabled: number;
  /** Templates that failed to render and fell back to the built-in text. */
  readonly problems: Problem[];
  /**
   * Suggestions of which a reminder's first word (a 【首次通知】 line) was presumed, the 交办通知
   * that was to introduce it older than the outbox keys given: planned again with their keys from
   * 交办 on (PlanNoticesInput.historyOf), it is decided by what was sent.
   */
  readonly introductionsUnseen?: readonly string[];
}
