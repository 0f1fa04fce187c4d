import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app";
import { HttpError } from "./errors";

/**
 * Scripts and styles only from this Worker (/assets; no inline script: pages work without
 * JavaScript; the two scripts are the reply form's upload, which only sends the 答复函 back here,
 * and the 打印 buttons'), images
 * only inline (SVG charts are inline markup), forms only back to this Worker, and no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join("; ");

/** Security headers on every response, errors included. */
export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const h = c.res.headers;
  h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  h.set("X-Content-Type-Options", "nosniff");
  h.set("X-Frame-Options", "DENY");
  // The one-time sign-in link and a personal link carry a token in their URL: no URL is passed on to
  // another site. Not no-referrer: under it a browser sends a same-origin form post with `Origin:
  // null` (Fetch, "append a request Origin header"), and one that sends no Sec-Fetch-Site either
  // (Safari before 16.4, older in-app WebViews) would be refused by sameOriginForms below.
  h.set("Referrer-Policy", "same-origin");
  h.set("Cross-Origin-Opener-Policy", "same-origin");
  h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  // Pages show who is overdue: nothing is kept by shared proxies or the browser's back button.
  if (!h.has("Cache-Control")) h.set("Cache-Control", "no-store");
});

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i;

/**
 * `Authorization: Bearer <token>` (the scheme in any case, RFC 9110 §11.1): a script's header, never
 * attached by a browser on its own, so such a request cannot be forged. Any other scheme can be:
 * a browser keeps Basic, Digest, NTLM or Negotiate credentials a site (an intranet proxy, a
 * gateway's login box) once asked for, and sends them with another site's form too.
 */
const BEARER = /^bearer[ \t]+\S/i;

/**
 * Cross-site form posts are refused: a form (the only kind of request another site can make a
 * browser send with our cookie) must come from a page of this Worker. Bearer-token and JSON clients
 * and the signed form hooks are not affected.
 */
export const sameOriginForms = createMiddleware<AppEnv>(async (c, next) => {
  const method = c.req.method;
  const type = c.req.header("content-type") ?? "text/plain";
  const bearer = BEARER.test(c.req.header("authorization") ?? "");
  const unsafe = method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
  if (unsafe && !bearer && FORM_TYPES.test(type) && !c.req.path.startsWith("/hooks/")) {
    const site = c.req.header("sec-fetch-site");
    const origin = c.req.header("origin");
    const sameOrigin = site === "same-origin" || origin === new URL(c.req.url).origin;
    if (!sameOrigin) throw new HttpError(403, "cross_site_form", "只能从本系统的页面提交表单");
  }
  await next();
});
