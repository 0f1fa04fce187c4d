import { REPLY_CLASS_MEANINGS, type ReplyClass } from "../../../sheets-schema/enums";
import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import { ratingComments } from "../intake/rating-comment";

/**
 * The replies of a suggestion as its pages show them: round 2's first (二次答复, the one the deputy
 * rates after a 二次交办), round 1's below it (首次答复). The ledger keeps round 2's date and class
 * in columns; its text and 答复函 only in the 备注 line intake writes
 * (`二次答复（提交号）类别 B：内容；答复函 地址`, src/jobs/intake), read back here.
 */

/** The start of the 备注 line of a round-2 reply, followed by the submission and `）`. */
const SECOND_REPLY_NOTE = "二次答复";

/** Lines intake adds to 备注 on its own (each opens with its name and the sender in （）). */
const INTAKE_LINE = /^(?:二次答复|答复|测评意见|测评附言|答复附言|答复函)（/;
/** What may end a round-2 note after its text: `；答复函 地址`, then intake's word of a late reply. */
const LETTER_TAIL = /(?:^|；)答复函 (https?:\/\/[^\s；]+)$/;
const LATE_TAIL = /(?:^|；)经个人链接于 \d{4}-\d{2}-\d{2} 提交（晚于办理期限 \d{4}-\d{2}-\d{2}）$/;
const CLASS_START = /^类别 ([A-D])(?:：|$)/;

/** Whether a line ends a round-2 note as only intake ends one: with its 答复函, or its late word. */
function closes(line: string): boolean {
  return LATE_TAIL.test(line) || LETTER_TAIL.test(line);
}

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

export interface SecondReplyNote {
  readonly replyClass: string;
  readonly content: string;
  /** The 答复函's address as the note holds it; "" when the reply came without one. */
  readonly letter: string;
  /** Where the note starts among 备注's lines (a rating comment after it rates round 2). */
  readonly line: number;
}

/**
 * The latest round-2 reply intake wrote into 备注 (a correction adds a newer line), or null. A
 * reply's text may run over several lines; they are taken as the reply's only when intake's own
 * end closes them (its 答复函, its word of a late reply): without it, a next line may be staff's
 * own note (备注 is not for deputies' or units' eyes), so only the first line is the reply's.
 */
export function secondReplyNote(notes: unknown): SecondReplyNote | null {
  if (typeof notes !== "string" || !notes.includes(`${SECOND_REPLY_NOTE}（`)) return null;
  const lines = notes.split("\n");
  const start = lines.findLastIndex((l) => l.trim().startsWith(`${SECOND_REPLY_NOTE}（`));
  if (start < 0) return null;
  const first = (lines[start] as string).trim();
  const close = first.indexOf("）");
  const block = [close < 0 ? "" : first.slice(close + 1)];
  if (!closes(first)) {
    const rest: string[] = [];
    for (const line of lines.slice(start + 1)) {
      if (INTAKE_LINE.test(line.trim())) break;
      rest.push(line);
      if (closes(line.trim())) {
        block.push(...rest);
        break;
      }
    }
  }
  let text = block.join("\n").trim().replace(LATE_TAIL, "");
  const letter = LETTER_TAIL.exec(text)?.[1] ?? "";
  if (letter) text = text.replace(LETTER_TAIL, "").trim();
  const cls = CLASS_START.exec(text);
  return {
    replyClass: cls?.[1] ?? "",
    content: (cls ? text.slice(cls[0].length) : text).trim(),
    letter,
    line: start,
  };
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
