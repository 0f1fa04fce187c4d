import { CHANNEL_NAMES, CHANNELS, type Channel, type TemplateName } from "../../sheets-schema/enums";
import { noticeBytesOn, robotTextBytes, WECOM_MARKDOWN_BYTES } from "./notices/robot-limits";

/**
 * Room the personal-link line takes under a notice (专属页面（…；仅供…使用…）：https://…/l/<token>/s/
 * <编号>), the 督办周报 aside: withPersonalLink cuts the body so that title, body and that line fit
 * in noticeBytesOn(channel).
 */
const LINK_LINE_BYTES = 350;

/** The bytes of title and body a notice of `type` keeps whole on `channel`; null: no limit. */
function roomOn(type: TemplateName, channel: Channel): number | null {
  if (type === "督办周报") return channel === "wecom" ? WECOM_MARKDOWN_BYTES : robotTextBytes(channel);
  const limit = noticeBytesOn(channel);
  return limit === null ? null : limit - LINK_LINE_BYTES;
}

const utf8 = new TextEncoder();

/** How many characters from the end of `text` go before it takes at most `room` UTF-8 bytes. */
function charactersOver(text: string, room: number): number {
  let bytes = utf8.encode(text).length;
  const chars = [...text];
  let cut = 0;
  while (bytes > room && cut < chars.length) {
    cut += 1;
    bytes -= utf8.encode(chars[chars.length - cut] as string).length;
  }
  return cut;
}

/**
 * A 提醒 for a text longer than the smallest robot that may get it shows (渠道 blank: any channel,
 * 企业微信 included): the robot cuts it with “……”, so staff learn how much to cut. It still goes.
 */
export function lengthNotice(
  type: TemplateName,
  channel: Channel | null,
  title: string,
  body: string,
): string | null {
  let tightest: { channel: Channel; room: number } | null = null;
  for (const each of channel ? [channel] : CHANNELS) {
    const room = roomOn(type, each);
    if (room !== null && (!tightest || room < tightest.room)) tightest = { channel: each, room };
  }
  if (!tightest) return null;
  const text = `${title}\n${body}`;
  // A UTF-16 unit is at most 3 bytes of UTF-8 (a pair 4): most texts are plainly within, unencoded.
  if (text.length * 3 <= tightest.room) return null;
  const cut = charactersOver(text, tightest.room);
  if (cut === 0) return null;
  const name = CHANNEL_NAMES[tightest.channel];
  const withLink = type === "督办周报" ? "" : "连同专属页面链接";
  return `标题和正文共 ${[...title].length + [...body].length} 个字，发到${name}会被截断（末尾显示“……”）：${name}机器人一条消息${withLink}最多约 ${tightest.room} 字节（约 ${Math.floor(tightest.room / 3)} 个汉字）；请删减约 ${cut} 个字。本行照常发送（超出部分截断）`;
}
