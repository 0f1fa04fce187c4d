import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app";
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

/** Staff only: a bearer or cookie ADMIN_TOKEN. (Cloudflare Access arrives with the dashboard.) */
export const requireStaff = createMiddleware<AppEnv>(async (c, next) => {
  const expected = c.env.ADMIN_TOKEN;
  const token = presentedToken(c.req.header("authorization"), getCookie(c, SESSION_COOKIE));
  if (!expected || !token || !timingSafeEqualText(token, expected)) {
    throw new HttpError(401, "unauthenticated", "请先登录：需要有效的管理令牌（ADMIN_TOKEN）");
  }
  await next();
});
