/**
 * Free-plan benchmark (issue 11): every job and page of an office of 2,000 rows, one invocation at a
 * time, with the CPU the Worker's isolate spent on it (V8's profiler in workerd, bench/isolate-cpu.ts)
 * against the Workers Free plan's 10 ms. Run: npx tsx bench/free-plan.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { columnLetter } from "../sheets-schema/header-map";
import { TAB_NAMES } from "../sheets-schema/tab-names";
import { ledgerTab, noticeLogTab } from "../sheets-schema/tabs";
import { CRON } from "../src/cron";
import type { InboxForm } from "../src/domain/intake/inbox-forms";
import { signBody } from "../src/intake/signature";
import { NOTICE_LOG_STEP } from "../src/jobs/notices/log-step";
import { buildFixture, DEPUTIES, fixtureSheets, UNITS } from "../test/support/ledger-fixture";
import { rowOf } from "../test/support/practice-sheet";
import { dailyUse, printDailyUse } from "./daily-use";
import { type BenchEmulator, callsSince, startBenchEmulator } from "./emulator-process";
import { callTree, inclusiveTimes } from "./isolate-cpu";
import {
  benchLinks,
  contactFields,
  link,
  makeEveryoneReachable,
  postReply,
  postUnitForm,
  putLetter,
} from "./link-pages";
import { measureBundledNoticeBatch } from "./notice-bundles";
import { BENCH_PORTS, exitIfBenchPortsBusy } from "./ports";
import { raisePriority } from "./priority";
import { maxBatchSize } from "./queue-batches";
import {
  BENCH_ADMIN_TOKEN,
  BENCH_FORM_SECRET,
  type BenchWorker,
  buildWorker,
  startBenchWorker,
} from "./worker";

export const OFFICE_ROWS = 2_000;
export const FREE_CPU_MS = 10;
/** D1 queries one invocation may make on Workers Free (D1's limits page). */
export const FREE_D1_QUERIES = 50;
const PORT = BENCH_PORTS.officeEmulator.port;
const SHEET = "bench-office";
const REPEATS = 5;
const DAY_MS = 86_400_000;
/** The most messages the intake queue hands one invocation: the batch its rows measure. */
const INTAKE_BATCH = maxBatchSize("jianyi-intake");

export interface InvocationFigures {
  what: string;
  /**
   * Median of the repeats: the Worker's CPU, the lower of two upper bounds taken at once (the
   * profiler's samples as checked against V8's sampler thread, and the thread clock; see `measure`).
   */
  "CPU ms (Worker)": number;
  /** Median: V8's profiler, the Worker's own frames (binding calls left out). */
  "CPU ms (profiler)": number;
  /** Median: those samples taken while the isolate's thread was running (bench/thread-state.ts). */
  "CPU ms (profiler, running)": number;
  /**
   * Median: those samples, each at most the cap plus the time V8's sampler thread may have been
   * awake in it (bench/isolate-cpu.ts, SAMPLER_THREAD): an upper bound without the gaps where the
   * isolate's thread ran other isolates.
   */
  "CPU ms (profiler, checked)": number;
  /**
   * Median: the samples each counted for at most three sampling intervals (bench/isolate-cpu.ts),
   * an estimate without what other isolates ran on the thread; no bound, not used for "fits".
   */
  "CPU ms (profiler, capped)": number;
  /** Median: every workerd thread's CPU over the invocation (local D1 and queues included). */
  "CPU ms (thread)": number;
  "Sheets calls": number;
  /** Sheet cells the invocation wrote (Google's count: values and copied cells). */
  "cells written": number;
  /** D1 rows read and written, as Cloudflare bills them (the last repeat). */
  "D1 rows read": number;
  "D1 rows written": number;
  /** D1 round trips the invocation made (a batch of statements is one). */
  "D1 trips": number;
  /**
   * D1 statements the invocation ran, each statement of a batch counted (the last repeat): D1 allows
   * 50 queries per invocation on Workers Free, and whether a batch counts once or per statement is
   * not stated, so the bench counts the worse.
   */
  "D1 queries": number;
  /**
   * Readings whose profile held too few samples to tell (MIN_SAMPLES): a repeatable one was taken
   * again; a single reading (a sync step, a batch) fell back to the thread clock.
   */
  "starved profiles": number;
  "fits 10 ms": string;
}

interface D1Counts {
  rowsRead: number;
  rowsWritten: number;
  queries: number;
  roundTrips: number;
}

/** D1's counts since the last call (src/d1-meter.ts; the bench Worker runs with D1_METER). */
async function takeD1(worker: BenchWorker): Promise<D1Counts> {
  const response = await worker.fetch("/__d1-meter");
  return (await response.json()) as D1Counts;
}

/** Steps the Worker asked to have delivered again in this run (reported in --json). */
export const retriedSteps: string[] = [];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Each invocation is measured by three clocks at once, and each is an upper bound of the Worker's
 * CPU for its own reason:
 * - V8's sampling profiler in workerd (bench/isolate-cpu.ts) leaves binding calls out, but it has
 *   no notion of the isolate waiting: samples taken while workerd's thread sleeps land on the frame
 *   that ran last (a probe Worker that awaits five 50 ms fetches was charged 0.2 to 212 ms).
 * - Those samples weighed by how much of each the isolate's thread was running
 *   (bench/thread-state.ts): the waiting drops out; what the thread runs for local D1 stays in.
 * - The workerd process's thread CPU (the kernel's schedstat, ns) counts no waiting at all, but it
 *   counts what runs beside the Worker in that process: the local D1 (SQLite), the queues,
 *   Miniflare's plumbing and the profiler's own sampling.
 * The Worker's CPU is at most the lowest of the three, which is what the bench reports (each
 * reading is in the table and in --json). Beside them, an estimate that is no bound: the
 * profiler's samples each counted for at most three sampling intervals (bench/isolate-cpu.ts),
 * which leaves out the gaps where the thread ran local D1 or another isolate.
 */
/**
 * An invocation still running after this long is stuck (seen twice in about twenty runs: workerd
 * spinning during a 答复函 upload). The bench then stops with an error naming it, instead of hanging;
 * its finally blocks stop workerd and the emulator.
 */
const INVOCATION_TIMEOUT_MS = 120_000;

