import { buildMime } from "./mime";
import { emailMessageIdLocalPart } from "./notice-id";
import { delivered, failed, type NoticeChannel, type OutgoingNotice } from "./types";

/** Hands a finished MIME message to something that sends it (the send_email binding, or the local sink). */
export interface EmailSender {
  send(from: string, to: string, raw: string): Promise<void>;
}

export interface EmailChannelOptions {
  readonly sender: EmailSender | null;
  /** The sending address (NOTICE_EMAIL_FROM), on a domain with Cloudflare Email Routing. */
  readonly from: string | null;
  readonly fromName: string;
  /**
   * NOTICE_EMAIL_REPLY_TO as set, checked here: the Worker reads no mail, so a unit's reply (收到,
   * an objection to a 交办通知) must go to a mailbox staff read. Null: replies go to `from`.
   */
  readonly replyTo?: string | null;
  readonly now: () => number;
}

/**
 * An address fit to stand in a header as it is: ASCII, one `@`, a dotted domain, nothing that could
 * end the header or start another address. Wider forms (quoted local parts, IDN) are not needed for
 * an office mailbox and would need encoding.
 */
const PLAIN_ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** Why a configured address cannot be used, in Chinese, or null when it can. */
export function emailAddressProblem(name: string, value: string): string | null {
  return PLAIN_ADDRESS.test(value)
    ? null
    : `${name}「${value}」不是有效的邮箱地址，已忽略，单位回复的邮件会发到无人查看的发件地址：请改为一个有人看的邮箱，如 dbgw@某某区.gov.cn`;
}

/** Failures that will not go away by waiting: a refused or unverified address, a malformed message. */
const PERMANENT = /not verified|not allowed|unverified|invalid|no such|destination address|malformed/i;

/** What staff read of a failed e-mail: what to fix, the sender's own words in brackets. */
function emailFailure(
  message: string,
  notice: Pick<OutgoingNotice, "type" | "recipient" | "address">,
): string {
  const place =
    notice.type === "督办周报"
      ? "『设置』周报接收人中的这个邮箱"
      : `${notice.recipient}在『承办单位』（或『代表』『领导』）中的邮箱`;
  if (/not verified|unverified/i.test(message))
    return `收件邮箱 ${notice.address} 未在 Cloudflare 邮件路由中验证，邮件发不出去（${message}）：请管理员在 Cloudflare 控制台验证这个地址，或改用机器人渠道`;
  if (PERMANENT.test(message)) return `收件邮箱 ${notice.address} 被拒收（${message}）：请核对${place}`;
  return `邮件暂时发不出去（${message}）：系统会稍后自动重试`;
}

/** E-mail through Cloudflare's send_email binding; the MIME message is built here. */
export function createEmailChannel(options: EmailChannelOptions): NoticeChannel {
  const replyTo = options.replyTo?.trim() || null;
  // Checked once per invocation's channels; a bad address is left out and said on every e-mail sent.
  const replyToProblem = replyTo ? emailAddressProblem("NOTICE_EMAIL_REPLY_TO", replyTo) : null;
  return {
    async send(notice) {
      const { sender, from } = options;
      if (!sender || !from) {
        return failed(false, "邮件通道未配置：需要 send_email 绑定 EMAIL 和发件地址 NOTICE_EMAIL_FROM");
      }
      const domain = from.slice(from.indexOf("@") + 1) || "jianyi.invalid";
      const raw = buildMime({
        from,
        fromName: options.fromName,
        replyTo: replyTo && !replyToProblem ? replyTo : undefined,
        to: notice.address,
        subject: notice.title,
        text: notice.body,
        messageId: `${await emailMessageIdLocalPart(notice.key, notice.plannedAt)}@${domain}`,
        date: new Date(options.now()),
      });
      try {
        await sender.send(from, notice.address, raw);
        return delivered(null, replyToProblem ?? undefined);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return failed(!PERMANENT.test(message), emailFailure(message, notice));
      }
    },
  };
}
