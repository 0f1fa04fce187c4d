import { createDingtalkChannel } from "./dingtalk";
import { createEmailChannel, type EmailSender } from "./email";
import { createFeishuChannel } from "./feishu";
import type { FetchLike } from "./http-post";
import type { ChannelSet } from "./types";
import { createWebhookChannel } from "./webhook";
import { createWecomChannel } from "./wecom";

export interface ChannelOptions {
  readonly fetch: FetchLike;
  readonly now: () => number;
  readonly email: EmailSender | null;
  readonly emailFrom: string | null;
  /** Display name of the sender in e-mails (NOTICE_EMAIL_FROM_NAME); unset, DEFAULT_SENDER_NAME. */
  readonly emailFromName?: string;
  /** Reply-To of notice e-mails (NOTICE_EMAIL_REPLY_TO), checked by the e-mail channel. */
  readonly emailReplyTo?: string | null;
  /** Signs generic webhooks whose 机器人地址 carries no `#secret`. */
  readonly webhookSecret: string | null;
}

export const DEFAULT_SENDER_NAME = "代表建议办理";

/** One channel of each kind, sharing the HTTP client and the clock. */
export function createChannels(options: ChannelOptions): ChannelSet {
  return {
    wecom: createWecomChannel(options.fetch),
    dingtalk: createDingtalkChannel(options.fetch, options.now),
    feishu: createFeishuChannel(options.fetch, options.now),
    webhook: createWebhookChannel(options.fetch, options.now, options.webhookSecret),
    email: createEmailChannel({
      sender: options.email,
      from: options.emailFrom,
      fromName: options.emailFromName?.trim() || DEFAULT_SENDER_NAME,
      replyTo: options.emailReplyTo ?? null,
      now: options.now,
    }),
  };
}
