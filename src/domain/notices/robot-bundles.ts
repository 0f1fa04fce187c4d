import type { Channel, NoticeType } from "../../../sheets-schema/enums";
import { noticeBytesOn } from "./robot-limits";

/**
 * Several notices to one group robot go as one robot message (a bundle): a busy unit's group chat
 * gets a few messages a run, not dozens 4 s apart in which the real 逾期催办 is lost. A bundle holds
 * at most BUNDLE_MAX_NOTICES notices (a phone screen or two), its text within its robot's limit
 * (bundleMaxBytes), so no bundle is cut short.
 */
export const BUNDLE_MAX_NOTICES = 8;

/** A bundle of 钉钉 or 飞书 at most: eight notices fit well within, and a phone screen or two reads it. */
const LARGE_ROBOT_BUNDLE_BYTES = 8000;

/**
 * A bundle's UTF-8 bytes at most: 企业微信 what one notice with its link keeps whole (noticeBytesOn:
 * 2,000 of its 2,048), so two 交办通知 with their link (about 790 bytes each); 钉钉 and 飞书 take
 * about 20,000, of which a bundle uses LARGE_ROBOT_BUNDLE_BYTES.
 */
export function bundleMaxBytes(channel: Channel): number {
  return Math.min(noticeBytesOn(channel) ?? LARGE_ROBOT_BUNDLE_BYTES, LARGE_ROBOT_BUNDLE_BYTES);
}

/** Between two notices of a bundle: a line a reader sees one notice end at. */
export const BUNDLE_SEPARATOR = "\n——————\n";

/** The bundle's first line: how many notices it holds. */
export const bundleHeader = (count: number): string => `（共 ${count} 条通知）`;

/** Group robots only: e-mail and the generic webhook go one notice a message, as receivers expect. */
const BUNDLED_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(["wecom", "dingtalk", "feishu"]);

/** Whether a notice may share a robot message: the weekly digest goes alone, as markdown. */
export function bundles(channel: Channel, type: NoticeType): boolean {
  return BUNDLED_CHANNELS.has(channel) && type !== "督办周报";
}

/** A notice's text as a robot shows it: its title line, then its body. */
export interface NoticeText {
  readonly title: string;
  readonly body: string;
}

/**
 * The notices' texts as one robot message, in their order: the count as its title, each notice's
 * title and body below, the separator between two. One notice is itself, with no header. The robots
 * send `title + "\n" + body` (飞书 the title as the post's heading), which bundleBytes measures.
 */
export function joinNoticeTexts(notices: readonly NoticeText[]): NoticeText {
  const [only] = notices;
  if (notices.length === 1 && only) return only;
  return {
    title: bundleHeader(notices.length),
    body: notices.map((n) => `${n.title}\n${n.body}`).join(BUNDLE_SEPARATOR),
  };
}

/** A notice's size as the outbox measures it (UTF-8 bytes of its title and of its body). */
export interface NoticeSize {
  readonly titleBytes: number;
  readonly bodyBytes: number;
}

const encoder = new TextEncoder();
const utf8Bytes = (text: string) => encoder.encode(text).length;

/** The UTF-8 bytes of the message joinNoticeTexts makes of notices of these sizes (`title\nbody`). */
export function bundleBytes(sizes: readonly NoticeSize[]): number {
  const texts = sizes.reduce((sum, s) => sum + s.titleBytes + 1 + s.bodyBytes, 0);
  if (sizes.length <= 1) return texts;
  return utf8Bytes(bundleHeader(sizes.length)) + 1 + texts + (sizes.length - 1) * utf8Bytes(BUNDLE_SEPARATOR);
}

/**
 * Notices to one robot (already in the order they are to be read) cut into bundles, each as many
 * following notices as fit the count and `maxBytes` (bundleMaxBytes of the robot). A notice larger
 * than that goes alone (the channel cuts it as it would anyway).
 */
export function planBundles<T extends NoticeSize>(notices: readonly T[], maxBytes: number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  for (const notice of notices) {
    const grown = [...current, notice];
    if (current.length > 0 && (grown.length > BUNDLE_MAX_NOTICES || bundleBytes(grown) > maxBytes)) {
      out.push(current);
      current = [notice];
    } else current = grown;
  }
  if (current.length > 0) out.push(current);
  return out;
}
