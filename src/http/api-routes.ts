import { Hono } from "hono";
import type { AppEnv } from "../app";
import { requireStaff } from "./auth";
import { noticesRoutes } from "./notices-routes";
import { samplingApiRoutes } from "./sampling-routes";
import { syncRoutes } from "./sync-routes";

/** /api/*: staff only. */
export const apiRoutes = new Hono<AppEnv>()
  .use(requireStaff)
  .route("/", syncRoutes)
  .route("/", samplingApiRoutes)
  .route("/", noticesRoutes);