function within(what: string, work: Promise<void>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what}: no answer within ${INVOCATION_TIMEOUT_MS / 1000} s; the bench stops`)),
      INVOCATION_TIMEOUT_MS,
    );
  });
  return Promise.race([work, stuck]).finally(() => clearTimeout(timer));
}

async function bothClocks(worker: BenchWorker, invoke: () => Promise<void>) {
  let threadNs = 0;
  const sample = await worker.profiler.measure(async () => {
    const before = worker.threadCpuNs();
    await invoke();
    threadNs = worker.threadCpuNs() - before;
  }, worker.thread);
  return { ...sample, threadMs: threadNs / 1e6 };
}

/**
 * BENCH_TOP=<part of a row's name>: the own times of every invocation it names, summed (one
 * invocation's profile holds only a hundred or so samples; many of them show where time goes).
 */
export const ownTimes = {
  invocations: 0,
  byFunction: new Map<string, number>(),
  inclusive: new Map<string, number>(),
  add(top: readonly { fn: string; ms: number }[], inclusiveUs: ReadonlyMap<string, number>) {
    this.invocations++;
    for (const { fn, ms } of top) this.byFunction.set(fn, (this.byFunction.get(fn) ?? 0) + ms);
    for (const [fn, us] of inclusiveUs) this.inclusive.set(fn, (this.inclusive.get(fn) ?? 0) + us / 1000);
  },
  print() {
    if (this.invocations === 0) return;
    const table = (times: Map<string, number>) =>
      [...times]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 40)
        .map(([fn, ms]) => ({ fn, "ms per invocation": round(ms / this.invocations) }));
    console.log(`\nOwn times over ${this.invocations} invocations (${process.env.BENCH_TOP})`);
    console.table(table(this.byFunction));
    console.log("Inclusive times (the profiler's samples, each function once per sample)");
    console.table(table(this.inclusive));
  },
};

/**
 * V8's sampler runs on a thread of its own in workerd, which on two busy cores sometimes gets no
 * core for a whole invocation: its profile then holds no sample or one or two, each standing for
 * the time until the next (a page read 0 ms with the thread clock at 5.3; another, one sample of
 * 17 ms with the thread clock at 8.4). A reading from fewer samples than this is not used.
 */
const MIN_SAMPLES = 3;
/** Readings of a repeatable invocation taken again at most, in all, when their profiles were starved. */
const MAX_RETAKES = 10;

export async function measure(
  worker: BenchWorker,
  em: BenchEmulator,
  what: string,
  invoke: () => Promise<void>,
  repeats = REPEATS,
  /** Runs before each repeat, outside the clocks. */
  prepare?: () => Promise<void>,
): Promise<InvocationFigures> {
  const bound: number[] = [];
  const profiled: number[] = [];
  const running: number[] = [];
  const checked: number[] = [];
  const capped: number[] = [];
  const thread: number[] = [];
  let calls = 0;
  let cells = 0;
  let d1: D1Counts = { rowsRead: 0, rowsWritten: 0, queries: 0, roundTrips: 0 };
  let starved = 0;
  for (let i = 0; i < repeats; i++) {
    await prepare?.();
    const since = (await callsSince(em, 0)).lastSeq;
    await takeD1(worker);
    let cpu: Awaited<ReturnType<typeof bothClocks>>;
    try {
      cpu = await bothClocks(worker, () => within(what, invoke()));
    } catch (error) {
      if (!(error instanceof RetryAsked)) throw error;
      // Delivered again, as the queue would: that delivery is the reading (its log says why).
      console.error(`${what}: ${error.message}; delivered again, as the queue would`);
      retriedSteps.push(what);
      nextAttempt = error.attempts + 1;
      i--;
      continue;
    }
    d1 = await takeD1(worker);
    ({ calls, cellsWritten: cells } = await callsSince(em, since));
    const runningMs = cpu.runningMs ?? cpu.workerMs;
    const checkedMs = cpu.checkedMs ?? runningMs;
    if (cpu.samples < MIN_SAMPLES) {
      starved++;
      // Repeatable (a page, a webhook): taken again. A single reading cannot be: the thread
      // clock, an upper bound that also counts local D1's work, stands for it.
      if (repeats > 1 && starved <= MAX_RETAKES) {
        i--;
        continue;
      }
    }
    bound.push(cpu.samples < MIN_SAMPLES ? cpu.threadMs : Math.min(checkedMs, cpu.threadMs));
    profiled.push(cpu.workerMs);
    running.push(runningMs);
    checked.push(checkedMs);
    capped.push(cpu.cappedMs);
    thread.push(cpu.threadMs);
    // BENCH_TREE=<part of a row's name> prints where that invocation's time went.
    const tree = process.env.BENCH_TREE;
    if (tree && what.includes(tree))
      console.log(`\n${what}\n${callTree(cpu.profile, 0.3).join("\n")}\n${JSON.stringify(cpu.top)}`);
    const summed = process.env.BENCH_TOP;
    if (summed && what.includes(summed)) ownTimes.add(cpu.top, inclusiveTimes(cpu.profile));
  }
  return {
    what,
    "CPU ms (Worker)": round(median(bound)),
    "CPU ms (profiler)": round(median(profiled)),
    "CPU ms (profiler, running)": round(median(running)),
    "CPU ms (profiler, checked)": round(median(checked)),
    "CPU ms (profiler, capped)": round(median(capped)),
    "CPU ms (thread)": round(median(thread)),
    "Sheets calls": calls,
    "cells written": cells,
    "D1 rows read": d1.rowsRead,
    "D1 rows written": d1.rowsWritten,
    "D1 trips": d1.roundTrips,
    "D1 queries": d1.queries,
    "starved profiles": starved,
    "fits 10 ms": median(bound) <= FREE_CPU_MS ? "yes" : "NO",
  };
}

interface RunState {
  runId: number;
  chunks: number;
  /**
   * The summary version whose figures the run's finish queued as a step of its own (the records',
   * the year reports and the export's whole file follow as others); null when it queued none.
   */
  figuresQueued: string | null;
  /** Chunks with a result so far, and how many of them were reused. */
  done: number;
  reused: number;
  running: boolean;
  /** The run's practice step (沟通记录, 延期申请, 协办意见) is done. */
  practiceRead: boolean;
  /** A part a chunk of the run stored for its derive step, still lacking what derives from its rows. */
  toDerive: number | null;
}

/** Where the last sync run stands, from D1 (what the queue's next message would do). */
async function runState(worker: BenchWorker): Promise<RunState> {
  const db = await worker.db();
  const run = await db
    .prepare("SELECT id, outcome, context, summary FROM sync_runs ORDER BY id DESC LIMIT 1")
    .first<{ id: number; outcome: string; context: string | null; summary: string | null }>();
  if (!run) throw new Error("no sync run after POST /api/sync");
  if (run.outcome !== "running") {
    const summary = JSON.parse(run.summary ?? "{}") as {
      chunks?: number;
      reusedChunks?: number;
      figuresQueued?: string | null;
    };
    const chunks = summary.chunks ?? 0;
    return {
      runId: run.id,
      chunks,
      figuresQueued: summary.figuresQueued ?? null,
      done: chunks,
      reused: summary.reusedChunks ?? 0,
      running: false,
      practiceRead: true,
      toDerive: null,
    };
  }
  const { results } = await db
    .prepare("SELECT result FROM sync_chunks WHERE run_id = ?1")
    .bind(run.id)
    .all<{ result: string }>();
  const context = JSON.parse(run.context ?? "{}") as { chunkStarts?: number[]; practiceRead?: boolean };
  const chunks = context.chunkStarts?.length ?? 0;
  const reused = results.filter((r) => (JSON.parse(r.result) as { reused?: boolean }).reused).length;
  // As the store's partial index summary_parts_lacking finds them.
  const lacking = await db
    .prepare(
      "SELECT part FROM summary_parts WHERE (row_index IS NULL OR refs IS NULL) AND part < ?1 ORDER BY part",
    )
    .bind(results.length)
    .first<{ part: number }>();
  return {
    runId: run.id,
    chunks,
    figuresQueued: null,
    done: results.length,
    reused,
    running: true,
    practiceRead: context.practiceRead === true,
    toDerive: lacking?.part ?? null,
  };
}

let messageSeq = 0;

/**
 * How often the jobs queue delivers a message in all (wrangler.toml's max_retries for jianyi-jobs,
 * plus the first delivery).
 */
const JOB_DELIVERIES = 6;

/**
 * A step the Worker asked the queue to deliver again (its consumer threw a retryable error: the
 * bench's own D1 process once answered "Network connection lost"). Cloudflare delivers it again with
 * `attempts` one more; `measure` does so too, and the redelivery's reading is the step's.
 */
class RetryAsked extends Error {
  constructor(
    readonly body: unknown,
    readonly attempts: number,
  ) {
    super(`the Worker asked for step ${JSON.stringify(body)} to be delivered again (attempt ${attempts})`);
  }
}

/** The attempt the next delivery of a step is (above 1 only while redelivering it). */
let nextAttempt = 1;

/** The last sync run's id (0: none yet). */
async function latestRunId(worker: BenchWorker): Promise<number> {
  const db = await worker.db();
  const row = await db.prepare("SELECT MAX(id) AS id FROM sync_runs").first<{ id: number | null }>();
  return row?.id ?? 0;
}

/** Delivers one step of a run to the Worker's sync-queue handler, as Cloudflare would: one invocation. */
async function deliverStep(worker: BenchWorker, body: unknown): Promise<void> {
  const fetcher = await worker.mf.getWorker();
  const attempts = nextAttempt;
  nextAttempt = 1;
  const result = await fetcher.queue("jianyi-jobs", [
    { id: `bench-${++messageSeq}`, timestamp: new Date(), attempts, body },
  ]);
  if (result.outcome === "ok" && result.retryMessages.length > 0 && attempts < JOB_DELIVERIES)
    throw new RetryAsked(body, attempts);
  if (result.outcome !== "ok" || result.retryMessages.length > 0)
    throw new Error(`sync step ${JSON.stringify(body)}: ${result.outcome} (attempt ${attempts})`);
}

/**
 * One sync run, as the cron runs it: the plan (the 10-minute cron queues the first step), then
 * each queued step its own invocation, delivered here in the order the queue would (the part a
 * checked chunk left to derive, the next chunk without a result, then the finish). Returns one
 * row per invocation, named by what it did.
 */
export async function measureSyncRun(
  worker: BenchWorker,
  em: BenchEmulator,
  label: string,
  repeats: number,
  /** When the cron fires, ms (default: now); a later day makes the run a day's first sync. */
  startMs?: number,
): Promise<InvocationFigures[]> {
  const steps = new Map<string, InvocationFigures[]>();
  const record = (what: string, figures: InvocationFigures) =>
    steps.set(what, [...(steps.get(what) ?? []), figures]);
  for (let r = 0; r < repeats; r++) {
    const plan = `sync ${label}: plan`;
    const lastRun = await latestRunId(worker);
    const tick = await measure(worker, em, plan, () => syncStart(worker, startMs), 1);
    if ((await latestRunId(worker)) === lastRun) {
      // No token kept (the office's first sync): the tick queued the token step, which queues the
      // run's start (src/jobs/sync/token-step.ts), each an invocation of its own.
      record(`sync ${label}: cron tick (no token kept)`, tick);
      const token = `sync ${label}: Google's access token minted`;
      record(
        token,
        await measure(worker, em, token, () => deliverStep(worker, { job: "token", sync: "cron" }), 1),
      );
      const start = { job: "start-sync", trigger: "cron" };
      record(plan, await measure(worker, em, plan, () => deliverStep(worker, start), 1));
    } else record(plan, tick);
    // As the queue would carry it: a step after one that checked a chunk (or found this one
    // changed) expects a check, and reads only its chunk's rows.
    let expectsCheck = false;
    for (let state = await runState(worker); state.running; ) {
      const body: { runId: number; step: string; chunk?: number; expectsCheck?: boolean } =
        !state.practiceRead
          ? { runId: state.runId, step: "practice" }
          : state.toDerive !== null
            ? { runId: state.runId, step: "derive", chunk: state.toDerive }
            : state.done < state.chunks
              ? { runId: state.runId, step: "chunk", chunk: state.done, expectsCheck }
              : { runId: state.runId, step: "finish" };
      const before = state;
      const tree = `sync ${label}: ${body.step} ${before.done + 1}`;
      const figures = await measure(worker, em, tree, () => deliverStep(worker, body), 1);
      state = await runState(worker);
      const checked = state.done - before.done - (state.reused - before.reused);
      // Checked one, or stopped short of two because the next must be checked.
      const handled = state.done - before.done;
      expectsCheck =
        body.step === "derive" ||
        checked > 0 ||
        (handled > 0 && handled < Math.min(2, before.chunks - before.done));
      const parts = [
        body.step === "practice" ? "practice tabs" : "",
        body.step === "derive" ? "part derived" : "",
        checked > 0 ? `${checked} chunk checked` : "",
        state.reused > before.reused ? `${state.reused - before.reused} chunk reused` : "",
        !state.running ? "finish" : "",
      ].filter(Boolean);
      record(
        `sync ${label}: ${parts.join(" + ") || body.step} (${body.step === "derive" ? Number(body.chunk) + 1 : before.done + 1}/${before.chunks})`,
        figures,
      );
      if (state.figuresQueued !== null) {
        const { runId } = state;
        const version = state.figuresQueued;
        const followUps = [
          ["the overview's figures", { runId, step: "figures", version }],
          ["the records' figures", { runId, step: "records", version }],
          ["the year reports", { runId, step: "reports", version }],
          ["export (the ledger's whole file)", { runId, step: "export" }],
        ] as const;
        for (const [name, step] of followUps) {
          const what = `sync ${label}: ${name}`;
          record(what, await measure(worker, em, what, () => deliverStep(worker, step), 1));
        }
      }
    }
  }
  return [...steps].map(([what, runs]) => {
    const ms = median(runs.map((f) => f["CPU ms (Worker)"]));
    return {
      what,
      "CPU ms (Worker)": ms,
      "CPU ms (profiler)": median(runs.map((f) => f["CPU ms (profiler)"])),
      "CPU ms (profiler, running)": median(runs.map((f) => f["CPU ms (profiler, running)"])),
      "CPU ms (profiler, checked)": median(runs.map((f) => f["CPU ms (profiler, checked)"])),
      "CPU ms (profiler, capped)": median(runs.map((f) => f["CPU ms (profiler, capped)"])),
      "CPU ms (thread)": median(runs.map((f) => f["CPU ms (thread)"])),
      "Sheets calls": median(runs.map((f) => f["Sheets calls"])),
      "cells written": median(runs.map((f) => f["cells written"])),
      "D1 rows read": median(runs.map((f) => f["D1 rows read"])),
      "D1 rows written": median(runs.map((f) => f["D1 rows written"])),
      "D1 trips": median(runs.map((f) => f["D1 trips"])),
      "D1 queries": Math.max(...runs.map((f) => f["D1 queries"])),
      "starved profiles": runs.reduce((n, f) => n + f["starved profiles"], 0),
      "fits 10 ms": ms <= FREE_CPU_MS ? "yes" : "NO",
    };
  });
}

