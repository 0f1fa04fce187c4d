/**
 * Whether one thread of another process is running, read as fast as a thread of this process can
 * read `/proc/<pid>/task/<tid>/stat` (about 4 µs a read): the third clock of the bench
 * (bench/isolate-cpu.ts). workerd runs the Worker's isolate on its main thread; while that thread
 * sleeps (state S: waiting for the Sheets emulator, a timer, the network) the isolate cannot be
 * running, whatever frame V8's profiler puts its samples on. A state of R means running or ready
 * to run: on two cores the bench's own processes (this reader, the emulator, workerd) keep the
 * thread waiting for a core about as long as it runs (measured: its run-queue wait over an
 * invocation was as large as the CPU charged to it). So each read also takes the thread's
 * run-queue wait so far (`schedstat`'s second field, which grows when a wait ends and the thread
 * gets its core), and reads inside a wait count as not running (withoutRunQueueWaits). What is
 * left is still an upper bound: a thread on a core may run other isolates than the Worker's.
 *
 * The reads run in a worker thread that sleeps (Atomics.wait) between invocations, so it takes a
 * core only while an invocation is measured, and at the lowest priority, so that it is the one
 * kept waiting when the two cores are short.
 */
import { Worker } from "node:worker_threads";

/** Reads kept per invocation: 2 M reads, at about 4 µs each some 8 s, longer than any invocation. */
const CAPACITY = 1 << 21;

/** What the thread was doing at each read: `times` in µs of the monotonic clock V8's profiler uses. */
export interface ThreadStates {
  readonly times: Float64Array;
  readonly running: Uint8Array;
  readonly count: number;
}

/**
 * The reads as they were taken, with the thread's run-queue wait so far at each (ns): the reader
 * fills them, withoutRunQueueWaits turns them into ThreadStates.
 */
export interface ThreadReads extends ThreadStates {
  readonly waitedNs: Float64Array;
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

/** The reader's code (CommonJS, evaluated in the worker thread). */
const READER = `
const { workerData } = require("node:worker_threads");
const fs = require("node:fs");
const os = require("node:os");
const { ctrl, times, running, waited, path, schedstat, capacity } = workerData;
// This thread only (Linux: priority 0 is the calling thread): the thread measured goes first.
try { os.setPriority(0, 19); } catch {}
const fd = fs.openSync(path, "r");
const sfd = fs.openSync(schedstat, "r");
const buf = Buffer.alloc(1024);
const sbuf = Buffer.alloc(128);
let window = 0;
for (;;) {
  Atomics.wait(ctrl, ${WINDOW}, window);
  window = Atomics.load(ctrl, ${WINDOW});
  if (Atomics.load(ctrl, ${READING}) === 2) break;
  Atomics.store(ctrl, ${BEGUN}, window);
  let n = 0;
  while (Atomics.load(ctrl, ${READING}) === 1) {
    const len = fs.readSync(fd, buf, 0, 1024, 0);
    const slen = fs.readSync(sfd, sbuf, 0, 128, 0);
    const at = Number(process.hrtime.bigint() / 1000n);
    // The state is the first field after the command name's closing parenthesis.
    let close = len - 1;
    while (close > 0 && buf[close] !== 0x29) close--;
    if (n < capacity) {
      times[n] = at;
      running[n] = buf[close + 2] === 0x52 ? 1 : 0; // "R"
      // schedstat: "<ns on a core> <ns waiting on a run queue> <timeslices>".
      waited[n] = Number(sbuf.toString("latin1", 0, slen).split(" ")[1]);
      n++;
    }
  }
  Atomics.store(ctrl, ${COUNT}, n);
  Atomics.store(ctrl, ${DONE}, window);
}
fs.closeSync(fd);
fs.closeSync(sfd);
`;

/** Until `ready()` holds, yielding to the event loop (the other thread answers within microseconds). */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((resolve) => setImmediate(resolve));
}

export class ThreadStateReader {
  private readonly ctrl = new Int32Array(new SharedArrayBuffer(5 * 4));
  private readonly times = new Float64Array(new SharedArrayBuffer(CAPACITY * 8));
  private readonly running = new Uint8Array(new SharedArrayBuffer(CAPACITY));
  private readonly waited = new Float64Array(new SharedArrayBuffer(CAPACITY * 8));
  private readonly worker: Worker;
  private window = 0;
  /** Why the reader stopped, if it did (then `during` throws instead of waiting for it). */
  private stopped: Error | null = null;

