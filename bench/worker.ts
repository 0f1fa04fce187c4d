import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Miniflare } from "miniflare";
import { buildWorker as buildDeployedWorker } from "../tools/build-worker";
import { applyMigrations } from "../tools/d1-migrations";
import { PROJECT_ROOT } from "../tools/local-paths";
import { type RemoteD1, startRemoteD1 } from "./d1-remote";
import type { BenchEmulator } from "./emulator-process";
import { IsolateProfiler } from "./isolate-cpu";
import { BENCH_PORTS } from "./ports";
import { startRemoteR2 } from "./r2-remote";
import { ThreadStateReader } from "./thread-state";

export const BENCH_ADMIN_TOKEN = "bench-admin-token";
export const BENCH_FORM_SECRET = "bench-suggestion-secret";
export const BENCH_LINK_SECRET = "bench-link-secret-of-at-least-32-characters";
export const BENCH_PUBLIC_URL = "http://jianyi.bench";

/** Builds the Worker into dist/ as `npm run deploy` uploads it (tools/build-worker.ts). */
export function buildWorker(): void {
  buildDeployedWorker(path.join(PROJECT_ROOT, "dist"), {
    ...process.env,
    XDG_CONFIG_HOME: path.join(PROJECT_ROOT, ".local/xdg"),
  });
}

export interface BenchWorker {
  mf: Miniflare;
  /** The Worker's isolate under V8's profiler: CPU of one invocation as Cloudflare counts it. */
  profiler: IsolateProfiler;
  /** Whether workerd's main thread (the isolate's) is running, read while an invocation is measured. */
  thread: ThreadStateReader;
  fetch(pathname: string, init?: RequestInit): Promise<Response>;
  /** The Worker's D1 as the bench reads and seeds it (in the D1 process, or Miniflare's own). */
  db(): Promise<D1Database>;
  /** CPU seconds the Worker's workerd process (the Worker, its queues and Miniflare's plumbing) has used so far. */
  cpuMs(): number;
  /** CPU time of every workerd thread so far, ns (schedstat: the scheduler's count, not 10 ms ticks). */
  threadCpuNs(): number;
  dispose(): Promise<void>;
}

/** The workerd process this process started (Miniflare's), for its threads' CPU; not one of `others`. */
export function workerdPid(...others: number[]): number {
  const out = execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(process.pid)]).toString();
  const line = out
    .split("\n")
    .find((l) => l.includes("workerd") && !others.includes(Number(l.trim().split(/\s+/)[0])));
  if (!line) throw new Error("workerd process not found");
  return Number(line.trim().split(/\s+/)[0]);
}

function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** CPU time of every thread of process `pid` so far, ns (schedstat). */
export function threadCpuNs(pid: number): number {
  let total = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return total;
}

/** The built Worker in workerd (Node-side Miniflare) with D1, queues and the bench emulator's key. */
/** The Worker's name in Miniflare (its inspector target is core:user:<name>). */
const WORKER_NAME = "jianyi";

export interface BenchWorkerOptions {
  inspectorPort?: number;
  /** false: no intake consumer runs by itself (the bench delivers each batch, to measure it alone). */
  intakeConsumer?: boolean;
  /**
   * A directory for D1's files, kept after the Worker stops: a Worker started again on it is a fresh
   * isolate meeting the office as the last one left it (by default D1 lives and dies with the Worker).
   */
  d1Persist?: string;
}