/**
 * The hourly cron at 09:00 (it starts the daily notices run), then each queued step as the job
 * queue would deliver it: every stored part of the ledger, then the digest.
 */
async function measureNoticesRun(
  worker: BenchWorker,
  em: BenchEmulator,
  label = "notices",
): Promise<InvocationFigures[]> {
  const fetcher = await worker.mf.getWorker();
  const db = await worker.db();
  // The day the last sync evaluated the rows for (the bench syncs at the real time): the run is that
  // day's 09:00 in Asia/Shanghai, as in production, where the morning's syncs and notices share a day.
  const stamp = await db.prepare("SELECT value FROM meta WHERE key = 'summary'").first<{ value: string }>();
  const today = stamp ? (JSON.parse(stamp.value) as { today: string }).today : "2026-11-26";
  const startedMs = Date.parse(`${today}T09:00:00+08:00`);
  const figures = [
    await measure(
      worker,
      em,
      `${label}: hourly cron (starts the daily run)`,
      async () => {
        await fetcher.scheduled({ cron: "0 * * * *", scheduledTime: new Date(startedMs) });
      },
      1,
    ),
  ];
  const lease = await db
    .prepare("SELECT holder FROM leases WHERE name = 'notices'")
    .first<{ holder: string }>();
  const parts = (await db.prepare("SELECT COUNT(*) AS n FROM summary_parts").first<{ n: number }>())?.n ?? 0;
  if (!lease) throw new Error("the hourly cron did not start a daily notices run");
  const run = { today, timeZone: "Asia/Shanghai", startedMs };
  const steps = [
    ...Array.from({ length: parts }, (_, part) => ({
      job: "notices",
      run,
      holder: lease.holder,
      step: "part",
      part,
    })),
    { job: "notices", run, holder: lease.holder, step: "digest" },
  ];
  const perPart: InvocationFigures[] = [];
  for (const step of steps) {
    const what = step.step === "part" ? `${label}: one part of the ledger` : `${label}: digest`;
    const one = await measure(worker, em, what, () => deliverStep(worker, step), 1);
    if (step.step === "part") perPart.push(one);
    else figures.push(one);
  }
  const ms = perPart.map((f) => f["CPU ms (Worker)"]);
  const worst = Math.max(...ms);
  figures.splice(1, 0, {
    what: `${label}: one part of the ledger (median of ${perPart.length}; worst ${worst})`,
    "CPU ms (Worker)": median(ms),
    "CPU ms (profiler)": median(perPart.map((f) => f["CPU ms (profiler)"])),
    "CPU ms (profiler, running)": median(perPart.map((f) => f["CPU ms (profiler, running)"])),
    "CPU ms (profiler, checked)": median(perPart.map((f) => f["CPU ms (profiler, checked)"])),
    "CPU ms (profiler, capped)": median(perPart.map((f) => f["CPU ms (profiler, capped)"])),
    "CPU ms (thread)": median(perPart.map((f) => f["CPU ms (thread)"])),
    "Sheets calls": 0,
    "cells written": 0,
    "D1 rows read": median(perPart.map((f) => f["D1 rows read"])),
    "D1 rows written": median(perPart.map((f) => f["D1 rows written"])),
    "D1 trips": median(perPart.map((f) => f["D1 trips"])),
    "D1 queries": Math.max(...perPart.map((f) => f["D1 queries"])),
    "starved profiles": perPart.reduce((n, f) => n + f["starved profiles"], 0),
    "fits 10 ms": worst <= FREE_CPU_MS ? "yes" : "NO",
  });
  return figures;
}

