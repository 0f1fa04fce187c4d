import { hasFact } from "../practice/practice-facts";

/**
 * What a clearing within its grace holds of a suggestion (reply-cleared.ts ClearedHold.held), as its
 * stored PRACTICE_FACTS flags say: its reply, or, the reply kept, its rating alone.
 */
export type ClearedKind = "reply" | "rating";

/** The kind of clearing a row's stored flags mark (the reply's first); undefined for none. */
export function clearedKindOf(practice: number | undefined): ClearedKind | undefined {
  if (hasFact(practice, "replyCleared")) return "reply";
  if (hasFact(practice, "ratingCleared")) return "rating";
  return undefined;
}

/**
 * What follows a listed suggestion awaiting a reply whose reply was seen cleared within the grace: a
 * leader must not read as overdue a reply that may only have been deleted by mistake (staff are told
 * in 校验问题 to put it back). The 督办周报 and the dashboard's lists say it alike.
 */
export const CLEARED_REPLY_NOTE = "（答复内容被清空，待核实）";

/** What follows a listed suggestion awaiting its rating whose rating was seen cleared: the deputy may well have rated. */
export const CLEARED_RATING_NOTE = "（满意度被清空，待核实）";

/**
 * The note after a suggestion listed as awaiting `awaited` (its reply: 办理中, 即将到期, 已逾期; its
 * rating: 待测评) when a clearing holds it; "" otherwise. Listed as awaiting its reply, any clearing
 * is said as the reply's (a rating cleared with the 答复日期 blank leaves no reply to read); listed
 * as awaiting its rating, only the rating's is.
 */
export function clearedNote(cleared: ClearedKind | undefined, awaited: ClearedKind): string {
  if (!cleared) return "";
  if (awaited === "reply") return CLEARED_REPLY_NOTE;
  return cleared === "rating" ? CLEARED_RATING_NOTE : "";
}