export async function startBenchWorker(
  em: BenchEmulator,
  spreadsheetId: string,
  {
    inspectorPort = BENCH_PORTS.workerInspector.port,
    intakeConsumer = true,
    d1Persist,
  }: BenchWorkerOptions = {},
): Promise<BenchWorker> {
  // R2 in a process of its own, reached over HTTP as on Cloudflare (bench/r2-remote.ts); started
  // first, so the Worker's workerd is the one started after it. BENCH_R2=in-process binds
  // Miniflare's own R2 instead, on the Worker's thread as before (for comparing the two).
  const r2 = process.env.BENCH_R2 === "in-process" ? null : await startRemoteR2("bench-letters");
  const hosts: number[] = r2 ? [workerdPid()] : [];
  // D1 likewise (bench/d1-remote.ts); BENCH_D1=in-process keeps Miniflare's own, on the Worker's thread.
  let d1: RemoteD1 | null = null;
  // Nothing left running when the Worker does not start: the R2 and D1 processes are stopped too.
  try {
    if (process.env.BENCH_D1 !== "in-process") {
      d1 = await startRemoteD1("bench-db", d1Persist);
      hosts.push(workerdPid(...hosts));
    }
    const letters = r2?.wrappedBinding("LETTERS");
    const database = d1?.wrappedBinding("DB");
    const mf = new Miniflare({
      inspectorPort,
      workers: [
        {
          name: WORKER_NAME,
          modules: [{ type: "ESModule", path: path.join(PROJECT_ROOT, "dist/index.js") }],
          modulesRoot: path.join(PROJECT_ROOT, "dist"),
          compatibilityDate: "2026-04-20",
          compatibilityFlags: ["nodejs_compat"],
          ...(database ? {} : { d1Databases: { DB: "bench-db" } }),
          ...(letters ? {} : { r2Buckets: { LETTERS: "bench-letters" } }),
          wrappedBindings: { ...letters?.wrappedBindings, ...database?.wrappedBindings },
          queueProducers: {
            INTAKE_QUEUE: "jianyi-intake",
            NOTICES_QUEUE: "jianyi-notices",
            JOBS_QUEUE: "jianyi-jobs",
          },
          queueConsumers: intakeConsumer
            ? {
                "jianyi-intake": {
                  maxBatchSize: 50,
                  maxBatchTimeout: 2,
                  maxRetries: 10,
                  deadLetterQueue: "jianyi-intake-dlq",
                },
              }
            : {},
          bindings: {
            ENVIRONMENT: "test",
            SHEETS_API_BASE: em.url,
            GOOGLE_TOKEN_URL: `${em.url}/token`,
            GOOGLE_SERVICE_ACCOUNT: JSON.stringify(em.keyFile),
            SPREADSHEET_ID: spreadsheetId,
            ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
            FORM_SECRET_SUGGESTION: BENCH_FORM_SECRET,
            FORM_SECRET_REPLY: BENCH_FORM_SECRET,
            LINK_SECRET: BENCH_LINK_SECRET,
            PUBLIC_URL: BENCH_PUBLIC_URL,
            D1_METER: "1",
            NOTICE_EMAIL_FROM: "notices@bench.example",
          },
          // Notices by e-mail go through the send_email binding, as in production (Miniflare keeps them).
          email: { send_email: [{ name: "EMAIL" }] },
        },
        ...(letters ? [letters.clientWorker] : []),
        ...(database ? [database.clientWorker] : []),
      ],
      cf: false,
      ...(d1Persist && !d1 ? { d1Persist } : {}),
    });
    await mf.ready;
    const db = async () => (d1 ? d1.database() : ((await mf.getD1Database("DB")) as unknown as D1Database));
    await applyMigrations((await db()) as never);
    const pid = workerdPid(...hosts);
    const profiler = await IsolateProfiler.connect(inspectorPort, WORKER_NAME);
    const thread = new ThreadStateReader(pid, { lowestPriority: true });
    return {
      mf,
      profiler,
      thread,
      fetch: (pathname, init) =>
        mf.dispatchFetch(`${BENCH_PUBLIC_URL}${pathname}`, init as never) as unknown as Promise<Response>,
      db,
      cpuMs: () => processCpuMs(pid),
      threadCpuNs: () => threadCpuNs(pid),
      dispose: async () => {
        profiler.close();
        await thread.close();
        await mf.dispose();
        await r2?.dispose();
        await d1?.dispose();
      },
    };
  } catch (error) {
    await r2?.dispose();
    await d1?.dispose();
    throw error;
  }
}