/** Hands a queue's consumer one batch of these bodies, as the queue would; a batch retried is an error. */
export function queueDeliverer(fetcher: Awaited<ReturnType<BenchWorker["mf"]["getWorker"]>>) {
  return async (queue: string, bodies: unknown[]) => {
    const result = await fetcher.queue(
      queue,
      bodies.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body })),
    );
    if (result.retryMessages.length > 0) throw new Error(`${queue}: the batch was retried`);
  };
}

/**
 * The notices consumer on a full batch of the run's e-mails: the batch claimed in one statement,
 * each notice sent through the send_email binding and recorded in D1; then the job step it queues,
 * which writes the outcomes to the sheet (通知记录 appended, 最近通知 placed on each notice's row
 * and checked).
 */
async function measureNoticeBatch(worker: BenchWorker, em: BenchEmulator): Promise<InvocationFigures[]> {
  const NOTICE_BATCH = maxBatchSize("jianyi-notices");
  const fetcher = await worker.mf.getWorker();
  const db = await worker.db();
  const { results } = await db
    .prepare(
      `SELECT id FROM notices WHERE status = '待发送' AND channel = 'email' AND suggestion_id IS NOT NULL
        ORDER BY id LIMIT ?1`,
    )
    .bind(NOTICE_BATCH)
    .all<{ id: number }>();
  if (results.length < NOTICE_BATCH)
    throw new Error(`the notices run left ${results.length} e-mails to send`);
  const ids = results.map((r) => r.id);
  const deliver = queueDeliverer(fetcher);
  const sent = await measure(
    worker,
    em,
    `notices: a batch of ${NOTICE_BATCH} e-mails sent`,
    () =>
      deliver(
        "jianyi-notices",
        ids.map((noticeId) => ({ noticeId })),
      ),
    1,
  );
  const logged = await measure(
    worker,
    em,
    `notices: that batch logged to 通知记录 and 最近通知 (a job step)`,
    () => deliver("jianyi-jobs", [NOTICE_LOG_STEP]),
    1,
  );
  const done = await db
    .prepare(
      "SELECT COUNT(*) AS n FROM notices WHERE id IN (SELECT value FROM json_each(?1)) AND status = '已发送' AND logged_to_sheet = 1",
    )
    .bind(JSON.stringify(ids))
    .first<{ n: number }>();
  // A batch that sent or logged less measured less than its rows say.
  if (done?.n !== NOTICE_BATCH)
    throw new Error(`of ${NOTICE_BATCH} notices ${done?.n ?? 0} were sent and logged`);
  return [sent, logged];
}

