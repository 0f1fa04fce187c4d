import { ROBOT_TEXT_BYTES } from "../domain/notices/robot-limits";
import { dingtalkMarkdown } from "../domain/notices/robot-markdown";
import { addressPlace } from "./failure-hints";
import { base64, hmacSha256, truncateUtf8 } from "./hmac";
import { type FetchLike, postJson, robotOutcome } from "./http-post";
import { parseRobotAddress } from "./robot-address";
import type { NoticeChannel } from "./types";

/**
 * -1 系统繁忙 (the backoff alone), 130101 发送太快 and 410100 发送速度太快而限流: a robot sending more
 * than 20 a minute is stopped for 10 minutes, so the next try waits them out.
 */
const RETRY_WAIT_SECONDS: ReadonlyMap<number, number> = new Map([
  [-1, 0],
  [130101, 600],
  [410100, 600],
]);

const retryWait = (code: number) => RETRY_WAIT_SECONDS.get(code) ?? null;

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
 * `markdown` (dingtalkMarkdown): its lone line breaks made hard ones, or 钉钉 would join those lines,
 * and the characters typed into it that markdown would read as markup swapped.
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
                text: truncateUtf8(dingtalkMarkdown(notice.title, notice.body), ROBOT_TEXT_BYTES.dingtalk),
              },
            }
          : {
              msgtype: "text",
              text: { content: truncateUtf8(`${notice.title}\n${notice.body}`, ROBOT_TEXT_BYTES.dingtalk) },
            };
      return robotOutcome(
        await postJson(fetchFn, target, payload),
        {
          robot: "钉钉机器人",
          kind: "dingtalk",
          codeFields: ["errcode"],
          messageFields: ["errmsg"],
          retryWait,
        },
        addressPlace(notice),
      );
    },
  };
}
