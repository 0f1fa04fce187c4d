/**
 * What the Worker costs to start: CPU from workerd's start to the Worker being ready, less an empty
 * Worker's, and the V8 heap it then keeps. Cloudflare allows a Worker 1 second to parse and run its
 * global scope (Workers Free and Paid), and 128 MB of memory. Start-up is where src/warm-up.tsx's
 * work and the functions tools/eager-compile.ts makes compile at start-up are paid, so that a
 * fresh isolate's first invocation does not pay them on its 10 ms.
 */
import { IsolateProfiler } from "./isolate-cpu";
import { BENCH_PORTS } from "./ports";
import { medianTenth, startToy } from "./toy-worker";

const EMPTY = `export default { fetch() { return new Response("ok"); } };`;
const INSPECTOR_PORT = BENCH_PORTS.startUpInspector.port;

export interface StartUp {
  /** CPU of workerd's threads until the Worker is ready, less an empty Worker's (median), ms. */
  cpuMs: number;
  /** The isolate's V8 heap in use once started, garbage not yet collected included (median), MiB. */
  heapMiB: number;
  starts: number;
}

/** Starts a module in a fresh workerd and reads its start's CPU and its heap. */
async function startOnce(contents: string): Promise<{ cpuMs: number; heapBytes: number }> {
  const toy = await startToy(
    { "index.js": contents },
    { workerName: "start-up", inspectorPort: INSPECTOR_PORT, nodejsCompat: true },
  );
  try {
    const cpuMs = toy.cpuMs();
    const inspector = await IsolateProfiler.connect(INSPECTOR_PORT, "start-up");
    try {
      return { cpuMs, heapBytes: await inspector.heapUsedBytes() };
    } finally {
      inspector.close();
    }
  } finally {
    await toy.mf.dispose();
  }
}

/** `starts` fresh starts of `contents` (a bundled Worker), each beside an empty Worker's. */
export async function measureStartUp(contents: string, starts = 3): Promise<StartUp> {
  const cpu: number[] = [];
  const heap: number[] = [];
  for (let k = 0; k < starts; k++) {
    const empty = await startOnce(EMPTY);
    const worker = await startOnce(contents);
    cpu.push(worker.cpuMs - empty.cpuMs);
    heap.push(worker.heapBytes);
  }
  return { cpuMs: medianTenth(cpu), heapMiB: medianTenth(heap.map((bytes) => bytes / 2 ** 20)), starts };
}
