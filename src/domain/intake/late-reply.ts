/**
 * A unit may date a reply by its letter, earlier than the day it sent it, on its personal link or on
 * the office's form alike. The reply is taken as dated (not refused), but when it was sent after the
 * round's 办理期限 the ledger would read it as on time with nothing to tell staff otherwise: 备注 then
 * says when and how it really came. The words are written here and read back by LATE_REPLY.
 */

/** How a reply came: a unit's personal link, or a form webhook (a unit's 问卷/表单). */
export type ReplyChannel = "link" | "form";

const CHANNEL_WORDS: Record<ReplyChannel, string> = { link: "个人链接", form: "表单" };

/**
 * What 备注 says of a reply sent after 办理期限 though dated earlier, or null. `sentOn` is the day it
 * was submitted, `repliedOn` its 答复日期, `dueOn` the round's 办理期限 (ISO dates; null when unknown,
 * and then nothing is claimed).
 */
export function lateReplyNote(
  sentOn: string,
  repliedOn: string | null,
  dueOn: string | null,
  channel: ReplyChannel,
): string | null {
  if (repliedOn === null || dueOn === null) return null;
  if (sentOn <= dueOn || repliedOn >= sentOn) return null;
  return `经${CHANNEL_WORDS[channel]}于 ${sentOn} 提交（晚于办理期限 ${dueOn}）`;
}

/** lateReplyNote's words as a pattern (the day sent and 办理期限 captured), for readers of 备注. */
export const LATE_REPLY = new RegExp(
  `经(?:${Object.values(CHANNEL_WORDS).join("|")})于 (\\d{4}-\\d{2}-\\d{2}) 提交（晚于办理期限 (\\d{4}-\\d{2}-\\d{2})）`,
);

/** The words of a late reply in a 备注 line, the day they say it was sent and its 办理期限; null if none. */
export function lateReplyDays(line: string): { words: string; sentOn: string; dueOn: string } | null {
  const match = LATE_REPLY.exec(line);
  return match ? { words: match[0], sentOn: match[1] as string, dueOn: match[2] as string } : null;
}
