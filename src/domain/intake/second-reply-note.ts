import { LATE_REPLY } from "./late-reply";

/**
 * The 备注 line of a round-2 reply, written by intake and read back by the pages that show the reply
 * (src/domain/links/reply-rounds.ts): ledger.md has no column for round 2's text or 答复函, so the
 * line is their only record, and its format lives here, one module for both ends, as the rating
 * comment's does (rating-comment.ts).
 * `二次答复（区教育局 · 2026-11-30 10:00:05）类别 B：内容；答复函 地址；经个人链接于 … 提交（…）`: the sender as
 * round 1's lines name it, and when it was sent. Builds before 12-06 wrote the submission id in the
 * （）(`二次答复（link-c168f5f4-…）`); both read back alike.
 */

/** The start of the 备注 line of a round-2 reply, followed by the sender and `）`. */
const SECOND_REPLY_NOTE = "二次答复";

/** Lines intake adds to 备注 on its own (each opens with its name and the sender in （）). */
const INTAKE_LINE = /^(?:二次答复|答复|测评意见|测评附言|答复附言|答复函)（/;
/**
 * Marks that end a sentence: a part of the note after one follows it directly (`…完成。答复函 地址`),
 * not after a `；` of its own (`…完成。；答复函`).
 */
const SENTENCE_END = "。！？；…!?";
/** Where a part of the note may start after its text: the note's start, its `；`, or a sentence's end. */
const PART_START = `(?:^|；|(?<=[${SENTENCE_END}]))`;
/** What may end a round-2 note after its text: `；答复函 地址`, then intake's word of a late reply. */
const LETTER_TAIL = new RegExp(`${PART_START}答复函 (https?:\\/\\/[^\\s；]+)$`);
const LATE_TAIL = new RegExp(`${PART_START}${LATE_REPLY.source}$`);
const CLASS_START = /^类别 ([A-D])(?:：|$)/;

/** Whether a line ends a round-2 note as only intake ends one: with its 答复函, or its late word. */
function closes(line: string): boolean {
  return LATE_TAIL.test(line) || LETTER_TAIL.test(line);
}

/**
 * The （…） of a round-2 line: who sent it (a link's unit, or a form's `提交号 …`) and when. The time
 * is not for show alone: intake skips a 备注 line the cell already holds (a retry's), so each
 * submission's line must differ, or a unit correcting its reply back to an earlier text would be
 * left reading the correction in between.
 */
export function secondReplySender(sender: string, sentAt: string): string {
  return `${sender} · ${sentAt}`;
}

/**
 * Where the （…） opened at `open` closes: the matching `）`, a sender's own （） (`区委办（区档案局）`)
 * inside it skipped; -1 when it does not close.
 */
function closingAt(line: string, open: number): number {
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    const ch = line[i];
    if (ch === "（") depth++;
    else if (ch === "）" && --depth === 0) return i;
  }
  return -1;
}

/** The line intake adds to 备注 for a round-2 reply; null when the reply brings nothing to say. */
export function secondReplyLine(reply: {
  /** secondReplySender's words: who sent the reply and when. */
  readonly sender: string;
  readonly replyClass?: unknown;
  readonly content?: unknown;
  readonly letter?: unknown;
  /** lateReplyNote's words (late-reply.ts), when the reply came late by link or form. */
  readonly late?: string | null;
}): string | null {
  const said = [
    reply.replyClass ? `类别 ${reply.replyClass}` : "",
    reply.content ? String(reply.content) : "",
  ]
    .filter(Boolean)
    .join("：");
  const text = [said, reply.letter ? `答复函 ${reply.letter}` : "", reply.late ?? ""]
    .filter(Boolean)
    .reduce(
      (line, part) =>
        line === "" || SENTENCE_END.includes(line.at(-1) ?? "") ? line + part : `${line}；${part}`,
      "",
    );
  return text ? `${SECOND_REPLY_NOTE}（${reply.sender}）${text}` : null;
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
  const close = closingAt(first, SECOND_REPLY_NOTE.length);
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
