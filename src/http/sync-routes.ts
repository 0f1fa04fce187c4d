import { Hono } from "hono";
import * as z from "zod";
import type { AppEnv } from "../app";
import { createDeps } from "../deps";
import { restoreSuggestion } from "../jobs/sync/restore";
import { restoreSuggestions } from "../jobs/sync/restore-many";
import { runSync, startSync } from "../jobs/sync/run-sync";
import { actorOf } from "./actor";
import { HttpError } from "./errors";
import { CLICK_RETRY, restoreError } from "./restore-error";

/**
 * Staff routes of the sync: run it now, see the last run, restore a vanished suggestion.
 * POST /api/sync starts a run as the cron does (a chunk of rows per invocation, through the sync
 * queue) and answers 202; with ?wait=1 the whole run happens in this request and its result is the
 * answer (tools and tests; on the Free plan only for a ledger of one chunk).
 */
const RESTORE_MANY_BODY = z.object({ ids: z.array(z.string().max(50)).min(1).max(10_000) });

export const syncRoutes = new Hono<AppEnv>()
  .post("/sync", async (c) => {
    const deps = createDeps(c.env);
    const wait = c.req.query("wait") === "1";
    const result = wait ? await runSync(deps, "api", Date.now()) : await startSync(deps, "api", Date.now());
    if (result.outcome === "skipped") return c.json(result, 409);
    if (result.outcome === "started") return c.json(result, 202);
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
  // Several vanished suggestions at once: { "ids": ["2026-008", …] }, at most RESTORE_AT_ONCE.
  .post("/suggestions/restore", async (c) => {
    const body = RESTORE_MANY_BODY.safeParse(await c.req.json().catch(() => null));
    if (!body.success)
      throw new HttpError(400, "invalid_body", '请求体须为 {"ids": ["编号", …]}：ids 为编号的列表');
    const deps = createDeps(c.env, { retry: CLICK_RETRY });
    const result = await restoreSuggestions(deps, body.data.ids, Date.now(), actorOf(c).label);
    if (!result.ok) throw restoreError(result);
    return c.json(result);
  })
  .post("/suggestions/:id/restore", async (c) => {
    const id = c.req.param("id");
    const deps = createDeps(c.env, { retry: CLICK_RETRY });
    const result = await restoreSuggestion(deps, id, Date.now(), actorOf(c).label);
    if (!result.ok) throw restoreError(result);
    return c.json(result, 201);
  });
