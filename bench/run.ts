/**
 * `npm run bench`: every benchmark, one after the other (they share the machine's two cores, so
 * running them together would only measure contention). Prints figures and ratios; asserts nothing.
 * `npm run bench -- --json` prints them as one JSON object on stdout instead (everything else,
 * the Worker's own logs included, goes to stderr), for a check to read.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dailyUse, printDailyUse } from "./daily-use";
import { benchFreePlan, FREE_CPU_MS, OFFICE_ROWS, printFreePlan } from "./free-plan";
import { benchIntake, printIntake } from "./intake";
import { benchParseRows } from "./parse-rows";
import { raisePriority } from "./priority";
import { benchSync, printSync } from "./sync";

const json = process.argv.includes("--json");
const stdout = process.stdout.write.bind(process.stdout);
if (json) process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;

const priority = raisePriority();
console.log(priority);
console.log("Parse, check and compute ledger rows vs JSON.parse of their batchGet payload");
const parseRows = await benchParseRows();
const sync = await benchSync();
printSync(sync);
const intake = await benchIntake();
printIntake(intake);
const freePlan = await benchFreePlan();
printFreePlan(freePlan);
const day = dailyUse(freePlan);
printDailyUse(day);

// The benchmarks built dist/ exactly as `wrangler deploy` bundles the Worker.
const bundle = readFileSync(new URL("../dist/index.js", import.meta.url));
const gzipBytes = gzipSync(bundle).length;
console.log(
  `\nWorker bundle: ${(bundle.length / 1024).toFixed(0)} KiB, ${(gzipBytes / 1024).toFixed(0)} KiB gzip`,
);

if (json) {
  const invocations = freePlan.map((f) => ({
    what: f.what,
    cpuMs: f["CPU ms (Worker)"],
    cpuMsBusy: f["CPU ms (busy)"],
    sheetsCalls: f["Sheets calls"],
    fits: f["fits 10 ms"] === "yes",
  }));
  const report = {
    measuredOn: new Date().toISOString(),
    priority,
    freePlan: {
      officeRows: OFFICE_ROWS,
      cpuLimitMs: FREE_CPU_MS,
      allFit: invocations.every((i) => i.fits),
      invocations,
    },
    dailyUse: day,
    evaluation: parseRows,
    sync10k: sync,
    intake1000: intake,
    bundle: { bytes: bundle.length, gzipBytes },
  };
  stdout(`${JSON.stringify(report, null, 2)}\n`);
}
