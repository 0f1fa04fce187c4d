/**
 * Free-plan benchmark (issue 11): every job and page of an office of 2,000 rows, one invocation at a
 * time, with the CPU the Worker's isolate spent on it (V8's profiler in workerd, bench/isolate-cpu.ts)
 * against the Workers Free plan's 10 ms. Run: npx tsx bench/free-plan.ts
 */
import { pathToFileURL } from "node:url";
import { TAB_NAMES } from "../sheets-schema/tab-names";
import { noticeLogTab } from "../sheets-schema/tabs";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../test/support/ledger-fixture";
import { callsSince, startBenchEmulator } from "./emulator-process";
import { callTree } from "./isolate-cpu";
import { benchLinks, HOURLY_AT_NINE, makeEveryoneReachable, postReply } from "./link-pages";
import { BENCH_ADMIN_TOKEN, type BenchWorker, buildWorker, startBenchWorker } from "./worker";

export const OFFICE_ROWS = 2_000;
export const FREE_CPU_MS = 10;
const PORT = 8797;
const SHEET = "bench-office";
const REPEATS = 5;

export interface InvocationFigures {
  what: string;
  /** Median of the repeats: JavaScript and GC. */
  "CPU ms (Worker)": number;
  /** Median: everything V8 saw the isolate busy with. */
  "CPU ms (busy)": number;
  "Sheets calls": number;
  "fits 10 ms": string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (n: number) => Math.round(n * 100) / 100;

async function measure(
  worker: BenchWorker,
  em: Awaited<ReturnType<typeof startBenchEmulator>>,
  what: string,
  invoke: () => Promise<void>,
  repeats = REPEATS,
): Promise<InvocationFigures> {
  const js: number[] = [];
  const busy: number[] = [];
  let calls = 0;
  for (let i = 0; i < repeats; i++) {
    const since = (await callsSince(em, 0)).lastSeq;
    const cpu = await worker.profiler.measure(invoke);
    calls = (await callsSince(em, since)).calls;
    js.push(cpu.workerMs);
    busy.push(cpu.busyMs);
    // BENCH_TREE=<part of a row's name> prints where that invocation's time went.
    const tree = process.env.BENCH_TREE;
    if (tree && what.includes(tree))
      console.log(`\n${what}\n${callTree(cpu.profile, 0.3).join("\n")}\n${JSON.stringify(cpu.top)}`);
  }
  const b = median(busy);
  return {
    what,
    "CPU ms (Worker)": round(median(js)),
    "CPU ms (busy)": round(b),
    "Sheets calls": calls,
    "fits 10 ms": median(js) <= FREE_CPU_MS ? "yes" : "NO",
  };
}

/** The running sync's plan, as the cron's invocation stored it for its chunks. */
async function runningPlan(worker: BenchWorker): Promise<{ runId: number; chunks: number }> {
  const db = await worker.mf.getD1Database("DB");
  const row = await db
    .prepare("SELECT id, context FROM sync_runs WHERE outcome = 'running' ORDER BY id DESC LIMIT 1")
    .first<{ id: number; context: string }>();
  if (!row) throw new Error("no sync run is running after POST /api/sync");
  return { runId: row.id, chunks: (JSON.parse(row.context) as { chunkStarts: number[] }).chunkStarts.length };
}

let messageSeq = 0;

/** Delivers one step of a run to the Worker's sync-queue handler, as Cloudflare would: one invocation. */
async function deliverStep(worker: BenchWorker, body: unknown): Promise<void> {
  const fetcher = await worker.mf.getWorker();
  const result = await fetcher.queue("jianyi-sync", [
    { id: `bench-${++messageSeq}`, timestamp: new Date(), attempts: 1, body },
  ]);
  if (result.outcome !== "ok" || result.retryMessages.length > 0)
    throw new Error(`sync step ${JSON.stringify(body)}: ${result.outcome}`);
}

/**
 * One sync run, as the cron runs it: the plan (POST /api/sync queues the first step, like the
 * cron), each chunk and the finish, each its own invocation. Returns one row per invocation.
 */
async function measureSyncRun(
  worker: BenchWorker,
  em: Awaited<ReturnType<typeof startBenchEmulator>>,
  label: string,
  repeats: number,
): Promise<InvocationFigures[]> {
  const steps: { what: string; runs: InvocationFigures[] }[] = [];
  const record = (i: number, what: string, figures: InvocationFigures) => {
    steps[i] ??= { what, runs: [] };
    steps[i].runs.push(figures);
  };
  for (let r = 0; r < repeats; r++) {
    const plan = `sync ${label}: plan`;
    record(0, plan, await measure(worker, em, plan, () => syncStart(worker), 1));
    const { runId, chunks } = await runningPlan(worker);
    for (let chunk = 0; chunk < chunks; chunk++) {
      const body = { runId, step: "chunk", chunk };
      const what = `sync ${label}: chunk ${chunk + 1}/${chunks}`;
      record(1 + chunk, what, await measure(worker, em, what, () => deliverStep(worker, body), 1));
    }
    const finish = `sync ${label}: finish`;
    const body = { runId, step: "finish" };
    record(1 + chunks, finish, await measure(worker, em, finish, () => deliverStep(worker, body), 1));
  }
  return steps.map(({ what, runs }) => {
    const ms = median(runs.map((f) => f["CPU ms (Worker)"]));
    return {
      what,
      "CPU ms (Worker)": ms,
      "CPU ms (busy)": median(runs.map((f) => f["CPU ms (busy)"])),
      "Sheets calls": median(runs.map((f) => f["Sheets calls"])),
      "fits 10 ms": ms <= FREE_CPU_MS ? "yes" : "NO",
    };
  });
}

async function syncStart(worker: BenchWorker): Promise<void> {
  const response = await worker.fetch("/api/sync", {
    method: "POST",
    headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` },
  });
  await response.arrayBuffer();
  if (response.status !== 202) throw new Error(`POST /api/sync: ${response.status}`);
}

async function page(worker: BenchWorker, path: string): Promise<void> {
  const response = await worker.fetch(path, { headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
}

export async function benchFreePlan(): Promise<InvocationFigures[]> {
  buildWorker();
  const em = await startBenchEmulator(PORT);
  const worker = await startBenchWorker(em, SHEET);
  try {
    const tabs = buildFixture(OFFICE_ROWS, 20);
    tabs[TAB_NAMES.noticeLog] = [noticeLogTab.columns.map((c) => c.header)];
    await em.admin("POST", "/spreadsheets", {
      spreadsheetId: SHEET,
      title: SHEET,
      sheets: fixtureSheets(tabs),
    });
    const figures: InvocationFigures[] = [];
    figures.push(...(await measureSyncRun(worker, em, "first (every system cell, 20 new 编号)", 1)));
    figures.push(...(await measureSyncRun(worker, em, "nothing changed", 3)));
    for (const path of [
      "/",
      "/suggestions",
      "/suggestions/2026-007",
      "/units",
      `/units/${encodeURIComponent("区教育局")}`,
      "/deputies",
      "/problems",
      "/notices",
      "/report?year=2026",
      "/exports/ledger.csv",
    ]) {
      figures.push(await measure(worker, em, `page ${decodeURIComponent(path)}`, () => page(worker, path)));
    }
    const links = await benchLinks(worker);
    for (const [what, path] of [
      ["page /l/… 承办单位 (its suggestions)", links.unit],
      ["page /l/…/s/… 承办单位 (one suggestion, reply form)", `${links.unit}/s/${links.unitSuggestion}`],
      ["page /l/… 代表 (suggestions, record)", links.deputy],
      ["page /l/…/s/… 代表 (one suggestion, rating)", `${links.deputy}/s/${links.deputySuggestion}`],
      ["page /l/…/suggest 代表 (new suggestion form)", `${links.deputy}/suggest`],
      ["page /l/… 督办领导", links.leader],
    ] as const) {
      figures.push(await measure(worker, em, what, () => page(worker, path)));
    }
    const scheduled = await worker.mf.getWorker();
    figures.push(
      await measure(
        worker,
        em,
        "notices: hourly run at 09:00",
        async () => {
          await scheduled.scheduled({
            cron: "0 * * * *",
            scheduledTime: new Date(FIXTURE_NOW_MS - 60 * 60_000),
          });
        },
        1,
      ),
    );
    await makeEveryoneReachable(worker);
    figures.push(
      await measure(
        worker,
        em,
        "notices: hourly run, everyone reachable (a signed link in every notice)",
        async () => {
          await scheduled.scheduled({ cron: "0 * * * *", scheduledTime: HOURLY_AT_NINE });
        },
        1,
      ),
    );
    const db = await worker.mf.getD1Database("DB");
    const planned = await db.prepare("SELECT COUNT(*) AS n FROM notices").first<{ n: number }>();
    console.log(`notices planned with links in that run: ${planned?.n ?? 0}`);
    // Replies last: the intake consumer writes each to the sheet a few seconds later, in an
    // invocation of its own, so each measured post waits for the previous one to be applied.
    const reply = `${links.unit}/s/${links.unitSuggestion}/reply`;
    for (const [what, bytes] of [
      ["POST reply with a 1 MB 答复函 (R2)", 1024 * 1024],
      ["POST reply with a 10 MB 答复函 (R2)", 10 * 1024 * 1024],
    ] as const) {
      const runs: InvocationFigures[] = [];
      for (let i = 0; i < 3; i++) {
        runs.push(await measure(worker, em, what, () => postReply(worker, reply, bytes), 1));
        await new Promise((r) => setTimeout(r, 4000));
      }
      const ms = median(runs.map((f) => f["CPU ms (Worker)"]));
      figures.push({
        what,
        "CPU ms (Worker)": ms,
        "CPU ms (busy)": median(runs.map((f) => f["CPU ms (busy)"])),
        "Sheets calls": median(runs.map((f) => f["Sheets calls"])),
        "fits 10 ms": ms <= FREE_CPU_MS ? "yes" : "NO",
      });
    }
    return figures;
  } finally {
    await worker.dispose();
    await em.stop();
  }
}

export function printFreePlan(figures: InvocationFigures[]): void {
  console.log(
    `\nOne invocation each, an office of ${OFFICE_ROWS.toLocaleString()} rows (Workers Free: ${FREE_CPU_MS} ms CPU)`,
  );
  console.table(figures);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) printFreePlan(await benchFreePlan());
