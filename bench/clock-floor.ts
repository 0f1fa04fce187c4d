/**
 * What the bench's clocks charge an invocation that does no work of its own: the floor under
 * every figure of bench/free-plan.ts. A tiny Worker (bench/clock-floor-worker.js) in workerd waits
 * for D1 round trips, reads a long D1 value, waits for slow subrequests, or spins a fixed loop;
 * each case runs fifteen times and the median is reported. V8's profiler charges part of the
 * waiting to the isolate (samples taken while it waits land in `(program)` or on the frame that ran
 * last); the thread clock counts local D1's SQLite as well; the profiler's samples taken while the
 * isolate's thread was running (bench/thread-state.ts) leave out waiting on anything outside the
 * process. The bench's Worker has its D1 in a process of its own (bench/d1-host.ts), as on
 * Cloudflare; each D1 case runs against such a database, and again ("same process") against one in
 * the Worker's own process, where the same thread runs SQLite and every clock charges it.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Miniflare } from "miniflare";
import { PROJECT_ROOT } from "../tools/local-paths";
import { startD1Host, workerdPidBesides } from "./d1-host";
import { IsolateProfiler } from "./isolate-cpu";
import { ThreadStateReader } from "./thread-state";
import { threadCpuNs } from "./worker";

export interface ClockFloor {
  what: string;
  profilerMs: number;
  /** The profiler's samples, counted only while the isolate's thread may have been running. */
  runningMs: number;
  threadMs: number;
}

const SAME_PROCESS = "d1=same";
const CASES: [string, string][] = [
  ["nothing", "an invocation that does nothing"],
  ["trips", "10 D1 round trips (SELECT ?1), nothing else"],
  [`trips&${SAME_PROCESS}`, "the same, D1 in the Worker's process"],
  ["long-reads", "10 D1 reads of one 100,000-character value"],
  [`long-reads&${SAME_PROCESS}`, "the same, D1 in the Worker's process"],
  ["fetch-waits", "5 subrequests answered after 50 ms each, nothing else"],
  ["row-statements", "a D1 batch of 100 one-row INSERTs"],
  [`row-statements&${SAME_PROCESS}`, "the same, D1 in the Worker's process"],
  ["json-rows", "one D1 INSERT of the same 100 rows, read from a JSON parameter"],
  [`json-rows&${SAME_PROCESS}`, "the same, D1 in the Worker's process"],
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
  const d1Host = await startD1Host("clock-floor-db");
  const mf = new Miniflare({
    name: "clock-floor",
    inspectorPort: 9338,
    modules: [{ type: "ESModule", path: path.join(PROJECT_ROOT, "bench/clock-floor-worker.js") }],
    compatibilityDate: "2026-04-20",
    d1Databases: {
      DB: { id: "clock-floor-db", remoteProxyConnectionString: d1Host.url },
      SAME_DB: "clock-floor-same-db",
    },
    bindings: { SLOW_URL: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/` },
    cf: false,
  });
  try {
    await mf.ready;
    await (await mf.dispatchFetch("http://floor/setup")).text();
    const pid = workerdPidBesides([d1Host.pid]);
    const profiler = await IsolateProfiler.connect(9338, "clock-floor");
    const reader = new ThreadStateReader(pid);
    const floors: ClockFloor[] = [];
    for (const [name, what] of CASES) {
      const profiled: number[] = [];
      const running: number[] = [];
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
        thread.push(ns / 1e6);
      }
      floors.push({
        what,
        profilerMs: round(median(profiled)),
        runningMs: round(median(running)),
        threadMs: round(median(thread)),
      });
    }
    profiler.close();
    await reader.close();
    return floors;
  } finally {
    await mf.dispose();
    await d1Host.dispose();
    slow.close();
  }
}

export function printClockFloor(floors: readonly ClockFloor[]): void {
  console.log("\nThe clocks' floor: what each charges an invocation that does no work of its own");
  console.table(floors);
}
