import { Hono } from "hono";
import type { AppEnv } from "../app";
import { createDeps } from "../deps";

const NO_RETRY = { budgetMs: 0, baseDelayMs: 0, maxDelayMs: 0, maxAttempts: 1 };

/** GET /healthz: always 200 while the Worker runs; says whether the shared sheet answers. */
export const healthRoutes = new Hono<AppEnv>().get("/healthz", async (c) => {
  const version = c.env.BUILD_VERSION ?? "dev";
  try {
    const { sheets } = createDeps(c.env, { retry: NO_RETRY });
    const spreadsheet = await sheets.getSpreadsheet({ fields: "spreadsheetId,properties.title" });
    return c.json({
      ok: true,
      version,
      sheet: { reachable: true, title: spreadsheet.properties?.title ?? null },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return c.json({ ok: true, version, sheet: { reachable: false, error: message } });
  }
});
