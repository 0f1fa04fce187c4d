import path from "node:path";
import { fileURLToPath } from "node:url";

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
