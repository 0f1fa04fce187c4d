import type { Channel } from "../../../sheets-schema/enums";

/**
 * What each group robot shows of one text message, in UTF-8 bytes: 企业微信 publishes 2,048; 钉钉
 * takes about 20,000 and 飞书 20 KB a request, so 18,000 leaves room for the JSON around the text.
 * E-mail and the generic webhook take any length (no entry).
 */
export const ROBOT_TEXT_BYTES = { wecom: 2048, dingtalk: 18_000, feishu: 18_000 } as const;

/** ROBOT_TEXT_BYTES of a channel; null for e-mail and webhooks. */
export function robotTextBytes(channel: Channel): number | null {
  return Object.hasOwn(ROBOT_TEXT_BYTES, channel)
    ? ROBOT_TEXT_BYTES[channel as keyof typeof ROBOT_TEXT_BYTES]
    : null;
}

/** 企业微信's markdown message (the 督办周报): 4,096 bytes. */
export const WECOM_MARKDOWN_BYTES = 4096;

/** Kept free under a robot's limit when a notice's text is cut to fit, so a count off by a few bytes cuts nothing more. */
const MARGIN_BYTES = 48;

/**
 * How many UTF-8 bytes of title, body and personal-link line a notice on `channel` keeps whole (so
 * the link, last, survives the robot's own cut): 2,000 for 企业微信; null for e-mail and webhooks,
 * which are never cut.
 */
export function noticeBytesOn(channel: Channel): number | null {
  const limit = robotTextBytes(channel);
  return limit === null ? null : limit - MARGIN_BYTES;
}