export async function postSigned(
  worker: BenchWorker,
  form: "suggestion" | "reply",
  answers: object,
  id: string,
) {
  const body = JSON.stringify({ submissionId: id, submittedAt: "2026-11-26T10:00:00+08:00", answers });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await worker.fetch(`/hooks/forms/${form}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-jianyi-timestamp": timestamp,
      "x-jianyi-signature": await signBody(BENCH_FORM_SECRET, timestamp, body),
    },
    body,
  });
  await response.arrayBuffer();
  if (response.status !== 202) throw new Error(`POST /hooks/forms/${form}: ${response.status}`);
}

/** One batch of the intake queue's messages, delivered to the Worker as the queue would. */
async function deliverIntake(worker: BenchWorker, messages: { form: string; submissionId: string }[]) {
  const result = await (await worker.mf.getWorker()).queue(
    "jianyi-intake",
    messages.map((body) => ({ id: body.submissionId, timestamp: new Date(), attempts: 1, body })),
  );
  if (result.retryMessages.length > 0) throw new Error(`intake batch of ${messages[0]?.form}: retried`);
}

/**
 * Delivers what the Worker queued for intake and the bench did not (the link forms' submissions),
 * as the intake consumer does on Cloudflare within seconds: while they wait, every sync's finish
 * adds the ledger up again, which is not what a quiet office's sync does.
 */
async function deliverWaitingIntake(worker: BenchWorker): Promise<void> {
  const db = await worker.db();
  const { results } = await db
    .prepare("SELECT form, submission_id AS submissionId FROM inbox WHERE status = 'pending'")
    .all<{ form: string; submissionId: string }>();
  for (let i = 0; i < results.length; i += INTAKE_BATCH)
    await deliverIntake(worker, results.slice(i, i + INTAKE_BATCH));
  const left = await db
    .prepare(
      "SELECT status, count(*) AS n FROM inbox WHERE status IN ('pending', 'unmatched', 'failed') GROUP BY status",
    )
    .all();
  if (left.results.length > 0) console.error("inbox still waiting:", JSON.stringify(left.results));
}

/**
 * The ledger row the `i`th reply of a batch of `size` goes to: rows 101, 136, … for a full batch,
 * none of them one a smaller batch (120, 170, …) replies to.
 */
export function intakeReplyRow(size: number, i: number): number {
  return size === INTAKE_BATCH ? 101 + i * 35 : 120 + i * 50;
}

/**
 * Form intake on the 2,000-row office: a webhook accepting one submission (one invocation), then
 * the intake consumer applying a full batch (wrangler.toml's max_batch_size) of new suggestions and
 * one of replies (the bench
 * delivers each batch itself, as the queue would).
 */
export async function measureIntake(
  worker: BenchWorker,
  em: BenchEmulator,
  /**
   * bench/intake-steps.ts's later rounds: a tag for their submissions and the ledger rows their
   * replies go to (the full batch's, then each smaller batch's), none replied to before.
   */
  round?: { tag: string; rows: (size: number) => number[] },
): Promise<InvocationFigures[]> {
  const figures: InvocationFigures[] = [];
  const tag = round?.tag ?? "";
  const rowsOf =
    round?.rows ?? ((size: number) => Array.from({ length: size }, (_, i) => intakeReplyRow(size, i)));
  const batch = (form: InboxForm, ids: string[]) =>
    deliverIntake(
      worker,
      ids.map((submissionId) => ({ form, submissionId })),
    );
  const suggestions = Array.from({ length: INTAKE_BATCH }, (_, i) => `bench-s${i}${tag}`);
  figures.push(
    await measure(
      worker,
      em,
      "webhook: accept one suggestion",
      () =>
        postSigned(
          worker,
          "suggestion",
          { 标题: "压测建议第0号", 领衔代表: "王建国0" },
          suggestions[0] as string,
        ),
      1,
    ),
  );
  for (const [i, id] of suggestions.entries())
    if (i > 0)
      await postSigned(worker, "suggestion", { 标题: `压测建议第${i}号${tag}`, 领衔代表: "王建国0" }, id);
  figures.push(
    await measure(
      worker,
      em,
      `intake: batch of ${INTAKE_BATCH} new suggestions`,
      () => batch("suggestion", suggestions),
      1,
    ),
  );
  const replies = Array.from({ length: INTAKE_BATCH }, (_, i) => `bench-r${i}${tag}`);
  const replyRows = rowsOf(INTAKE_BATCH);
  for (const [i, id] of replies.entries())
    await postSigned(
      worker,
      "reply",
      { 编号: `2026-${String(replyRows[i]).padStart(3, "0")}`, 答复类别: "B", 答复内容: "已列入明年计划" },
      id,
    );
  figures.push(
    await measure(worker, em, `intake: batch of ${INTAKE_BATCH} replies`, () => batch("reply", replies), 1),
  );
  // Smaller batches, for what an invocation costs before its entries (the queue delivers up to 50).
  for (const size of [1, 5]) {
    const few = Array.from({ length: size }, (_, i) => `bench-r${size}-${i}${tag}`);
    const fewRows = rowsOf(size);
    for (const [i, id] of few.entries())
      await postSigned(
        worker,
        "reply",
        {
          编号: `2026-${String(fewRows[i]).padStart(3, "0")}`,
          答复类别: "A",
          答复内容: `第 ${size} 批答复`,
        },
        id,
      );
    figures.push(
      await measure(
        worker,
        em,
        `intake: batch of ${size} ${size === 1 ? "reply" : "replies"}`,
        () => batch("reply", few),
        1,
      ),
    );
  }
  return figures;
}

/**
 * The personal-link pages (each cold after a sync, then warm), a notices run in which every unit and
 * deputy is reachable (so each notice is signed a link), and replies with a 1 MB and a 10 MB 答复函.
 */
async function measureLinks(worker: BenchWorker, em: BenchEmulator): Promise<InvocationFigures[]> {
  const figures: InvocationFigures[] = [];
  const links = await benchLinks(worker);
  for (const [what, path] of [
    ["page /l/… 承办单位 (its suggestions)", links.unit],
    ["page /l/…/s/… 承办单位 (one suggestion, reply form)", `${links.unit}/s/${links.unitSuggestion}`],
    ["page /l/… 代表 (suggestions, record)", links.deputy],
    ["page /l/…/s/… 代表 (one suggestion, rating)", `${links.deputy}/s/${links.deputySuggestion}`],
    ["page /l/…/suggest 代表 (new suggestion form)", `${links.deputy}/suggest`],
    ["page /l/…/record 代表 (this year's 履职档案)", `${links.deputy}/record`],
    ["page /l/… 督办领导", links.leader],
  ] as const) {
    figures.push(...(await measurePage(worker, em, what, path)));
  }
  const db = await worker.db();
  const count = async (table: string) =>
    (await db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<{ n: number }>())?.n ?? 0;
  await makeEveryoneReachable(worker);
  const linksBefore = await count("personal_links");
  figures.push(...(await measureNoticesRun(worker, em, "notices, everyone reachable (a link in each)")));
  const signed = (await count("personal_links")) - linksBefore;
  console.log(`that run planned ${await count("notices")} notices and signed ${signed} links`);
  // A run that signed nothing measured nothing of what its rows claim (it happened once: the tabs
  // were edited behind the versions an isolate keys their context by).
  if (signed === 0) throw new Error("the notices run with everyone reachable signed no personal link");
  figures.push(...(await measureNoticeBatch(worker, em)));
  figures.push(...(await measureBundledNoticeBatch(worker, em)));
  figures.push(...(await measureReplies(worker, em, `${links.unitForReplies}/s/${links.unitSuggestion}`)));
  figures.push(...(await measureUnitForms(worker, em, links)));
  figures.push(await measureRelink(worker, em));
  return figures;
}

/**
 * 通过通知渠道发送新链接 on /links after LINK_SECRET was rotated: every unit and deputy holds a link of
 * an earlier secret (rows of another fingerprint), so one press signs and queues a 链接更换通知 for
 * each (a constant number of D1 queries, a link and a notice per holder). Each repeat starts from no
 * such notice; the rows are taken out after.
 */
async function measureRelink(worker: BenchWorker, em: BenchEmulator): Promise<InvocationFigures> {
  const db = await worker.db();
  const old = "bench-rotated-secret";
  const now = Date.now();
  const holders = [
    ...UNITS.map((name) => ["unit", name] as const),
    ...DEPUTIES.map((name) => ["deputy", name] as const),
  ];
  await db.batch(
    holders.map(([kind, name], i) =>
      db
        .prepare(
          `INSERT INTO personal_links (id, kind, recipient, scope, issued_at, expires_at, notice_type, secret_fp)
           VALUES (?1, ?2, ?3, 'act', ?4, ?5, '交办通知', ?6)`,
        )
        .bind(
          `bench-old-${i}`,
          kind,
          name,
          new Date(now - 86_400_000).toISOString(),
          new Date(now + 90 * 86_400_000).toISOString(),
          old,
        ),
    ),
  );
  const press = async () => {
    const response = await worker.fetch("/links/resend-all", {
      method: "POST",
      headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` },
    });
    const html = await response.text();
    // Holders the run before sent a notice hold a link of the current secret: left out (the units).
    if (response.status !== 200 || !html.includes("已通过通知渠道给"))
      throw new Error(
        `POST /links/resend-all: ${response.status} ${/role="status">(.*?)<\/div>/.exec(html)?.[1]}`,
      );
  };
  const fresh = async () => {
    await db.batch([
      db.prepare("DELETE FROM notices WHERE type = '链接更换通知'"),
      db.prepare("DELETE FROM personal_links WHERE notice_type = '链接更换通知'"),
    ]);
  };
  try {
    return await measure(
      worker,
      em,
      `POST /links/resend-all: ${holders.length} holders after LINK_SECRET was rotated`,
      press,
      3,
      fresh,
    );
  } finally {
    await fresh();
    await db.prepare("DELETE FROM personal_links WHERE secret_fp = ?1").bind(old).run();
  }
}

