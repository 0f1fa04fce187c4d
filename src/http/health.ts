import { Hono } from "hono";
import type { AppEnv } from "../app";
import { createDeps } from "../deps";
import { SheetsError } from "../sheets/errors";
import {
  type MissingItem,
  missingMigrationItems,
  missingSecrets,
  type SyncHold,
  syncHold,
} from "./readiness";

const NO_RETRY = { budgetMs: 0, baseDelayMs: 0, maxDelayMs: 0, maxAttempts: 1 };

type SheetState =
  | { reachable: true; title: string | null }
  | { reachable: false; error: string; hint: string }
  | { reachable: null; error: string };

/**
 * How long one answer from Google stands for /healthz in this isolate. A monitor or `npm start`
 * polling /healthz every few hundred ms must not eat the 60 reads a minute the sync needs.
 */
const SHEET_CHECK_TTL_MS = 10_000;
const lastChecks = new Map<string, { state: SheetState; at: number }>();

/** Forget cached sheet checks (tests that change the sheet's sharing between two requests). */
export function clearSheetChecks(): void {
  lastChecks.clear();
}

async function sheetState(c: { env: AppEnv["Bindings"] }): Promise<SheetState> {
  const key = `${c.env.SHEETS_API_BASE}|${c.env.SPREADSHEET_ID}|${c.env.GOOGLE_SERVICE_ACCOUNT?.length ?? 0}`;
  const last = lastChecks.get(key);
  if (last && Date.now() - last.at < SHEET_CHECK_TTL_MS) return last.state;
  const state = await checkSheet(c);
  lastChecks.set(key, { state, at: Date.now() });
  return state;
}

async function checkSheet(c: { env: AppEnv["Bindings"] }): Promise<SheetState> {
  try {
    const { sheets } = createDeps(c.env, { retry: NO_RETRY });
    const spreadsheet = await sheets.getSpreadsheet({ fields: "spreadsheetId,properties.title" });
    return { reachable: true, title: spreadsheet.properties?.title ?? null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Over quota says nothing about the sheet: the jobs back off and go on, so it is not "missing".
    if (error instanceof SheetsError && error.httpStatus === 429)
      return { reachable: null, error: error.hint };
    const hint =
      error instanceof SheetsError ? error.hint : "无法连接 Google 表格：请检查网络与 SHEETS_API_BASE";
    return { reachable: false, error: message, hint };
  }
}

const WHAT: Record<MissingItem["what"], string> = { migration: "数据库迁移", secret: "密钥", sheet: "表格" };

/** The sync's hold from D1's run log; null too while D1 is unmigrated or down (said as missing already). */
async function syncState(env: AppEnv["Bindings"], migrated: boolean): Promise<SyncHold | null> {
  if (!migrated) return null;
  try {
    return await syncHold(env);
  } catch (error) {
    console.error(
      JSON.stringify({ level: "error", message: "sync state check failed", error: String(error) }),
    );
    return null;
  }
}

/**
 * GET /healthz: 200 only once the Worker can serve everything (every D1 migration applied, every
 * required secret set, the shared sheet reachable); else 503 with what is missing and how to fix
 * it, in production too. The sheet's answer is reused for 10 s in an isolate (quota); the rest is live.
 *
 * A sync that holds the ledger (a cleared 编号 column, a header missing or repeated) or failed is
 * said in `sync` and in the message, yet keeps 200: the Worker serves every page from the last
 * ledger read, and what mends it is staff's edit in the sheet (or the next cron), not a restart or
 * a rollback that a 503 would prompt a monitor, `npm start` or a deploy check to make.
 */
export const healthRoutes = new Hono<AppEnv>().get("/healthz", async (c) => {
  const version = c.env.BUILD_VERSION ?? "dev";
  const missing: MissingItem[] = [];
  let migrated = false;
  try {
    missing.push(...(await missingMigrationItems(c.env)));
    migrated = missing.length === 0;
  } catch (error) {
    missing.push({ what: "migration", name: "(D1)", fix: `数据库无法访问：${String(error)}` });
  }
  const syncing = syncState(c.env, migrated);
  const secrets = missingSecrets(c.env);
  missing.push(...secrets);
  const sheetSecretsSet = !secrets.some(
    (s) => s.name === "SPREADSHEET_ID" || s.name === "GOOGLE_SERVICE_ACCOUNT",
  );
  const sheet: SheetState = sheetSecretsSet
    ? await sheetState(c)
    : { reachable: null, error: "未检查：SPREADSHEET_ID 或 GOOGLE_SERVICE_ACCOUNT 未设置" };
  if (sheet.reachable === false) {
    missing.push({ what: "sheet", name: c.env.SPREADSHEET_ID ?? "", fix: sheet.hint });
  }
  const sync = await syncing;
  const ok = missing.length === 0;
  const readiness = ok
    ? "就绪"
    : `尚未就绪：${missing.map((m) => `${WHAT[m.what]} ${m.name}（${m.fix}）`).join("；")}`;
  const message = sync ? `${readiness}。但${sync.message}` : readiness;
  return c.json({ ok, version, message, missing, sheet, sync }, ok ? 200 : 503);
});
