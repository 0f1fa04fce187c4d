import { Hono } from "hono";
import type { Env } from "./env";
import { apiRoutes } from "./http/api-routes";
import { renderError } from "./http/errors";
import { healthRoutes } from "./http/health";
import { hooksRoutes } from "./http/hooks-routes";

export interface AppVariables {
  requestId: string;
}

export type AppEnv = { Bindings: Env; Variables: AppVariables };

/** Builds the Hono app: request ids, the one error shape, and every route group. */
export function createApp() {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("requestId", c.req.header("cf-ray") ?? crypto.randomUUID());
    await next();
  });
  app.onError(renderError);
  app.notFound((c) =>
    c.json({ error: { code: "not_found", message: "没有这个地址", requestId: c.get("requestId") } }, 404),
  );
  app.route("/", healthRoutes);
  app.route("/api", apiRoutes);
  app.route("/hooks", hooksRoutes);
  return app;
}

export const app = createApp();
