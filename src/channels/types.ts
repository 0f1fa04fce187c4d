import type { Channel, NoticeType } from "../../sheets-schema/enums";

/** One rendered notice on its way to one address. */
export interface OutgoingNotice {
  /** The outbox row id (numbered afresh on a new database: no id a receiver keeps). */
  readonly id: number;
  /** The outbox key: the same on every retry and every database (webhook Idempotency-Key, Message-ID). */
  readonly key: string;
  /** When the notice was planned (ISO): with the key, it tells this sending from one on another database. */
  readonly plannedAt: string;
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
  | {
      readonly ok: true;
      readonly status: number | null;
      /** Something staff should know of a notice that went (an unsigned webhook): shown as its note. */
      readonly note?: string;
    }
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

export const delivered = (status: number | null, note?: string): DeliveryResult =>
  note ? { ok: true, status, note } : { ok: true, status };

export const failed = (
  retryable: boolean,
  error: string,
  status: number | null = null,
  retryAfterSeconds?: number,
): DeliveryResult => ({ ok: false, retryable, error, status, retryAfterSeconds });
