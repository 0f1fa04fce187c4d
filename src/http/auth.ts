import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app";
import { accessConfigFrom, verifyAccessJwt } from "./access";
import { HttpError } from "./errors";

export const SESSION_COOKIE = "jianyi_session";

/** Length-independent comparison so a token can't be guessed byte by byte from timing. */
export function timingSafeEqualText(a: string, b: string): boolean {
  const enc = new TextEncoder();
  const x = enc.encode(a);
  const y = enc.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

function presentedToken(header: string | undefined, cookie: string | undefined): string | undefined {
  if (header?.startsWith("Bearer ")) return header.slice("Bearer ".length).trim();
  return cookie;
}

/** Who signed in: through Cloudflare Access (with the user's e-mail) or with the admin token. */
export interface StaffIdentity {
  via: "access" | "token";
  email: string | null;
}

/**
 * Staff only: a Cloudflare Access JWT (Cf-Access-Jwt-Assertion) verified against the team's keys and
 * audience when Access is configured, else a bearer or cookie ADMIN_TOKEN. A JWT that is present but
 * fails verification is refused outright (it is forged or expired), never passed on to the token check.
 */
export const requireStaff = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get("staff")) return next();
  const access = accessConfigFrom(c.env);
  const assertion = c.req.header("cf-access-jwt-assertion");
  if (access && assertion) {
    const identity = await verifyAccessJwt(assertion, access).catch(() => null);
    if (!identity) {
      throw new HttpError(401, "access_denied", "Cloudflare Access 登录凭证无效或已过期：请重新登录");
    }
    c.set("staff", { via: "access", email: identity.email });
    return next();
  }
  const expected = c.env.ADMIN_TOKEN;
  const token = presentedToken(c.req.header("authorization"), getCookie(c, SESSION_COOKIE));
  if (!expected || !token || !timingSafeEqualText(token, expected)) {
    throw new HttpError(
      401,
      "unauthenticated",
      "请先登录：通过单位的 Cloudflare Access 登录，或使用管理令牌（ADMIN_TOKEN）登录",
    );
  }
  c.set("staff", { via: "token", email: null });
  await next();
});