/**
 * A unit's reply with its 答复函, both ways a phone sends it: with JavaScript, the form's script
 * PUTs the file by itself (piped into R2) and then posts the form with its key; without, the form
 * goes as multipart with the file in it (the Worker parses it). Every repeat is a new form.
 */
async function measureReplies(
  worker: BenchWorker,
  em: BenchEmulator,
  suggestion: string,
): Promise<InvocationFigures[]> {
  const figures: InvocationFigures[] = [];
  const MB = 1024 * 1024;
  for (const [what, bytes] of [
    ["PUT a 1 MB 答复函 by itself (the form's script; R2)", MB],
    ["PUT a 10 MB 答复函 by itself (the form's script; R2)", 10 * MB],
  ] as const) {
    figures.push(
      await measure(
        worker,
        em,
        what,
        () => putLetter(worker, suggestion, crypto.randomUUID(), bytes).then(() => {}),
        3,
      ),
    );
  }
  let uploaded = { nonce: "", key: "" };
  figures.push(
    await measure(
      worker,
      em,
      "POST reply after its 答复函 was uploaded",
      () => postReply(worker, `${suggestion}/reply`, 0, uploaded),
      3,
      async () => {
        const nonce = crypto.randomUUID();
        uploaded = { nonce, key: await putLetter(worker, suggestion, nonce, MB) };
      },
    ),
  );
  for (const [what, bytes] of [
    ["POST reply with a 1 MB 答复函 (R2)", MB],
    ["POST reply with a 10 MB 答复函 (R2)", 10 * MB],
  ] as const) {
    figures.push(await measure(worker, em, what, () => postReply(worker, `${suggestion}/reply`, bytes), 3));
  }
  return figures;
}

/**
 * A unit's other forms on its link (a 沟通记录, a 延期申请; each checks the suggestion's cached
 * practice rows and objections), the overview (it reads the open objections too), and the intake appending 20
 * link 沟通记录 to their tab in one batch (one read, one append).
 */
async function measureUnitForms(
  worker: BenchWorker,
  em: BenchEmulator,
  links: Awaited<ReturnType<typeof benchLinks>>,
): Promise<InvocationFigures[]> {
  const figures: InvocationFigures[] = [];
  const base = `${links.unit}/s/${links.unitFormsSuggestion}`;
  const today = new Date().toISOString().slice(0, 10);
  const contacts: string[] = [];
  const contact = async () => {
    contacts.push(await postUnitForm(worker, `${base}/contact`, contactFields(today)));
  };
  figures.push(await measure(worker, em, "POST 沟通记录 on a unit's link", contact, 3));
  figures.push(
    await measure(
      worker,
      em,
      "POST 延期申请 on a unit's link",
      async () => {
        await postUnitForm(worker, `${base}/extension`, { 理由: "需协调市级部门统筹资金" });
      },
      1,
    ),
  );
  // A link takes 60 requests a window (link-gate.ts): the rest of a full batch come by a second
  // link of the same unit, as a second phone would send them.
  const second = `${await link(worker, "unit", UNITS[0] as string)}/s/${links.unitFormsSuggestion}`;
  while (contacts.length < INTAKE_BATCH)
    contacts.push(
      await postUnitForm(worker, `${contacts.length < 30 ? base : second}/contact`, contactFields(today)),
    );
  const fetcher = await worker.mf.getWorker();
  figures.push(
    await measure(
      worker,
      em,
      `intake: batch of ${INTAKE_BATCH} 沟通记录 from links`,
      async () => {
        const result = await fetcher.queue(
          "jianyi-intake",
          contacts.map((submissionId) => ({
            id: submissionId,
            timestamp: new Date(),
            attempts: 1,
            body: { form: "contact", submissionId },
          })),
        );
        if (result.retryMessages.length > 0) throw new Error("intake batch of 沟通记录: retried");
      },
      1,
    ),
  );
  figures.push(
    await measure(worker, em, "page / after units used link forms (open objections from D1)", () =>
      page(worker, "/"),
    ),
  );
  return figures;
}

