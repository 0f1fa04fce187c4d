/**
 * The doctor's thin gatherer: reads wrangler.toml and .dev.vars, asks wrangler (secret list,
 * d1 migrations list), checks the sheet as `sheet:init --check` does, and knocks on the robots'
 * hosts. Everything it learns goes into Facts; it judges nothing.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseEnv, stripVTControlCharacters } from "node:util";
import { parse as parseToml } from "smol-toml";
import { TAB_NAMES } from "../../sheets-schema";
import { settingsOf } from "../../src/domain/ledger-context";
import {
  LOCAL_DIR,
  localD1Flags,
  localStatePaths,
  PROJECT_ROOT,
  startCommand,
  WORKER_URL,
} from "../local-paths";
import { describeChange } from "../provision/change";
import { type Connection, resolveConnection } from "../provision/connection";
import { createSheetsSession, describeApiError, type SheetsSession } from "../provision/google-client";
import { provisionSpreadsheet } from "../provision/provision";
import { QUIET_WRANGLER } from "../wrangler-env";
import type { ConfigFacts, Facts, LocalStackFacts, Outcome, RobotFacts, SheetFacts } from "./facts";
import { type RobotOrigin, robotOrigins } from "./robots";

const WRANGLER_BIN = path.join(PROJECT_ROOT, "node_modules", ".bin", "wrangler");
const QUIET = { ...QUIET_WRANGLER, CI: "true" };
const REACH_TIMEOUT_MS = 5_000;

export interface DoctorOptions {
  readonly local: boolean;
  /** npm start's --state <dir> (local mode): its dev vars and D1 instead of .dev.vars and .wrangler/. */
  readonly state?: string;
  readonly projectRoot: string;
  readonly spreadsheet?: string;
  readonly key?: string;
  readonly url?: string;
  readonly workerUrl?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

function fail<T>(error: unknown): Outcome<T> {
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}

export function readConfig(file: string): Outcome<ConfigFacts> {
  try {
    const toml = parseToml(readFileSync(file, "utf8")) as {
      vars?: Record<string, unknown>;
      triggers?: { crons?: string[] };
      d1_databases?: { binding?: string; database_id?: string }[];
      queues?: { producers?: { queue?: string }[] };
    };
    const db = toml.d1_databases?.find((d) => d.binding === "DB");
    return {
      ok: true,
      value: {
        databaseId: db?.database_id ?? null,
        vars: Object.fromEntries(Object.entries(toml.vars ?? {}).map(([k, val]) => [k, String(val)])),
        crons: toml.triggers?.crons ?? [],
        queues: (toml.queues?.producers ?? []).map((p) => p.queue ?? ""),
      },
    };
  } catch (error) {
    return fail(error);
  }
}

/**
 * Runs the project's wrangler. Locally its config folder is the project's own (.local/xdg, as npm
 * start uses); for a real deployment it is the operator's, where `wrangler login` left its token.
 */
