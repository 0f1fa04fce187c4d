import { nameKey } from "../../domain/directory";
import { isLinkKind, type LinkKind, personalUrl } from "../../domain/links/capability";
import { withPersonalLink } from "../../domain/links/notice-link";
import { noticeBytesOn } from "../../domain/notices/robot-limits";
import type { PlannedNotice } from "../../domain/notices/types";
import type { LinkSettings } from "../../links/link-settings";
import type { NewLinkRecord, PersonalLinks } from "../../store/personal-links";
import { issueLink, linkLastDay } from "./issue-link";

export interface LinkDeps {
  personalLinks: PersonalLinks;
  linkSettings: LinkSettings | null;
}

/** What one run sends one recipient: the link's row says which notice (or that there were several). */
function originOf(notices: readonly PlannedNotice[]): { noticeType: string; suggestionId: string | null } {
  const types = new Set(notices.map((n) => n.type));
  const ids = new Set(notices.map((n) => n.suggestionId));
  return {
    noticeType: types.size === 1 ? (notices[0]?.type ?? "") : `${[...types].join("、")}`,
    suggestionId: ids.size === 1 ? (notices[0]?.suggestionId ?? null) : null,
  };
}

/**
 * Gives every notice to a unit, deputy or leader that recipient's personal link, deep-linked to the
 * suggestion the notice is about. One link per recipient and call (all the notices of one step of
 * the run to 区教育局 carry the same token): signing and storing one per notice would cost a first
 * run over a large ledger hundreds of signatures. Links are stored in D1 before the notices go into the outbox, so
 * no link is ever sent that the Worker does not know. Notices to the digest's addresses get none;
 * without LINK_SECRET / PUBLIC_URL (reported by /healthz) notices go without.
 */
export async function attachPersonalLinks(
  deps: LinkDeps,
  notices: readonly PlannedNotice[],
  nowMs: number,
  timeZone: string,
  /**
   * The 办理期限 of a suggestion as the caller's rows hold it: a unit's link outlasts the latest one
   * its notices announce (a 延期审批结果 moves it to six months, past the link's default life).
   */
  dueOf: (suggestionId: string) => string | undefined = () => undefined,
): Promise<PlannedNotice[]> {
  const settings = deps.linkSettings;
  const groups = new Map<string, { kind: LinkKind; name: string; notices: PlannedNotice[] }>();
  for (const notice of notices) {
    const kind = notice.recipientKind;
    if (!settings || !isLinkKind(kind)) continue;
    const key = `${kind}|${nameKey(notice.recipient)}`;
    const group = groups.get(key) ?? { kind, name: notice.recipient, notices: [] };
    group.notices.push(notice);
    groups.set(key, group);
  }
  const links = new Map<
    PlannedNotice,
    { kind: LinkKind; recipient: string; token: string; lastDay: string }
  >();
  const records: NewLinkRecord[] = [];
  for (const group of groups.values()) {
    if (!settings) break;
    // The latest 办理期限 of the notices the unit gets in this call (ISO dates sort as text).
    const lastDue =
      group.kind === "unit"
        ? group.notices
            .map((n) => (n.suggestionId && dueOf(n.suggestionId)) || "")
            .sort()
            .pop()
        : "";
    const { link, token, record } = await issueLink(
      settings,
      { kind: group.kind, name: group.name },
      "act",
      originOf(group.notices),
      nowMs,
      lastDue || null,
    );
    records.push(record);
    // The link runs out during the next day: the whole day before is the last one to quote.
    const lastDay = linkLastDay(link.expiresAt, timeZone);
    for (const n of group.notices) links.set(n, { kind: group.kind, recipient: n.recipient, token, lastDay });
  }
  await deps.personalLinks.issue(records);
  return notices.map((notice) => {
    const link = links.get(notice);
    const maxBytes = noticeBytesOn(notice.channel);
    if (!link || !settings)
      return { ...notice, ...withPersonalLink(notice.title, notice.body, null, maxBytes) };
    const url = personalUrl(settings.publicUrl, link.token, notice.suggestionId);
    return {
      ...notice,
      ...withPersonalLink(notice.title, notice.body, { ...link, url, noticeType: notice.type }, maxBytes),
    };
  });
}
