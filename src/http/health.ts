import { Hono } from "hono";
import type { AppEnv } from "../app";
import { createDeps } from "../deps";
import { shortSheetId } from "../domain/sync/switched-sheet";
import { SheetsError } from "../sheets/errors";
import { type Alarm, syncAlarm, waitingAlarm } from "./health-alarms";
import {
  type MissingItem,
  missingMigrationItems,
  missingSecrets,
  SYNC_FAILING_MINUTES,
  type SyncState,
  syncState,
} from "./readiness";

const NO_RETRY = { budgetMs: 0, baseDelayMs: 0, maxDelayMs: 0, maxAttempts: 1 };

/** `retryable`: Google's service or the connection to it failed (5xx, network), not the sheet's set-up. */
type SheetState =
  | { reachable: true; title: string | null }
  | { reachable: false; error: string; hint: string; retryable: boolean }
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
    return {
      reachable: false,
      error: message,
      hint,
      retryable: error instanceof SheetsError && error.retryable,
    };
  }
}

const WHAT: Record<MissingItem["what"], string> = { migration: "数据库迁移", secret: "密钥", sheet: "表格" };

interface GoogleState {
  readonly sync: SyncState;
  readonly waiting: Alarm | null;
}

/**
 * The sync's state and the submissions kept waiting, from D1 (two queries, three while the sync is
 * held); null while D1 is unmigrated or down (said as missing already).
 */
async function googleState(env: AppEnv["Bindings"], migrated: boolean): Promise<GoogleState | null> {
  if (!migrated) return null;
  try {
    const [sync, waiting] = await Promise.all([syncState(env), waitingAlarm(env, Date.now())]);
    return { sync, waiting };
  } catch (error) {
    console.error(
      JSON.stringify({ level: "error", message: "sync state check failed", error: String(error) }),
    );
    return null;
  }
}

/**
 * What to say of Google failing the check of the sheet with an error worth retrying (5xx, a lost
 * connection) once a sync has ended well: a blip, said beside 就绪 (syncs failing for long raise
 * an alarm of their own). Null for any other answer; before any sync ended well nothing tells such
 * a failure from a wrong address, so it stays "missing".
 */
function passingFailure(sheet: SheetState, state: GoogleState | null): string | null {
  if (sheet.reachable !== false || !sheet.retryable || state?.sync.synced !== true) return null;
  return (
    `刚才检查表格时 Google 出错：${sheet.error}。一时的故障会自行恢复，无需处理；` +
    `同步连续失败超过 ${SYNC_FAILING_MINUTES} 分钟时才答复 503`
  );
}

/**
 * GET /healthz: 200 only once the Worker can serve everything (every D1 migration applied, every
 * required secret set, the shared sheet reachable); else 503 with what is missing and how to fix
 * it, in production too. The sheet's answer is reused for 10 s in an isolate (quota); the rest is live.
 *
 * A sync that holds the ledger (a cleared 编号 column, a header missing or repeated) or failed is
 * said in `sync` and in the message, yet keeps 200: the Worker serves every page from the last
 * ledger read, and what mends it is staff's edit in the sheet (or the next cron), not a restart or
 * a rollback that a 503 would prompt a monitor, `npm start` or a deploy check to make. So is a
 * check of the sheet Google answered with a 5xx once a sync has ended well. What lasts answers
 * 503 with `alarms`: syncs failing in a row for SYNC_FAILING_MINUTES, or accepted submissions
 * waiting for their write longer than /problems lets them (a person must look at Google's side).
 * Google refusing the service account (401, 403, 404) is "missing" at once, as before.
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
  const google = googleState(c.env, migrated);
  const secrets = missingSecrets(c.env);
  missing.push(...secrets);
  const sheetSecretsSet = !secrets.some(
    (s) => s.name === "SPREADSHEET_ID" || s.name === "GOOGLE_SERVICE_ACCOUNT",
  );
  const sheet: SheetState = sheetSecretsSet
    ? await sheetState(c)
    : { reachable: null, error: "未检查：SPREADSHEET_ID 或 GOOGLE_SERVICE_ACCOUNT 未设置" };
  const state = await google;
  const blip = passingFailure(sheet, state);
  if (sheet.reachable === false && blip === null) {
    missing.push({ what: "sheet", name: c.env.SPREADSHEET_ID ?? "", fix: sheet.hint });
  }
  const sync = state?.sync.hold ?? null;
  const alarms = [syncAlarm(sync), state?.waiting ?? null].filter((a): a is Alarm => a !== null);
  const ok = missing.length === 0 && alarms.length === 0;
  // A sync alarm says the hold's message already, and makes a failed check of the sheet no blip.
  const syncAlarmed = alarms.some((a) => a.what === "sync");
  const message = healthMessage(
    missing,
    alarms,
    syncAlarmed ? [] : [...(sync ? [sync.message] : []), ...(blip === null ? [] : [blip])],
  );
  const answer = JSON.stringify({ ok, version, message, missing, sheet, sync, alarms });
  return c.body(withoutWholeSheetId(answer, c.env.SPREADSHEET_ID), ok ? 200 : 503, {
    "content-type": "application/json; charset=UTF-8",
  });
});

/**
 * /healthz needs no sign-in, and an office may share its sheet with 知道链接的任何人: the whole ID
 * would open it to anyone. It is shown as the sheet-switch banner shows it, start and end (the
 * operator holds the whole one in SPREADSHEET_ID); Google's error texts may carry it too.
 */
function withoutWholeSheetId(answer: string, id: string | undefined): string {
  const short = id ? shortSheetId(id) : "";
  return id && short !== id ? answer.replaceAll(id, short) : answer;
}

/** One Chinese message: what is missing or what needs a person (503), else 就绪; then what is said beside it. */
function healthMessage(
  missing: readonly MissingItem[],
  alarms: readonly Alarm[],
  notes: readonly string[],
): string {
  const parts: string[] = [];
  if (missing.length > 0)
    parts.push(`尚未就绪：${missing.map((m) => `${WHAT[m.what]} ${m.name}（${m.fix}）`).join("；")}`);
  if (alarms.length > 0) parts.push(`需要处理：${alarms.map((a) => a.message).join("。")}`);
  if (parts.length === 0) return notes.length > 0 ? `就绪。但${notes.join("。")}` : "就绪";
  return [...parts, ...notes.map((n) => `另外，${n}`)].join("。");
}
