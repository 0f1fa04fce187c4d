/**
 * The local stack for the end-to-end test, on free ports so it never collides with a developer's
 * `npm start`: the Sheets emulator with the demo spreadsheet (provisioned and seeded over HTTP like
 * `npm start` does), and the Worker built as `npm run deploy` builds it, served by Node-side
 * Miniflare with a fresh in-memory D1.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Miniflare, type MiniflareOptions } from "miniflare";
import { buildWorker as buildDeployedWorker } from "../../tools/build-worker";
import { applyMigrations, type D1Like } from "../../tools/d1-migrations";
import { demoSpreadsheetSeed } from "../../tools/demo/emulator-spreadsheet";
import { seedDemo } from "../../tools/demo/seed";
import { type RunningSink, startNoticeSink } from "../../tools/notice-sink";
import { createSheetsSession } from "../../tools/provision/google-client";
import { type RunningEmulator, startEmulator } from "../../tools/sheets-emulator/server";
import { generateServiceAccount } from "../../tools/sheets-emulator/service-account";

export const E2E_ADMIN_TOKEN = "e2e-admin-token";
export const E2E_SPREADSHEET = "demo";
const E2E_LINK_SECRET = "e2e-link-secret-of-at-least-32-characters";

export interface StackOptions {
  /** Start the notice sink and send every notice there, as `npm start` does. */
  readonly sink?: boolean;
  /** Run the intake and notices queue consumers (form submissions reach the sheet by themselves). */
  readonly consumers?: boolean;
}

export interface LocalStack {
  readonly workerUrl: string;
  readonly emulator: RunningEmulator;
  /** The notice sink, when asked for. */
  readonly sink: RunningSink | null;
  /** Calls the Worker as staff with the admin token. */
  api(pathname: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

/** The Worker exactly as `npm run deploy` uploads it (nothing is uploaded here). */
function buildWorker(outdir: string): string {
  return buildDeployedWorker(outdir, { ...process.env, XDG_CONFIG_HOME: path.join(outdir, "xdg") }).file;
}

/** A port free right now on loopback: the Worker's address must be known before it starts (PUBLIC_URL). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const CONSUMERS = {
  "jianyi-intake": { maxBatchSize: 50, maxBatchTimeout: 1, maxRetries: 10 },
  "jianyi-notices": { maxBatchSize: 10, maxBatchTimeout: 1, maxRetries: 8 },
};

export async function startLocalStack(options: StackOptions = {}): Promise<LocalStack> {
  const scratch = mkdtempSync(path.join(tmpdir(), "jianyi-e2e-"));
  const account = generateServiceAccount("jianyi-e2e@jianyi-e2e.iam.gserviceaccount.com");
  const keyFile = path.join(scratch, "service-account.json");
  writeFileSync(keyFile, JSON.stringify(account.keyFile));
  const emulator = await startEmulator({
    port: 0,
    serviceAccounts: [{ client_email: account.keyFile.client_email, public_key_pem: account.public_key_pem }],
  });
  let mf: Miniflare | undefined;
  let sink: RunningSink | null = null;
  try {
    if (options.sink) sink = await startNoticeSink({ port: 0, host: "127.0.0.1" });
    const port = await freePort();
    emulator.emulator.createSpreadsheet(demoSpreadsheetSeed(E2E_SPREADSHEET));
    const session = createSheetsSession({
      apiBase: `${emulator.url}/`,
      tokenUrl: `${emulator.url}/token`,
      keyFile,
      local: true,
      spreadsheetId: E2E_SPREADSHEET,
    });
    await seedDemo(session.api, E2E_SPREADSHEET);

    const script = buildWorker(path.join(scratch, "dist"));
    const workerOptions: MiniflareOptions = {
      modules: [{ type: "ESModule", path: script }],
      modulesRoot: path.dirname(script),
      compatibilityDate: "2026-04-20",
      compatibilityFlags: ["nodejs_compat"],
      d1Databases: { DB: "jianyi-e2e" },
      r2Buckets: { LETTERS: "jianyi-letters" },
      queueProducers: {
        INTAKE_QUEUE: "jianyi-intake",
        NOTICES_QUEUE: "jianyi-notices",
        JOBS_QUEUE: "jianyi-jobs",
      },
      ...(options.consumers ? { queueConsumers: CONSUMERS } : {}),
      bindings: {
        ENVIRONMENT: "development",
        SHEETS_API_BASE: emulator.url,
        GOOGLE_TOKEN_URL: `${emulator.url}/token`,
        SPREADSHEET_ID: E2E_SPREADSHEET,
        GOOGLE_SERVICE_ACCOUNT: JSON.stringify(account.keyFile),
        ADMIN_TOKEN: E2E_ADMIN_TOKEN,
        LINK_SECRET: E2E_LINK_SECRET,
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        // The sink is no robot: notices arrive at once, not spaced under a robot's limit.
        ...(sink ? { NOTICE_SINK_URL: sink.url, NOTICE_ROBOT_PACING: "off" } : {}),
      },
      host: "127.0.0.1",
      port,
      cf: false,
    };
    // Miniflare's proxy makes each D1 `prepare` a synchronous round trip, which now and then fails an
    // assertion of its own (a reply with another id: fetch-sync.ts, seen once in CI at 12-03), and
    // that proxy's replies may stay out of step after it. D1 is in memory: a fresh instance starts
    // empty and applies every migration again.
    let started: { running: Miniflare; url: URL } | undefined;
    for (let attempt = 1; started === undefined; attempt++) {
      const instance = new Miniflare(workerOptions);
      mf = instance;
      const url = await instance.ready;
      try {
        // Recorded in d1_migrations as wrangler does: the Worker answers 503 until they are all there.
        await applyMigrations((await instance.getD1Database("DB")) as unknown as D1Like);
        started = { running: instance, url };
      } catch (error) {
        if (attempt >= 3 || (error as { code?: unknown }).code !== "ERR_ASSERTION") throw error;
        mf = undefined;
        await instance.dispose();
      }
    }
    const workerUrl = started.url.origin;
    const { running } = started;
    return {
      workerUrl,
      emulator,
      sink,
      api: (pathname, init = {}) =>
        fetch(`${workerUrl}${pathname}`, {
          ...init,
          headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, ...init.headers },
        }),
      async stop() {
        await running.dispose();
        await emulator.close();
        await sink?.close();
        rmSync(scratch, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await mf?.dispose();
    await emulator.close();
    await sink?.close();
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}
