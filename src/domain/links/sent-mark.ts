import type { LinkKind } from "./capability";
import { AWAITING_REPLY } from "./row-actions";

/**
 * What a link's lists and a suggestion's header say instead of the ledger's status while the
 * recipient's own answer is on its way: the unit's reply, the lead deputy's rating, sent through
 * the link and not in the ledger as of the last sync (row-actions' awaitingSync). Until that sync the
 * row still says 即将到期 or 待测评, which the recipient has just done something about; the
 * suggestion's page already says so below (its reply card, its 已提交), and the list must agree.
 */
export interface SentMark {
  /** In place of the status badge: 已提交答复, 已提交测评. */
  readonly badge: string;
  /** In place of 剩 … 天: who sent what, and how far it got (writeState). */
  readonly text: string;
}

/** The submission as the page tells it: its day, and how far it got (writeState). */
export interface SentNow {
  readonly on: string;
  readonly state: string;
}

/**
 * The mark of a suggestion whose row has `status`, given the recipient's answer of this round not in
 * the ledger yet (`sent`, null when none): a unit's reply while one is awaited (a correction of a
 * reply on record changes nothing the list says), a deputy's rating while the reply awaits it.
 */
export function sentMark(kind: LinkKind, status: string, sent: SentNow | null): SentMark | null {
  if (!sent) return null;
  if (kind === "unit" && AWAITING_REPLY.has(status)) {
    const on = sent.on ? `（答复日期 ${sent.on}）` : "";
    return { badge: "已提交答复", text: `本单位已提交答复${on}，${sent.state}` };
  }
  if (kind === "deputy" && status === "待测评")
    return { badge: "已提交测评", text: `您已于 ${sent.on} 提交测评，${sent.state}` };
  return null;
}
