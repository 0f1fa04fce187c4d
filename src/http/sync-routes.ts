import { Hono } from "hono";
import type { AppEnv } from "../app";
import { createDeps } from "../deps";
import { restoreSuggestion } from "../jobs/sync/restore";
import { runSync } from "../jobs/sync/run-sync";
import { actorOf } from "./actor";
import { HttpError } from "./errors";

/** Staff routes of the sync: run it now, see the last run, restore a vanished suggestion. */
export const syncRoutes = new Hono<AppEnv>()
  .post("/sync", async (c) => {
    const result = await runSync(createDeps(c.env), "api", Date.now());
    if (result.outcome === "skipped") return c.json(result, 409);
    if (result.outcome === "failed") {
      throw new HttpError(result.retryable ? 503 : 502, "sync_failed", `同步失败：${result.message}`, {
        runId: result.runId,
      });
    }
    return c.json(result);
  })
  .get("/sync/last", async (c) => {
    const last = await createDeps(c.env).runs.last();
    if (!last) throw new HttpError(404, "no_sync_yet", "尚未同步过");
    return c.json(last);
  })
  .post("/suggestions/:id/restore", async (c) => {
    const id = c.req.param("id");
    const result = await restoreSuggestion(createDeps(c.env), id, Date.now(), actorOf(c).label);
    if (!result.ok) {
      const status = result.code === "not_found" ? 404 : result.code === "busy" ? 503 : 409;
      throw new HttpError(status, result.code, result.message, { row: result.row ?? null });
    }
    return c.json(result, 201);
  });
