/**
 * `npm start`: the whole product on this machine with no Google account and no outside network.
 * Checks its three ports first, starts the Sheets emulator (state in .local/) and the notice sink,
 * creates the `demo` spreadsheet on first start, writes .dev.vars for the Worker (its fixed local
 * values, with the operator's .dev.vars.local over them: local-stack/dev-vars-local.ts), applies D1
 * migrations and runs `wrangler dev`. Prints `就绪 ready` once /healthz answers 200 and the first
 * sync is done. One stack per state folder (a lock file names its pid); on a restart the leases an
 * interrupted run left in the local D1 are freed before the Worker starts. Any failure, Ctrl-C,
 * SIGTERM, the terminal closing (SIGHUP) or the process that ran it ending (npm killed) stops
 * everything it started (whole process groups).
 */
import { spawnSync } from "node:child_process";
import { createPublicKey } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LOCAL, LOCAL_DIR, PROJECT_ROOT, startCommand } from "./local-paths";
import { Children } from "./local-stack/children";
import { overrideLines, readLocalOverrides, writeDevVars } from "./local-stack/dev-vars-local";
import { localD1Exists } from "./local-stack/local-d1";
import { parseStackArgs, STACK_HELP, type StackOptions, stackUrls } from "./local-stack/options";
import { watchParent } from "./local-stack/parent-watch";
import { busyPortMessage, busyPorts, isAddressInUse, type PortUse, suggestPort } from "./local-stack/ports";
import { runFirstSync, waitForHealthy, waitForWorker } from "./local-stack/readiness";
import { heldSyncLeaseAdvice, releaseStaleLeases } from "./local-stack/stale-leases";
import { lockState, type StateLock, stateFolder } from "./local-stack/state-lock";
import { type RunningSink, startNoticeSink } from "./notice-sink";
import { type RunningEmulator, startEmulator } from "./sheets-emulator/server";
import { generateServiceAccount, type ServiceAccountKeyFile } from "./sheets-emulator/service-account";
import { QUIET_WRANGLER } from "./wrangler-env";

// Wrangler would otherwise phone home (update check, telemetry, Request.cf).
const QUIET_WRANGLER_ENV = { ...QUIET_WRANGLER, XDG_CONFIG_HOME: `${LOCAL_DIR}/xdg` };
// The local binary directly: npx would spend a second resolving it, and add a wrapper process.
const WRANGLER_BIN = `${PROJECT_ROOT}/node_modules/.bin/wrangler`;
/** wrangler dev boots in seconds; a first boot on a loaded 2-core machine can take a minute. */
const BOOT_TIMEOUT_MS = 180_000;
/** Once migrations and the demo sheet are in place, how long a 503 from /healthz may last. */
const HEALTHY_TIMEOUT_MS = 20_000;

async function ensureServiceAccount(file: string): Promise<ServiceAccountKeyFile> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const { keyFile } = await generateServiceAccount(LOCAL.serviceAccountEmail);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(keyFile, null, 2), { mode: 0o600 });
  console.log(`generated a local service-account key: ${file} (git-ignored)`);
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

/** npm start's fixed local values for the Worker, before `.dev.vars.local` (dev-vars-local.ts). */
function localDevVars(options: StackOptions, keyFile: ServiceAccountKeyFile): Record<string, string> {
  const urls = stackUrls(options);
  return {
    ENVIRONMENT: "development",
    SHEETS_API_BASE: urls.emulator,
    GOOGLE_TOKEN_URL: `${urls.emulator}/token`,
    SPREADSHEET_ID: LOCAL.spreadsheetId,
    GOOGLE_SERVICE_ACCOUNT: JSON.stringify(keyFile),
    ADMIN_TOKEN: LOCAL.adminToken,
    BUILD_VERSION: buildVersion(),
    FORM_SECRET_SUGGESTION: LOCAL.formSecrets.suggestion,
    FORM_SECRET_REPLY: LOCAL.formSecrets.reply,
    FORM_SECRET_RATING: LOCAL.formSecrets.rating,
    FORM_SECRET_OPINION: LOCAL.formSecrets.opinion,
    // Notices go to the local sink (robots, webhooks and e-mail alike): nothing leaves the machine.
    NOTICE_SINK_URL: urls.sink,
    // The sink is no robot: the demo's notices arrive at once, not spaced under a robot's limit.
    NOTICE_ROBOT_PACING: "off",
    // Personal links in those notices open this Worker (R2 for 答复函 is local under wrangler dev).
    LINK_SECRET: LOCAL.linkSecret,
    PUBLIC_URL: urls.worker,
  };
}

