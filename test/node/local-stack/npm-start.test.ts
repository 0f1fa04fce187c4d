import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { demoSpreadsheetSeed } from "../../../tools/demo/emulator-spreadsheet";
import { generateDemo } from "../../../tools/demo/generate";
import { LOCAL } from "../../../tools/local-paths";
import { Emulator } from "../../../tools/sheets-emulator/emulator";
import { generateServiceAccount } from "../../../tools/sheets-emulator/service-account";
import { freePorts, occupy } from "../../support/ports";
import { allFree, processesMentioning, runStart, type StartRun, stopLeftovers } from "./run-start";

// A whole wrangler dev boot, a migration run and the demo seeding on a loaded 2-core machine.
const START_TIMEOUT_MS = 240_000;

let state: string;
let run: StartRun | undefined;

/** The stack on `ports` (Worker, emulator, notice sink) with its state in `dir`. */
function stackArgs([worker, emulator, sink]: readonly (number | undefined)[], dir: string): string[] {
  return ["--port", `${worker}`, "--emulator-port", `${emulator}`, "--sink-port", `${sink}`, "--state", dir];
}

/** Resolves true once the run has ended, false after `ms`. */
function endsWithin(started: StartRun, ms: number): Promise<boolean> {
  return Promise.race([
    started.exited.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref()),
  ]);
}

/**
 * A stack started on free ports, once it says 就绪 ready, sent `signal` (to the shell above it with
 * `viaShell`, to npm with `viaNpm`); resolves once its output pipe closed (the stack, wrangler and workerd, which share
 * it, have all exited) and fails when that takes longer than a minute.
 */
async function readyThenSignalled(
  signal: NodeJS.Signals,
  options: { viaShell?: boolean; viaNpm?: boolean } = {},
) {
  const ports = await freePorts(3);
  const dir = stateDir();
  const started = runStart(stackArgs(ports, dir), options);
  run = started;
  await started.waitFor("就绪 ready");
  expect(processesMentioning(dir).length).toBeGreaterThan(0);
  started.child.kill(signal);
  expect(await endsWithin(started, 60_000)).toBe(true);
  return { started, ports, dir };
}

/** No process of the run (its state folder `dir` in the command line) and none of its ports taken. */
async function expectNothingLeft(ports: number[], dir: string): Promise<void> {
  expect(await allFree(ports)).toEqual(ports.map(() => true));
  expect(processesMentioning(dir)).toEqual([]);
}

function stateDir(): string {
  state = mkdtempSync(path.join(tmpdir(), "jianyi-npm-start-"));
  return state;
}

afterEach(async () => {
  // First any stack a failed test left running: until it ends, the run's output pipe stays open.
  await stopLeftovers(state);
  if (run && run.child.exitCode === null && run.child.signalCode === null) {
    run.child.kill("SIGINT");
    await run.exited;
  }
  run = undefined;
  rmSync(state, { recursive: true, force: true });
}, 60_000);

