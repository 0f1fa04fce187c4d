/**
 * CPU time of one invocation of the Worker's isolate, measured as Cloudflare counts it as closely as
 * a local machine can: V8's own sampling profiler inside workerd (through Miniflare's inspector),
 * summing the samples where the isolate was executing (JavaScript, garbage collection, and native
 * work V8 attributes to it), not the time it sat waiting on I/O (fetch to Sheets, D1, queues).
 * The workerd process's own CPU (which also runs the local D1 and the HTTP plumbing) is an upper
 * bound printed beside it.
 */
import WebSocket from "ws";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface CpuSample {
  /** JavaScript and garbage collection, ms. */
  jsMs: number;
  /** Everything V8 saw the isolate busy with, native "(program)" time included, ms. */
  busyMs: number;
  /** Functions by their own (self) time, the heaviest first: where the time goes. */
  top: { fn: string; ms: number }[];
  /** Functions by inclusive time (with what they call). */
  inclusive: { fn: string; ms: number }[];
}

/** Sampling interval of the profiler, µs: fine enough for a 10 ms budget. */
const SAMPLING_US = 50;

export class IsolateProfiler {
  private nextId = 0;
  private readonly pending = new Map<number, (result: unknown) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on("message", (data) => {
      const msg = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: unknown };
      if (msg.id !== undefined) {
        this.pending.get(msg.id)?.(msg.result ?? msg.error);
        this.pending.delete(msg.id);
      }
    });
  }

  /** Connects to the inspector of the Worker named `worker` on Miniflare's inspector port. */
  static async connect(port: number, worker: string): Promise<IsolateProfiler> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/core:user:${worker}`);
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    const profiler = new IsolateProfiler(ws);
    await profiler.send("Profiler.enable");
    await profiler.send("Profiler.setSamplingInterval", { interval: SAMPLING_US });
    return profiler;
  }

  private send(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Runs `work` (which makes the Worker do one invocation) under the profiler. */
  async measure(work: () => Promise<unknown>): Promise<CpuSample> {
    await this.send("Profiler.start");
    await work();
    const { profile } = (await this.send("Profiler.stop")) as { profile: Profile };
    return cpuOf(profile);
  }

  close(): void {
    this.ws.close();
  }
}

function cpuOf(profile: Profile): CpuSample {
  const kind = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  const where = new Map(
    profile.nodes.map((n) => [
      n.id,
      `${n.callFrame.functionName || "(anonymous)"}:${n.callFrame.lineNumber ?? ""}`,
    ]),
  );
  const self = new Map<string, number>();
  let jsUs = 0;
  let busyUs = 0;
  // A sample stands for the time until the next one.
  profile.samples.forEach((node, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0;
    const name = kind.get(node);
    if (name === "(idle)") return;
    busyUs += us;
    if (name !== "(program)") jsUs += us;
    const fn = where.get(node) ?? "?";
    self.set(fn, (self.get(fn) ?? 0) + us);
  });
  // Inclusive: a sample counts for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  profile.samples.forEach((node, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0;
    if (kind.get(node) === "(idle)") return;
    const seen = new Set<string>();
    for (let at: number | undefined = node; at !== undefined; at = parent.get(at)) {
      const fn = where.get(at) ?? "?";
      if (seen.has(fn)) continue;
      seen.add(fn);
      incl.set(fn, (incl.get(fn) ?? 0) + us);
    }
  });
  const inclusive = [...incl.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40)
    .map(([fn, us]) => ({ fn, ms: Math.round(us / 10) / 100 }));
  const top = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([fn, us]) => ({ fn, ms: Math.round(us / 10) / 100 }));
  return { jsMs: jsUs / 1000, busyMs: busyUs / 1000, top, inclusive };
}
