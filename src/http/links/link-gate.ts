import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../app";
import { createAuthDeps } from "../../deps";
import type { Capability } from "../../domain/links/capability";
import { LEADER_CHANGED } from "../../domain/links/past-holding";
import { linkSettingsFrom } from "../../links/link-settings";
import { secretFingerprint, signedWithOtherSecret } from "../../links/secret-fingerprint";
import { claimedLinkId, verifyLink } from "../../links/token";
import { createPersonalLinks } from "../../store/personal-links";
import { HttpError } from "../errors";
import { clientKey, retryAfterSeconds } from "../sign-in-limit";

/** Requests one link may make per window: a person clicking around never gets near it. */
export const LINK_REQUESTS_PER_WINDOW = 60;
export const LINK_WINDOW_S = 60;

const ASK_OFFICE = "如有疑问，请联系代表工委。";

/**
 * Each refusal of a link: its code, the heading its page shows (what happened, in the reader's
 * words: 无权进行此操作 read as if the person had done something wrong) and the message (what to do).
 * Each kind has its own code, so its page has its own heading and support can tell them apart.
 */
const REFUSALS = {
  malformed: [
    "link_malformed",
    "链接不完整",
    `链接不完整或有误：请从通知中完整复制链接后再打开。${ASK_OFFICE}`,
  ],
  invalid: ["link_invalid", "链接无效", `链接无效：请使用通知中的链接。${ASK_OFFICE}`],
  // The holder did use the notice's link: the office rotated LINK_SECRET since (docs/deploy.md 第 6 节).
  replaced: [
    "link_replaced",
    "链接已更换",
    "代表工委已更换链接密钥，此前发出的链接都已停用。请使用之后收到的通知中的新链接，或联系代表工委重新发送。",
  ],
  unknown: ["link_unknown", "链接已失效", `链接已失效：请使用最近一次通知中的链接。${ASK_OFFICE}`],
  revoked: [
    "link_revoked",
    "链接已撤销",
    `该链接已被代表工委撤销：请使用最近一次通知中的新链接。${ASK_OFFICE}`,
  ],
  expired: [
    "link_expired",
    "链接已过期",
    `链接已过期：请使用最近一次通知中的链接，或请代表工委重新发送。${ASK_OFFICE}`,
  ],
} as const;

/** The heading of a link's error page by code: every refusal of the gate, and its rate limits. */
export const LINK_ERROR_TITLES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.values(REFUSALS).map(([code, title]) => [code, title])),
  links_not_configured: "个人链接尚未启用",
  too_many_requests: "操作过于频繁",
  // Its recipient is no longer in 代表, 承办单位 or 领导 (loadLinkContext, recipient-listed.ts).
  link_unlisted: "链接已停用",
  // A leader taken off a suggestion (past-holding.ts): what changed, not a refusal of the person.
  [LEADER_CHANGED.supervisor]: "该建议已调整督办领导",
  [LEADER_CHANGED.handling]: "该建议已调整领办领导",
  [LEADER_CHANGED.both]: "该建议已调整督办、领办领导",
  // A suggestion the link's holder does not hold (mineById, past-holding.ts): neutral, as above.
  not_yours: "该建议不在本链接名下",
};

function refuse(kind: keyof typeof REFUSALS): never {
  const [code, , message] = REFUSALS[kind];
  throw new HttpError(403, code, message);
}

/**
 * A wrong token counts against its client (CF-Connecting-IP) like a wrong admin token: after 10 in a
 * minute the client is told to wait (429), so links cannot be guessed at speed (they are 128-bit and
 * signed anyway).
 */
async function countWrongToken(env: AppEnv["Bindings"], connectingIp: string | undefined, nowMs: number) {
  const nowS = Math.floor(nowMs / 1000);
  const state = await createAuthDeps(env).signInFailures.attempt(
    `link:${clientKey(connectingIp)}`,
    nowS,
    true,
  );
  const wait = retryAfterSeconds(state, true, nowS);
  if (wait > 0) {
    throw new HttpError(429, "too_many_attempts", `无效链接尝试次数过多：请 ${wait} 秒后再试`, undefined, {
      "Retry-After": String(wait),
    });
  }
}

/**
 * A token refused for its signature whose claimed link id D1 recorded as signed with another
 * LINK_SECRET: the office rotated it, and the holder is told so (or that the link was revoked or ran
 * out anyway), not that the link is invalid. An id D1 does not know, or one signed with the current
 * secret (a real link tampered with), leaves the refusal as it was: tampering stays unexplained.
 * One D1 read, on this refused path only.
 */
async function refuseSignedEarlier(db: D1Database, secret: string, token: string, nowMs: number) {
  const id = claimedLinkId(token);
  if (!id) return;
  const record = await createPersonalLinks(db).find(id);
  if (!record || !signedWithOtherSecret(record, await secretFingerprint(secret))) return;
  if (record.revokedAt) refuse("revoked");
  if (record.expiresAt <= new Date(nowMs).toISOString()) refuse("expired");
  refuse("replaced");
}

/**
 * Every `/l/<token>/…` request: the token's signature and expiry (jose, constant-time HMAC), then
 * its D1 row (it must exist, not be revoked, and say what the token says), counted against the
 * link's own rate limit. Sets `link` and `linkBase` for the pages; never a cookie.
 */
export const linkGate = createMiddleware<AppEnv>(async (c, next) => {
  const settings = linkSettingsFrom(c.env);
  if (!settings) throw new HttpError(503, "links_not_configured", `个人链接尚未启用。${ASK_OFFICE}`);
  const token = c.req.param("token") ?? "";
  const nowMs = Date.now();
  const verified = await verifyLink(settings.secret, token, nowMs);
  if (!verified.ok) {
    if (verified.reason === "expired") refuse("expired");
    await countWrongToken(c.env, c.req.header("cf-connecting-ip"), nowMs);
    if (verified.reason === "invalid") await refuseSignedEarlier(c.env.DB, settings.secret, token, nowMs);
    refuse(verified.reason);
  }
  const link: Capability = verified.link;
  const use = await createPersonalLinks(c.env.DB).use(link.id, nowMs, LINK_WINDOW_S);
  if (!use) refuse("unknown");
  const { record } = use;
  if (record.kind !== link.kind || record.recipient !== link.recipient || record.scope !== link.scope)
    refuse("invalid");
  if (record.revokedAt) refuse("revoked");
  if (use.windowHits > LINK_REQUESTS_PER_WINDOW) {
    const wait = Math.max(1, use.windowStart + LINK_WINDOW_S - Math.floor(nowMs / 1000));
    throw new HttpError(429, "too_many_requests", `操作过于频繁：请 ${wait} 秒后再试`, undefined, {
      "Retry-After": String(wait),
    });
  }
  c.set("link", link);
  c.set("linkBase", `/l/${token}`);
  await next();
});
