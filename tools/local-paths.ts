import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseEnv } from "node:util";

/** Where the local stack keeps its git-ignored state. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const LOCAL_DIR = path.join(PROJECT_ROOT, ".local");
export const SERVICE_ACCOUNT_FILE = path.join(LOCAL_DIR, "service-account.json");
export const EMULATOR_STATE_FILE = path.join(LOCAL_DIR, "emulator-state.json");
export const DEV_VARS_FILE = path.join(PROJECT_ROOT, ".dev.vars");

export const LOCAL = {
  emulatorPort: 8790,
  workerPort: 8787,
  /** tools/notice-sink.ts: stands in for every robot, webhook and mailbox. */
  noticeSinkPort: 8791,
  host: "127.0.0.1",
  staticToken: "local-dev-token",
  spreadsheetId: "demo",
  adminToken: "local-admin-token",
  formSecrets: {
    suggestion: "local-suggestion-secret",
    reply: "local-reply-secret",
    rating: "local-rating-secret",
    opinion: "local-opinion-secret",
  },
  serviceAccountEmail: "jianyi-local@jianyi-local.iam.gserviceaccount.com",
  /** Signs personal links on this machine only: production refuses any secret starting with `local-`. */
  linkSecret: "local-link-secret-for-npm-start-only-do-not-deploy",
} as const;

export const EMULATOR_URL = `http://${LOCAL.host}:${LOCAL.emulatorPort}`;
export const WORKER_URL = `http://${LOCAL.host}:${LOCAL.workerPort}`;
export const NOTICE_SINK_URL = `http://${LOCAL.host}:${LOCAL.noticeSinkPort}`;

/**
 * Where one run of `npm start` keeps its state, for npm start and every tool that works on that run
 * (sheet:init, sheet:import, demo:seed, doctor --local).
 */
export interface LocalStatePaths {
  readonly serviceAccountFile: string;
  readonly emulatorStateFile: string;
  /** The Worker's local secrets (dotenv). */
  readonly devVarsFile: string;
  /** wrangler's --persist-to (local D1); undefined keeps wrangler's own .wrangler/state. */
  readonly wranglerState: string | undefined;
}

/**
 * The paths for `--state <dir>` (a directory relative to the project, as npm runs every script
 * there), or .local/, .dev.vars and .wrangler/ without it. npm start and the tools both call this,
 * so a tool given the same --state finds the same key, dev vars and local D1.
 */
export function localStatePaths(stateDir: string | undefined): LocalStatePaths {
  if (stateDir === undefined) {
    return {
      serviceAccountFile: SERVICE_ACCOUNT_FILE,
      emulatorStateFile: EMULATOR_STATE_FILE,
      devVarsFile: DEV_VARS_FILE,
      wranglerState: undefined,
    };
  }
  const state = path.resolve(PROJECT_ROOT, stateDir);
  return {
    serviceAccountFile: path.join(state, "service-account.json"),
    emulatorStateFile: path.join(state, "emulator-state.json"),
    devVarsFile: path.join(state, "dev.vars"),
    wranglerState: path.join(state, "wrangler"),
  };
}

/** `wrangler d1 migrations list/apply`'s flags for npm start's local D1. */
export function localD1Flags(paths: LocalStatePaths): string[] {
  return paths.wranglerState ? ["--local", "--persist-to", paths.wranglerState] : ["--local"];
}

/** The command that starts (or started) the stack with this --state, for advice in messages. */
export function startCommand(stateDir: string | undefined): string {
  return stateDir === undefined
    ? "npm start"
    : `npm start -- --state ${path.resolve(PROJECT_ROOT, stateDir)}`;
}

/**
 * The emulator the last `npm start` with these paths runs: the SHEETS_API_BASE it wrote into its dev
 * vars for the Worker. That file already records --emulator-port, and it is what the running Worker
 * itself reads, so a tool cannot end up on another emulator than the Worker's. The default port when
 * there is no such file (npm start never ran) or it names something other than npm start's host.
 */
export function recordedEmulatorUrl(paths: Pick<LocalStatePaths, "devVarsFile">): string {
  let text: string;
  try {
    text = readFileSync(paths.devVarsFile, "utf8");
  } catch {
    return EMULATOR_URL;
  }
  const recorded = parseEnv(text).SHEETS_API_BASE;
  return recorded?.startsWith(`http://${LOCAL.host}:`) ? recorded.replace(/\/+$/, "") : EMULATOR_URL;
}