  constructor(pid: number, tid = pid) {
    this.worker = new Worker(READER, {
      eval: true,
      workerData: {
        ctrl: this.ctrl,
        times: this.times,
        running: this.running,
        waited: this.waited,
        path: `/proc/${pid}/task/${tid}/stat`,
        schedstat: `/proc/${pid}/task/${tid}/schedstat`,
        capacity: CAPACITY,
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

  private async reached(word: number, window: number): Promise<void> {
    await until(() => this.stopped !== null || Atomics.load(this.ctrl, word) === window);
    if (this.stopped) throw this.stopped;
  }

  private next(reading: 1 | 2): number {
    this.window += 1;
    Atomics.store(this.ctrl, READING, reading);
    Atomics.store(this.ctrl, WINDOW, this.window);
    Atomics.notify(this.ctrl, WINDOW);
    return this.window;
  }

  /** Reads the thread's state while `work` runs (which starts once the reads have begun). */
  async during(work: () => Promise<void>): Promise<ThreadStates> {
    const window = this.next(1);
    await this.reached(BEGUN, window);
    try {
      await work();
    } finally {
      Atomics.store(this.ctrl, READING, 0);
    }
    await this.reached(DONE, window);
    const count = Atomics.load(this.ctrl, COUNT);
    return withoutRunQueueWaits({
      times: this.times.slice(0, count),
      running: this.running.slice(0, count),
      waitedNs: this.waited.slice(0, count),
      count,
    });
  }

  async close(): Promise<void> {
    this.next(2);
    await this.worker.terminate();
  }
}

/**
 * The reads with those taken while the thread waited for a core marked not running. The kernel
 * adds a wait to the thread's total when the wait ends (the thread gets its core), so a total that
 * grew by w between two reads means the thread waited, runnable, during the w before the later
 * one: the reads in that stretch saw state R without the thread running.
 */
export function withoutRunQueueWaits(reads: ThreadReads): ThreadStates {
  const running = reads.running.slice(0, reads.count);
  for (let i = 1; i < reads.count; i++) {
    const waitedUs = ((reads.waitedNs[i] ?? 0) - (reads.waitedNs[i - 1] ?? 0)) / 1000;
    if (waitedUs <= 0) continue;
    const from = (reads.times[i] ?? 0) - waitedUs;
    for (let j = i - 1; j >= 0 && (reads.times[j] ?? 0) >= from; j--) running[j] = 0;
  }
  return { times: reads.times, running, count: reads.count };
}

/** The first read at or after `at` (binary search); `count` when there is none. */
function firstAtOrAfter(states: ThreadStates, at: number): number {
  let lo = 0;
  let hi = states.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((states.times[mid] ?? 0) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Reads further apart than this leave the stretch between them unknown. The reader reads every 4
 * to 8 µs while it has a core; at the lowest priority it may wait for one for milliseconds, and a
 * thread seen asleep on both sides of such a gap may have run in it (seen: a chunk step the
 * profiler charged 40 ms read as 0).
 */
const GAP_US = 1_000;

/**
 * Whether the thread may have been running at `at` (µs): a read on either side of it saw it
 * running, or there is no read on one side or the reads around it are a gap apart (nothing known:
 * it counts).
 */
function runningAt(states: ThreadStates, at: number): boolean {
  const after = firstAtOrAfter(states, at);
  const before = after - 1;
  if (before < 0 || after >= states.count) return true;
  if ((states.times[after] ?? 0) - (states.times[before] ?? 0) > GAP_US) return true;
  return states.running[before] === 1 || states.running[after] === 1;
}

/**
 * The share of [from, to] (µs) the thread may have been running: the share of the reads in it that
 * saw it running (with none inside, the nearer reads on each side). The profiler's own sampling
 * wakes a sleeping thread briefly (about 8% of reads see it running while it only waits), so a
 * sample is weighed by this share, not tested at its moment.
 */
export function runningShare(states: ThreadStates, from: number, to: number): number {
  const first = firstAtOrAfter(states, from);
  let seen = 0;
  let running = 0;
  for (let i = first; i < states.count && (states.times[i] ?? 0) <= to; i++) {
    seen++;
    running += states.running[i] ?? 0;
  }
  if (seen > 0) return running / seen;
  return runningAt(states, from) ? 1 : 0;
}
