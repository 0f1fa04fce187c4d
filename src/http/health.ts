import { Hono } from "hono";
import type { AppEnv } from "../app";

export const healthRoutes = new Hono<AppEnv>().get("/healthz", (c) =>
  c.json({ ok: true, version: c.env.BUILD_VERSION ?? "dev" }),
);
