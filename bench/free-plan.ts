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
    const sync = async () => {
      const response = await worker.fetch("/api/sync", {
        method: "POST",
        headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` },
      });
      await response.arrayBuffer();
    };
    const figures: InvocationFigures[] = [];
    figures.push(await measure(worker, em, "sync: first run (every system cell, 20 new 编号)", sync, 1));
    figures.push(await measure(worker, em, "sync: nothing changed", sync));
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
