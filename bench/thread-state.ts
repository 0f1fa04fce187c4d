/**
 * How much of each moment one thread of another process was on a core, read as fast as a thread of
 * this process can read `/proc/<pid>/task/<tid>/stat` and `schedstat` (about 4 µs a read): the third
 * clock of the bench (bench/isolate-cpu.ts). workerd runs the Worker's isolate on its main thread;
 * while that thread sleeps (waiting for the Sheets emulator, a timer, the network) the isolate
 * cannot be running, whatever frame V8's profiler puts its samples on.
 *
 * Each read takes the thread's state (R: running or ready to run; anything else: asleep) and its
 * time on a core so far (`schedstat`'s first field, ns). The state alone cannot tell running from
 * waiting for a core, and on two cores the bench's own processes keep the thread waiting about as
 * long as it runs. The time on a core can: the kernel brings it up to date whenever the thread
 * leaves its core, so at every read that finds the thread asleep it is exact. Between two such reads
 * the thread was on a core for exactly the difference, and that time is spread over the reads in
 * between that saw it runnable (runningShares). A reader kept off its core for milliseconds thus
 * loses none of the thread's time, and its gaps count as running only as far as that time fills
 * them (a reader that only looked at states and placed the run-queue wait before the read was seen
 * to read 1.0 for a child the kernel charged 0.47, and 0.55 for one it charged 0.85). What is left
 * is an upper bound: a thread on a core may run other isolates than the Worker's.
 *
 * With a thread named to watch (V8's sampler, bench/isolate-cpu.ts), each read also takes that
 * thread's state and its time on a core and on a run queue so far, from which watchedAwakeUs says how
 * long it may have been awake in any moment.
 *
 * The reads run in a worker thread that sleeps (Atomics.wait) between invocations, so it takes a
 * core only while an invocation is measured. The bench runs it at the lowest priority, so that it is
 * the one kept waiting when the two cores are short: at workerd's priority it took a core from
 * workerd's own threads (the profiler's sampler, local D1), and in one run ten D1 round trips read
 * about twice as long by the profiler and by this clock. Kept waiting, it leaves gaps, which count
 * as above. The tests run it at their own priority, where one other busy process does not leave it
 * without a core for most of a measurement.
 */