describe("npm start", () => {
  it("names the busy port in Chinese and English with the flag to move it, and starts nothing", async () => {
    const [worker, emulator, sink] = await freePorts(3);
    const busy = await occupy(emulator as number);
    try {
      const dir = stateDir();
      run = runStart(stackArgs([worker, emulator, sink], dir));
      expect(await run.exited).toBe(1);
      const out = run.output();
      expect(out).toContain(
        `端口 ${emulator} 已被占用（Sheets 模拟器）：请先停止占用它的程序，或换一个端口，例如 npm start -- --emulator-port `,
      );
      expect(out).toContain(`port ${emulator} (Sheets emulator) is busy`);
      expect(out).not.toContain("就绪 ready");
      expect(readdirSync(dir)).toEqual([]);
      expect(await allFree([worker as number, sink as number])).toEqual([true, true]);
    } finally {
      await busy.close();
    }
  });

  it(
    "says 就绪 ready only once /healthz is 200 and the first sync ran, and Ctrl-C stops every process it started",
    async () => {
      const ports = await freePorts(3);
      const [worker, emulator, sink] = ports as [number, number, number];
      const dir = stateDir();
      run = runStart(stackArgs([worker, emulator, sink], dir));
      await run.waitFor("就绪 ready");

      const health = await fetch(`http://127.0.0.1:${worker}/healthz`);
      const last = await fetch(`http://127.0.0.1:${worker}/api/sync/last`, {
        headers: { authorization: `Bearer ${LOCAL.adminToken}` },
      });
      const out = run.output();
      expect(health.status).toBe(200);
      expect(last.status).toBe(200);
      const rows = generateDemo().ledger.rows.length;
      expect(out.indexOf(`启动同步 start-up sync: ${rows} 行 rows`)).toBeGreaterThan(-1);
      expect(out.indexOf("首次同步")).toBeLessThan(out.indexOf("就绪 ready"));
      expect(out).toContain(`表格 sheet: http://127.0.0.1:${emulator}/\n`);
      expect(out).toContain(`就绪 ready: http://127.0.0.1:${worker}/?token=${LOCAL.adminToken}\n`);
      expect(processesMentioning(dir).length).toBeGreaterThan(0);

      run.child.kill("SIGINT");
      expect(await run.exited).toBe(0);
      expect(await allFree(ports)).toEqual([true, true, true]);
      expect(processesMentioning(dir)).toEqual([]);
    },
    START_TIMEOUT_MS,
  );

  it(
    "stops every process it started when its terminal closes (SIGHUP), as on Ctrl-C",
    async () => {
      const { started, ports, dir } = await readyThenSignalled("SIGHUP");
      expect(await started.exited).toBe(0);
      expect(started.output()).toContain("终端已关闭 (SIGHUP)，正在停止 stopping…");
      await expectNothingLeft(ports, dir);
    },
    START_TIMEOUT_MS,
  );

  it.each([
    // npm → sh → node, as `npm start` runs: SIGKILL to the shell reaches nothing below it.
    ["the shell npm ran it with", { viaShell: true }],
    // The real npm: its shell outlives it, waiting for the stack.
    ["npm itself (its shell waits on)", { viaNpm: true }],
  ] as const)(
    "stops every process it started when %s is killed (nothing is left holding the ports)",
    async (_killed, via) => {
      const { started, ports, dir } = await readyThenSignalled("SIGKILL", via);
      expect(started.output()).toContain("启动 npm start 的进程已结束 (parent ended)，正在停止 stopping…");
      await expectNothingLeft(ports, dir);
    },
    START_TIMEOUT_MS,
  );

  it(
    "stops everything, wrangler and workerd included, when the first sync fails, and says what to do",
    async () => {
      const ports = await freePorts(3);
      const [worker, emulator, sink] = ports as [number, number, number];
      const dir = stateDir();
      // A demo sheet that is there but not shared with the local service account.
      const account = generateServiceAccount(LOCAL.serviceAccountEmail);
      writeFileSync(path.join(dir, "service-account.json"), JSON.stringify(account.keyFile));
      const model = new Emulator();
      model.createSpreadsheet(demoSpreadsheetSeed(LOCAL.spreadsheetId));
      model.setPrivate(LOCAL.spreadsheetId, true);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "emulator-state.json"), JSON.stringify(model.snapshot()));

      run = runStart(stackArgs([worker, emulator, sink], dir));
      expect(await run.exited).toBe(1);
      const out = run.output();
      expect(out).toContain("启动失败 start failed");
      expect(out).toContain(
        `服务账号 ${LOCAL.serviceAccountEmail} 无权访问该表格：请在 Google 表格中点“共享”，把它添加为编辑者`,
      );
      expect(out).toContain("已停止本次启动的全部进程");
      expect(out).not.toContain("就绪 ready");
      expect(await allFree(ports)).toEqual([true, true, true]);
      expect(processesMentioning(dir)).toEqual([]);
    },
    START_TIMEOUT_MS,
  );
});
