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
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Miniflare } from "miniflare";
import { eagerCompile } from "../tools/eager-compile";
import { PROJECT_ROOT } from "../tools/local-paths";
import { QUIET_WRANGLER } from "../tools/wrangler-env";
import { raisePriority } from "./priority";
import { measureStartUp } from "./start-up";
import { threadCpuNs, workerdPid } from "./worker";

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
const median = (xs: readonly number[]) =>
  Math.round(([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0) * 10) / 10;

console.log(raisePriority());
const readings = new Map<string, { start: number[]; first: number[]; second: number[] }>();
for (let k = 0; k < starts; k++) {
  for (const [variant, contents] of Object.entries(VARIANTS)) {
    const mf = new Miniflare({
      // Contents only: nothing is written to this path.
      modules: [{ type: "ESModule", path: path.join(PROJECT_ROOT, "bench/toy/index.js"), contents }],
      modulesRoot: PROJECT_ROOT,
      compatibilityDate: "2026-04-20",
    });
    try {
      await mf.ready;
      const pid = workerdPid();
      const ready = threadCpuNs(pid);
      await (await mf.dispatchFetch("http://toy/")).text();
      const first = threadCpuNs(pid);
      await (await mf.dispatchFetch("http://toy/")).text();
      const second = threadCpuNs(pid);
      const seen = readings.get(variant) ?? { start: [], first: [], second: [] };
      seen.start.push(ready / 1e6);
      seen.first.push((first - ready) / 1e6);
      seen.second.push((second - first) / 1e6);
      readings.set(variant, seen);
    } finally {
      await mf.dispose();
    }
  }
}
console.table(
  [...readings].map(([variant, r]) => ({
    "the module": variant,
    starts: r.start.length,
    "start, ms (all of workerd's threads)": median(r.start),
    "1st request, ms (median)": median(r.first),
    "2nd request": median(r.second),
  })),
);

// This Worker as wrangler bundles it (what `npx wrangler deploy` would upload) and as rewritten.
const scratch = mkdtempSync(path.join(tmpdir(), "jianyi-eager-"));
try {
  const bundled = spawnSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", scratch], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...QUIET_WRANGLER, XDG_CONFIG_HOME: path.join(scratch, "xdg") },
    stdio: "ignore",
  });
  if (bundled.status !== 0) throw new Error("wrangler deploy --dry-run failed");
  const asBundled = readFileSync(path.join(scratch, "index.js"), "utf8");
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