function portUses(options: StackOptions): PortUse[] {
  return [
    { port: options.workerPort, what: "Worker", whatEn: "Worker", flag: "--port" },
    { port: options.emulatorPort, what: "Sheets 模拟器", whatEn: "Sheets emulator", flag: "--emulator-port" },
    { port: options.sinkPort, what: "通知收件箱", whatEn: "notice sink", flag: "--sink-port" },
  ];
}

/** Everything one run started, stopped in one place whatever went wrong. */
class Stack {
  readonly children = new Children();
  emulator: RunningEmulator | undefined;
  sink: RunningSink | undefined;
  lock: StateLock | undefined;
  stopping = false;

  constructor(readonly options: StackOptions) {}

  /** A short wrangler command (d1 execute) with its output piped, stopped with the rest. */
  readonly wrangler = (args: readonly string[]) =>
    this.children.spawn(WRANGLER_BIN, args, {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...QUIET_WRANGLER_ENV, CI: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    });

  private wranglerArgs(): string[] {
    const { paths } = this.options;
    return paths.wranglerState ? ["--persist-to", paths.wranglerState] : [];
  }

  startWorker() {
    const { paths, host, workerPort } = this.options;
    const envFile = paths.wranglerState ? ["--env-file", paths.devVarsFile] : [];
    return this.children.spawn(
      WRANGLER_BIN,
      [
        "dev",
        "--ip",
        host,
        "--port",
        String(workerPort),
        "--test-scheduled",
        "--show-interactive-dev-session=false",
        ...envFile,
        ...this.wranglerArgs(),
      ],
      { cwd: PROJECT_ROOT, env: { ...process.env, ...QUIET_WRANGLER_ENV }, stdio: "inherit" },
    );
  }

