import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app";
import { createAuthDeps } from "../deps";
import { tokenTagOf } from "../store/sessions";
import { accessConfigFrom, verifyAccessJwt } from "./access";
import { HttpError } from "./errors";
import { clientKey, retryAfterSeconds } from "./sign-in-limit";

export const SESSION_COOKIE = "jianyi_session";
/** A sign-in lasts a working day; then staff sign in again. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** Length-independent comparison so a token can't be guessed byte by byte from timing. */
export function timingSafeEqualText(a: string, b: string): boolean {
  const enc = new TextEncoder();
  const x = enc.encode(a);
  const y = enc.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

/**
 * Who signed in: through Cloudflare Access (with the user's e-mail), with the admin token as a
 * bearer header (scripts), or in a session opened with the admin token (browsers).
 */
export interface StaffIdentity {
  via: "access" | "token" | "session";
  email: string | null;
}

/** Staff read it on the 需要登录 page: their words, not Cloudflare's or the variable's (README has those). */
const SIGNED_OUT = "请先登录：使用本单位的统一登录，或输入管理员提供的管理令牌";

/**
 * Checks a presented admin token under the per-client guess limit: every attempt is recorded in D1
 * in one atomic statement; a client that already made 10 wrong guesses this minute gets 429 (with
 * Retry-After) whatever it sent; otherwise a wrong token is answered with `refusal` (401).
 */
export async function checkAdminToken(
  c: Context<AppEnv>,
  presented: string,
  refusal: { code: string; message: string },
): Promise<void> {
  const { signInFailures } = createAuthDeps(c.env);
  const client = clientKey(c.req.header("cf-connecting-ip"));
  const nowS = Math.floor(Date.now() / 1000);
  const expected = c.env.ADMIN_TOKEN;
  const wrong = !expected || !timingSafeEqualText(presented, expected);
  const state = await signInFailures.attempt(client, nowS, wrong);
  const wait = retryAfterSeconds(state, wrong, nowS);
  if (wait > 0) {
    throw new HttpError(429, "too_many_attempts", `管理令牌错误次数过多：请 ${wait} 秒后再试`, undefined, {
      "Retry-After": String(wait),
    });
  }
  if (wrong) throw new HttpError(401, refusal.code, refusal.message);
}

/** Opens a session for a browser that just proved it holds the admin token; sets its cookie. */
export async function openSession(c: Context<AppEnv>): Promise<void> {
  const expected = c.env.ADMIN_TOKEN;
  if (!expected) throw new HttpError(401, "unauthenticated", SIGNED_OUT);
  const { sessions } = createAuthDeps(c.env);
  const { id } = await sessions.open(await tokenTagOf(expected), Date.now(), SESSION_LIFETIME_MS);
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: "Strict",
    secure: new URL(c.req.url).protocol === "https:",
    path: "/",
    maxAge: SESSION_LIFETIME_MS / 1000,
  });
}

/** Ends the browser's session in D1 (a copied cookie is refused afterwards) and drops the cookie. */
export async function closeSession(c: Context<AppEnv>): Promise<void> {
  const id = getCookie(c, SESSION_COOKIE);
  if (id) await createAuthDeps(c.env).sessions.revoke(id, Date.now());
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}

async function liveSession(c: Context<AppEnv>, id: string): Promise<boolean> {
  const expected = c.env.ADMIN_TOKEN;
  if (!expected) return false;
  return createAuthDeps(c.env).sessions.isLive(id, await tokenTagOf(expected), Date.now());
}

/**
 * Staff only: a Cloudflare Access JWT (Cf-Access-Jwt-Assertion) verified against the team's keys and
 * audience when Access is configured; else `Authorization: Bearer ADMIN_TOKEN` (scripts, no session);
 * else the session cookie. A JWT that is present but fails verification is refused outright (it is
 * forged or expired), never passed on to the token check.
 */
export const requireStaff = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get("staff")) return next();
  const access = accessConfigFrom(c.env);
  const assertion = c.req.header("cf-access-jwt-assertion");
  if (access && assertion) {
    const identity = await verifyAccessJwt(assertion, access).catch(() => null);
    if (!identity) {
      throw new HttpError(401, "access_denied", "统一登录的凭证无效或已过期：请重新登录");
    }
    c.set("staff", { via: "access", email: identity.email });
    return next();
  }
  const authorization = c.req.header("authorization");
  if (authorization?.startsWith("Bearer ")) {
    const token = authorization.slice("Bearer ".length).trim();
    await checkAdminToken(c, token, { code: "unauthenticated", message: SIGNED_OUT });
    c.set("staff", { via: "token", email: null });
    return next();
  }
  const sessionId = getCookie(c, SESSION_COOKIE);
  if (sessionId && (await liveSession(c, sessionId))) {
    c.set("staff", { via: "session", email: null });
    return next();
  }
  if (sessionId) {
    // Signed out, expired, or the admin token was changed: drop the dead cookie with the refusal.
    throw new HttpError(
      401,
      "session_ended",
      "登录已失效（已退出、超过 12 小时或管理令牌已更换）：请重新登录",
      undefined,
      { "Set-Cookie": `${SESSION_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict` },
    );
  }
  throw new HttpError(401, "unauthenticated", SIGNED_OUT);
});
