import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../tools/local-paths";
import { generateServiceAccount, type ServiceAccountKeyFile } from "../tools/sheets-emulator/service-account";

export interface BenchEmulator {
  url: string;
  keyFile: ServiceAccountKeyFile;
  admin<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** Stops the emulator process and resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * The emulator in its own process, so the benchmark's CPU figures are the job's alone.
 * Quotas are Google's defaults unless given.
 */
export async function startBenchEmulator(
  port: number,
  quota: { reads?: number; writes?: number } = {},
): Promise<BenchEmulator> {
  const { keyFile } = await generateServiceAccount("jianyi-bench@jianyi-bench.iam.gserviceaccount.com");
  const dir = mkdtempSync(path.join(tmpdir(), "jianyi-bench-"));
  const keyPath = path.join(dir, "key.json");
  writeFileSync(keyPath, JSON.stringify(keyFile));
  const args = [
    "--import",
    "tsx",
    "tools/sheets-emulator/cli.ts",
    "--port",
    String(port),
    "--service-account",
    keyPath,
  ];
  if (quota.reads) args.push("--reads-per-minute", String(quota.reads));
  if (quota.writes) args.push("--writes-per-minute", String(quota.writes));
  // Node itself with tsx's loader, not `npx tsx`: a signal to npx's wrapper never reached the
  // emulator, which then kept the benchmark's stdout pipe (and the benchmark) alive.
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // A benchmark that throws or is interrupted still takes its emulator down with it.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  // From here the emulator never keeps the benchmark alive: a run that forgets stop() or throws
  // still ends, and the exit hook above takes the emulator with it.
  child.unref();
  child.stdout?.removeAllListeners("data");
  (child.stdout as { unref?: () => void } | null)?.unref?.();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    keyFile,
    async admin<T>(method: string, p: string, body?: unknown) {
      const res = await fetch(`${url}/__emulator${p}`, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
      const text = await res.text();
      return (text ? JSON.parse(text) : {}) as T;
    },
    async stop() {
      process.removeListener("exit", killOnExit);
      // Keep the benchmark alive until the emulator has really gone (it was unref'd above).
      child.ref();
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface LoggedRequest {
  seq: number;
  kind: string;
  status: number;
  cellsWritten: number;
  path: string;
}

/** Reads and writes the Worker made since `since`, from the emulator's request log. */
export async function callsSince(em: BenchEmulator, since: number) {
  const { requests } = await em.admin<{ requests: LoggedRequest[] }>("GET", `/requests?since=${since}`);
  const api = requests.filter((r) => r.kind === "read" || r.kind === "write");
  return {
    requests,
    calls: api.length,
    writes: api.filter((r) => r.kind === "write").length,
    cellsWritten: api.reduce((n, r) => n + r.cellsWritten, 0),
    lastSeq: requests.at(-1)?.seq ?? since,
  };
}
