import { ROBOT_TEXT_BYTES, WECOM_MARKDOWN_BYTES } from "../domain/notices/robot-limits";
import { wecomMarkdown } from "../domain/notices/robot-markdown";
import { addressPlace } from "./failure-hints";
import { truncateUtf8 } from "./hmac";
import { type FetchLike, postJson, robotOutcome } from "./http-post";
import { parseRobotAddress } from "./robot-address";
import type { NoticeChannel } from "./types";

/**
 * -1 系统繁忙 and 45033 并发超限 pass with the backoff alone; 45009 接口调用超过限制 (20 messages a
 * minute per robot) after the minute.
 */
const RETRY_WAIT_SECONDS: ReadonlyMap<number, number> = new Map([
  [-1, 0],
  [45009, 60],
  [45033, 0],
]);

const retryWait = (code: number) => RETRY_WAIT_SECONDS.get(code) ?? null;

/**
 * 企业微信 群机器人: POST to the webhook URL (the key in its query is the only credential; the robot
 * has no signing scheme). Notices go as `text`; the weekly digest as `markdown`, which keeps its list
 * readable, the characters typed into it that markdown would read as markup swapped (wecomMarkdown).
 * The reply is `{"errcode":0,"errmsg":"ok"}` on success, even when HTTP says 200 otherwise.
 */
export function createWecomChannel(fetchFn: FetchLike): NoticeChannel {
  return {
    async send(notice) {
      const { url } = parseRobotAddress(notice.address);
      const payload =
        notice.type === "督办周报"
          ? {
              msgtype: "markdown",
              markdown: {
                content: truncateUtf8(wecomMarkdown(notice.title, notice.body), WECOM_MARKDOWN_BYTES),
              },
            }
          : {
              msgtype: "text",
              text: { content: truncateUtf8(`${notice.title}\n${notice.body}`, ROBOT_TEXT_BYTES.wecom) },
            };
      return robotOutcome(
        await postJson(fetchFn, url, payload),
        {
          robot: "企业微信机器人",
          kind: "wecom",
          codeFields: ["errcode"],
          messageFields: ["errmsg"],
          retryWait,
        },
        addressPlace(notice),
      );
    },
  };
}
