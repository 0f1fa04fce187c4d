/**
 * What the bench's two clocks charge an invocation that does no work of its own: the floor under
 * every figure of bench/free-plan.ts. A tiny Worker (bench/clock-floor-worker.js) in workerd waits
 * for D1 round trips, reads a long D1 value, or spins a fixed loop; each case runs fifteen times
 * and the median is reported. V8's profiler charges part of the waiting to the isolate (samples
 * taken while it waits land in `(program)`); the thread clock counts local D1's SQLite as well.
 */
import path from "node:path";
import { Miniflare } from "miniflare";
import { PROJECT_ROOT } from "../tools/local-paths";
import { IsolateProfiler } from "./isolate-cpu";
import { threadCpuNs, workerdPid } from "./worker";

export interface ClockFloor {
  what: string;
  profilerMs: number;
  threadMs: number;
}

const CASES: [string, string][] = [
  ["nothing", "an invocation that does nothing"],
  ["trips", "10 D1 round trips (SELECT ?1), nothing else"],
  ["long-reads", "10 D1 reads of one 100,000-character value"],
  ["loop", "a fixed loop of pure JavaScript (no I/O)"],
];

const REPEATS = 15;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (ms: number) => Math.round(ms * 100) / 100;

export async function benchClockFloor(): Promise<ClockFloor[]> {
  const mf = new Miniflare({
    name: "clock-floor",
    inspectorPort: 9338,
    modules: [{ type: "ESModule", path: path.join(PROJECT_ROOT, "bench/clock-floor-worker.js") }],
    compatibilityDate: "2026-04-20",
    d1Databases: { DB: "clock-floor-db" },
    cf: false,
  });
  try {
    await mf.ready;
    await (await mf.dispatchFetch("http://floor/setup")).text();
    const pid = workerdPid();
    const profiler = await IsolateProfiler.connect(9338, "clock-floor");
    const floors: ClockFloor[] = [];
    for (const [name, what] of CASES) {
      const profiled: number[] = [];
      const thread: number[] = [];
      for (let i = 0; i < REPEATS; i++) {
        let ns = 0;
        const sample = await profiler.measure(async () => {
          const before = threadCpuNs(pid);
          await (await mf.dispatchFetch(`http://floor/?case=${name}`)).text();
          ns = threadCpuNs(pid) - before;
        });
        profiled.push(sample.workerMs);
        thread.push(ns / 1e6);
      }
      floors.push({ what, profilerMs: round(median(profiled)), threadMs: round(median(thread)) });
    }
    profiler.close();
    return floors;
  } finally {
    await mf.dispose();
  }
}

export function printClockFloor(floors: readonly ClockFloor[]): void {
  console.log("\nThe clocks' floor: what each charges an invocation that does no work of its own");
  console.table(floors);
}
