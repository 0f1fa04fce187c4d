import { createMiddleware } from "hono/factory";
import { DEFAULT_TIME_ZONE } from "../../sheets-schema/settings";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import type { AppEnv } from "../app";
import { SHEET_SWITCH_FIX } from "../domain/sync/switched-sheet";
import type { Env } from "../env";
import { localDateTime } from "../jobs/local-time";
import { linkSettingProblems } from "../links/link-settings";
import { META_SUMMARY } from "../store/meta";
import { missingMigrations } from "../store/migrations";
import {
  createSyncRunLog,
  failedRunRetries,
  type SyncRunRecord,
  sheetSwitchOf,
  skippedLedger,
} from "../store/sync-runs";
import { HttpError } from "./errors";

/** One thing the Worker still needs before it can serve everything, with what to do about it. */
export interface MissingItem {
  what: "migration" | "secret" | "sheet";
  name: string;
  fix: string;
}

const REQUIRED_SECRETS = [
  "SPREADSHEET_ID",
  "GOOGLE_SERVICE_ACCOUNT",
  "ADMIN_TOKEN",
  "FORM_SECRET_SUGGESTION",
  "FORM_SECRET_REPLY",
  "FORM_SECRET_RATING",
] as const satisfies readonly (keyof Env)[];

function isServiceAccountJson(raw: string): boolean {
  try {
    const key = JSON.parse(raw) as { client_email?: unknown; private_key?: unknown };
    return typeof key.client_email === "string" && typeof key.private_key === "string";
  } catch {
    return false;
  }
}

/** Required secrets that are unset, blank, or unusable (the service account not a key file, a short LINK_SECRET). */
export function missingSecrets(env: Env): MissingItem[] {
  const missing: MissingItem[] = [];
  for (const name of REQUIRED_SECRETS) {
    const value = env[name];
    if (typeof value !== "string" || value.trim() === "") {
      const input = name === "GOOGLE_SERVICE_ACCOUNT" ? " < key.json" : "";
      missing.push({ what: "secret", name, fix: `运行 npx wrangler secret put ${name}${input}` });
    } else if (name === "GOOGLE_SERVICE_ACCOUNT" && !isServiceAccountJson(value)) {
      missing.push({
        what: "secret",
        name,
        fix: "GOOGLE_SERVICE_ACCOUNT 不是服务账号的 JSON 密钥：运行 npx wrangler secret put GOOGLE_SERVICE_ACCOUNT < key.json",
      });
    }
  }
  // Personal links need their key and the Worker's address (every notice to a unit or deputy carries one).
  for (const p of linkSettingProblems(env)) missing.push({ what: "secret", name: p.name, fix: p.fix });
  return missing;
}

/** How to apply migrations where this Worker runs: the deployed database, or the local one. */
export function migrationFix(env: Pick<Env, "ENVIRONMENT">): string {
  return env.ENVIRONMENT === "production"
    ? "运行 npx wrangler d1 migrations apply DB --remote"
    : "运行 npx wrangler d1 migrations apply DB --local";
}

export async function missingMigrationItems(env: Env): Promise<MissingItem[]> {
  const fix = migrationFix(env);
  return (await missingMigrations(env.DB)).map((name) => ({ what: "migration", name, fix }));
}

/** Databases known to hold every migration of this build; the answer cannot change back. */
const migrated = new WeakSet<D1Database>();

/**
 * Until D1 holds every migration of this build, every route but /healthz and the stylesheet answers
 * 503 in the one error shape, naming what is missing, instead of a 500 "no such table". A positive
 * answer is kept for the isolate's life, so a serving Worker spends no query on this.
 */
export const requireMigrations = createMiddleware<AppEnv>(async (c, next) => {
  const path = c.req.path;
  if (migrated.has(c.env.DB) || path === "/healthz" || path.startsWith("/assets/")) return next();
  let missing: MissingItem[];
  try {
    missing = await missingMigrationItems(c.env);
  } catch (error) {
    console.error(
      JSON.stringify({ level: "error", message: "readiness check failed", error: String(error) }),
    );
    // Not "not ready": the migrations may all be there; D1 did not answer (its page says so).
    throw new HttpError(503, "db_unavailable", "数据库暂时无法访问：请稍后重试", undefined, {
      "Retry-After": "10",
    });
  }
  if (missing.length === 0) {
    migrated.add(c.env.DB);
    return next();
  }
  const names = missing.map((m) => m.name).join("、");
  throw new HttpError(
    503,
    "not_ready",
    `系统尚未就绪：数据库迁移 ${names} 尚未应用，请稍后重试。管理员请${migrationFix(c.env)}`,
    missing,
    { "Retry-After": "10" },
  );
});

