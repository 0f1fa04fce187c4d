/**
 * A unit may date a reply by its letter, earlier than the day it sent it, on its personal link or on
 * the office's form alike. The reply is taken as dated (not refused), but when it was sent after the
 * round's 办理期限 the ledger would read it as on time with nothing to tell staff otherwise: 备注 then
 * says when and how it really came. The words are written here and read back by LATE_REPLY.
 */

import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import { inSecondRound } from "../status";

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

/**
 * A suggestion's 办理期限 as the last sync computed them from its 交办日期, the calendar and any
 * approved 延期申请 (what it wrote into the 办理期限 cells). Intake judges a reply late by these, not
 * by the cell as read: staff may have cleared or typed over it, and the next sync rewrites it.
 */
export interface StoredDues {
  /** Round 1's; null when the rules gave none (not 立案, no 交办日期). */
  readonly first: string | null;
  /** Round 2's; undefined when the last sync did not see round 2 open (it has not computed one). */
  readonly second?: string | null;
}

/** What storedDues reads of a row as the last sync evaluated it (a SummaryRow loaded from D1). */
export interface EvaluatedDues {
  readonly id: string | null;
  readonly record: Pick<LedgerRecord, "reassignedOn" | "repliedOn" | "rating">;
  readonly computed: { readonly dueDate: string };
  readonly firstDeadline: { readonly due: string } | null;
}

/**
 * Each suggestion's StoredDues by 编号. A 编号 the last sync found on more than one row is left out
 * (which row's would be a guess): intake then reads its 办理期限 cell, as it does for a row no sync
 * has evaluated yet.
 */
export function storedDues(rows: readonly EvaluatedDues[]): Map<string, StoredDues> {
  const dues = new Map<string, StoredDues>();
  const twice = new Set<string>();
  for (const row of rows) {
    if (!row.id) continue;
    if (dues.has(row.id)) twice.add(row.id);
    // The round the sync's status spoke of: 办理期限 then held round 2's due date.
    const second = inSecondRound(row.record) ? row.computed.dueDate || null : undefined;
    dues.set(row.id, { first: row.firstDeadline?.due ?? null, ...(second === undefined ? {} : { second }) });
  }
  for (const id of twice) dues.delete(id);
  return dues;
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
