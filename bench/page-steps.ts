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
import { StepReadings } from "./step-readings";

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

console.log(raisePriority());
const { em, worker, stop } = await startBenchOffice(SHEET);
try {
  await measureSyncRun(worker, em, "first", 1);
  // The dashboard's pages first, twice, as an isolate serving an office has run them (the renderer's
  // code has then seen every page's elements). In the full bench, after everything else, the same
  // page still reads up to twice as much (docs/benchmarks.md): compare builds here, not figures.
  for (let i = 0; i < 2; i++) for (const path of DASHBOARD) await page(worker, path);
  const readings = new StepReadings();
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
    readings.add(await measurePage(worker, em, `page ${which}`, path));
  }
  readings.print();
  ownTimes.print();
} finally {
  await stop();
}