/**
 * The sync is held: its last run failed, or did not read 建议台账 (a cleared 编号 column, a header
 * missing or repeated, the tab gone). The Worker still serves, from the last ledger read, so this
 * is no reason for "not ready": it is said beside it, for the operator to see and pass on. Only
 * syncs that keep failing past SYNC_FAILING_MINUTES make /healthz answer 503 (`failing.sustained`).
 */
export interface SyncHold {
  /**
   * "ledger-skipped": the last run finished without reading the ledger; "failed": it failed;
   * "sheet-switched": it held, SPREADSHEET_ID naming another spreadsheet than D1's history (staff
   * confirm on the dashboard, or the operator points it back: no alarm, however long it lasts).
   */
  readonly state: "ledger-skipped" | "failed" | "sheet-switched";
  /** Why, as the dashboard's banner says it (the run's skipped-ledger reason or its error). */
  readonly reason: string;
  /** When the first run since the last one that read the ledger started (ISO). */
  readonly since: string;
  /** When the last run that read the ledger finished (ISO); null: none did yet. */
  readonly readAt: string | null;
  /** What to do, in Chinese. */
  readonly fix: string;
  /** All of it in one Chinese sentence, local times in 设置 时区. */
  readonly message: string;
  /**
   * "failed": the syncs failed in a row since the last one that ended well (ledger read or not):
   * the first one's start, how many, and whether they span SYNC_FAILING_MINUTES (then the
   * message and fix say it needs a person, and /healthz answers 503).
   */
  readonly failing?: { readonly since: string; readonly runs: number; readonly sustained: boolean };
}

/** What /healthz reads of the sync log: the hold, and whether any sync ever ended well. */
export interface SyncState {
  readonly hold: SyncHold | null;
  /** A sync ended well once (ledger read or not): a failing check of the sheet may be a blip. */
  readonly synced: boolean;
}

/**
 * How long syncs may keep failing, by their own start times, before it is trouble for a person:
 * with the cron every 10 minutes, the fourth failure in a row. One failure the next sync mends is not.
 */
export const SYNC_FAILING_MINUTES = 30;

const SUSTAINED_FIX =
  `已连续失败超过 ${SYNC_FAILING_MINUTES} 分钟，不像一时的故障，需要有人处理：请按失败原因处理` +
  "（Google 服务故障时等它恢复；超出调用上限时在 Google Cloud 控制台“API 和服务”→ Google Sheets API →“配额”查看用量）；" +
  "处理好后下次定时同步（每 10 分钟一次）自动恢复，无需重启或重新部署";

/**
 * Asked only once the last run did not read the ledger: when the streak began, when the ledger was
 * last read, whether any run ended well, when the failures in a row since the last run that did
 * began and how many, and the office's zone from the summary stamp, in one statement. The last
 * good run is found walking back from the newest (sync_runs_by_outcome): a streak's runs, not the
 * whole log. Runs held for a changed SPREADSHEET_ID wait for staff, not for a fix: they start no
 * failing streak (a real failure after staff confirmed is not "failing for 30 minutes" at once).
 */
const HOLD_STREAK = `WITH good AS (
    SELECT id, finished_at FROM sync_runs AS r
    WHERE outcome = 'ok' AND NOT EXISTS (
      SELECT 1 FROM json_each(r.summary, '$.skippedTabs') AS s WHERE json_extract(s.value, '$.tab') = ?1)
    ORDER BY id DESC LIMIT 1)
  , ended AS (SELECT id FROM sync_runs WHERE outcome = 'ok' ORDER BY id DESC LIMIT 1)
  SELECT (SELECT finished_at FROM good) AS read_at,
    (SELECT MIN(started_at) FROM sync_runs
      WHERE outcome IN ('ok', 'failed') AND id > COALESCE((SELECT id FROM good), 0)) AS since,
    (SELECT id FROM ended) IS NOT NULL AS synced,
    (SELECT MIN(started_at) FROM sync_runs
      WHERE outcome = 'failed' AND id > COALESCE((SELECT id FROM ended), 0)
        AND json_extract(summary, '$.sheetSwitch') IS NULL) AS failing_since,
    (SELECT COUNT(*) FROM sync_runs
      WHERE outcome = 'failed' AND id > COALESCE((SELECT id FROM ended), 0)
        AND json_extract(summary, '$.sheetSwitch') IS NULL) AS failed_runs,
    (SELECT json_extract(value, '$.timeZone') FROM meta WHERE key = ?2) AS time_zone`;