function wrangler(
  args: string[],
  options: DoctorOptions,
): Promise<{ code: number | null; out: string; err: string }> {
  const { env } = options;
  const xdg = options.local ? { XDG_CONFIG_HOME: env.XDG_CONFIG_HOME ?? path.join(LOCAL_DIR, "xdg") } : {};
  return new Promise((resolve) => {
    const child = spawn(WRANGLER_BIN, args, {
      cwd: options.projectRoot,
      env: { ...env, ...QUIET, ...xdg },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      err += c.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

/** The first sentence of wrangler's error line, without colours and log-file notes. */
export function wranglerError(text: string): string {
  const plain = stripVTControlCharacters(text);
  const line = plain.split("\n").find((l) => /ERROR|✘/.test(l)) ?? plain.trim().split("\n")[0] ?? "";
  const message = line.replace(/^.*?\[ERROR\]\s*/, "").trim();
  const sentence = /^(.+?[.。])(\s|$)/.exec(message)?.[1] ?? message;
  return sentence.slice(0, 300) || "wrangler 失败";
}

/** Migration file names `wrangler d1 migrations list` says are still to apply. */
export function pendingMigrations(output: string): string[] {
  if (/No migrations to apply/i.test(output)) return [];
  return [...output.matchAll(/\b(\d{4}_[\w-]+\.sql)\b/g)].map((m) => m[1] as string);
}

/** The run of npm start that --local (and --state) names. */
export function localStackFacts(state: string | undefined): LocalStackFacts {
  const paths = localStatePaths(state);
  return {
    start: startCommand(state),
    devVars: state === undefined ? ".dev.vars" : paths.devVarsFile,
    d1Flags: localD1Flags(paths),
  };
}

async function migrations(options: DoctorOptions): Promise<Outcome<readonly string[]>> {
  const where = options.local ? localStackFacts(options.state).d1Flags : ["--remote"];
  const run = await wrangler(["d1", "migrations", "list", "DB", ...where], options);
  if (run.code !== 0) return { ok: false, error: wranglerError(run.err || run.out) };
  return { ok: true, value: pendingMigrations(run.out) };
}

async function remoteSecrets(options: DoctorOptions): Promise<Outcome<readonly string[]>> {
  const run = await wrangler(["secret", "list", "--format", "json"], options);
  if (run.code !== 0) return { ok: false, error: wranglerError(run.err || run.out) };
  try {
    const list = JSON.parse(run.out.slice(run.out.indexOf("["))) as { name: string }[];
    return { ok: true, value: list.map((s) => s.name) };
  } catch (error) {
    return fail(error);
  }
}

async function knock(url: string): Promise<{ reach: Outcome<number>; unknownHost: boolean }> {
  try {
    const response = await fetch(url, {
      method: "HEAD",
      redirect: "manual",
      signal: AbortSignal.timeout(REACH_TIMEOUT_MS),
    });
    return { reach: { ok: true, value: response.status }, unknownHost: false };
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    const why = code ?? (error instanceof Error ? error.name : String(error));
    return {
      reach: { ok: false, error: why === "TimeoutError" ? "超时" : why },
      unknownHost: code === "ENOTFOUND",
    };
  }
}

async function knockAll(origins: readonly RobotOrigin[]): Promise<RobotFacts[]> {
  return Promise.all(
    origins.map(async (o) =>
      o.invalid
        ? { ...o, reach: { ok: false as const, error: "不是网址" }, unknownHost: false }
        : { ...o, ...(await knock(o.origin)) },
    ),
  );
}

/** Said instead of a robot verdict when the sheet could not be read: nothing is known about them. */
export const ROBOTS_UNREAD = "读不到表格，未检查机器人地址：先修正上面的表格问题";

/** Said instead of the robots in local mode, where no notice goes to a real robot. */
const LOCAL_ROBOTS = "本地模式：所有通知都发到本地通知收件箱，不检查真实的机器人地址";

/**
 * The sheet, checked as `sheet:init --check` does, then (unless `local`) the robots of 承办单位 and
 * 代表 (one more read, and a HEAD to each well-formed address's host), through one session. A key
 * that cannot be loaded or that Google turns down is the sheet's problem, said in Chinese, and
 * leaves the robots unchecked rather than reported as unset. `key`: the key as the operator knows
 * it (default: the key file).
 */
export async function sheetAndRobots(
  connection: Connection,
  spreadsheetId: string,
  { key, local = false }: { key?: string; local?: boolean } = {},
): Promise<Pick<Facts, "sheet" | "robots">> {
  const base = { spreadsheetId, apiBase: connection.apiBase };
  let session: SheetsSession;
  try {
    session = createSheetsSession(connection);
  } catch (error) {
    const sheet = { ...base, serviceAccount: "", layout: fail<never>(error) };
    return { sheet, robots: { skipped: ROBOTS_UNREAD } };
  }
  const target = { spreadsheetId, email: session.email, connection, ...(key ? { key } : {}) };
  const facts = { ...base, serviceAccount: session.email };
  let sheet: SheetFacts;
  try {
    // sheet:init --check; its read of 设置 gives 代表工委联系电话 without another Sheets call.
    const { plan, snapshot } = await provisionSpreadsheet(session.api, spreadsheetId, { check: true });
    const changes = plan.changes.map(describeChange);
    const settings = snapshot.tabs.find((t) => t.title === TAB_NAMES.settings)?.values;
    sheet = {
      ...facts,
      layout: { ok: true, value: { changes, notes: plan.notes } },
      officePhone: settingsOf({ [TAB_NAMES.settings]: settings }).officePhone,
    };
    if (local) return { sheet, robots: { skipped: LOCAL_ROBOTS } };
  } catch (error) {
    const layout = { ok: false as const, error: describeApiError(error, target) };
    return { sheet: { ...facts, layout }, robots: { skipped: ROBOTS_UNREAD } };
  }
  try {
    return { sheet, robots: await knockAll(await robotOrigins(session.api, spreadsheetId)) };
  } catch (error) {
    const why = describeApiError(error, target);
    // Most often a tab the check above found missing: its fix comes first.
    const first =
      sheet.layout.ok && sheet.layout.value.changes.length > 0
        ? `：先按上面的提示运行 npm run sheet:init -- --spreadsheet ${spreadsheetId}，再检查一次`
        : "";
    return {
      sheet,
      robots: { skipped: `读不到承办单位和代表的机器人地址，未检查机器人地址${first}（${why}）` },
    };
  }
}

async function health(url: string): Promise<NonNullable<Facts["health"]>> {
  const target = `${url.replace(/\/+$/, "")}/healthz`;
  try {
    const response = await fetch(target, { signal: AbortSignal.timeout(REACH_TIMEOUT_MS) });
    const text = await response.text();
    let message = text.slice(0, 300);
    try {
      const body = JSON.parse(text) as { message?: unknown; sheet?: { error?: unknown } };
      message = String(body.message ?? body.sheet?.error ?? message);
    } catch {
      // Not JSON: the text is kept.
    }
    return { url: target, reach: { ok: true, value: { status: response.status, message } } };
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    return { url: target, reach: { ok: false, error: code ?? String(error) } };
  }
}

/**
 * Local mode: the dev vars npm start wrote stand for the secrets, their emulator for Google, and
 * their PUBLIC_URL is the Worker (so a stack started on other ports or with --state is the one checked).
 */
async function gatherLocal(
  options: DoctorOptions,
  base: Pick<Facts, "config" | "migrations">,
): Promise<Facts> {
  const local = localStackFacts(options.state);
  const devVars = localStatePaths(options.state).devVarsFile;
  if (!existsSync(devVars)) {
    const missing = { ok: false as const, error: `${devVars} 不存在` };
    return {
      mode: "local",
      local,
      ...base,
      secrets: missing,
      sheet: { skipped: `没有 ${local.devVars}：先运行 ${local.start}` },
      robots: { skipped: "本地模式" },
    };
  }
  const vars = parseEnv(readFileSync(devVars, "utf8"));
  const scratch = mkdtempSync(path.join(tmpdir(), "jianyi-doctor-"));
  try {
    const keyFile = path.join(scratch, "key.json");
    writeFileSync(keyFile, vars.GOOGLE_SERVICE_ACCOUNT ?? "{}", { mode: 0o600 });
    const connection = resolveConnection(
      { SHEETS_API_BASE: vars.SHEETS_API_BASE, GOOGLE_TOKEN_URL: vars.GOOGLE_TOKEN_URL },
      // --state only for the advice when its emulator does not answer ("运行 npm start -- --state …").
      { key: keyFile, spreadsheet: vars.SPREADSHEET_ID, state: options.state },
    );
    const id = connection.spreadsheetId ?? "";
    const sink = vars.NOTICE_SINK_URL;
    return {
      mode: "local",
      local,
      ...base,
      secrets: { ok: true, value: Object.keys(vars) },
      sheet: id
        ? (
            await sheetAndRobots(connection, id, {
              key: `${local.devVars} 里的 GOOGLE_SERVICE_ACCOUNT`,
              local: true,
            })
          ).sheet
        : { skipped: `${local.devVars} 里没有 SPREADSHEET_ID` },
      robots: { skipped: LOCAL_ROBOTS },
      ...(sink ? { sink: { url: sink, reach: (await knock(`${sink}/messages`)).reach } } : {}),
      health: await health(options.workerUrl ?? vars.PUBLIC_URL ?? WORKER_URL),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export async function gatherFacts(options: DoctorOptions): Promise<Facts> {
  const config = readConfig(path.join(options.projectRoot, "wrangler.toml"));
  const base = { config, migrations: await migrations(options) };
  if (options.local) return gatherLocal(options, base);
  const connection = resolveConnection(options.env, {
    key: options.key,
    spreadsheet: options.spreadsheet,
    url: options.url,
  });
  const id = connection.spreadsheetId;
  const noKey =
    "Cloudflare 不会读回已设置的密钥，所以要检查表格，请在本机提供服务账号密钥：GOOGLE_APPLICATION_CREDENTIALS=key.json npm run doctor -- --spreadsheet <id>";
  const canReadSheet = !connection.local && id;
  return {
    mode: "remote",
    ...base,
    secrets: await remoteSecrets(options),
    ...(canReadSheet
      ? await sheetAndRobots(connection, id)
      : {
          sheet: { skipped: noKey },
          robots: { skipped: "要读承办单位和代表的机器人地址，同样需要服务账号密钥和 --spreadsheet" },
        }),
    ...(options.workerUrl ? { health: await health(options.workerUrl) } : {}),
  };
}
