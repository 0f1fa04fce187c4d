/**
 * One page, many times over, for comparing two builds or finding where its time goes (`npx tsx
 * bench/page-steps.ts [runs] [page]`, default 6 runs of the deputy's personal link): on a 2,000-row
 * office after its first sync, `runs` times the page as the Free-plan bench measures it (three first
 * views after a sync, five views again), then the medians of each. `page` is a dashboard path
 * ("/units") or one of the link pages by kind: deputy, deputy-suggestion, unit, unit-suggestion,
 * leader. BENCH_TOP=<part of the row's name> sums where its time went.
 */
import { measurePage, measureSyncRun, ownTimes, page, startBenchOffice } from "./free-plan";
import { benchLinks } from "./link-pages";
import { raisePriority } from "./priority";

const SHEET = "page-steps";
const DASHBOARD = [
  "/",
  "/suggestions",
  "/suggestions/2026-007",
  "/units",
  "/deputies",
  "/problems",
  "/report?year=2026",
];
const runs = Number(process.argv[2] ?? 6);
const which = process.argv[3] ?? "deputy";
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

console.log(raisePriority());
const { em, worker, stop } = await startBenchOffice(SHEET);
try {
  await measureSyncRun(worker, em, "first", 1);
  // The dashboard's pages first, twice, as an isolate serving an office has run them: the renderer's
  // code then works on every page's elements, not on this page's alone (alone, it read half).
  for (let i = 0; i < 2; i++) for (const path of DASHBOARD) await page(worker, path);
  const readings = new Map<string, { bench: number[]; capped: number[]; d1: number }>();
  for (let r = 0; r < runs; r++) {
    // New links each run: a link may make 60 requests a minute.
    const links = await benchLinks(worker);
    const paths: Record<string, string> = {
      deputy: links.deputy,
      "deputy-suggestion": `${links.deputy}/s/${links.deputySuggestion}`,
      unit: links.unit,
      "unit-suggestion": `${links.unit}/s/${links.unitSuggestion}`,
      leader: links.leader,
    };
    const path = paths[which] ?? which;
    for (const f of await measurePage(worker, em, `page ${which}`, path)) {
      const seen = readings.get(f.what) ?? { bench: [], capped: [], d1: 0 };
      seen.d1 = f["D1 rows read"];
      seen.bench.push(f["CPU ms (Worker)"]);
      seen.capped.push(f["CPU ms (profiler, capped)"]);
      readings.set(f.what, seen);
    }
  }
  console.table(
    [...readings].map(([what, r]) => ({
      what,
      medians: r.bench.length,
      "CPU ms (median of medians)": median(r.bench),
      "capped estimate": median(r.capped),
      "D1 rows read": r.d1,
    })),
  );
  ownTimes.print();
} finally {
  await stop();
}
