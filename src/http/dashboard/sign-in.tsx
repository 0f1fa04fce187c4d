import { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../app";
import { requireStaff, SESSION_COOKIE, timingSafeEqualText } from "../auth";
import { HttpError } from "../errors";
import { Layout, sendPage } from "./layout";

/** A token sign-in lasts a working day; then the link is opened again. */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** Paths anyone may reach: the health check, the signed form hooks and the stylesheet. */
export function isPublicPath(path: string): boolean {
  return path === "/healthz" || path.startsWith("/hooks/") || path.startsWith("/assets/");
}

/**
 * `GET …?token=ADMIN_TOKEN` (the link `npm start` prints) signs in once: the token goes into an
 * HttpOnly SameSite=Strict cookie and the browser is sent to the same URL without it, so the token
 * does not stay in the address bar, history or bookmarks.
 */
export const signInLink = createMiddleware<AppEnv>(async (c, next) => {
  const url = new URL(c.req.url);
  const token = url.searchParams.get("token");
  if (token === null || c.req.method !== "GET" || isPublicPath(url.pathname)) return next();
  const expected = c.env.ADMIN_TOKEN;
  if (!expected || !timingSafeEqualText(token, expected)) {
    throw new HttpError(401, "invalid_token", "登录链接中的令牌不正确：请向管理员索取正确的登录地址");
  }
  setCookie(c, SESSION_COOKIE, expected, {
    httpOnly: true,
    sameSite: "Strict",
    secure: url.protocol === "https:",
    path: "/",
    maxAge: SESSION_MAX_AGE_S,
  });
  url.searchParams.delete("token");
  return c.redirect(`${url.pathname}${url.search}`, 303);
});

/** Every page and /api route needs a signed-in user; only the public paths are exempt. */
export const staffGate = createMiddleware<AppEnv>(async (c, next) => {
  if (isPublicPath(c.req.path)) return next();
  return requireStaff(c, next);
});

/** POST /sign-out: forgets the token cookie (an Access session ends at /cdn-cgi/access/logout). */
export const signOutRoutes = new Hono<AppEnv>().post("/sign-out", (c) => {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
  return sendPage(
    c,
    <Layout title="已退出" nav="none">
      <div class="error-page">
        <h1>已退出</h1>
        <p>本浏览器已不再保存管理令牌。再次使用请打开管理员提供的登录链接。</p>
      </div>
    </Layout>,
  );
});
