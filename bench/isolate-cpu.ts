/**
 * CPU time of one invocation of the Worker's isolate, measured as Cloudflare counts it as closely as
 * a local machine can: V8's own sampling profiler inside workerd (through Miniflare's inspector),
 * summing the samples where the Worker's isolate was executing (JavaScript, garbage collection and
 * native work V8 attributes to it), not the time it waited on I/O.
 *
 * Locally, D1 and queues are other isolates of the same workerd process, on the same thread (about
 * 0.7 ms of thread CPU per `SELECT 1`, measured); V8 attributes much of that time to frames of the
 * Worker's pending binding call. In production that work runs on D1's and Queues' servers and is
 * not the Worker's CPU, so samples inside a binding call (the D1 binding's `withSpan` and
 * `_sendOrThrow`, a queue's `send`/`sendBatch`) are left out. What that leaves out of the Worker's own work is the D1 binding
 * turning a response into rows; our own parsing of the JSON we store in D1 still counts. Samples are
 * wall-clock, so run it on a quiet machine and take medians.
 *
 * A `fetch` to the Sheets emulator can hold the isolate while it waits for the answer: with a server
 * that answers a 100 KB POST after 200 ms, three fetches were sampled as 200–600 ms in the native
 * `fetch` frame and the awaiting caller's own frame (and as 0 ms in other repeats). That is the
 * emulator's time, not the Worker's, so samples whose own frame is the native `fetch` or the Sheets
 * client's `requestOnce` (a few lines that build a URL and await the answer) count as waiting too;
 * parsing the answer (`json`) and building the request (`stringify`) are frames of their own and
 * still count.
 *
 * A third reading weighs each sample by how long workerd's main thread (the isolate's) was actually
 * running during it (bench/thread-state.ts): V8 also charges samples to whatever frame ran last
 * while the thread sleeps in the event loop (waiting for the emulator: a three-line function was
 * charged 10–18 ms in a sync's plan), and a thread that sleeps runs nothing. What the thread ran
 * for other isolates on it (local D1, Miniflare's plumbing) still counts, so this is an upper bound
 * too.
 *
 * A fourth reading, the one the bench uses (checkedMs), checks each sample against V8's sampler thread
 * (SAMPLER_THREAD): a sample stands for at most the cap plus however long that thread may have been
 * awake in it. It leaves out what the thread ran for other isolates, and stays an upper bound when
 * the sampler is kept from its core (test/node/bench/isolate-cpu-workerd.test.ts starves it).
 *
 * A fifth figure, an estimate and not a bound, caps what each sample stands for (SAMPLE_CAP_US).
 * V8 samples an isolate only while that isolate is in use: while the thread runs another isolate
 * (local D1's SQLite) or sleeps, no sample lands, and the next one's gap charges that time to
 * whichever frame ran last (an invocation that does nothing read 8.8 ms from one sample; ten D1
 * round trips 2–6 ms, 0.4–2.9 capped). The sampler wakes every SAMPLING_US, so while the isolate
 * runs, its samples come well within the cap, and continuous work (decoding D1 values, 30 ms) reads
 * the same capped and uncapped; but a sampler kept off its core while the isolate ran would make
 * the capped figure miss that time, and the kernel does not say when that happened. So it is not
 * used for whether an invocation fits: it says how much of a reading may be other isolates' work,
 * and it weighs BENCH_TOP's own times, where such gaps otherwise land on whatever ran last.
 */
import WebSocket from "ws";
import { runningShare, type ThreadStateReader, type ThreadStates, watchedAwakeUs } from "./thread-state";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number };
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  /** µs of the monotonic clock (CLOCK_MONOTONIC on Linux, as Node's process.hrtime). */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface CpuSample {
  /** The Worker's own CPU: JavaScript, GC and native work, binding I/O left out, ms. */
  workerMs: number;
  /**
   * The same samples, each weighed by the share of its time the isolate's thread was running
   * (bench/thread-state.ts): samples V8 put on a frame while the thread slept are left out. Still
   * an upper bound: the isolate cannot run longer than its thread. Null without the thread's states.
   */
  runningMs: number | null;
  /**
   * The Worker's CPU as the bench counts it: each sample as runningMs weighs it, but at most the cap
   * plus however long V8's sampler thread may have been awake in it (see SAMPLER_THREAD). Null
   * without the sampler's states.
   */
  checkedMs: number | null;
  /**
   * The same samples, each standing for at most SAMPLE_CAP_US: an estimate that leaves out what
   * other isolates on the thread ran, and would miss time the sampler thread was kept waiting.
   */
  cappedMs: number;
  /** Everything V8 saw the Worker's isolate busy with, local D1 and queue work included (upper bound), ms. */
  busyMs: number;
  /** Functions by their own (self) time, the heaviest first: each sample as runningMs weighs it, at most the cap. */
  top: { fn: string; ms: number }[];
  /** The whole call tree, for a closer look (callTree). */
  profile: Profile;
  /** How many samples V8 took while the isolate was not idle (its sampler thread may get no core). */
  samples: number;
}

