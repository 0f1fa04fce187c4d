/**
 * A unit may date a reply by its letter, earlier than the day it sent it on its personal link. The
 * reply is taken as dated (not refused), but when it was sent after the round's 办理期限 the ledger
 * would read it as on time with nothing to tell staff otherwise: 备注 then says when it really came.
 * `sentOn` is the day the Worker received it, `repliedOn` its 答复日期, `dueOn` the round's 办理期限
 * (ISO dates; null when unknown, and then nothing is claimed).
 */
export function lateLinkReplyNote(
  sentOn: string,
  repliedOn: string | null,
  dueOn: string | null,
): string | null {
  if (repliedOn === null || dueOn === null) return null;
  if (sentOn <= dueOn || repliedOn >= sentOn) return null;
  return `经个人链接于 ${sentOn} 提交（晚于办理期限 ${dueOn}）`;
}

/** lateLinkReplyNote's words as a pattern, for readers of the 备注 lines that carry them. */
export const LATE_LINK_REPLY = /经个人链接于 \d{4}-\d{2}-\d{2} 提交（晚于办理期限 \d{4}-\d{2}-\d{2}）/;
