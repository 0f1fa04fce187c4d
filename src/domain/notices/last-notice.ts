import type { NoticeType } from "../../../sheets-schema/enums";

/** A notice that went out, as 最近通知 needs it. */
export interface SentNotice {
  readonly suggestionId: string;
  readonly type: NoticeType;
  readonly recipient: string;
  /** Local date it was sent. */
  readonly sentOn: string;
  /** Instant it was sent (ISO), to order notices of one day. */
  readonly sentAt: string;
}

/**
 * 最近通知 per 编号, e.g. `2026-03-02 到期提醒 → 区教育局`: the latest notice sent, with every
 * recipient of that type on that day (a 交办通知 reaches the lead unit and the co-units together).
 * Recomputed from the whole outbox, so it never depends on the order deliveries finished in.
 */
export function lastNoticeTexts(sent: readonly SentNotice[]): Map<string, string> {
  const latest = new Map<string, SentNotice>();
  for (const notice of sent) {
    const current = latest.get(notice.suggestionId);
    if (!current || notice.sentAt > current.sentAt) latest.set(notice.suggestionId, notice);
  }
  const texts = new Map<string, string>();
  for (const [id, last] of latest) {
    const names: string[] = [];
    for (const notice of sent) {
      if (notice.suggestionId !== id || notice.type !== last.type || notice.sentOn !== last.sentOn) continue;
      if (!names.includes(notice.recipient)) names.push(notice.recipient);
    }
    texts.set(id, `${last.sentOn} ${last.type} → ${names.join("、")}`);
  }
  return texts;
}
