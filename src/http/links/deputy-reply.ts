import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import { replyChangedMessage, replyFingerprint } from "../../domain/links/reply-fingerprint";
import {
  holdsReply,
  type ReplyRecord,
  replyRounds,
  type SentReply,
  sentReplyOf,
  withCorrection,
} from "../../domain/links/reply-rounds";
import { awaitingSync } from "../../domain/links/row-actions";
import { localDateTime } from "../../jobs/local-time";
import type { LinkContext } from "./link-context";

/** The unit's correction of the reply the deputy rates, not in the last sync's ledger yet. */
export interface PendingCorrection {
  readonly reply: SentReply;
  /** When it came in, local "YYYY-MM-DD HH:mm". */
  readonly at: string;
}

/** The reply a deputy's page shows and rates: a pending correction over it, and its fingerprint. */
export interface ReplyAsItStands {
  readonly correction: PendingCorrection | null;
  readonly fingerprint: string;
}

/**
 * The reply of the current round as it stands for the deputy: the row's, or the unit's correction
 * of it that the last sync has not written (its newest reply about the suggestion, awaitingSync: as
 * the unit's own page shows it), with the fingerprint the rating form carries (replyFingerprint).
 * One indexed D1 read (the correction check of the unit's page costs the same), and only while the
 * row, rated by nobody yet, holds a reply to correct: a first reply still reaches the deputy with the
 * sync and its 答复告知.
 */
export async function replyAsItStands(
  ctx: Pick<LinkContext, "deps" | "timeZone" | "view">,
  row: { readonly id: string | null; readonly computed: { readonly status: string } },
  record: Partial<ReplyRecord> & Pick<LedgerRecord, "repliedOn">,
): Promise<ReplyAsItStands> {
  const rounds = replyRounds(record);
  const ratable = row.computed.status === "待测评" && holdsReply(rounds[0]) && !!row.id;
  const entry = ratable && row.id ? await ctx.deps.inbox.latestAbout("reply", row.id) : null;
  const recorded = replyFingerprint(rounds[0]);
  if (!entry || !awaitingSync(entry, ctx.view.syncedAt)) return { correction: null, fingerprint: recorded };
  const correction = {
    reply: sentReplyOf(entry),
    at: localDateTime(Date.parse(entry.receivedAt), ctx.timeZone),
  };
  const fingerprint = replyFingerprint(withCorrection(rounds, correction.reply, correction.at)[0]);
  // The reply the row holds, written after the sync's stamp (while that sync ran): nothing to correct.
  return fingerprint === recorded ? { correction: null, fingerprint } : { correction, fingerprint };
}

/**
 * Why a rating posted against the reply fingerprinted `posted` is not taken, or null: the reply has
 * changed since the page showed it (said with when the unit corrected it, when the page knows). A
 * form without a fingerprint came from a page an earlier build served: it is judged by the one
 * change such a page could not have shown, a correction the sync has not written (one that changes
 * nothing is none: replyAsItStands drops it).
 */
export function ratedAnotherReply(stands: ReplyAsItStands, posted: string): string | null {
  if (posted ? posted === stands.fingerprint : !stands.correction) return null;
  return replyChangedMessage(stands.correction?.at ?? null);
}
