/**
 * What a personal link is: a capability for one recipient (a unit, a deputy or a supervising leader)
 * with a scope and an expiry. Pure: no crypto, no clock. The token that carries it is signed in
 * src/links/token.ts.
 */

export const LINK_KINDS = ["unit", "deputy", "leader"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** `act`: view the recipient's own suggestions and act as the recipient; `read`: view only. */
export const LINK_SCOPES = ["act", "read"] as const;
export type LinkScope = (typeof LINK_SCOPES)[number];

/**
 * Everything a link page can do. A unit replies, requests an extension (延期申请), records a contact
 * with the deputy (沟通记录), sends its co-unit opinion (协办意见) and objects to an assignment (异议).
 */
export type LinkAction =
  | "view"
  | "reply"
  | "submit"
  | "rate"
  | "urge"
  | "extend"
  | "contact"
  | "co-opinion"
  | "object";

const ACTIONS: Record<LinkKind, readonly LinkAction[]> = {
  unit: ["view", "reply", "extend", "contact", "co-opinion", "object"],
  deputy: ["view", "submit", "rate"],
  leader: ["view", "urge"],
};

/** A link as verified: who it is for, what it may do, until when. */
export interface Capability {
  /** The token's jti: names the link in D1 (revocation, use counts) and in the audit trail. */
  readonly id: string;
  readonly kind: LinkKind;
  /** 单位名称 / 姓名 as the notice named the recipient. */
  readonly recipient: string;
  readonly scope: LinkScope;
  /** Unix seconds. */
  readonly expiresAt: number;
}

/** A new link lasts half a year: the longest handling period; every later notice brings a fresh one. */
export const LINK_LIFETIME_DAYS = 180;

/**
 * A unit's link works at least this many days past the 办理期限 its notice is about: an extension
 * to six months announced weeks after 交办 ends after LINK_LIFETIME_DAYS, and the unit replies by it.
 */
export const LINK_DAYS_AFTER_DUE = 30;

export const KIND_LABELS: Record<LinkKind, string> = {
  unit: "承办单位",
  deputy: "代表",
  leader: "领导",
};

export function isLinkKind(value: unknown): value is LinkKind {
  return typeof value === "string" && (LINK_KINDS as readonly string[]).includes(value);
}

export function isLinkScope(value: unknown): value is LinkScope {
  return typeof value === "string" && (LINK_SCOPES as readonly string[]).includes(value);
}

/** Whether the link may do this: its kind must offer the action, and a read-only link only views. */
export function allows(link: Pick<Capability, "kind" | "scope">, action: LinkAction): boolean {
  if (!ACTIONS[link.kind].includes(action)) return false;
  return action === "view" || link.scope === "act";
}

/** The first 8 characters of a link's id: enough for staff to find it on the 个人链接 page. */
export function shortLinkId(id: string): string {
  return id.slice(0, 8);
}

/** Who acted, as the suggestion's history names it: `承办单位 区教育局 · 链接 Ab3dE9Kq`. */
export function actorLabel(link: Pick<Capability, "kind" | "recipient" | "id">): string {
  return `${KIND_LABELS[link.kind]} ${link.recipient} · 链接 ${shortLinkId(link.id)}`;
}

/** The page a link opens: the recipient's own page, or one of their suggestions on it. */
export function personalUrl(publicUrl: string, token: string, suggestionId: string | null = null): string {
  const page = `${publicUrl}/l/${token}`;
  return suggestionId ? `${page}/s/${encodeURIComponent(suggestionId)}` : page;
}
