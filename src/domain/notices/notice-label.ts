import { channelName } from "../../../sheets-schema/enums";

/** What of a notice staff see on /notices: whom, which suggestion, which notice, which channel. */
export interface LabelledNotice {
  /** As shown: a 周报接收人's robot address masked by the caller. */
  readonly recipient: string;
  readonly suggestionId: string | null;
  readonly type: string;
  readonly channel: string;
}

/**
 * A notice named as staff know it from the list, e.g. `区自然资源局 2026-132 交办通知（钉钉）`: the
 * outbox's row id is shown nowhere, so an answer saying “第 31 条通知” names nothing staff can find.
 */
export function noticeLabel(notice: LabelledNotice): string {
  const id = notice.suggestionId ? ` ${notice.suggestionId}` : "";
  return `${notice.recipient}${id} ${notice.type}（${channelName(notice.channel)}）`;
}