  applyMigrations(): Promise<void> {
    const child = this.children.spawn(
      WRANGLER_BIN,
      ["d1", "migrations", "apply", "DB", "--local", ...this.wranglerArgs()],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, ...QUIET_WRANGLER_ENV, CI: "true" },
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    return new Promise((resolve, reject) => {
      child.once("exit", (code) =>
        code === 0
          ? resolve()
          : reject(
              new Error(`应用 D1 迁移失败，退出码 ${code} (applying D1 migrations failed): 见上面的输出`),
            ),
      );
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.children.stopAll();
    await this.emulator?.close();
    await this.sink?.close();
    // Last: until every process above is gone, the state is still this run's.
    this.lock?.release();
  }
}

/** A listen() that lost the race for a port after the check: the same message as the check's. */
async function explainListen(error: unknown, use: PortUse, host: string): Promise<never> {
  if (isAddressInUse(error)) throw new Error(busyPortMessage(use, await suggestPort(host, use.port, [])));
  throw error;
}

async function start(stack: Stack): Promise<void> {
  const { options } = stack;
  const urls = stackUrls(options);
  const uses = portUses(options);
  // First: a second stack on the same state would share its D1 (and its sync lease) unseen.
  const lock = lockState(options.paths);
  stack.lock = lock;
  stack.children.onSpawn = (pgid) => lock.addGroup(pgid);
  const busy = await busyPorts(options.host, uses);
  if (busy.length > 0) throw new Error(busy.join("\n"));

  mkdirSync(LOCAL_DIR, { recursive: true });
  const keyFile = await ensureServiceAccount(options.paths.serviceAccountFile);
  // The operator's own values (a rotation rehearsed: docs/deploy.md 第 12d 节), names said, never values.
  const overrides = readLocalOverrides(options.paths.devVarsFile);
  const overridden = overrideLines(overrides);
  for (const line of overridden) console.log(line);
  writeDevVars(options.paths.devVarsFile, localDevVars(options, keyFile), overrides);

  // The in-process servers first: they fail fast, before anything else is started.
  stack.emulator = await startEmulator({
    port: options.emulatorPort,
    host: options.host,
    staticToken: LOCAL.staticToken,
    stateFile: options.paths.emulatorStateFile,
    serviceAccounts: [{ client_email: keyFile.client_email, public_key_pem: publicKeyPem(keyFile) }],
  }).catch((error: unknown) => explainListen(error, uses[1] as PortUse, options.host));
  // The saved state trusts the key it last saw for this e-mail: a key file deleted to rehearse a new
  // key (docs/deploy.md 第 12d 节) must be the one trusted now.
  stack.emulator.emulator.auth.addServiceAccount({
    client_email: keyFile.client_email,
    public_key_pem: publicKeyPem(keyFile),
  });
  stack.sink = await startNoticeSink({ port: options.sinkPort, host: options.host }).catch((error: unknown) =>
    explainListen(error, uses[2] as PortUse, options.host),
  );

  // The demo comes up beside everything else. The D1 migrations go first: `wrangler dev` and the
  // migration run open the same local SQLite file, and workerd stops at boot when it finds it
  // locked ("database is locked: SQLITE_BUSY", seen in CI).
  const { prepareDemoSpreadsheet } = await import("./demo-spreadsheet");
  const demo = prepareDemoSpreadsheet(stack.emulator.emulator, options.paths.serviceAccountFile);
  demo.catch(() => undefined);
  const restart = localD1Exists(options.paths);
  await stack.applyMigrations();
  // Before the Worker opens the database: no lease in it can belong to a live run (see stale-leases.ts).
  if (restart) {
    for (const line of await releaseStaleLeases(stack.wrangler, options.paths, Date.now())) console.log(line);
  }
  const worker = stack.startWorker();
  const workerDied = new Promise<never>((_, reject) => {
    worker.once("exit", (code, signal) => {
      if (!stack.stopping) {
        reject(
          new Error(
            `wrangler dev 意外退出（${signal ?? `退出码 ${code}`}）：请查看上面的输出 (wrangler dev exited)`,
          ),
        );
      }
    });
  });
  workerDied.catch(() => undefined);

  const stopped = () => stack.stopping;
  await Promise.race([Promise.all([demo, waitForWorker(urls.worker, BOOT_TIMEOUT_MS, stopped)]), workerDied]);
  await Promise.race([waitForHealthy(urls.worker, HEALTHY_TIMEOUT_MS, stopped), workerDied]);
  const busyAdvice = () =>
    heldSyncLeaseAdvice(
      stack.wrangler,
      options.paths,
      startCommand(options.paths.wranglerState ? stateFolder(options.paths) : undefined),
      Date.now(),
    );
  const sync = await Promise.race([runFirstSync(urls.worker, LOCAL.adminToken, { busyAdvice }), workerDied]);
  console.log(
    `启动同步 start-up sync: ${sync.rows} 行 rows, ${sync.cellsWritten} 个单元格 cells written, ${sync.problems} 个校验问题 problems`,
  );
  // A newcomer seeing dozens of problems on a fresh demo should know they are meant to be there.
  console.log(
    "（演示台账里故意留有录入错误，见表格的『校验问题』 the demo ledger holds staff mistakes on purpose: tools/demo/mistakes.ts）",
  );
  console.log(`Sheets 模拟器 emulator: ${urls.emulator} (static bearer token: ${LOCAL.staticToken})`);
  console.log(`表格 sheet: ${urls.emulator}/`);
  console.log(`通知 notices: ${urls.sink}/messages`);
  console.log(`Worker: ${urls.worker} (health: ${urls.worker}/healthz)`);
  // Repeated beside 就绪: the lines above are long gone behind wrangler's output.
  for (const line of overridden) console.log(line);
  console.log(`就绪 ready: ${urls.worker}/?token=${LOCAL.adminToken}`);
  // From now on the Worker stopping by itself is a failure too.
  await workerDied;
}

async function main(): Promise<number> {
  let options: StackOptions;
  try {
    options = parseStackArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 2;
  }
  if (options.help) {
    console.log(STACK_HELP);
    return 0;
  }
  const stack = new Stack(options);
  let interrupted = false;
  const interrupt = (why: string) => {
    if (interrupted) return;
    interrupted = true;
    console.log(`\n${why}，正在停止 stopping…`);
    stack.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", () => interrupt("收到 Ctrl-C"));
  process.on("SIGTERM", () => interrupt("收到 SIGTERM"));
  // The terminal closed. Node's default would end this process at once, and wrangler and workerd,
  // each in a process group of its own, would run on.
  process.on("SIGHUP", () => interrupt("终端已关闭 (SIGHUP)"));
  watchParent(() => interrupt("启动 npm start 的进程已结束 (parent ended)"));
  // With the terminal gone, writing the message above fails: that must not end the stop half-way.
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => undefined);
  try {
    await start(stack);
    return 0;
  } catch (error) {
    if (interrupted) return 0;
    console.error(`\n启动失败 start failed:\n${error instanceof Error ? error.message : error}`);
    await stack.stop();
    console.error("已停止本次启动的全部进程 (stopped everything this run started)");
    return 1;
  }
}

main().then((code) => process.exit(code));
