import type { Channel, NoticeType } from "../../../sheets-schema/enums";
import { nameKey } from "../directory";

/** What makes a notice the same notice: sent once per these parts (and channel). */
export interface NoticeKeyParts {
  readonly type: NoticeType;
  /** 编号; null for the weekly digest. */
  readonly suggestionId: string | null;
  readonly round: number;
  /** Offset (`d7`), interval number (`n2`), assignment date, week (`w2026-03-02`) or `-`. */
  readonly occurrence: string;
  /** Unit or deputy name, or a digest address. */
  readonly recipient: string;
}

const SEPARATOR = "|";

function part(text: string): string {
  // A name never holds "|" in practice; replacing it keeps the key splittable whatever staff type.
  return text.replaceAll(SEPARATOR, "/");
}

/**
 * The notice's identity without the channel: `type|编号|r<round>|<occurrence>|<recipient>`. A
 * recipient counts as notified once any channel's notice with this base is in the outbox, sent or
 * still to be sent, so a changed 通知渠道 never sends the same reminder again; one that failed for
 * good (失败) does not count, so a working channel sends it (planNotices).
 */
export function noticeBaseKey(parts: NoticeKeyParts): string {
  return [
    parts.type,
    parts.suggestionId ?? "",
    `r${parts.round}`,
    part(parts.occurrence),
    part(nameKey(parts.recipient)),
  ].join(SEPARATOR);
}

/** The outbox's unique idempotency key: the base key plus the channel. */
export function noticeKey(parts: NoticeKeyParts, channel: Channel): string {
  return `${noticeBaseKey(parts)}${SEPARATOR}${channel}`;
}

/**
 * The earlier assignment dates this recipient was sent a 交办通知 for, by `type|编号|r<round>|recipient`
 * (base keys of the outbox): a 交办通知 for another date is then a correction of that one.
 */
export function assignmentsNotified(baseKeys: Iterable<string>): Map<string, string[]> {
  const byNotice = new Map<string, string[]>();
  for (const base of baseKeys) {
    const [type, id, round, occurrence, recipient] = base.split(SEPARATOR);
    if (type !== "交办通知" || !occurrence || recipient === undefined) continue;
    const key = [type, id, round, recipient].join(SEPARATOR);
    byNotice.set(key, [...(byNotice.get(key) ?? []), occurrence]);
  }
  return byNotice;
}

/** The key assignmentsNotified files a notice under. */
export function assignmentKey(parts: NoticeKeyParts): string {
  return [parts.type, parts.suggestionId ?? "", `r${parts.round}`, part(nameKey(parts.recipient))].join(
    SEPARATOR,
  );
}

/** The base key of a stored idempotency key. */
export function baseKeyOf(key: string): string {
  const last = key.lastIndexOf(SEPARATOR);
  return last < 0 ? key : key.slice(0, last);
}
