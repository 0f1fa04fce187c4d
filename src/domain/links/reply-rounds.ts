import { REPLY_CLASS_MEANINGS, type ReplyClass } from "../../../sheets-schema/enums";
import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import { dateCellText } from "../civil-date";
import { ratingComments } from "../intake/rating-comment";
import { type SecondReplyNote, secondReplyNote } from "../intake/second-reply-note";
import { type SentEntry, type SentRating, writeState } from "./row-actions";

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
  /**
   * The deputy's page: when the unit corrected this reply (local "YYYY-MM-DD HH:mm") through its
   * link and the ledger as of the last sync does not hold the correction yet (withCorrection).
   */
  readonly correctedAt?: string;
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
 * A reply of this round the unit sent through its link that the ledger as of the last sync does not
 * hold (awaitingSync): its cells as intake writes them to the round the sheet is in, and how far it
 * got (writeState).
 */
export interface SentReply {
  /** 答复日期 as the unit gave it (ISO). */
  readonly on: string;
  /** 答复类别 A–D. */
  readonly replyClass: string;
  readonly content: string;
  /** 落实情况 (a B reply's); "" when the unit gave none, and the column keeps what it holds. */
  readonly implementation: string;
  /** The 答复函 address; "" when the reply came without one, and the round keeps its own. */
  readonly letter: string;
  readonly state: string;
}

/** The round a first reply opens on a suggestion the ledger records no reply of. */
const FIRST_REPLY: ReplyRound = {
  label: "答复",
  assignedOn: "",
  repliedOn: "",
  replyClass: "",
  content: "",
  implementation: "",
  letter: "",
  rating: "",
  ratedOn: "",
  comment: "",
};

/**
 * The rounds with the current one (the first, or `opened` when none is recorded) as a submission
 * sent since the last sync changes it, its date marked with who sent it and how far it got: the card
 * says what the 已提交 line says. Once the next sync brings it in, the row's own cells show it.
 * `marked` null: the date as sent (the deputy's card says 更正 on a line of its own).
 */
function withSent<S extends { readonly on: string; readonly state: string }>(
  rounds: readonly ReplyRound[],
  sent: S | null,
  marked: { readonly who: string; readonly field: "repliedOn" | "ratedOn" } | null,
  change: (current: ReplyRound, sent: S) => Partial<ReplyRound>,
  opened: ReplyRound | null = null,
): ReplyRound[] {
  const [current = opened, ...rest] = rounds;
  if (!sent || !current) return [...rounds];
  const mark = marked ? { [marked.field]: `${sent.on}（${marked.who}：${sent.state}）` } : {};
  return [{ ...current, ...change(current, sent), ...mark }, ...rest];
}

/**
 * The rounds with the deputy's rating of the current one (the first) as sent and not yet in the
 * ledger the page shows (row-actions' SentRating): its 满意度 over whatever the row holds (staff may
 * have typed an invalid one, which intake overwrites), its 测评日期 marked with how far it got, and
 * its 测评意见 when it has one.
 */
export function withSentRating(
  rounds: readonly ReplyRound[],
  sent: Pick<SentRating, "rating" | "on" | "comment" | "state"> | null,
): ReplyRound[] {
  return withSent(rounds, sent, { who: "您提交的测评", field: "ratedOn" }, (current, s) => ({
    rating: s.rating,
    comment: s.comment || current.comment,
  }));
}

/**
 * What a reply sent since the last sync changes on its round: intake writes its date, class and text
 * over the round's; 落实情况 and 答复函 only when it gives them (the columns keep theirs otherwise),
 * but a reply other than B has no 落实情况.
 */
function replyChange(current: ReplyRound, s: SentReply): Partial<ReplyRound> {
  return {
    repliedOn: s.on,
    replyClass: s.replyClass ? plainClassText(s.replyClass) : "",
    content: s.content,
    // A reply other than B takes back its round's 落实情况 (entry-cells): none under an A reply.
    implementation: !s.replyClass || s.replyClass === "B" ? s.implementation || current.implementation : "",
    letter: s.letter || current.letter,
  };
}

/**
 * The rounds with the unit's own reply of the current round as sent and not yet in the ledger the
 * page shows (SentReply): over the reply the row holds (the one it corrects), or as the first reply
 * when the row holds none (round 2 always has its card); its 答复日期 marked with how far it got.
 */
export function withSentReply(rounds: readonly ReplyRound[], sent: SentReply | null): ReplyRound[] {
  return withSent(rounds, sent, { who: "本单位提交的答复", field: "repliedOn" }, replyChange, FIRST_REPLY);
}

/** Whether the round holds a reply (a round-2 card is shown before its reply comes). */
export function holdsReply(round: ReplyRound | undefined): boolean {
  return !!round && !!(round.repliedOn || round.replyClass || round.content);
}

/**
 * The deputy's rounds with the unit's correction of the current round's reply that the ledger as of
 * the last sync does not hold yet (the same change the unit's own card shows, withSentReply), marked
 * with when it came in (`at`), so the deputy rates the reply as it stands. Only a correction: a first
 * reply reaches the deputy with the sync and its 答复告知, as before.
 */
export function withCorrection(
  rounds: readonly ReplyRound[],
  sent: SentReply | null,
  at: string,
): ReplyRound[] {
  if (!sent || !holdsReply(rounds[0])) return [...rounds];
  const [current, ...rest] = withSent(rounds, sent, null, replyChange);
  return current ? [{ ...current, correctedAt: at }, ...rest] : [...rest];
}

/** A reply entry as its round shows it (SentReply): cells as intake writes them, how far it got. */
export function sentReplyOf(
  entry: SentEntry & { readonly cells: Readonly<Record<string, unknown>> },
): SentReply {
  const text = (cell: string) => String(entry.cells[cell] ?? "").trim();
  return {
    on: dateCellText(entry.cells.答复日期),
    replyClass: text("答复类别"),
    content: text("答复内容"),
    implementation: text("落实情况"),
    letter: text("答复函"),
    state: writeState(entry, true),
  };
}