import { readdirSync, readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";

/** Reads kept per invocation: 2 M reads, at about 4 µs each some 8 s, longer than any invocation. */
const CAPACITY = 1 << 21;

/**
 * What is known of the time from each read to the next (`times` in µs of the monotonic clock V8's
 * profiler uses): where the reads are close, the share of it the thread was on a core (0 to 1);
 * where they are a gap apart, the most time on a core the gap may hold, µs (-1 where they are close).
 */
export interface ThreadStates {
  readonly times: Float64Array;
  readonly shares: Float32Array;
  readonly gapOnCoreUs: Float64Array;
  /**
   * Where a thread was watched, how long it may have been awake (runnable: running or waiting for
   * a core) stretch by stretch (awakeStretches); null where none was.
   */
  readonly watchedStretches: AwakeStretches | null;
  readonly count: number;
}

/** A watched thread's stretches between reads that found it asleep (awakeStretches). */
export interface AwakeStretches {
  /** Each stretch's end, µs; a stretch begins where the one before ends (the first at the first read). */
  readonly ends: Float64Array;
  /** How long the thread may have been awake in each, µs (at most its length). */
  readonly awakeUs: Float64Array;
}

/**
 * The reads as they were taken: whether the thread was runnable (state R) and its time on a core so
 * far (ns). The reader fills them; runningShares turns them into ThreadStates.
 */
export interface ThreadReads {
  readonly times: Float64Array;
  readonly runnable: Uint8Array;
  readonly onCoreNs: Float64Array;
  /** The watched thread's state at each read (1: runnable, gone or unreadable), or null. */
  readonly watchedAwake?: Uint8Array | null;
  /**
   * The watched thread's time on a core and waiting for one so far (schedstat), ns; -1 where it
   * could not be read. The kernel brings both up to date when the thread leaves its core and when it
   * gets one, so at a read that finds it asleep they hold everything up to then.
   */
  readonly watchedBusyNs?: Float64Array | null;
  readonly count: number;
}

/**
 * The shared control words: [0] 1 while reading, 2 to close; [1] reads of the last window; [2] the
 * window's number (the reader sleeps until it changes); [3] the window the reader has begun; [4]
 * the window it has finished. Numbered windows keep the two threads in step whatever their timing.
 */
const READING = 0;
const COUNT = 1;
const WINDOW = 2;
const BEGUN = 3;
const DONE = 4;
/** The watched thread's id for the window about to begin (0: none). */
const WATCHED = 5;

/** The longest a read may take, µs (it takes 4 to 8 while the reader keeps its core). */
const READ_US = 100;

/** The reader's code (CommonJS, evaluated in the worker thread). */
const READER = `
const { workerData } = require("node:worker_threads");
const fs = require("node:fs");
const { ctrl, times, runnable, onCore, watchedAwake, watchedBusy, taskDir, path, schedstat, capacity, lowestPriority } = workerData;
// This thread only (Linux: priority 0 is the calling thread).
if (lowestPriority) try { require("node:os").setPriority(0, 19); } catch {}
const fd = fs.openSync(path, "r");
const sfd = fs.openSync(schedstat, "r");
const buf = Buffer.alloc(1024);
const sbuf = Buffer.alloc(128);
const wbuf = Buffer.alloc(1024);
const wsbuf = Buffer.alloc(128);
let window = 0;
for (;;) {
  Atomics.wait(ctrl, ${WINDOW}, window);
  window = Atomics.load(ctrl, ${WINDOW});
  if (Atomics.load(ctrl, ${READING}) === 2) break;
  // The watched thread (V8's sampler: it is started anew for each profile), opened for this window.
  const watched = Atomics.load(ctrl, ${WATCHED});
  let wfd = -1;
  let wsfd = -1;
  if (watched > 0) try {
    wfd = fs.openSync(taskDir + "/" + watched + "/stat", "r");
    wsfd = fs.openSync(taskDir + "/" + watched + "/schedstat", "r");
  } catch {}
  Atomics.store(ctrl, ${BEGUN}, window);
  Atomics.notify(ctrl, ${BEGUN});
  let n = 0;
  while (Atomics.load(ctrl, ${READING}) === 1) {
    const from = Number(process.hrtime.bigint() / 1000n);
    const len = fs.readSync(fd, buf, 0, 1024, 0);
    const slen = fs.readSync(sfd, sbuf, 0, 128, 0);
    // The watched thread's state: awake (R) or gone or unreadable count as awake.
    let wlen = 0;
    let wslen = 0;
    if (wfd >= 0 && wsfd >= 0) try {
      wlen = fs.readSync(wfd, wbuf, 0, 1024, 0);
      wslen = fs.readSync(wsfd, wsbuf, 0, 128, 0);
    } catch { wlen = 0; }
    const at = Number(process.hrtime.bigint() / 1000n);
    // A read this thread was taken off its core in the middle of is left out: its moment is not
    // known (seen: a read of the sleeping thread stamped 400 ms later, after a spin it hid).
    if (at - from > ${READ_US}) continue;
    // The state is the first field after the command name's closing parenthesis.
    let close = len - 1;
    while (close > 0 && buf[close] !== 0x29) close--;
    if (n < capacity) {
      times[n] = at;
      runnable[n] = buf[close + 2] === 0x52 ? 1 : 0; // "R"
      // schedstat: "<ns on a core> <ns waiting on a run queue> <timeslices>".
      onCore[n] = Number(sbuf.toString("latin1", 0, slen).split(" ")[0]);
      let wclose = wlen - 1;
      while (wclose > 0 && wbuf[wclose] !== 0x29) wclose--;
      watchedAwake[n] = wclose <= 0 || wbuf[wclose + 2] === 0x52 ? 1 : 0;
      // Its time on a core and on a run queue so far, ns (schedstat's first two fields).
      const fields = wslen > 0 ? wsbuf.toString("latin1", 0, wslen).split(" ") : [];
      watchedBusy[n] = fields.length >= 2 ? Number(fields[0]) + Number(fields[1]) : -1;
      n++;
    }
  }
  if (wfd >= 0) fs.closeSync(wfd);
  if (wsfd >= 0) fs.closeSync(wsfd);
  Atomics.store(ctrl, ${COUNT}, n);
  Atomics.store(ctrl, ${DONE}, window);
  Atomics.notify(ctrl, ${DONE});
}
fs.closeSync(fd);
fs.closeSync(sfd);
`;

/** Atomics.waitAsync (ES2024; Node 20 has it, the project's lib is ES2023). */
const waitAsync = (
  Atomics as unknown as {
    waitAsync(
      array: Int32Array,
      index: number,
      value: number,
      timeoutMs: number,
    ): { async: boolean; value: Promise<string> | string };
  }
).waitAsync;

export class ThreadStateReader {
  private readonly ctrl = new Int32Array(new SharedArrayBuffer(6 * 4));
  private readonly times = new Float64Array(new SharedArrayBuffer(CAPACITY * 8));
  private readonly runnable = new Uint8Array(new SharedArrayBuffer(CAPACITY));
  private readonly onCore = new Float64Array(new SharedArrayBuffer(CAPACITY * 8));
  private readonly watchedAwake = new Uint8Array(new SharedArrayBuffer(CAPACITY));
  private readonly watchedBusy = new Float64Array(new SharedArrayBuffer(CAPACITY * 8));
  private readonly worker: Worker;
  private window = 0;
  /** Why the reader stopped, if it did (then `during` throws instead of waiting for it). */
  private stopped: Error | null = null;

  /** `lowestPriority`: the reader yields its core to every other thread (see the note at the top). */
  constructor(
    private readonly pid: number,
    { tid = pid, lowestPriority = false }: { tid?: number; lowestPriority?: boolean } = {},
  ) {
    this.worker = new Worker(READER, {
      eval: true,
      workerData: {
        ctrl: this.ctrl,
        times: this.times,
        runnable: this.runnable,
        onCore: this.onCore,
        watchedAwake: this.watchedAwake,
        watchedBusy: this.watchedBusy,
        taskDir: `/proc/${pid}/task`,
        path: `/proc/${pid}/task/${tid}/stat`,
        schedstat: `/proc/${pid}/task/${tid}/schedstat`,
        capacity: CAPACITY,
        lowestPriority,
      },
    });
    this.worker.unref();
    this.worker.on("error", (error) => {
      this.stopped = error;
    });
    this.worker.on("exit", (code) => {
      this.stopped ??= new Error(`the thread-state reader exited (${code})`);
    });
  }

  /**
   * Until the reader has stored `window` in `word`. Asleep meanwhile, not polling: a poll at the
   * bench's priority takes a core the reader (at the lowest) needs for the very reads it waits for
   * (with every process but workerd's on one core, its first read came seconds late).
   */
  private async reached(word: number, window: number): Promise<void> {
    for (;;) {
      if (this.stopped) throw this.stopped;
      const now = Atomics.load(this.ctrl, word);
      if (now === window) return;
      // A bounded wait, so that a reader that stopped is noticed.
      const waited = waitAsync(this.ctrl, word, now, 50);
      if (waited.async) await waited.value;
    }
  }

  private next(reading: 1 | 2): number {
    this.window += 1;
    Atomics.store(this.ctrl, READING, reading);
    Atomics.store(this.ctrl, WINDOW, this.window);
    Atomics.notify(this.ctrl, WINDOW);
    return this.window;
  }

  /**
   * Reads the thread's state while `work` runs (which starts once the reads have begun), and with
   * `watch` the state of the process's one thread of that name (V8's sampler: "v8:ProfEvntProc").
   */
  async during(work: () => Promise<void>, watch?: string): Promise<ThreadStates> {
    const watched = watch ? threadNamed(this.pid, watch) : null;
    Atomics.store(this.ctrl, WATCHED, watched ?? 0);
    const window = this.next(1);
    await this.reached(BEGUN, window);
    try {
      await work();
    } finally {
      Atomics.store(this.ctrl, READING, 0);
    }
    await this.reached(DONE, window);
    const count = Atomics.load(this.ctrl, COUNT);
    return runningShares({
      times: this.times.slice(0, count),
      runnable: this.runnable.slice(0, count),
      onCoreNs: this.onCore.slice(0, count),
      watchedAwake: watched === null ? null : this.watchedAwake.slice(0, count),
      watchedBusyNs: watched === null ? null : this.watchedBusy.slice(0, count),
      count,
    });
  }

  async close(): Promise<void> {
    this.next(2);
    await this.worker.terminate();
  }
}

/**
 * Reads further apart than this leave the stretch between them unseen. The reader reads every 4 to
 * 8 µs while it has a core; when the cores are short it may wait for one for milliseconds (seen at
 * the lowest priority: 220 ms, while the thread it watched computed for 217 of them).
 */
export const GAP_US = 1_000;

/**
 * What each read says of the time to the next. Reads that found the thread asleep split the reads
 * into stretches: each begins at such a read (or the first), and every read after it up to the next
 * such read (or the last) saw the thread runnable. Over a stretch the thread was on a core for the
 * growth of its total between the reads at its ends: exact where such a read found it asleep; at
 * the first and last read, where it may have been running, the kernel's total can lag by up to a
 * scheduler tick (4 ms here). Within a stretch the kernel says no more: the reads a few µs apart
 * get the stretch's average. Between reads a gap apart the reader did not look, and the thread may
 * have spent all of the stretch's time on a core in any part of the gap: so much of it counts
 * (runningShare), so that the clock stays an upper bound, and a thread that slept throughout
 * reads 0.
 */
export function runningShares(reads: ThreadReads): ThreadStates {
  const { times, runnable, onCoreNs, count } = reads;
  const shares = new Float32Array(count);
  const gapOnCoreUs = new Float64Array(count).fill(-1);
  let start = 0;
  for (let end = 1; end < count; end++) {
    if (runnable[end] === 1 && end < count - 1) continue;
    const onCoreUs = Math.max(0, ((onCoreNs[end] ?? 0) - (onCoreNs[start] ?? 0)) / 1000);
    const stretchUs = (times[end] ?? 0) - (times[start] ?? 0);
    const average = stretchUs > 0 ? Math.min(1, onCoreUs / stretchUs) : 0;
    for (let i = start; i < end; i++) {
      shares[i] = average;
      if ((times[i + 1] ?? 0) - (times[i] ?? 0) > GAP_US) gapOnCoreUs[i] = onCoreUs;
    }
    start = end;
  }
  return { times, shares, gapOnCoreUs, watchedStretches: awakeStretches(reads), count };
}

/**
 * The watched thread's stretches: each ends at a read that found it asleep (or at the last read) and
 * begins where the one before ended (the first at the first read); reads in between found it
 * runnable. At a read that finds it asleep the kernel's counts are exact (its time on a core and any
 * wait for one are added when it leaves its core and when it gets one), so their growth over a
 * stretch is how long it was awake in it, at most the stretch. A stretch that ends on a runnable
 * read (a wait may be pending), or where the counts were not read, counts whole. (By state alone,
 * every step next to a read that caught one of its wake-ups, a few µs every sampling interval,
 * counted whole: half the time at reads 25 µs apart.)
 */
function awakeStretches({ times, watchedAwake, watchedBusyNs, count }: ThreadReads): AwakeStretches | null {
  if (!watchedAwake) return null;
  const ends: number[] = [];
  const awakeUs: number[] = [];
  let start = 0;
  for (let i = 1; i < count; i++) {
    if (watchedAwake[i] === 1 && i < count - 1) continue;
    const length = (times[i] ?? 0) - (times[start] ?? 0);
    const before = watchedBusyNs?.[start] ?? -1;
    const after = watchedBusyNs?.[i] ?? -1;
    const known = watchedAwake[i] === 0 && before >= 0 && after >= before;
    ends.push(times[i] ?? 0);
    awakeUs.push(known ? Math.min(length, (after - before) / 1000) : length);
    start = i;
  }
  return { ends: Float64Array.from(ends), awakeUs: Float64Array.from(awakeUs) };
}

/**
 * At most how long the watched thread may have been awake within [from, to] (µs): each stretch it
 * overlaps gives the overlap or the stretch's awake time, whichever is less (all of that time may
 * lie in the overlap), and any part before the first read or after the last counts whole. Infinity
 * where no thread was watched.
 */
export function watchedAwakeUs(states: ThreadStates, from: number, to: number): number {
  const stretches = states.watchedStretches;
  if (!stretches) return Number.POSITIVE_INFINITY;
  if (to <= from) return 0;
  const { times, count } = states;
  if (count === 0) return to - from;
  const first = times[0] ?? 0;
  const last = times[count - 1] ?? 0;
  let awake = Math.max(0, Math.min(to, first) - from) + Math.max(0, to - Math.max(from, last));
  const { ends, awakeUs } = stretches;
  // The first stretch that ends after `from` (binary search).
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ends[mid] ?? 0) <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < ends.length; i++) {
    const begins = i === 0 ? first : (ends[i - 1] ?? 0);
    if (begins >= to) break;
    const overlap = Math.min(to, ends[i] ?? 0) - Math.max(from, begins);
    if (overlap > 0) awake += Math.min(overlap, awakeUs[i] ?? 0);
  }
  return awake;
}