/**
 * The 10-minute cron, as Cloudflare fires it: the sync's plan, which queues the first step. (A
 * manual POST /api/sync plans the same way, after the admin sign-in check the cron does not make.)
 */
async function syncStart(worker: BenchWorker, startMs = Date.now()): Promise<void> {
  const fetcher = await worker.mf.getWorker();
  const result = await fetcher.scheduled({ cron: CRON.sync, scheduledTime: new Date(startMs) });
  if (result.outcome !== "ok") throw new Error(`the sync cron: ${result.outcome}`);
}

/**
 * A new summary version, as a sync that changed something stamps it, with the page figures and
 * units' details its finish stores for that version: pages parse what they read again.
 */
async function forgetParsedRows(worker: BenchWorker): Promise<void> {
  const db = await worker.db();
  await db
    .prepare(
      "UPDATE meta SET value = json_set(value, '$.version', ?1) WHERE key = 'summary' OR key LIKE 'page_figures%'",
    )
    .bind(crypto.randomUUID())
    .run();
}

/**
 * A page twice over: cold, the first request after a sync changed the ledger (the isolate parses
 * what it reads again), three times (a new version before each, outside the clocks) for a median;
 * then warm, the same isolate again (a leader clicking through).
 */
export async function measurePage(
  worker: BenchWorker,
  em: BenchEmulator,
  what: string,
  path: string,
): Promise<InvocationFigures[]> {
  const open = () => page(worker, path);
  return [
    await measure(worker, em, `${what} (first after a sync)`, open, 3, () => forgetParsedRows(worker)),
    await measure(worker, em, `${what} (again)`, open),
  ];
}

