import { ROBOT_TEXT_BYTES } from "../domain/notices/robot-limits";
import { addressPlace, isFeishuRateLimit } from "./failure-hints";
import { base64, hmacSha256, truncateUtf8 } from "./hmac";
import { type FetchLike, postJson, robotOutcome } from "./http-post";
import { parseRobotAddress } from "./robot-address";
import type { NoticeChannel } from "./types";

/**
 * 11232 frequency limited, and 9499 when its msg says “too many request” (isFeishuRateLimit): 100 a
 * minute and 5 a second per robot, so a minute's wait clears it.
 */
const RATE_LIMIT_WAIT_SECONDS = 60;

function retryWait(code: number, message: string): number | null {
  return isFeishuRateLimit(code, message) ? RATE_LIMIT_WAIT_SECONDS : null;
}

/**
 * 飞书 签名校验 (https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot): the key is
 * timestamp + "\n" + secret, the HMAC-SHA256 message is empty, the result is base64. `timestamp`
 * (seconds) and `sign` go into the JSON body; the robot refuses a timestamp more than an hour off.
 */
export async function feishuSign(secret: string, timestampSeconds: number): Promise<string> {
  return base64(await hmacSha256(`${timestampSeconds}\n${secret}`, ""));
}

/** 飞书 rich text (`post`): the title plus one paragraph per line, so line breaks survive. */
function postContent(title: string, body: string) {
  const lines = truncateUtf8(body, ROBOT_TEXT_BYTES.feishu).split("\n");
  return { post: { zh_cn: { title, content: lines.map((line) => [{ tag: "text", text: line }]) } } };
}

/** 飞书 自定义机器人: signed when a secret follows `#` in 机器人地址. */
export function createFeishuChannel(fetchFn: FetchLike, now: () => number): NoticeChannel {
  return {
    async send(notice) {
      const { url, secret } = parseRobotAddress(notice.address);
      const message = { msg_type: "post", content: postContent(notice.title, notice.body) };
      let payload: Record<string, unknown> = message;
      if (secret) {
        const timestamp = Math.floor(now() / 1000);
        payload = { timestamp: String(timestamp), sign: await feishuSign(secret, timestamp), ...message };
      }
      return robotOutcome(
        await postJson(fetchFn, url, payload),
        {
          robot: "飞书机器人",
          kind: "feishu",
          codeFields: ["code", "StatusCode"],
          messageFields: ["msg", "StatusMessage"],
          retryWait,
        },
        addressPlace(notice),
      );
    },
  };
}
