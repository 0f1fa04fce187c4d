import type { Channel } from "../../../sheets-schema/enums";
import { type DeliveryResult, failed, type OutgoingNotice } from "../../channels/types";
import type { ClaimResult, StoredNotice } from "../../store/outbox";
import type { NoticeDeps } from "./notice-deps";

export type DeliverOutcome =
  | { kind: "sent" }
  | { kind: "failed"; error: string }
  | {
      kind: "retry";
      delaySeconds: number;
      error: string;
      /** Where the attempt went: a group robot's retry takes the robot's next free slot (consume.ts). */
      route?: { channel: Channel; address: string };
    }
  | { kind: "skipped"; reason: string };

/** How long one consumer holds a notice: longer than a send with its timeout. */
const CLAIM_TTL_MS = 60_000;

/**
 * Backoff between attempts: 1, 2, 4, 8 minutes, then every 15. Robots limit a sender to about 20
 * messages a minute, so the first retry waits a full minute.
 */
export function noticeRetryDelaySeconds(attempts: number): number {
  return Math.min(900, 60 * 2 ** Math.max(0, attempts - 1));
}

function outgoing(notice: StoredNotice): OutgoingNotice {
  return {
    id: notice.id,
    key: notice.key,
    plannedAt: notice.plannedAt,
    type: notice.type,
    suggestionId: notice.suggestionId,
    recipient: notice.recipient,
    address: notice.address,
    title: notice.title,
    body: notice.body,
  };
}

/**
 * Claims a batch's notices in one go (so a duplicate message cannot send one twice), for as long as
 * sending them one after another may take.
 */
export function claimBatch(
  deps: Pick<NoticeDeps, "noticeOutbox">,
  ids: readonly number[],
  now: () => number = Date.now,
): Promise<Map<number, ClaimResult>> {
  return deps.noticeOutbox.claim(ids, now(), CLAIM_TTL_MS * Math.max(1, ids.length));
}

/**
 * One delivery attempt of one outbox row, as claimed (claimBatch): send it over its channel, log
 * the attempt and its outcome. A notice already 已发送 or 失败 is not sent again.
 */
export async function deliverNotice(
  deps: Pick<NoticeDeps, "noticeOutbox" | "channels">,
  claim: ClaimResult | undefined,
  attempts: number,
  now: () => number = Date.now,
): Promise<DeliverOutcome> {
  if (!claim || claim.kind === "missing") return { kind: "skipped", reason: "outbox row not found" };
  if (claim.kind === "finished") return { kind: "skipped", reason: `already ${claim.status}` };
  // Held by another delivery (or by one that died: its claim covers its whole batch): try again when
  // the claim ends, not before, so retries are not spent (and the message dead-lettered) meanwhile.
  if (claim.kind === "busy")
    return {
      kind: "retry",
      delaySeconds: Math.max(CLAIM_TTL_MS / 1000, Math.ceil((claim.until - now()) / 1000)),
      error: "another delivery holds this notice",
    };
  const notice = claim.notice;
  let result: DeliveryResult;
  try {
    result = await deps.channels[notice.channel].send(outgoing(notice));
  } catch (error) {
    // Channels return failures as values; anything thrown is unexpected and worth another try.
    result = failed(true, error instanceof Error ? error.message : String(error));
  }
  await deps.noticeOutbox.recordAttempt(notice.id, new Date(now()).toISOString(), result);
  if (result.ok) return { kind: "sent" };
  if (!result.retryable) return { kind: "failed", error: result.error };
  // A robot's own wait (钉钉's 10-minute ban after a burst) is waited out in full.
  const delaySeconds = Math.max(noticeRetryDelaySeconds(attempts), Math.ceil(result.retryAfterSeconds ?? 0));
  return {
    kind: "retry",
    delaySeconds,
    error: result.error,
    route: { channel: notice.channel, address: notice.address },
  };
}
