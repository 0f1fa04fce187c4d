import { displayDate } from "../notices/format";
import type { LinkKind } from "./capability";

/**
 * Where a notice's personal link goes. Templates may place it with {{个人链接}}; planning is pure and
 * cannot sign, so it leaves this slot, and the notice job puts the signed link there. A notice with
 * no slot gets the link as a last line (without 设置 测评链接, the deputy rates there: the built-in
 * texts then say 请对办理情况进行测评。 and the line below offers the page). Nobody types these
 * brackets, so the slot never collides with a staff text.
 */
export const PERSONAL_LINK_SLOT = "⟦个人链接⟧";

const WHAT_THE_PAGE_DOES: Record<LinkKind, string> = {
  unit: "查看本单位承办的建议并在线答复",
  deputy: "查看办理进展和答复、测评、提出新建议",
  leader: "查看督办、领办建议的办理情况、一键催办",
};

/**
 * What the page offers for a notice that asks the unit for something there: a 跟踪提醒 asks for
 * the latest 落实进展, and the page's form 报送落实情况 takes it (the text of the reminder is staff's
 * to edit; the line under it names the form whatever they wrote).
 */
const WHAT_THE_PAGE_DOES_FOR: Readonly<Record<string, string>> = {
  跟踪提醒: "在线报送落实情况，已落实的可直接报送“已落实”",
};

export interface NoticeLink {
  readonly kind: LinkKind;
  readonly recipient: string;
  readonly url: string;
  /** Local date (设置 时区) of the last day the link works all day long. */
  readonly lastDay: string;
  /** The notice's type (通知模板), when it asks for something the page offers. */
  readonly noticeType?: string;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The text cut (on a character boundary, with …… ) so that it takes at most `bytes` UTF-8 bytes. */
function cutToBytes(text: string, bytes: number): string {
  if (utf8Length(text) <= bytes) return text;
  const chars = [...text];
  let used = utf8Length("……");
  let out = "";
  for (const ch of chars) {
    const size = utf8Length(ch);
    if (used + size > bytes) break;
    used += size;
    out += ch;
  }
  return `${out}……`;
}

/** The line that carries (or, when the body already holds it, explains) the link. */
export function linkLine(link: NoticeLink, inBody: boolean): string {
  const terms = `仅供${link.recipient}使用，请勿转发，有效期至${displayDate(link.lastDay)}`;
  const does =
    (link.kind === "unit" && WHAT_THE_PAGE_DOES_FOR[link.noticeType ?? ""]) || WHAT_THE_PAGE_DOES[link.kind];
  if (inBody) return `（上述链接${terms}）`;
  return `专属页面（${does}；${terms}）：${link.url}`;
}

/**
 * A notice's title and body with its personal link: the slots filled, and a last line naming the
 * link's holder and its last day. When a long staff template would push the link past what the
 * notice's robot shows (`maxBytes`, robot-limits.ts noticeBytesOn; null for e-mail and webhooks,
 * which show any length), the body is cut (……) rather than the link.
 */
export function withPersonalLink(
  title: string,
  body: string,
  link: NoticeLink | null,
  maxBytes: number | null,
): { title: string; body: string } {
  const filledTitle = title.replaceAll(PERSONAL_LINK_SLOT, link?.url ?? "");
  if (!link) return { title: filledTitle, body: body.replaceAll(PERSONAL_LINK_SLOT, "") };
  const inBody = body.includes(PERSONAL_LINK_SLOT);
  const filled = body.replaceAll(PERSONAL_LINK_SLOT, link.url);
  const withNote = `${filled}\n\n${linkLine(link, inBody)}`;
  if (maxBytes === null || utf8Length(`${filledTitle}\n${withNote}`) <= maxBytes)
    return { title: filledTitle, body: withNote };
  const line = linkLine(link, false);
  const room = maxBytes - utf8Length(`${filledTitle}\n\n\n${line}`);
  const rest = cutToBytes(body.replaceAll(PERSONAL_LINK_SLOT, ""), Math.max(0, room));
  return { title: filledTitle, body: `${rest}\n\n${line}` };
}
