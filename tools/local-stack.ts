/**
 * `npm start`: the whole product on this machine with no Google account and no outside network.
 * Starts the Sheets emulator (state in .local/), creates the `demo` spreadsheet on first start,
 * writes .dev.vars for the Worker, applies D1 migrations and runs `wrangler dev`. Ctrl-C stops both.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createPublicKey } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import {
  DEV_VARS_FILE,
  EMULATOR_STATE_FILE,
  EMULATOR_URL,
  LOCAL,
  LOCAL_DIR,
  NOTICE_SINK_URL,
  PROJECT_ROOT,
  SERVICE_ACCOUNT_FILE,
  WORKER_URL,
} from "./local-paths";
import { startNoticeSink } from "./notice-sink";
import { startEmulator } from "./sheets-emulator/server";
import { generateServiceAccount, type ServiceAccountKeyFile } from "./sheets-emulator/service-account";

// Wrangler would otherwise phone home (update check, telemetry, Request.cf).
const QUIET_WRANGLER_ENV = {
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_HIDE_BANNER: "true",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  XDG_CONFIG_HOME: `${LOCAL_DIR}/xdg`,
};

async function ensureServiceAccount(): Promise<ServiceAccountKeyFile> {
  if (existsSync(SERVICE_ACCOUNT_FILE)) return JSON.parse(readFileSync(SERVICE_ACCOUNT_FILE, "utf8"));
  const { keyFile } = await generateServiceAccount(LOCAL.serviceAccountEmail);
  writeFileSync(SERVICE_ACCOUNT_FILE, JSON.stringify(keyFile, null, 2), { mode: 0o600 });
  console.log(`generated a local service-account key: ${SERVICE_ACCOUNT_FILE} (git-ignored)`);
  return keyFile;
}

/** package version and commit, e.g. 0.1.0+4f7b1c8 (a clone without git shows just the version). */
function buildVersion(): string {
  const { version } = JSON.parse(readFileSync(`${PROJECT_ROOT}/package.json`, "utf8")) as { version: string };
  const sha = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: PROJECT_ROOT })
    .stdout?.toString()
    .trim();
  return sha ? `${version}+${sha}` : version;
}

function publicKeyPem(keyFile: ServiceAccountKeyFile): string {
  return createPublicKey(keyFile.private_key).export({ type: "spki", format: "pem" }).toString();
}

function writeDevVars(keyFile: ServiceAccountKeyFile) {
  const vars: Record<string, string> = {
    ENVIRONMENT: "development",
    SHEETS_API_BASE: EMULATOR_URL,
    GOOGLE_TOKEN_URL: `${EMULATOR_URL}/token`,
    SPREADSHEET_ID: LOCAL.spreadsheetId,
    GOOGLE_SERVICE_ACCOUNT: JSON.stringify(keyFile),
    ADMIN_TOKEN: LOCAL.adminToken,
    BUILD_VERSION: buildVersion(),
    FORM_SECRET_SUGGESTION: LOCAL.formSecrets.suggestion,
    FORM_SECRET_REPLY: LOCAL.formSecrets.reply,
    FORM_SECRET_RATING: LOCAL.formSecrets.rating,
    // Notices go to the local sink (robots, webhooks and e-mail alike): nothing leaves the machine.
    NOTICE_SINK_URL,
  };
  const text = Object.entries(vars)
    // Single quotes: .dev.vars (dotenv) keeps such a value verbatim, so the key's JSON stays valid.
    .map(([k, v]) => `${k}='${v}'`)
    .join("\n");
  writeFileSync(DEV_VARS_FILE, `# written by npm start; local only, git-ignored\n${text}\n`, { mode: 0o600 });
}

function applyMigrations(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(WRANGLER_BIN, ["d1", "migrations", "apply", "DB", "--local"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...QUIET_WRANGLER_ENV, CI: "true" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error("applying D1 migrations failed"))));
  });
}

/** Once the Worker answers, one sync fills 办理期限, 台账状态 and D1, so the dashboard has data at once. */
async function firstSync(): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt++) {
    try {
      const response = await fetch(`${WORKER_URL}/api/sync`, {
        method: "POST",
        headers: { authorization: `Bearer ${LOCAL.adminToken}` },
      });
      const body = (await response.json()) as { rows?: number; cellsWritten?: number };
      console.log(
        `first sync: ${response.status}, ${body.rows ?? 0} rows, ${body.cellsWritten ?? 0} cells written`,
      );
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

// The local binary directly: npx would spend a second resolving it.
const WRANGLER_BIN = `${PROJECT_ROOT}/node_modules/.bin/wrangler`;

function wrangler(args: string[], stdio: "inherit" | "pipe" = "inherit") {
  return spawn(WRANGLER_BIN, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...QUIET_WRANGLER_ENV },
    stdio,
  });
}

async function main() {
  mkdirSync(LOCAL_DIR, { recursive: true });
  const keyFile = await ensureServiceAccount();
  writeDevVars(keyFile);

  // wrangler takes longest to boot, so it starts first; the emulator, the demo and the D1
  // migrations come up beside it (migrating a local database under a running `wrangler dev` is
  // the documented workflow). The first sync waits for all of them.
  const worker: ChildProcess = wrangler([
    "dev",
    "--ip",
    LOCAL.host,
    "--port",
    String(LOCAL.workerPort),
    "--test-scheduled",
    "--show-interactive-dev-session=false",
  ]);
  const migrating = applyMigrations();
  const emulator = await startEmulator({
    port: LOCAL.emulatorPort,
    host: LOCAL.host,
    staticToken: LOCAL.staticToken,
    stateFile: EMULATOR_STATE_FILE,
    serviceAccounts: [{ client_email: keyFile.client_email, public_key_pem: publicKeyPem(keyFile) }],
  });
  console.log(`Sheets emulator: ${emulator.url} (static bearer token: ${LOCAL.staticToken})`);
  const sink = await startNoticeSink({ port: LOCAL.noticeSinkPort, host: LOCAL.host });
  console.log(`Notice sink: ${sink.url}/messages (every notice the Worker sends lands here)`);
  // Loaded only when needed: the provisioning client libraries take a while to import.
  const { prepareDemoSpreadsheet } = await import("./demo-spreadsheet");
  const seeding = prepareDemoSpreadsheet(emulator.emulator);
  void Promise.all([seeding, migrating]).then(firstSync, (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
  });
  console.log(`Worker: ${WORKER_URL}  (health: ${WORKER_URL}/healthz)`);
  console.log(`Sign in: ${WORKER_URL}/?token=${LOCAL.adminToken}`);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    worker.kill("SIGINT");
    await emulator.close();
    await sink.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  worker.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
