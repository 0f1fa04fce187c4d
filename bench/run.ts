/**
 * `npm run bench`: every benchmark, one after the other (they share the machine's two cores, so
 * running them together would only measure contention). Prints figures and ratios; asserts nothing.
 * `npm run bench -- --json` prints them as one JSON object on stdout instead (everything else,
 * the Worker's own logs included, goes to stderr), for a check to read.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { benchClockFloor, printClockFloor } from "./clock-floor";
import { dailyUse, printDailyUse } from "./daily-use";
import {
  benchFreePlan,
  FREE_CPU_MS,
  FREE_D1_QUERIES,
  OFFICE_ROWS,
  ownTimes,
  printFreePlan,
  retriedSteps,
} from "./free-plan";
import { benchIntake, printIntake } from "./intake";
import { benchParseRows } from "./parse-rows";
import { exitIfBenchPortsBusy } from "./ports";
import { raisePriority } from "./priority";
import { measureStartUp } from "./start-up";
import { benchSync, printSync } from "./sync";

const json = process.argv.includes("--json");
const stdout = process.stdout.write.bind(process.stdout);
if (json) process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;

// Before minutes of work: a port another bench still holds would end the run half-way.
await exitIfBenchPortsBusy();
const priority = raisePriority();
console.log(priority);
console.log("Parse, check and compute ledger rows vs JSON.parse of their batchGet payload");
const parseRows = await benchParseRows();
const sync = await benchSync();
printSync(sync);
const intake = await benchIntake();
printIntake(intake);
const clockFloor = await benchClockFloor();
printClockFloor(clockFloor);
const freePlan = await benchFreePlan();
printFreePlan(freePlan);
// BENCH_TOP=<part of a row's name>: the profiles of the invocations it names, summed (none without it).
ownTimes.print();
const day = dailyUse(freePlan);
printDailyUse(day);

// The benchmarks built dist/ as `npm run deploy` uploads it (tools/build-worker.ts).
const bundle = readFileSync(new URL("../dist/index.js", import.meta.url));
const gzipBytes = gzipSync(bundle).length;
console.log(
  `\nWorker bundle: ${(bundle.length / 1024).toFixed(0)} KiB, ${(gzipBytes / 1024).toFixed(0)} KiB gzip`,
);
// Start-up has a limit of its own (1 s, either plan): the warm-up and the functions compiled then.
const startUp = await measureStartUp(bundle.toString("utf8"));
console.log(
  `Worker start-up: ${startUp.cpuMs} ms CPU (limit 1,000), heap ${startUp.heapMiB} MiB (limit 128 MB); median of ${startUp.starts} starts`,
);

if (json) {
  const invocations = freePlan.map((f) => ({
    what: f.what,
    cpuMs: f["CPU ms (Worker)"],
    cpuMsProfiler: f["CPU ms (profiler)"],
    cpuMsRunning: f["CPU ms (profiler, running)"],
    cpuMsChecked: f["CPU ms (profiler, checked)"],
    cpuMsCapped: f["CPU ms (profiler, capped)"],
    cpuMsThread: f["CPU ms (thread)"],
    sheetsCalls: f["Sheets calls"],
    cellsWritten: f["cells written"],
    d1RowsRead: f["D1 rows read"],
    d1RowsWritten: f["D1 rows written"],
    d1RoundTrips: f["D1 trips"],
    d1Queries: f["D1 queries"],
    starvedProfiles: f["starved profiles"],
    fits: f["fits 10 ms"] === "yes",
  }));
  // A whole job (every step of a sync run or notices run, one page view) per 1,000 ledger rows.
  const jobOf = (what: string) =>
    what.startsWith("sync ") || what.startsWith("notices") ? what.slice(0, what.indexOf(":")) : what;
  const jobs = new Map<
    string,
    { cpuMs: number; invocations: number; sheetsCalls: number; cellsWritten: number }
  >();
  for (const f of freePlan) {
    const job = jobs.get(jobOf(f.what)) ?? { cpuMs: 0, invocations: 0, sheetsCalls: 0, cellsWritten: 0 };
    job.cpuMs += f["CPU ms (Worker)"];
    job.invocations += 1;
    job.sheetsCalls += f["Sheets calls"];
    job.cellsWritten += f["cells written"];
    jobs.set(jobOf(f.what), job);
  }
  // JSON.parse of the same office's batchGet payload (the 2,000-row size of the parse benchmark).
  const office = parseRows.find((f) => f.rows === OFFICE_ROWS) ?? parseRows.at(-1);
  const jsonParsePer1000 = office ? (office.jsonParseMs / office.rows) * 1000 : 0;
  const perJob = [...jobs].map(([what, j]) => ({
    what,
    invocations: j.invocations,
    cpuMsPer1000Rows: Math.round((j.cpuMs / OFFICE_ROWS) * 1000 * 10) / 10,
    ratioToJsonParse:
      jsonParsePer1000 > 0 ? Math.round(((j.cpuMs / OFFICE_ROWS) * 1000 * 10) / jsonParsePer1000) / 10 : null,
    sheetsCalls: j.sheetsCalls,
    cellsWritten: j.cellsWritten,
  }));
  const report = {
    measuredOn: new Date().toISOString(),
    priority,
    freePlan: {
      officeRows: OFFICE_ROWS,
      cpuLimitMs: FREE_CPU_MS,
      allFit: invocations.every((i) => i.fits),
      // D1 allows 50 queries per invocation on Workers Free (each statement of a batch counted here).
      d1QueryLimit: FREE_D1_QUERIES,
      maxD1Queries: Math.max(...invocations.map((i) => i.d1Queries)),
      // Steps the Worker asked the queue to deliver again (a retryable error), measured on redelivery.
      retriedSteps,
      invocations,
      jobs: perJob,
      clockFloor,
    },
    dailyUse: day,
    evaluation: parseRows,
    sync10k: sync,
    intake1000: intake,
    bundle: { bytes: bundle.length, gzipBytes },
    startUp,
  };
  stdout(`${JSON.stringify(report, null, 2)}\n`);
}
