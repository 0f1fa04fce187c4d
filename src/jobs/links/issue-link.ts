import { addDaysIso } from "../../domain/civil-date";
import {
  type Capability,
  LINK_DAYS_AFTER_DUE,
  LINK_LIFETIME_DAYS,
  type LinkKind,
  type LinkScope,
} from "../../domain/links/capability";
import type { LinkSettings } from "../../links/link-settings";
import { secretFingerprint } from "../../links/secret-fingerprint";
import { newLinkId, signLink } from "../../links/token";
import type { NewLinkRecord } from "../../store/personal-links";
import { localDate } from "../local-time";

const DAY_S = 86_400;

/**
 * The last local day a link works whole (YYYY-MM-DD), the one date anyone is told: the notice, the
 * link's own banner and the staff's 个人链接 page. A link runs out at some hour of the day after
 * (its issuing time, or midnight UTC past a 办理期限), so quoting that day would promise hours
 * the unit cannot plan on, and a time of day would read differently from the notice.
 */
export function linkLastDay(expiresAtS: number, timeZone: string): string {
  return localDate((expiresAtS - DAY_S) * 1000, timeZone);
}

export interface IssuedLink {
  readonly link: Capability;
  readonly token: string;
  readonly record: NewLinkRecord;
}

/** Where a link came from: the notice that carries it, or the staff member who made it. */
export interface LinkOrigin {
  readonly noticeType?: string | null;
  readonly suggestionId?: string | null;
  readonly issuedBy?: string | null;
}

/**
 * When a link runs out: LINK_LIFETIME_DAYS from now, or LINK_DAYS_AFTER_DUE days past `dueOn` (a
 * local date: counted to UTC midnight after it, at most a day off) when that is later.
 */
function expiresAtS(nowS: number, dueOn: string | null): number {
  const lifetime = nowS + LINK_LIFETIME_DAYS * DAY_S;
  if (!dueOn) return lifetime;
  const afterDue = Date.parse(`${addDaysIso(dueOn, LINK_DAYS_AFTER_DUE + 1)}T00:00:00Z`) / 1000;
  return Number.isFinite(afterDue) ? Math.max(lifetime, afterDue) : lifetime;
}

/**
 * Signs a new link for one recipient and describes its D1 row (the caller stores it). `dueOn`, the
 * latest 办理期限 the link is sent about, keeps it working until past that day.
 */
export async function issueLink(
  settings: LinkSettings,
  recipient: { kind: LinkKind; name: string },
  scope: LinkScope,
  origin: LinkOrigin,
  nowMs: number,
  dueOn: string | null = null,
): Promise<IssuedLink> {
  const nowS = Math.floor(nowMs / 1000);
  const link: Capability = {
    id: newLinkId(),
    kind: recipient.kind,
    recipient: recipient.name,
    scope,
    expiresAt: expiresAtS(nowS, dueOn),
  };
  const token = await signLink(settings.secret, link, nowMs);
  const record: NewLinkRecord = {
    id: link.id,
    kind: link.kind,
    recipient: link.recipient,
    scope,
    issuedAt: new Date(nowMs).toISOString(),
    expiresAt: new Date(link.expiresAt * 1000).toISOString(),
    noticeType: origin.noticeType ?? null,
    suggestionId: origin.suggestionId ?? null,
    issuedBy: origin.issuedBy ?? null,
    secretFingerprint: await secretFingerprint(settings.secret),
  };
  return { link, token, record };
}
