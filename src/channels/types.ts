import type { Channel, NoticeType } from "../../sheets-schema/enums";

/** One rendered notice on its way to one address. */
export interface OutgoingNotice {
  /** The outbox row id: stable across retries (e-mail Message-ID, webhook Idempotency-Key). */
  readonly id: number;
  readonly key: string;
  readonly type: NoticeType;
  readonly suggestionId: string | null;
  readonly recipient: string;
  /** E-mail address, or the bot/webhook URL as written in 机器人地址 (a `#secret` suffix included). */
  readonly address: string;
  readonly title: string;
  readonly body: string;
}

/**
 * What one delivery attempt came to. `retryable` failures (network, 429, 5xx, a robot's own rate
 * limit) are tried again with backoff; permanent ones (bad address, bad signature) are not.
 */
export type DeliveryResult =
  | { readonly ok: true; readonly status: number | null }
  | {
      readonly ok: false;
      readonly retryable: boolean;
      readonly error: string;
      readonly status: number | null;
      /** A wait the receiver asked for (Retry-After), in seconds. */
      readonly retryAfterSeconds?: number;
    };

/** One way of sending notices: 企业微信, 钉钉, 飞书, a webhook or e-mail. */
export interface NoticeChannel {
  send(notice: OutgoingNotice): Promise<DeliveryResult>;
}

export type ChannelSet = Readonly<Record<Channel, NoticeChannel>>;

export const delivered = (status: number | null): DeliveryResult => ({ ok: true, status });

export const failed = (
  retryable: boolean,
  error: string,
  status: number | null = null,
  retryAfterSeconds?: number,
): DeliveryResult => ({ ok: false, retryable, error, status, retryAfterSeconds });
