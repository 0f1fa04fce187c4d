import type { Channel } from "../../../sheets-schema/enums";
import { type DeliveryResult, failed, type OutgoingNotice } from "../../channels/types";
import { joinNoticeTexts } from "../../domain/notices/robot-bundles";
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

/**
 * What a message's claimed notices go as: one notice as itself; a robot's bundle as one notice of
 * the first one's key and address, its text the notices' joined (joinNoticeTexts), naming every
 * unit a shared robot's bundle is for where a failure says whose address to check.
 */
function outgoingMessage(notices: readonly [StoredNotice, ...StoredNotice[]]): OutgoingNotice {
  const [first] = notices;
  const { title, body } = joinNoticeTexts(notices);
  return {
    id: first.id,
    key: first.key,
    plannedAt: first.plannedAt,
    type: first.type,
    suggestionId: notices.length === 1 ? first.suggestionId : null,
    recipient: [...new Set(notices.map((n) => n.recipient))].join("、"),
    address: first.address,
    title,
    body,
  };
}

/**
 * Claims a batch's notices in one go (so a duplicate message cannot send one twice), for as long as
 * sending its messages one after another may take (`sends`: a bundle is one send, however many
 * notices it carries).
 */
export function claimBatch(
  deps: Pick<NoticeDeps, "noticeOutbox">,
  ids: readonly number[],
  now: () => number = Date.now,
  sends: number = ids.length,
): Promise<Map<number, ClaimResult>> {
  return deps.noticeOutbox.claim(ids, now(), CLAIM_TTL_MS * Math.max(1, sends));
}

/** What one queue message's delivery came to, its notices counted. */
export interface MessageOutcome {
  /** Notices sent, and failed for good, by this message's one send. */
  readonly sent: number;
  readonly failed: number;
  /** The last failure's error (a permanent one, or the one retried). */
  readonly error?: string;
  /** Why nothing of the message was sent or failed (missing, already finished), when so. */
  readonly skipped?: string;
  /** The message must come again: its send may succeed later, or a notice was held by another delivery. */
  readonly retry?: Extract<DeliverOutcome, { kind: "retry" }>;
}

/**
 * One delivery attempt of a queue message's notices, as claimed (claimBatch): those claimed go in
 * one send over their channel (several as one robot message, joinNoticeTexts), each then recording
 * the attempt and its outcome (two D1 statements, however many). A notice already 已发送 or 失败 is
 * not sent again; one held by another delivery makes the message come again when that claim ends,
 * and is sent then. A notice staff moved to a corrected address since it was bundled (readdressWaiting)
 * goes to that address, in a send of its own.
 */
export async function deliverMessage(
  deps: Pick<NoticeDeps, "noticeOutbox" | "channels">,
  claims: readonly (ClaimResult | undefined)[],
  attempts: number,
  now: () => number = Date.now,
): Promise<MessageOutcome> {
  const ready = claims.flatMap((c) => (c?.kind === "claimed" ? [c.notice] : []));
  // Held by another delivery (or by one that died: its claim covers its whole batch): try again when
  // the claim ends, not before, so retries are not spent (and the message dead-lettered) meanwhile.
  const busyUntil = Math.max(0, ...claims.map((c) => (c?.kind === "busy" ? c.until : 0)));
  let retry: MessageOutcome["retry"] =
    busyUntil > 0
      ? {
          kind: "retry",
          delaySeconds: Math.max(CLAIM_TTL_MS / 1000, Math.ceil((busyUntil - now()) / 1000)),
          error: "another delivery holds this notice",
        }
      : undefined;
  if (ready.length === 0) {
    if (retry) return { sent: 0, failed: 0, retry };
    const finished = claims.find((c) => c?.kind === "finished");
    return {
      sent: 0,
      failed: 0,
      skipped: finished?.kind === "finished" ? `already ${finished.status}` : "outbox row not found",
    };
  }
  let sent = 0;
  let failedCount = 0;
  let error: string | undefined;
  for (const group of byRoute(ready)) {
    const result = await sendTogether(deps, group, now);
    if (result.ok) sent += group.length;
    else if (!result.retryable) {
      failedCount += group.length;
      error = result.error;
    } else {
      error = result.error;
      // A robot's own wait (钉钉's 10-minute ban after a burst) is waited out in full.
      const delaySeconds = Math.max(
        noticeRetryDelaySeconds(attempts),
        Math.ceil(result.retryAfterSeconds ?? 0),
        retry?.delaySeconds ?? 0,
      );
      const [first] = group;
      retry = {
        kind: "retry",
        delaySeconds,
        error: result.error,
        ...(first ? { route: { channel: first.channel, address: first.address } } : {}),
      };
    }
  }
  return {
    sent,
    failed: failedCount,
    ...(error === undefined ? {} : { error }),
    ...(retry ? { retry } : {}),
  };
}

/** The notices in groups of one channel and address, in their order. */
function byRoute(notices: readonly StoredNotice[]): [StoredNotice, ...StoredNotice[]][] {
  const groups = new Map<string, [StoredNotice, ...StoredNotice[]]>();
  for (const notice of notices) {
    const route = `${notice.channel} ${notice.address}`;
    const group = groups.get(route);
    if (group) group.push(notice);
    else groups.set(route, [notice]);
  }
  return [...groups.values()];
}

/** One send of notices to one address, each then recording the attempt (two D1 statements). */
async function sendTogether(
  deps: Pick<NoticeDeps, "noticeOutbox" | "channels">,
  notices: readonly [StoredNotice, ...StoredNotice[]],
  now: () => number,
): Promise<DeliveryResult> {
  let result: DeliveryResult;
  try {
    result = await deps.channels[notices[0].channel].send(outgoingMessage(notices));
  } catch (error) {
    // Channels return failures as values; anything thrown is unexpected and worth another try.
    result = failed(true, error instanceof Error ? error.message : String(error));
  }
  await deps.noticeOutbox.recordAttempts(
    notices.map((n) => n.id),
    new Date(now()).toISOString(),
    result,
  );
  return result;
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
  const outcome = await deliverMessage(deps, [claim], attempts, now);
  if (outcome.retry) return outcome.retry;
  if (outcome.sent > 0) return { kind: "sent" };
  if (outcome.failed > 0) return { kind: "failed", error: outcome.error ?? "" };
  return { kind: "skipped", reason: outcome.skipped ?? "" };
}
