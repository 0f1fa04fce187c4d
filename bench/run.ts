/**
 * `npm run bench`: every benchmark, one after the other (they share the machine's two cores, so
 * running them together would only measure contention). Prints figures and ratios; asserts nothing.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { benchFreePlan, printFreePlan } from "./free-plan";
import { benchIntake, printIntake } from "./intake";
import { benchParseRows } from "./parse-rows";
import { raisePriority } from "./priority";
import { benchSync, printSync } from "./sync";

console.log(raisePriority());

console.log("Parse, check and compute ledger rows vs JSON.parse of their batchGet payload");
await benchParseRows();
printSync(await benchSync());
printIntake(await benchIntake());
printFreePlan(await benchFreePlan());

// benchSync built dist/ exactly as `wrangler deploy` bundles the Worker.
const bundle = readFileSync(new URL("../dist/index.js", import.meta.url));
console.log(
  `\nWorker bundle: ${(bundle.length / 1024).toFixed(0)} KiB, ${(gzipSync(bundle).length / 1024).toFixed(0)} KiB gzip`,
);