/**
 * V8's sampler thread in workerd (the profiler starts one for each profile). It wakes every
 * SAMPLING_US and signals the isolate's thread, whose handler takes a sample only while the isolate is
 * in use: a sample that stands for much longer than that interval while the sampler was asleep on
 * time says the isolate was not in use for the rest of it (the thread ran another isolate, local
 * D1's SQLite, or Miniflare's plumbing). Only while the sampler was awake (running, or waiting for a
 * core) or unseen can a gap hide the isolate's own work. The reader watches its state
 * (bench/thread-state.ts), so each sample counts for at most the cap plus that awake time: a bound,
 * where the capped estimate alone is not.
 */
export const SAMPLER_THREAD = "v8:ProfEvntProc";

/** Sampling interval of the profiler, µs: fine enough for a 10 ms budget. */
const SAMPLING_US = 100;
/**
 * The most one sample stands for in the capped estimate, µs: three intervals (the sampler's own
 * wake-up and a timer's slack come to 150–170 µs between samples of continuous work here).
 */
export const SAMPLE_CAP_US = 3 * SAMPLING_US;

/**
 * Frames of a binding call: below them the Worker waits while D1 or a queue works (`withSpan` is
 * the D1 binding's wrapper around every statement, `_sendOrThrow` its request to the database).
 */
const BINDING_CALLS = new Set(["withSpan", "_sendOrThrow", "_wrappedFetch", "send", "sendBatch"]);

/** Own frames that stand for waiting on a subrequest (see the note at the top). */
function waitsOnSubrequest(frame: ProfileNode["callFrame"]): boolean {
  if (frame.functionName === "requestOnce") return true;
  return frame.functionName === "fetch" && !frame.url && (frame.lineNumber ?? -1) <= 0;
}

export class IsolateProfiler {
  private nextId = 0;
  private readonly pending = new Map<number, (result: unknown) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on("message", (data: WebSocket.RawData) => {
      const msg = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: unknown };
      if (msg.id !== undefined) {
        this.pending.get(msg.id)?.(msg.result ?? msg.error);
        this.pending.delete(msg.id);
      }
    });
  }

  /** Connects to the Worker named `worker` behind Miniflare's inspector port. */
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

  /**
   * The isolate's V8 heap in use, bytes, garbage not yet collected included (workerd's inspector
   * does not answer HeapProfiler.collectGarbage).
   */
  async heapUsedBytes(): Promise<number> {
    const usage = (await this.send("Runtime.getHeapUsage")) as { usedSize?: number };
    return usage.usedSize ?? Number.NaN;
  }

  private send(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /**
   * Runs `work` (which makes the Worker do one invocation) under the profiler, and with `thread`
   * reads the isolate's thread's state meanwhile.
   */
  async measure(work: () => Promise<unknown>, thread?: ThreadStateReader): Promise<CpuSample> {
    await this.send("Profiler.start");
    let states: ThreadStates | null = null;
    if (thread)
      states = await thread.during(async () => {
        await work();
      }, SAMPLER_THREAD);
    else await work();
    const { profile } = (await this.send("Profiler.stop")) as { profile: Profile };
    return cpuOf(profile, states);
  }

  close(): void {
    this.ws.close();
  }
}