/** The id of process `pid`'s one thread named `name`; null where there is none or more than one. */
export function threadNamed(pid: number, name: string): number | null {
  const found: number[] = [];
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      if (readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim() === name) found.push(Number(tid));
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return found.length === 1 ? (found[0] ?? null) : null;
}

/** The last read at or before `at` (binary search); -1 when there is none. */
function lastAtOrBefore(states: ThreadStates, at: number): number {
  let lo = 0;
  let hi = states.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((states.times[mid] ?? 0) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The share of [from, to] (µs) the thread may have been on a core: where the reads are close, each
 * read's share weighed by how much of the moment lies between it and the next read; in a gap, as
 * much of the moment as the gap's stretch spent on a core. Before the first read and after the last
 * nothing is known, and that time counts as running. The profiler's own sampling wakes a sleeping
 * thread briefly, so a sample is weighed by this share, not tested at its moment.
 */
export function runningShare(states: ThreadStates, from: number, to: number): number {
  if (to <= from) return 0;
  const { times, shares, gapOnCoreUs, count } = states;
  if (count === 0) return 1;
  const first = times[0] ?? 0;
  const last = times[count - 1] ?? 0;
  let onCore = Math.max(0, Math.min(to, first) - from) + Math.max(0, to - Math.max(from, last));
  for (let i = Math.max(0, lastAtOrBefore(states, from)); i < count - 1; i++) {
    const a = Math.max(from, times[i] ?? 0);
    const b = Math.min(to, times[i + 1] ?? 0);
    if (a >= to) break;
    if (b <= a) continue;
    const gap = gapOnCoreUs[i] ?? -1;
    onCore += gap >= 0 ? Math.min(b - a, gap) : (b - a) * (shares[i] ?? 0);
  }
  return onCore / (to - from);
}
