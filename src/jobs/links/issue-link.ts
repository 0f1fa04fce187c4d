import {
  type Capability,
  LINK_LIFETIME_DAYS,
  type LinkKind,
  type LinkScope,
} from "../../domain/links/capability";
import type { LinkSettings } from "../../links/link-settings";
import { newLinkId, signLink } from "../../links/token";
import type { NewLinkRecord } from "../../store/personal-links";

const DAY_S = 86_400;

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

/** Signs a new link for one recipient and describes its D1 row (the caller stores it). */
export async function issueLink(
  settings: LinkSettings,
  recipient: { kind: LinkKind; name: string },
  scope: LinkScope,
  origin: LinkOrigin,
  nowMs: number,
): Promise<IssuedLink> {
  const nowS = Math.floor(nowMs / 1000);
  const link: Capability = {
    id: newLinkId(),
    kind: recipient.kind,
    recipient: recipient.name,
    scope,
    expiresAt: nowS + LINK_LIFETIME_DAYS * DAY_S,
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
  };
  return { link, token, record };
}
