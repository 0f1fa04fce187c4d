import { REPLY_CLASS_MEANINGS, type ReplyClass } from "../../../sheets-schema/enums";
import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import { ratingComments } from "../intake/rating-comment";
import { type SecondReplyNote, secondReplyNote } from "../intake/second-reply-note";
import type { SentRating } from "./row-actions";

/**
 * The replies of a suggestion as its pages show them: round 2's first (二次答复, the one the deputy
 * rates after a 二次交办), round 1's below it (首次答复). The ledger keeps round 2's date and class
 * in columns; its text and 答复函 only in the 备注 line intake writes (src/domain/intake/second-reply-note.ts
 * keeps that line's format, both ends).
 */

/**
 * A class as its plain meaning, `C 类（因条件限制暂时无法解决）`: the instruction the meaning
 * carries for the unit (须说明原因) belongs to the reply form, not to a reply shown to a reader.
 */
export function plainClassText(value: string): string {
  const meaning = REPLY_CLASS_MEANINGS[value as ReplyClass];
  if (!meaning) return value;
  const cut = meaning.indexOf("（");
  return `${value} 类（${cut < 0 ? meaning : meaning.slice(0, cut)}）`;
}

export interface ReplyRound {
  /** 二次答复 / 首次答复, or 答复 when there was no second round. */
  readonly label: "二次答复" | "首次答复" | "答复";
  /** 二次交办日期 for round 2; "" for round 1. */
  readonly assignedOn: string;
  readonly repliedOn: string;
  /** As plainClassText says it; "" when not recorded. */
  readonly replyClass: string;
  readonly content: string;
  readonly implementation: string;
  /** The 答复函 address of this round as the ledger holds it; "" when none. */
  readonly letter: string;
  readonly rating: string;
  readonly ratedOn: string;
  readonly comment: string;
}

export type ReplyRecord = Pick<
  LedgerRecord,
  | "repliedOn"
  | "replyClass"
  | "replyContent"
  | "implementation"
  | "replyLetter"
  | "rating"
  | "ratedOn"
  | "reassignedOn"
  | "secondRepliedOn"
  | "secondReplyClass"
  | "secondRating"
  | "notes"
>;

/**
 * Which rating comment belongs to which round: a comment after the round-2 note rates round 2, the
 * last one before it round 1. Without the note (staff typed round 2 in), a comment rates round 2
 * only once 二次满意度 is in and an earlier one is left for round 1.
 */
function commentsOf(
  r: Partial<ReplyRecord>,
  note: SecondReplyNote | null,
): { first: string; second: string } {
  const comments = ratingComments(r.notes);
  if (note) {
    const before = comments.filter((c) => c.line < note.line);
    const after = comments.filter((c) => c.line > note.line);
    return { first: before.at(-1)?.comment ?? "", second: after.at(-1)?.comment ?? "" };
  }
  if (r.reassignedOn && r.secondRating && comments.length >= 2)
    return { first: comments.at(-2)?.comment ?? "", second: comments.at(-1)?.comment ?? "" };
  return { first: comments.at(-1)?.comment ?? "", second: "" };
}

/** The replies to show, newest round first; [] before any reply (or 二次交办) is recorded. */
export function replyRounds(r: Partial<ReplyRecord>): ReplyRound[] {
  const note = r.reassignedOn ? secondReplyNote(r.notes) : null;
  const comments = commentsOf(r, note);
  const rounds: ReplyRound[] = [];
  const cls = r.secondReplyClass || note?.replyClass || "";
  // 落实情况 has one column for both rounds: the progress of the latest reply.
  const secondReplied = !!(r.reassignedOn && (r.secondRepliedOn || cls || note));
  if (r.reassignedOn) {
    rounds.push({
      label: "二次答复",
      assignedOn: r.reassignedOn,
      repliedOn: r.secondRepliedOn ?? "",
      replyClass: cls ? plainClassText(cls) : "",
      content: note?.content ?? "",
      implementation: secondReplied ? (r.implementation ?? "") : "",
      letter: note?.letter ?? "",
      rating: r.secondRating ?? "",
      ratedOn: "",
      comment: comments.second,
    });
  }
  if (r.repliedOn || r.replyClass || r.reassignedOn) {
    rounds.push({
      label: r.reassignedOn ? "首次答复" : "答复",
      assignedOn: "",
      repliedOn: r.repliedOn ?? "",
      replyClass: r.replyClass ? plainClassText(r.replyClass) : "",
      content: r.replyContent ?? "",
      implementation: secondReplied ? "" : (r.implementation ?? ""),
      letter: r.replyLetter ?? "",
      rating: r.rating ?? "",
      ratedOn: r.ratedOn ?? "",
      comment: comments.first,
    });
  }
  return rounds;
}

/**
 * The rounds with the deputy's rating of the current one (the first) as sent and not yet in the
 * ledger the page shows (row-actions' SentRating): its 满意度 over whatever the row holds (staff may
 * have typed an invalid one, which intake overwrites), its 测评日期 marked with how far it got, and
 * its 测评意见 when it has one. Once the next sync brings it in, the row's own cells show it.
 */
export function withSentRating(
  rounds: readonly ReplyRound[],
  sent: Pick<SentRating, "rating" | "on" | "comment" | "state"> | null,
): ReplyRound[] {
  const [current, ...rest] = rounds;
  if (!sent || !current) return [...rounds];
  return [
    {
      ...current,
      rating: sent.rating,
      ratedOn: `${sent.on}（您提交的测评：${sent.state}）`,
      comment: sent.comment || current.comment,
    },
    ...rest,
  ];
}