/**
 * Whether the sync is held, from the run log the dashboard's banner reads (its last finished run):
 * one query while all is well, a second while held. The hold is null when the last run read the
 * ledger (or no run finished yet: the first cron comes within 10 minutes).
 */
export async function syncState(env: Env): Promise<SyncState> {
  const run = await createSyncRunLog(env.DB).last();
  if (!run) return { hold: null, synced: false };
  const skipped = run.outcome === "ok" ? skippedLedger(run) : null;
  if (run.outcome === "ok" && skipped === null) return { hold: null, synced: true };
  const streak = await env.DB.prepare(HOLD_STREAK).bind(TAB_NAMES.ledger, META_SUMMARY).first<HoldStreak>();
  return { hold: holdOf(run, skipped, streak), synced: run.outcome === "ok" || streak?.synced === 1 };
}

interface HoldStreak {
  read_at: string | null;
  since: string | null;
  synced: number;
  failing_since: string | null;
  failed_runs: number;
  time_zone: string | null;
}

function holdOf(run: SyncRunRecord, skipped: string | null, streak: HoldStreak | null): SyncHold {
  const timeZone = streak?.time_zone || DEFAULT_TIME_ZONE;
  const local = (iso: string) => {
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? iso : localDateTime(ms, timeZone);
  };
  const since = streak?.since ?? run.startedAt;
  const readAt = streak?.read_at ?? null;
  const last = local(run.finishedAt ?? run.startedAt);
  const kept = readAt
    ? `自 ${local(since)} 起没有一次同步读到台账，页面、统计和提醒沿用 ${local(readAt)} 那次同步读到的台账`
    : "还没有一次同步读到台账，页面暂无数据";
  if (skipped !== null) {
    const fix = `请按表格『${TAB_NAMES.problems}』中『${TAB_NAMES.ledger}』的错误说明修好台账，下次定时同步（每 10 分钟一次）即自动恢复，无需重启或重新部署`;
    return {
      state: "ledger-skipped",
      reason: skipped,
      since,
      readAt,
      fix,
      message: `台账暂停同步：最近一次同步（${last}）没有读取『${TAB_NAMES.ledger}』：${skipped}。${kept}。${fix}`,
    };
  }
  const reason = run.error ?? "原因未知";
  if (sheetSwitchOf(run) !== null)
    return {
      state: "sheet-switched",
      reason,
      since,
      readAt,
      fix: SHEET_SWITCH_FIX,
      message: `台账暂停同步：最近一次同步（${last}）没有读写表格：${reason}。${kept}`,
    };
  const failingSince = streak?.failing_since ?? run.startedAt;
  const runs = Math.max(streak?.failed_runs ?? 1, 1);
  const sustained = Date.parse(run.startedAt) - Date.parse(failingSince) >= SYNC_FAILING_MINUTES * 60_000;
  const failing = { since: failingSince, runs, sustained };
  if (sustained) {
    return {
      state: "failed",
      reason,
      since,
      readAt,
      fix: SUSTAINED_FIX,
      failing,
      message: `同步自 ${local(failingSince)} 起连续失败 ${runs} 次（最近一次 ${local(run.startedAt)} 开始）：${reason}。${kept}。${SUSTAINED_FIX}`,
    };
  }
  // A retry mends Google's passing trouble; not a failure whose reason says what staff must do first.
  const fix = failedRunRetries(run)
    ? "请按失败原因处理；下次定时同步（每 10 分钟一次）会自动重试，看板顶部也显示这次失败"
    : "请按上面的说明处理，处理好后下次定时同步（每 10 分钟一次）即恢复，看板顶部也显示这次失败";
  return {
    state: "failed",
    reason,
    since,
    readAt,
    fix,
    failing,
    message: `同步失败：最近一次同步（${last}）失败：${reason}。${kept}。${fix}`,
  };
}
