import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../app";
import { checkAdminToken, closeSession, openSession, requireStaff } from "../auth";
import { safeRedirectTarget } from "../redirect-target";
import { sameOriginForms } from "../security-headers";
import { SignInHelp } from "./error-page";
import { Layout, sendPage } from "./layout";

/**
 * Paths without staff sign-in: the health check, the signed form hooks, the stylesheet, sign-in, and
 * the personal-link pages (/l/<token>/…), whose signed token is the key.
 */
export function isPublicPath(path: string): boolean {
  return (
    path === "/healthz" ||
    path === "/sign-in" ||
    path.startsWith("/hooks/") ||
    path.startsWith("/assets/") ||
    path.startsWith("/l/")
  );
}

const WRONG_LINK = {
  code: "invalid_token",
  message: "登录链接中的令牌不正确：请向管理员索取正确的登录地址",
};
const WRONG_TOKEN = { code: "invalid_token", message: "管理令牌不正确：请核对后重新输入" };

/**
 * `GET …?token=ADMIN_TOKEN` (the link `npm start` prints) signs in once: a session is opened, its id
 * (never the token) goes into an HttpOnly SameSite=Strict cookie, and the browser is sent to the same
 * path without the token, so it stays out of the address bar, history and bookmarks. Only a path of
 * this site is a target: `//evil.example/?token=…` lands on `/`.
 */
export const signInLink = createMiddleware<AppEnv>(async (c, next) => {
  const url = new URL(c.req.url);
  const token = url.searchParams.get("token");
  if (token === null || c.req.method !== "GET" || isPublicPath(url.pathname)) return next();
  await checkAdminToken(c, token, WRONG_LINK);
  await openSession(c);
  return c.redirect(safeRedirectTarget(`${url.pathname}${url.search}`), 303);
});

/** Every page and /api route needs a signed-in user; only the public paths are exempt. */
export const staffGate = createMiddleware<AppEnv>(async (c, next) => {
  if (isPublicPath(c.req.path)) return next();
  return requireStaff(c, next);
});

/**
 * POST /sign-in (the form on the 需要登录 page): the admin token typed in, and `next`, the page to go
 * back to, which must be a path of this site. POST /sign-out ends the session in D1 (an Access
 * session ends at /cdn-cgi/access/logout).
 */
export const signInRoutes = new Hono<AppEnv>()
  .get("/sign-in", (c) =>
    sendPage(
      c,
      <Layout title="登录" nav={null}>
        <div class="error-page">
          <h1>登录</h1>
          <SignInHelp next={safeRedirectTarget(c.req.query("next"))} />
        </div>
      </Layout>,
    ),
  )
  .post("/sign-in", sameOriginForms, async (c) => {
    const form = await c.req.parseBody();
    const token = typeof form.token === "string" ? form.token : "";
    await checkAdminToken(c, token, WRONG_TOKEN);
    await openSession(c);
    return c.redirect(safeRedirectTarget(typeof form.next === "string" ? form.next : "/"), 303);
  });

export const signOutRoutes = new Hono<AppEnv>().post("/sign-out", async (c) => {
  await closeSession(c);
  return sendPage(
    c,
    <Layout title="已退出" nav={null}>
      <div class="error-page">
        <h1>已退出</h1>
        <p>本次登录已在服务器上注销，本浏览器的登录凭证已作废。再次使用请重新登录。</p>
        <p>
          <a href="/">重新登录</a>
        </p>
      </div>
    </Layout>,
  );
});
