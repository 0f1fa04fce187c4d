import { hardLineBreaks } from "../domain/notices/markdown-breaks";
import { addressPlace } from "./failure-hints";
import { base64, hmacSha256, truncateUtf8 } from "./hmac";
import { type FetchLike, postJson, robotOutcome } from "./http-post";
import { parseRobotAddress } from "./robot-address";
import type { NoticeChannel } from "./types";

/** 钉钉 limits a message to about 20000 bytes; stay well under. */
const MAX_BYTES = 18_000;
/** -1 系统繁忙, 130101 发送太快 (20 a minute), 410100 发送速度太快而限流. */
const RETRYABLE_CODES = new Set([-1, 130101, 410100]);

/**
 * 钉钉 加签 (https://open.dingtalk.com/document/robots/customize-robot-security-settings):
 * string_to_sign = timestamp + "\n" + secret, HMAC-SHA256 keyed by the secret, base64, URL-encoded,
 * appended as `&timestamp=<ms>&sign=<sign>`. The robot refuses a timestamp more than an hour off.
 */
export async function dingtalkSignedUrl(url: string, secret: string, nowMs: number): Promise<string> {
  const timestamp = String(nowMs);
  const sign = base64(await hmacSha256(secret, `${timestamp}\n${secret}`));
  const joiner = url.includes("?") ? "&" : "?";
  return `${url}${joiner}timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
}

/**
 * 钉钉 自定义机器人: signed when a secret follows `#` in 机器人地址 (加签), plain otherwise (关键词 or
 * IP 白名单 security). Notices go as `text` (its line breaks shown as sent), the weekly digest as
 * `markdown`, whose lone line breaks are made hard ones: 钉钉 would join those lines.
 */
export function createDingtalkChannel(fetchFn: FetchLike, now: () => number): NoticeChannel {
  return {
    async send(notice) {
      const { url, secret } = parseRobotAddress(notice.address);
      const target = secret ? await dingtalkSignedUrl(url, secret, now()) : url;
      const payload =
        notice.type === "督办周报"
          ? {
              msgtype: "markdown",
              markdown: {
                title: notice.title,
                text: truncateUtf8(`### ${notice.title}\n\n${hardLineBreaks(notice.body)}`, MAX_BYTES),
              },
            }
          : {
              msgtype: "text",
              text: { content: truncateUtf8(`${notice.title}\n${notice.body}`, MAX_BYTES) },
            };
      return robotOutcome(
        await postJson(fetchFn, target, payload),
        {
          robot: "钉钉机器人",
          kind: "dingtalk",
          codeFields: ["errcode"],
          messageFields: ["errmsg"],
          retryableCodes: RETRYABLE_CODES,
        },
        addressPlace(notice),
      );
    },
  };
}
