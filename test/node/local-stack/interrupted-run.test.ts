/**
 * A stack killed in the middle of a sync (kill -9, a crash, Ctrl-C at a bad moment) leaves its sync
 * lease in the local D1 for 12 minutes. The next `npm start` on that state is the only stack on it,
 * so it frees the lease and syncs at once; a second `npm start` on a state in use is refused.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { generateDemo } from "../../../tools/demo/generate";
import { localStatePaths } from "../../../tools/local-paths";
import { queryLocalD1 } from "../../../tools/local-stack/local-d1";
import { QUIET_WRANGLER } from "../../../tools/wrangler-env";
import { freePorts } from "../../support/ports";
import { PROJECT_ROOT, runStart, type StartRun, stopLeftovers } from "./run-start";

const START_TIMEOUT_MS = 300_000;
const LEASE_TTL_MS = 12 * 60_000;
const WRANGLER = `${PROJECT_ROOT}/node_modules/.bin/wrangler`;

let state: string;
const runs: StartRun[] = [];

const wrangler = (args: readonly string[]) =>
  spawn(WRANGLER, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...QUIET_WRANGLER, CI: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });

function stackArgs([worker, emulator, sink]: readonly (number | undefined)[], dir: string): string[] {
  return ["--port", `${worker}`, "--emulator-port", `${emulator}`, "--sink-port", `${sink}`, "--state", dir];
}

/** Resolves true once the run has ended, false after `ms`. */
function endsWithin(run: StartRun, ms: number): Promise<boolean> {
  return Promise.race([
    run.exited.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref()),
  ]);
}

function start(args: string[]): StartRun {
  const run = runStart(args);
  runs.push(run);
  return run;
}

afterEach(async () => {
  await stopLeftovers(state);
  for (const run of runs.splice(0)) {
    if (run.child.exitCode === null && run.child.signalCode === null) {
      run.child.kill("SIGINT");
      await run.exited;
    }
  }
  rmSync(state, { recursive: true, force: true });
}, 60_000);

/** The local D1 of `dir` as a stack killed while run 11 was syncing leaves it, and its lock file. */
async function stateOfAKilledRun(dir: string): Promise<number> {
  const paths = localStatePaths(dir);
  const migrated = spawnSync(
    WRANGLER,
    ["d1", "migrations", "apply", "DB", "--local", "--persist-to", paths.wranglerState as string],
    { cwd: PROJECT_ROOT, env: { ...process.env, ...QUIET_WRANGLER, CI: "true" }, encoding: "utf8" },
  );
  expect(migrated.status, migrated.stderr).toBe(0);
  const killedAt = Date.now();
  await queryLocalD1(
    wrangler,
    paths,
    `INSERT OR REPLACE INTO sync_runs (id, trigger, started_at, outcome) VALUES (11, 'api', '${new Date(killedAt).toISOString()}', 'running');
     INSERT OR REPLACE INTO leases (name, holder, expires_at) VALUES ('sync', 'sync-11', ${killedAt + LEASE_TTL_MS})`,
  );
  // The pid of a process that has ended, as a stack killed with -9 leaves in its lock file.
  const gone = spawnSync(process.execPath, ["-e", ""]).pid;
  writeFileSync(
    path.join(dir, "npm-start.lock"),
    JSON.stringify({ pid: gone, startedAt: killedAt - 60_000 }),
  );
  return killedAt;
}

describe("npm start after a run that was killed mid-sync", () => {
  it(
    "frees the sync lease the killed run left, says so, and syncs at once without piling up skipped runs",
    async () => {
      state = mkdtempSync(path.join(tmpdir(), "jianyi-interrupted-"));
      await stateOfAKilledRun(state);
      const ports = await freePorts(3);

      const run = start(stackArgs(ports, state));
      await run.waitFor("就绪 ready");
      const out = run.output();
      const released = out.indexOf(
        "上次运行中断，已释放其同步租约 (released the sync lease left by an interrupted run)",
      );
      expect(released).toBeGreaterThan(-1);
      expect(
        out.indexOf(`启动同步 start-up sync: ${generateDemo().ledger.rows.length} 行 rows`),
      ).toBeGreaterThan(released);
      run.child.kill("SIGINT");
      expect(await run.exited).toBe(0);

      const outcomes = await queryLocalD1<{ id: number; outcome: string; error: string | null }>(
        wrangler,
        localStatePaths(state),
        "SELECT id, outcome, error FROM sync_runs ORDER BY id",
      );
      expect(outcomes.filter((r) => r.outcome === "skipped")).toEqual([]);
      // The killed run is closed in the log by the run that took over, and that one completed.
      expect(outcomes[0]).toMatchObject({ id: 11, outcome: "failed" });
      expect(outcomes.slice(1).map((r) => r.outcome)).toEqual(["ok"]);
      expect(existsSync(path.join(state, "npm-start.lock"))).toBe(false);
    },
    START_TIMEOUT_MS,
  );

  it(
    "refuses a state dir that a running npm start uses, naming its pid, and leaves that one running",
    async () => {
      state = mkdtempSync(path.join(tmpdir(), "jianyi-in-use-"));
      const firstPorts = await freePorts(3);
      const first = start(stackArgs(firstPorts, state));
      await first.waitFor("就绪 ready");
      const pid = first.child.pid as number;

      // Other ports: only the shared state is in the way.
      const second = start(stackArgs(await freePorts(3), state));
      expect(await endsWithin(second, 60_000)).toBe(true);
      expect(await second.exited).toBe(1);
      const out = second.output();
      expect(out).toContain(`本地状态目录 ${state} 正被另一个 npm start 使用（进程 ${pid}，`);
      expect(out).toContain(`请先停止它（在它的终端按 Ctrl-C，或 kill ${pid}），或用 --state 换一个目录`);
      expect(out).toContain(`(the state dir is in use by a running npm start, pid ${pid}: stop it first`);
      expect(out).not.toContain("就绪 ready");
      // The refused start took nothing from the running one.
      expect(first.child.exitCode).toBe(null);
      const health = await fetch(`http://127.0.0.1:${firstPorts[0]}/healthz`);
      expect(health.status).toBe(200);
    },
    START_TIMEOUT_MS,
  );

  it(
    "refuses a state dir whose killed npm start left its Worker running, and says which processes to end",
    async () => {
      state = mkdtempSync(path.join(tmpdir(), "jianyi-orphans-"));
      // A stack killed with -9: its own pid is gone, the process group it gave wrangler dev runs on.
      const worker = spawn("sleep", ["300"], { detached: true, stdio: "ignore" });
      const group = worker.pid as number;
      const gone = spawnSync(process.execPath, ["-e", ""]).pid;
      writeFileSync(
        path.join(state, "npm-start.lock"),
        JSON.stringify({ pid: gone, startedAt: Date.now() - 60_000, groups: [group] }),
      );
      try {
        const run = start(stackArgs(await freePorts(3), state));
        expect(await endsWithin(run, 60_000)).toBe(true);
        expect(await run.exited).toBe(1);
        const out = run.output();
        expect(out).toContain(
          `上次的 npm start（进程 ${gone}）已被强行结束，但它启动的 wrangler dev / workerd`,
        );
        expect(out).toContain(`请先结束它们（kill -- -${group}），再重新启动`);
        expect(out).not.toContain("就绪 ready");
      } finally {
        process.kill(-group, "SIGKILL");
      }
    },
    START_TIMEOUT_MS,
  );
});