/** The readings of one profile, with the isolate's thread's `states` (third reading). Exported for its tests. */
export function cpuOf(profile: Profile, states: ThreadStates | null): CpuSample {
  const name = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  const frameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const where = new Map(
    profile.nodes.map((n) => [
      n.id,
      `${n.callFrame.functionName || "(anonymous)"}:${n.callFrame.lineNumber ?? ""}`,
    ]),
  );
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const inBinding = new Map<number, boolean>();
  const waiting = (node: number): boolean => {
    const known = inBinding.get(node);
    if (known !== undefined) return known;
    const parent = parentOf.get(node);
    const result = BINDING_CALLS.has(name.get(node) ?? "") || (parent !== undefined && waiting(parent));
    inBinding.set(node, result);
    return result;
  };
  const self = new Map<string, number>();
  let ownUs = 0;
  let cappedUs = 0;
  let runningUs = 0;
  let checkedUs = 0;
  let busyUs = 0;
  let samples = 0;
  let at = profile.startTime;
  if (states && states.count > 0) {
    // Both clocks are the machine's monotonic clock: a profile outside the reads would mean they
    // are not, and the third clock would be meaningless.
    const first = profile.startTime + (profile.timeDeltas[0] ?? 0);
    const from = states.times[0] ?? 0;
    const to = states.times[states.count - 1] ?? 0;
    if (first < from - 1_000_000 || first > to + 1_000_000)
      throw new Error("the profiler's clock and the thread reads' clock differ");
  }
  profile.samples.forEach((node, i) => {
    // A sample stands for the time until the next one.
    at += profile.timeDeltas[i] ?? 0;
    const us = profile.timeDeltas[i + 1] ?? 0;
    if (name.get(node) === "(idle)") return;
    samples++;
    busyUs += us;
    if (waiting(node)) return;
    const frame = frameOf.get(node);
    if (frame && waitsOnSubrequest(frame)) return;
    ownUs += us;
    const capped = Math.min(us, SAMPLE_CAP_US);
    cappedUs += capped;
    // Weighed by how much of its time the isolate's thread was running: a sample V8 took while the
    // thread slept (waiting for the emulator) is the waiting, charged to the last frame that ran.
    const running = states ? us * runningShare(states, at, at + us) : us;
    runningUs += running;
    // At most the cap, and more only as far as the sampler may have been kept from sampling.
    const awake = states ? watchedAwakeUs(states, at, at + us) : Number.POSITIVE_INFINITY;
    checkedUs += Math.min(running, SAMPLE_CAP_US + awake);
    // Where the time goes: a sample's time while the thread ran, at most the cap (a gap where the
    // thread ran local D1 would otherwise land on the last frame before it).
    const fn = where.get(node) ?? "?";
    self.set(fn, (self.get(fn) ?? 0) + Math.min(running, capped));
  });
  const top = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 60)
    .map(([fn, us]) => ({ fn, ms: Math.round(us / 10) / 100 }));
  return {
    workerMs: ownUs / 1000,
    runningMs: states ? runningUs / 1000 : null,
    checkedMs: states?.watchedStretches ? checkedUs / 1000 : null,
    cappedMs: cappedUs / 1000,
    busyMs: busyUs / 1000,
    top,
    profile,
    samples,
  };
}

/** The call tree of a profile as indented lines (inclusive ms), nodes above `minMs` only: for reading by eye. */
export function callTree(profile: Profile, minMs = 1): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((node, i) => {
    if (byId.get(node)?.callFrame.functionName === "(idle)") return;
    selfUs.set(node, (selfUs.get(node) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  const total = new Map<number, number>();
  const sum = (id: number): number => {
    const node = byId.get(id);
    const t = (selfUs.get(id) ?? 0) + (node?.children ?? []).reduce((n, c) => n + sum(c), 0);
    total.set(id, t);
    return t;
  };
  const root = profile.nodes[0]?.id ?? 1;
  sum(root);
  const lines: string[] = [];
  const walk = (id: number, depth: number) => {
    const t = (total.get(id) ?? 0) / 1000;
    if (t < minMs) return;
    const f = byId.get(id)?.callFrame;
    lines.push(
      `${"  ".repeat(depth)}${t.toFixed(1)} ${f?.functionName || "(anonymous)"}:${f?.lineNumber ?? ""}`,
    );
    for (const c of byId.get(id)?.children ?? []) walk(c, depth + 1);
  };
  walk(root, 0);
  return lines;
}

/**
 * Inclusive time of each function (by name) over a profile's samples, µs: a sample counts once for
 * every distinct function on its stack. Samples inside a binding call (waiting on D1 or a queue) and
 * idle ones are left out, as in the Worker's CPU. After an `await` the stack starts at the
 * continuation, so an async function's figure holds only its synchronous stretches.
 */
export function inclusiveTimes(profile: Profile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const out = new Map<string, number>();
  profile.samples.forEach((node, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0;
    const names = new Set<string>();
    for (let at: number | undefined = node; at !== undefined; at = parentOf.get(at)) {
      const name = byId.get(at)?.callFrame.functionName ?? "";
      if (name === "(idle)" || BINDING_CALLS.has(name)) return;
      if (name && name !== "(root)") names.add(name);
    }
    for (const name of names) out.set(name, (out.get(name) ?? 0) + us);
  });
  return out;
}