export async function page(worker: BenchWorker, path: string): Promise<void> {
  const response = await worker.fetch(path, { headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
}

/**
 * The staff actions of 抽样回访 that read every row's facts (the draw must see the whole
 * population; a sample's page draws it again to show whether it is reproducible): a draw of 30 with
 * a fixed seed, that sample's page, its confirmation. Each repeat draws a sample of its own; the
 * first view after a sync is measured (the isolate has parsed no row of that version).
 */
async function measureSampling(worker: BenchWorker, em: BenchEmulator): Promise<InvocationFigures[]> {
  const staff = { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` };
  let last = "";
  // A seed of its own for each draw, so each confirmation writes its 30 回访 (the same seed would
  // redraw suggestions already marked, and the confirmation would have nothing to write).
  let draws = 0;
  const draw = async () => {
    draws += 1;
    const response = await worker.fetch("/sampling", {
      method: "POST",
      headers: { ...staff, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        mode: "count",
        amount: "30",
        year: "2026",
        seed: `bench-${draws}`,
      }).toString(),
      redirect: "manual",
    });
    await response.arrayBuffer();
    last = response.headers.get("location") ?? "";
    if (response.status !== 303 || !last.startsWith("/sampling/"))
      throw new Error(`POST /sampling: ${response.status} ${last}`);
  };
  const confirm = async () => {
    const response = await worker.fetch(`${last}/confirm`, {
      method: "POST",
      headers: staff,
      redirect: "manual",
    });
    await response.arrayBuffer();
    if (response.status !== 303) throw new Error(`POST ${last}/confirm: ${response.status}`);
  };
  const forget = () => forgetParsedRows(worker);
  return [
    await measure(
      worker,
      em,
      "抽样回访: draw 30 of 2026's replied suggestions (first after a sync)",
      draw,
      3,
      forget,
    ),
    await measure(
      worker,
      em,
      "抽样回访: the sample's page (first after a sync)",
      () => page(worker, last),
      3,
      forget,
    ),
    await measure(worker, em, "抽样回访: confirm the sample (first after a sync)", confirm, 3, async () => {
      await forget();
      await draw();
    }),
  ];
}

/** The bench office's sheet in the emulator: 2,000 suggestions, the last 20 without 编号 yet. */
export async function seedBenchSheet(em: BenchEmulator, spreadsheetId: string): Promise<void> {
  const tabs = buildFixture(OFFICE_ROWS, 20);
  tabs[TAB_NAMES.noticeLog] = [noticeLogTab.columns.map((c) => c.header)];
  // The bench runs on the real day in Asia/Shanghai: notices on every day, so that a run on a
  // weekend or holiday there plans the notices a working day does (the default, 是, plans none).
  tabs[TAB_NAMES.settings] = [...(tabs[TAB_NAMES.settings] ?? []), ["仅工作日发送", "否", ""]];
  await em.admin("POST", "/spreadsheets", {
    spreadsheetId,
    title: spreadsheetId,
    sheets: fixtureSheets(tabs),
  });
}

/**
 * The bench's office: the Worker built as `wrangler deploy` bundles it, running in workerd against
 * the Sheets emulator, with a spreadsheet `spreadsheetId` of OFFICE_ROWS rows (the 20 units and 13
 * scenarios of the fixture, and an empty 通知记录). `stop` stops workerd and the emulator.
 * `keepD1` keeps D1 in a directory of its own, so that `freshIsolate()` can stop the Worker and
 * start it again: a fresh isolate meeting the office as the last one left it, as a quiet office's
 * cron tick often does on Cloudflare.
 */
export async function startBenchOffice(spreadsheetId: string, { keepD1 = false } = {}) {
  await exitIfBenchPortsBusy([BENCH_PORTS.officeEmulator, BENCH_PORTS.workerInspector]);
  buildWorker();
  // CPU is measured here, not quota: runs follow each other faster than a cron would (bench/sync.ts
  // keeps Google's 60 reads and 60 writes a minute).
  const em = await startBenchEmulator(PORT, { reads: 100_000, writes: 100_000 });
  const d1Persist = keepD1 ? mkdtempSync(path.join(tmpdir(), "jianyi-bench-d1-")) : undefined;
  const start = () => startBenchWorker(em, spreadsheetId, { intakeConsumer: false, d1Persist });
  const office = { em, worker: await start(), stop, freshIsolate };
  async function freshIsolate(): Promise<BenchWorker> {
    await office.worker.dispose();
    office.worker = await start();
    return office.worker;
  }
  async function stop() {
    await office.worker.dispose();
    await em.stop();
    if (d1Persist) rmSync(d1Persist, { recursive: true, force: true });
  }
  try {
    await seedBenchSheet(em, spreadsheetId);
  } catch (error) {
    await stop();
    throw error;
  }
  return office;
}

/** A ledger row of the fixture awaiting a reply (办理中, first round) in the bench's office. */
export const EDITED_ROW = 1_007;

/** Calls the emulator's Sheets API as staff would, with a token it hands out for the bench's service account. */
async function asStaff(em: BenchEmulator, spreadsheetId: string, path: string, body: unknown, what: string) {
  const { access_token: token } = await em.admin<{ access_token: string }>("POST", "/tokens", {
    email: em.keyFile.client_email,
    scopes: ["https://www.googleapis.com/auth/spreadsheets"],
  });
  const response = await fetch(`${em.url}/v4/spreadsheets/${spreadsheetId}/${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
}

/** Types a reply (答复日期, 答复类别 A) into sheet row `row` as staff would. */
export async function typeReply(em: BenchEmulator, spreadsheetId: string, row: number): Promise<void> {
  const headers = ledgerTab.columns.map((c) => c.header);
  const cell = (header: string) => `'${TAB_NAMES.ledger}'!${columnLetter(headers.indexOf(header))}${row}`;
  const data = [
    { range: cell("答复日期"), values: [["2026-11-20"]] },
    { range: cell("答复类别"), values: [["A"]] },
  ];
  await asStaff(
    em,
    spreadsheetId,
    "values:batchUpdate",
    { valueInputOption: "RAW", data },
    `typing a reply into row ${row}`,
  );
}

/** Adds a suggestion with 编号 `id` below the ledger's last row, as staff would (values.append). */
export async function appendSuggestion(em: BenchEmulator, spreadsheetId: string, id: string): Promise<void> {
  const cells = {
    编号: id,
    标题: `关于${id}号的建议`,
    领衔代表: DEPUTIES[0] ?? "",
    类别: "教育医疗",
    提出日期: "2026-01-08",
    审查结果: "立案",
    主办单位: UNITS[0] ?? "",
    交办日期: "2026-03-02",
  };
  const range = encodeURIComponent(`'${TAB_NAMES.ledger}'!A1:${columnLetter(ledgerTab.columns.length - 1)}1`);
  await asStaff(
    em,
    spreadsheetId,
    `values/${range}:append?valueInputOption=RAW&insertDataOption=INSERT_ROWS`,
    { values: [rowOf(ledgerTab, cells)] },
    `appending suggestion ${id}`,
  );
}

export async function benchFreePlan(): Promise<InvocationFigures[]> {
  const office = await startBenchOffice(SHEET, { keepD1: true });
  const { em, worker } = office;
  try {
    const figures: InvocationFigures[] = [];
    figures.push(...(await measureSyncRun(worker, em, "first (every system cell, 20 new 编号)", 1)));
    figures.push(...(await measureSyncRun(worker, em, "steady (checks all, writes nothing)", 1)));
    figures.push(...(await measureSyncRun(worker, em, "nothing changed", 3)));
    // A unit's reply typed by staff: its chunk is checked and writes, and the finish works every
    // figure out again; the next sync checks that chunk once more and finds it as stored.
    await typeReply(em, SHEET, EDITED_ROW);
    figures.push(...(await measureSyncRun(worker, em, "after a reply typed in one row", 1)));
    figures.push(...(await measureSyncRun(worker, em, "the sync after that (its chunk checked again)", 1)));
    // A day's first sync: every row is checked for the new day (statuses that came due are
    // written) and every part is stored anew, its figures, list entries and export lines counting
    // days from that day. Then a sync back on today, not measured, so the pages below read the
    // rows as the syncs above left them.
    figures.push(...(await measureSyncRun(worker, em, "a new day", 1, Date.now() + DAY_MS)));
    await measureSyncRun(worker, em, "back to today", 1);
    for (const path of [
      "/",
      "/suggestions",
      "/suggestions/2026-007",
      "/units",
      `/units/${encodeURIComponent("区教育局")}`,
      "/deputies",
      "/deputies?year=2026",
      `/deputies/${encodeURIComponent(DEPUTIES[0] ?? "")}`,
      "/problems",
      "/notices",
      "/report?year=2026",
      "/assessment?year=2026",
      "/assessment/commendations?year=2026",
      "/exports/assessment.csv?year=2026",
      "/opinions",
      "/exports/ledger.csv",
      "/exports/units.csv",
      "/exports/deputies.csv?year=2026",
      "/exports/report.docx?year=2026",
      "/exports/report.csv?year=2026",
      "/sampling",
      "/api/samples",
      "/links",
    ]) {
      figures.push(...(await measurePage(worker, em, `page ${decodeURIComponent(path)}`, path)));
    }
    figures.push(...(await measureNoticesRun(worker, em)));
    figures.push(...(await measureIntake(worker, em)));
    figures.push(...(await measureLinks(worker, em)));
    // Last: a confirmed sample is part of what later pages and notices would read.
    figures.push(...(await measureSampling(worker, em)));
    // Then as a quiet office's cron tick often meets it on Cloudflare: a sync that finds nothing
    // changed, in a fresh isolate (the Worker started again on the same D1). Before it, in the warm
    // isolate and not measured: the link forms' submissions taken in, and two syncs that take in
    // what they and the sample wrote.
    await deliverWaitingIntake(worker);
    for (let i = 0; i < 2; i++) await measureSyncRun(worker, em, "back to quiet", 1);
    const fresh = await office.freshIsolate();
    figures.push(...(await measureSyncRun(fresh, em, "in a fresh isolate (nothing changed)", 1)));
    // A leader opening the dashboard, and a deputy's form, after a quiet night: each the first
    // request of a fresh isolate (bench/cold-start.ts page measures them many times over).
    const forPage = await office.freshIsolate();
    const firstPage = () => page(forPage, "/");
    figures.push(await measure(forPage, em, "page / in a fresh isolate (its first request)", firstPage, 1));
    const forForm = await office.freshIsolate();
    const suggestion = { 标题: "新进程中的压测建议", 领衔代表: "王建国0" };
    const firstForm = () => postSigned(forForm, "suggestion", suggestion, "bench-fresh-isolate");
    figures.push(
      await measure(forForm, em, "webhook in a fresh isolate: accept one suggestion", firstForm, 1),
    );
    return figures;
  } finally {
    await office.stop();
  }
}

export function printFreePlan(figures: InvocationFigures[]): void {
  console.log(
    `\nOne invocation each, an office of ${OFFICE_ROWS.toLocaleString()} rows (Workers Free: ${FREE_CPU_MS} ms CPU)`,
  );
  console.table(figures);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(raisePriority());
  const figures = await benchFreePlan();
  printFreePlan(figures);
  printDailyUse(dailyUse(figures));
  ownTimes.print();
}
