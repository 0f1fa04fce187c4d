import { signBody } from "../intake/signature";
import { addressPlace } from "./failure-hints";
import { type FetchLike, isReply, post, statusFailure } from "./http-post";
import { webhookIdempotencyKey } from "./notice-id";
import { parseRobotAddress } from "./robot-address";
import { delivered, type NoticeChannel } from "./types";

/** The JSON a generic webhook receives. */
export interface WebhookPayload {
  /** The same value as the Idempotency-Key header: hex SHA-256 of `noticeKey`. */
  readonly idempotencyKey: string;
  /** The notice's readable key, `type|编号|r<round>|<occurrence>|<recipient>|webhook`. */
  readonly noticeKey: string;
  readonly type: string;
  readonly suggestionId: string | null;
  readonly recipient: string;
  readonly title: string;
  readonly body: string;
}

/**
 * What staff read beside a notice that went out unsigned (/notices): the receiver cannot tell it
 * from anyone's POST. Said on the attempt, not in the sync, so it costs no per-row work.
 */
export const UNSIGNED_NOTE =
  "通用 webhook 未签名：接收方无法核实来源，请在地址后加 #密钥 或设置 NOTICE_WEBHOOK_SECRET";

/**
 * A generic JSON webhook, signed exactly like the intake hooks: HMAC-SHA256 over
 * `timestamp + "." + body`, `X-Jianyi-Signature: sha256=<hex>` and `X-Jianyi-Timestamp` (Unix
 * seconds). The secret follows `#` in 机器人地址, else NOTICE_WEBHOOK_SECRET; with neither the
 * request goes unsigned, and the attempt says so. `Idempotency-Key` (also `idempotencyKey` in the
 * body) is derived from the notice's outbox key, so every retry of a notice, and the same notice
 * planned on a new database, carries the same value: the receiver drops what it already has.
 */
export function createWebhookChannel(
  fetchFn: FetchLike,
  now: () => number,
  defaultSecret: string | null,
): NoticeChannel {
  return {
    async send(notice) {
      const { url, secret } = parseRobotAddress(notice.address);
      const idempotencyKey = await webhookIdempotencyKey(notice.key);
      const payload: WebhookPayload = {
        idempotencyKey,
        noticeKey: notice.key,
        type: notice.type,
        suggestionId: notice.suggestionId,
        recipient: notice.recipient,
        title: notice.title,
        body: notice.body,
      };
      const body = JSON.stringify(payload);
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "idempotency-key": idempotencyKey,
      };
      const key = secret ?? defaultSecret;
      if (key) {
        const timestamp = String(Math.floor(now() / 1000));
        headers["x-jianyi-timestamp"] = timestamp;
        headers["x-jianyi-signature"] = await signBody(key, timestamp, body);
      }
      const reply = await post(fetchFn, url, body, headers);
      if (!isReply(reply)) return reply;
      return (
        statusFailure(reply, addressPlace(notice)) ?? delivered(reply.status, key ? undefined : UNSIGNED_NOTE)
      );
    },
  };
}
