/**
 * What the bench's clocks charge an invocation that does no work of its own: the floor under
 * every figure of bench/free-plan.ts. A tiny Worker (bench/clock-floor-worker.js) in workerd waits
 * for D1 round trips, reads a long D1 value, waits for slow subrequests, or spins a fixed loop;
 * each case runs fifteen times and the median is reported. V8's profiler charges part of the
 * waiting to the isolate (samples taken while it waits land in `(program)` or on the frame that ran
 * last); the thread clock counts local D1's SQLite as well; the profiler's samples taken while the
 * isolate's thread was running (bench/thread-state.ts) leave out waiting on anything outside the
 * process, not waiting on local D1 (the same thread runs SQLite); the capped samples (an estimate,
 * bench/isolate-cpu.ts) leave out local D1 too.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Miniflare } from "miniflare";
import { PROJECT_ROOT } from "../tools/local-paths";
import { startRemoteD1 } from "./d1-remote";
import { IsolateProfiler } from "./isolate-cpu";
import { BENCH_PORTS } from "./ports";
import { ThreadStateReader } from "./thread-state";
import { threadCpuNs, workerdPid } from "./worker";

export interface ClockFloor {
  what: string;
  profilerMs: number;
  /** The profiler's samples, counted only while the isolate's thread may have been running. */
  runningMs: number;
  /** Those samples, each at most the cap plus the time V8's sampler thread may have been awake in it. */
  checkedMs: number;
  /** The samples each counted for at most three sampling intervals (an estimate: bench/isolate-cpu.ts). */
  cappedMs: number;
  threadMs: number;
}

const CASES: [string, string][] = [
  ["nothing", "an invocation that does nothing"],
  ["trips", "10 D1 round trips (SELECT ?1), nothing else"],
  ["long-reads", "10 D1 reads of one 100,000-character value"],
  ["fetch-waits", "5 subrequests answered after 50 ms each, nothing else"],
  ["row-statements", "a D1 batch of 100 one-row INSERTs"],
  ["json-rows", "one D1 INSERT of the same 100 rows, read from a JSON parameter"],
  ["queue-sends", "5 messages sent to a queue, nothing else"],
  ["loop", "a fixed loop of pure JavaScript (no I/O)"],
];

const REPEATS = 15;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (ms: number) => Math.round(ms * 100) / 100;

export async function benchClockFloor(): Promise<ClockFloor[]> {
  const slow = createServer((_, response) => {
    setTimeout(() => response.end("ok"), 50);
  });
  await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
  // D1 in a process of its own, as the bench's Worker has it (bench/d1-remote.ts), unless BENCH_D1=in-process.
  const d1 = process.env.BENCH_D1 === "in-process" ? null : await startRemoteD1("clock-floor-db");
  const hosts = d1 ? [workerdPid()] : [];
  const database = d1?.wrappedBinding("DB");
  const mf = new Miniflare({
    workers: [
      {
        name: "clock-floor",
        modules: [{ type: "ESModule", path: path.join(PROJECT_ROOT, "bench/clock-floor-worker.js") }],
        compatibilityDate: "2026-04-20",
        ...(database
          ? { wrappedBindings: database.wrappedBindings }
          : { d1Databases: { DB: "clock-floor-db" } }),
        queueProducers: { JOBS: "clock-floor-jobs" },
        bindings: { SLOW_URL: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/` },
      },
      ...(database ? [database.clientWorker] : []),
    ],
    inspectorPort: BENCH_PORTS.clockFloorInspector.port,
    cf: false,
  });
  try {
    await mf.ready;
    await (await mf.dispatchFetch("http://floor/setup")).text();
    const pid = workerdPid(...hosts);
    const profiler = await IsolateProfiler.connect(9338, "clock-floor");
    const reader = new ThreadStateReader(pid, { lowestPriority: true });
    const floors: ClockFloor[] = [];
    for (const [name, what] of CASES) {
      const profiled: number[] = [];
      const running: number[] = [];
      const checked: number[] = [];
      const capped: number[] = [];
      const thread: number[] = [];
      for (let i = 0; i < REPEATS; i++) {
        let ns = 0;
        const sample = await profiler.measure(async () => {
          const before = threadCpuNs(pid);
          await (await mf.dispatchFetch(`http://floor/?case=${name}`)).text();
          ns = threadCpuNs(pid) - before;
        }, reader);
        profiled.push(sample.workerMs);
        running.push(sample.runningMs ?? sample.workerMs);
        checked.push(sample.checkedMs ?? sample.runningMs ?? sample.workerMs);
        capped.push(sample.cappedMs);
        thread.push(ns / 1e6);
      }
      floors.push({
        what,
        profilerMs: round(median(profiled)),
        runningMs: round(median(running)),
        checkedMs: round(median(checked)),
        cappedMs: round(median(capped)),
        threadMs: round(median(thread)),
      });
    }
    profiler.close();
    await reader.close();
    return floors;
  } finally {
    await mf.dispose();
    await d1?.dispose();
    slow.close();
  }
}

export function printClockFloor(floors: readonly ClockFloor[]): void {
  console.log("\nThe clocks' floor: what each charges an invocation that does no work of its own");
  console.table(floors);
}
