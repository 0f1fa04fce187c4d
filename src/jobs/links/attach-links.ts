import { isLinkKind, personalUrl } from "../../domain/links/capability";
import { withPersonalLink } from "../../domain/links/notice-link";
import { baseKeyOf } from "../../domain/notices/keys";
import type { PlannedNotice } from "../../domain/notices/types";
import type { LinkSettings } from "../../links/link-settings";
import type { NewLinkRecord, PersonalLinks } from "../../store/personal-links";
import { localDate } from "../local-time";
import { issueLink } from "./issue-link";

const DAY_MS = 86_400_000;

export interface LinkDeps {
  personalLinks: PersonalLinks;
  linkSettings: LinkSettings | null;
}

/**
 * Gives every notice to a unit, deputy or leader that recipient's personal link: one new link per
 * notice and recipient (the channels of one notice share it), stored in D1 before the notices go
 * into the outbox, so no link is ever sent that the Worker does not know. A notice to the digest's
 * addresses gets none. Without LINK_SECRET / PUBLIC_URL (reported by /healthz) notices go without.
 */
export async function attachPersonalLinks(
  deps: LinkDeps,
  notices: readonly PlannedNotice[],
  nowMs: number,
  timeZone: string,
): Promise<PlannedNotice[]> {
  const settings = deps.linkSettings;
  const urls = new Map<string, { url: string; lastDay: string }>();
  const records: NewLinkRecord[] = [];
  const out: PlannedNotice[] = [];
  for (const notice of notices) {
    const kind = notice.recipientKind;
    if (!settings || !isLinkKind(kind)) {
      out.push({ ...notice, ...withPersonalLink(notice.title, notice.body, null) });
      continue;
    }
    const base = baseKeyOf(notice.key);
    let issued = urls.get(base);
    if (!issued) {
      const origin = { noticeType: notice.type, suggestionId: notice.suggestionId };
      const { link, token, record } = await issueLink(
        settings,
        { kind, name: notice.recipient },
        "act",
        origin,
        nowMs,
      );
      records.push(record);
      issued = {
        url: personalUrl(settings.publicUrl, token, notice.suggestionId),
        // The link runs out during the next day: the whole day before is the last one to quote.
        lastDay: localDate(link.expiresAt * 1000 - DAY_MS, timeZone),
      };
      urls.set(base, issued);
    }
    const link = { kind, recipient: notice.recipient, ...issued };
    out.push({ ...notice, ...withPersonalLink(notice.title, notice.body, link) });
  }
  await deps.personalLinks.issue(records);
  return out;
}
