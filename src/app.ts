import "./zod-locale";
import { Hono } from "hono";
import type { Capability } from "./domain/links/capability";
import type { Env } from "./env";
import { apiRoutes } from "./http/api-routes";
import type { StaffIdentity } from "./http/auth";
import { assessmentRoutes } from "./http/dashboard/assessment-routes";
import { discardRoutes } from "./http/dashboard/discard-routes";
import { answersWithPage, renderPageError } from "./http/dashboard/error-page";
import { opinionsRoutes } from "./http/dashboard/opinions-routes";
import { assetRoutes, pagesRoutes } from "./http/dashboard/pages-routes";
import { sheetSwitchRoutes } from "./http/dashboard/sheet-switch-routes";
import { signInLink, signInRoutes, signOutRoutes, staffGate } from "./http/dashboard/sign-in";
import { suggestionRoutes } from "./http/dashboard/suggestion-routes";
import { visitFormRoutes } from "./http/dashboard/visit-form-routes";
import { HttpError, renderError } from "./http/errors";
import { exportsRoutes } from "./http/exports-routes";
import { filesRoutes } from "./http/files-routes";
import { healthRoutes } from "./http/health";
import { hooksRoutes } from "./http/hooks-routes";
import { linkRoutes } from "./http/links/link-routes";
import { linksRoutes } from "./http/links-routes";
import { objectionRoutes } from "./http/objection-routes";
import { requireMigrations } from "./http/readiness";
import { samplingRoutes } from "./http/sampling-routes";
import { sameOriginForms, securityHeaders } from "./http/security-headers";

export interface AppVariables {
  requestId: string;
  /** Set by the sign-in check (requireStaff). */
  staff?: StaffIdentity;
  /** Set by the personal-link check (src/http/links/link-gate.ts): the link's capability. */
  link?: Capability;
  /** The path prefix of the link's pages, `/l/<token>`. */
  linkBase?: string;
}

export type AppEnv = { Bindings: Env; Variables: AppVariables };

/** Builds the Hono app: request ids, the one error shape, and every route group. */
export function createApp() {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("requestId", c.req.header("cf-ray") ?? crypto.randomUUID());
    await next();
  });
  app.use(securityHeaders);
  // Pages get the error as a Chinese page; the API, exports and hooks get the JSON shape.
  app.onError((err, c) =>
    answersWithPage(c.req.path, c.req.header("accept")) ? renderPageError(err, c) : renderError(err, c),
  );
  app.notFound((c) => {
    if (answersWithPage(c.req.path, c.req.header("accept")))
      return renderPageError(new HttpError(404, "not_found", "没有这个页面"), c);
    return c.json(
      { error: { code: "not_found", message: "没有这个地址", requestId: c.get("requestId") } },
      404,
    );
  });
  // Until D1 holds every migration, everything but /healthz answers 503 (never a 500).
  app.use(requireMigrations);
  app.route("/", healthRoutes);
  app.route("/hooks", hooksRoutes);
  app.route("/", assetRoutes);
  app.route("/", signInRoutes);
  // Everything else needs a signed-in user (Access JWT, admin-token session, or bearer token);
  // ?token= and POST /sign-in open a session. Personal links (/l/…) carry their own key instead,
  // and their forms pass the same-origin check like the dashboard's.
  app.use(signInLink, staffGate, sameOriginForms);
  app.route("/", linkRoutes);
  app.route("/", filesRoutes);
  app.route("/api", apiRoutes);
  app.route("/exports", exportsRoutes);
  app.route("/", signOutRoutes);
  app.route("/", pagesRoutes);
  app.route("/", assessmentRoutes);
  app.route("/", opinionsRoutes);
  app.route("/", suggestionRoutes);
  app.route("/", discardRoutes);
  app.route("/", sheetSwitchRoutes);
  app.route("/", samplingRoutes);
  app.route("/", visitFormRoutes);
  app.route("/", linksRoutes);
  app.route("/", objectionRoutes);
  return app;
}

export const app = createApp();
