import { signBody } from "../intake/signature";
import { addressPlace } from "./failure-hints";
import { type FetchLike, isReply, post, statusFailure } from "./http-post";
import { parseRobotAddress } from "./robot-address";
import { delivered, type NoticeChannel } from "./types";

/** The JSON a generic webhook receives. */
export interface WebhookPayload {
  readonly idempotencyKey: string;
  readonly type: string;
  readonly suggestionId: string | null;
  readonly recipient: string;
  readonly title: string;
  readonly body: string;
}

/**
 * A generic JSON webhook, signed exactly like the intake hooks: HMAC-SHA256 over
 * `timestamp + "." + body`, `X-Jianyi-Signature: sha256=<hex>` and `X-Jianyi-Timestamp` (Unix
 * seconds). The secret follows `#` in 机器人地址, else NOTICE_WEBHOOK_SECRET; with neither the
 * request goes unsigned. `Idempotency-Key` lets the receiver drop a retried duplicate.
 */
export function createWebhookChannel(
  fetchFn: FetchLike,
  now: () => number,
  defaultSecret: string | null,
): NoticeChannel {
  return {
    async send(notice) {
      const { url, secret } = parseRobotAddress(notice.address);
      const payload: WebhookPayload = {
        idempotencyKey: notice.key,
        type: notice.type,
        suggestionId: notice.suggestionId,
        recipient: notice.recipient,
        title: notice.title,
        body: notice.body,
      };
      const body = JSON.stringify(payload);
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "idempotency-key": `notice-${notice.id}`,
      };
      const key = secret ?? defaultSecret;
      if (key) {
        const timestamp = String(Math.floor(now() / 1000));
        headers["x-jianyi-timestamp"] = timestamp;
        headers["x-jianyi-signature"] = await signBody(key, timestamp, body);
      }
      const reply = await post(fetchFn, url, body, headers);
      if (!isReply(reply)) return reply;
      return statusFailure(reply, addressPlace(notice)) ?? delivered(reply.status);
    },
  };
}
