/**
 * `npm start`: the whole product on this machine with no Google account and no outside network.
 * Starts the Sheets emulator (state in .local/), creates the `demo` spreadsheet on first start,
 * writes .dev.vars for the Worker, applies D1 migrations and runs `wrangler dev`. Ctrl-C stops both.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createPublicKey } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { prepareDemoSpreadsheet } from "./demo-spreadsheet";
import {
  DEV_VARS_FILE,
  EMULATOR_STATE_FILE,
  EMULATOR_URL,
  LOCAL,
  LOCAL_DIR,
  PROJECT_ROOT,
  SERVICE_ACCOUNT_FILE,
  WORKER_URL,
} from "./local-paths";
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
    FORM_SECRET_SUGGESTION: LOCAL.formSecrets.suggestion,
    FORM_SECRET_REPLY: LOCAL.formSecrets.reply,
    FORM_SECRET_RATING: LOCAL.formSecrets.rating,
  };
  const text = Object.entries(vars)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join("\n");
  writeFileSync(DEV_VARS_FILE, `# written by npm start; local only, git-ignored\n${text}\n`, { mode: 0o600 });
}

function wrangler(args: string[], stdio: "inherit" | "pipe" = "inherit") {
  return spawn("npx", ["wrangler", ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...QUIET_WRANGLER_ENV },
    stdio,
  });
}

async function main() {
  mkdirSync(LOCAL_DIR, { recursive: true });
  const keyFile = await ensureServiceAccount();
  writeDevVars(keyFile);

  const emulator = await startEmulator({
    port: LOCAL.emulatorPort,
    host: LOCAL.host,
    staticToken: LOCAL.staticToken,
    stateFile: EMULATOR_STATE_FILE,
    serviceAccounts: [{ client_email: keyFile.client_email, public_key_pem: publicKeyPem(keyFile) }],
  });
  console.log(`Sheets emulator: ${emulator.url} (static bearer token: ${LOCAL.staticToken})`);
  await prepareDemoSpreadsheet(emulator.emulator);

  const migrate = spawnSync("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...QUIET_WRANGLER_ENV, CI: "true" },
    stdio: "inherit",
  });
  if (migrate.status !== 0) throw new Error("applying D1 migrations failed");

  const worker: ChildProcess = wrangler([
    "dev",
    "--ip",
    LOCAL.host,
    "--port",
    String(LOCAL.workerPort),
    "--test-scheduled",
    "--show-interactive-dev-session=false",
  ]);
  console.log(`Worker: ${WORKER_URL}  (health: ${WORKER_URL}/healthz)`);
  console.log(`Sign in: ${WORKER_URL}/?token=${LOCAL.adminToken}`);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    worker.kill("SIGINT");
    await emulator.close();
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
