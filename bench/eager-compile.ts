/**
 * What compiling a Worker's functions costs its first request, and what compiling them at start-up
 * costs the start (`npx tsx bench/eager-compile.ts [starts]`, default 5).
 *
 * - A toy Worker: 3,000 small functions that the request calls once each, the module as written,
 *   with V8's `//# allFunctionsCalledOnLoad` comment, and as tools/eager-compile.ts rewrites it.
 *   Each is started `starts` times, fresh; workerd's thread clock reads its start (everything up
 *   to the Worker being ready) and its first two requests.
 * - This Worker, as wrangler bundles it and as `npm run build` rewrites it: its start's CPU and the
 *   heap it keeps (bench/start-up.ts).
 *
 * On this VM (12-04 night, medians of five starts), the toy: as written, the first request 48.0 ms
 * and the second 8.2; the comment changed nothing (48.4); rewritten, the first request 13.9, and
 * starting took about 60 ms more. V8 compiles a function on its first call unless "(" stands right
 * before it.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { bundleWorker } from "../tools/build-worker";
import { eagerCompile } from "../tools/eager-compile";
import { raisePriority } from "./priority";
import { measureStartUp } from "./start-up";
import { medianTenth, requestsCpuMs, startToy } from "./toy-worker";

const COUNT = 3000;
const functions = Array.from(
  { length: COUNT },
  (_, i) =>
    `function f${i}(x) { let s = x; for (let k = 0; k < 3; k++) { s = (s * ${i + 3} + ${i}) % 1000003; if (s % 7 === ${i % 7}) s += "${"a".repeat(20)}".length; } const o = { a: s, b: [s, x, ${i}], c: "t${i}" }; return o.a + o.b.length + o.c.length; }`,
).join("\n");
const WRITTEN = `${functions}
const all = [${Array.from({ length: COUNT }, (_, i) => `f${i}`).join(",")}];
export default { fetch() { let s = 0; for (const f of all) s += f(1); return new Response(String(s)); } };`;

const VARIANTS: Record<string, string> = {
  "as written": WRITTEN,
  "with //# allFunctionsCalledOnLoad": `//# allFunctionsCalledOnLoad\n${WRITTEN}`,
  "rewritten by tools/eager-compile.ts": eagerCompile(WRITTEN).code,
};

const starts = Number(process.argv[2] ?? 5);

console.log(raisePriority());
const readings = new Map<string, { start: number[]; first: number[]; second: number[] }>();
for (let k = 0; k < starts; k++) {
  for (const [variant, contents] of Object.entries(VARIANTS)) {
    const toy = await startToy({ "index.js": contents });
    try {
      const ready = toy.cpuMs();
      const [first = 0, second = 0] = await requestsCpuMs(toy, 2);
      const seen = readings.get(variant) ?? { start: [], first: [], second: [] };
      seen.start.push(ready);
      seen.first.push(first);
      seen.second.push(second);
      readings.set(variant, seen);
    } finally {
      await toy.mf.dispose();
    }
  }
}
console.table(
  [...readings].map(([variant, r]) => ({
    "the module": variant,
    starts: r.start.length,
    "start, ms (all of workerd's threads)": medianTenth(r.start),
    "1st request, ms (median)": medianTenth(r.first),
    "2nd request": medianTenth(r.second),
  })),
);

// This Worker as wrangler bundles it (what `npx wrangler deploy` would upload) and as rewritten.
const scratch = mkdtempSync(path.join(tmpdir(), "jianyi-eager-"));
try {
  const bundled = bundleWorker(scratch, { ...process.env, XDG_CONFIG_HOME: path.join(scratch, "xdg") });
  const asBundled = readFileSync(bundled, "utf8");
  const rows = [];
  for (const [variant, contents] of [
    ["as wrangler bundles it", asBundled],
    ["rewritten (npm run build)", eagerCompile(asBundled).code],
  ] as const) {
    const startUp = await measureStartUp(contents, starts);
    rows.push({
      "this Worker": variant,
      starts,
      "start, CPU ms": startUp.cpuMs,
      "heap, MiB": startUp.heapMiB,
    });
  }
  console.table(rows);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
