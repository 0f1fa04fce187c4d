/**
 * What a Worker's start-up leaves its first requests, on a toy Worker (`npx tsx
 * bench/start-up-heap.ts [starts]`, default 6): each request indexes 2,000 编号 read from JSON and
 * parses them, three times over; the variants differ only in what the module does while it starts.
 * Each is started `starts` times, fresh, and its first three requests read by workerd's thread clock
 * (no profiler attached). On this VM (12-04 evening, medians of six starts): nothing at start-up,
 * the first request 36.1 ms; the same work warmed at start-up 25.5, so warm-up does carry into a
 * first request; the warm-up and then 300,000 objects made and dropped at start-up 50.7. What
 * start-up leaves on the heap is paid for by the first requests (a collection), which is why a
 * larger warm-up of the product (src/warm-up.tsx) can make them slower (docs/benchmarks.md).
 */
import { raisePriority } from "./priority";
import { medianTenth, requestsCpuMs, startToy } from "./toy-worker";

const WORK = `
const RE = /^(\\d{4})-(\\d{3,})$/;
function parseId(id) { const m = RE.exec(id.trim()); return m ? { year: Number(m[1]), seq: Number(m[2]) } : null; }
export function indexIds(column) {
  const index = Object.create(null);
  for (let i = 1; i < column.length; i++) {
    const id = typeof column[i] === "string" ? column[i].trim() : "";
    if (!id) continue;
    if (index[id]) index[id].rows.push(i + 1);
    else index[id] = { rows: [i + 1] };
  }
  let sum = 0;
  for (const id of Object.keys(index)) sum += parseId(id)?.seq ?? 0;
  return sum;
}
const ids = (n) => ["编号", ...Array.from({ length: n }, (_, i) => \`2026-\${String(i + 1).padStart(3, "0")}\`)];
/** The column as a Sheets answer parsed from JSON gives it (a blank row in fifty). */
export const fromJson = (n) =>
  JSON.parse(JSON.stringify({ values: ids(n).map((id, i) => (i % 50 === 0 ? [] : [id])) })).values.map((r) => r[0]);
`;
const HANDLER = `export default { fetch() { let s = 0; for (let k = 0; k < 3; k++) s += indexIds(fromJson(2000)); return new Response(String(s)); } };`;

const VARIANTS: Record<string, string> = {
  "nothing at start-up": "",
  "the work warmed at start-up": "indexIds(fromJson(2000));",
  "warmed, then 300,000 objects made and dropped": `indexIds(fromJson(2000));
let kept = []; for (let i = 0; i < 300000; i++) kept.push({ a: i, b: "x" + i }); kept = null;`,
};

const starts = Number(process.argv[2] ?? 6);

console.log(raisePriority());
const readings = new Map<string, number[][]>();
for (let k = 0; k < starts; k++) {
  for (const [variant, startUp] of Object.entries(VARIANTS)) {
    const toy = await startToy({
      "index.js": `import { indexIds, fromJson } from "./work.js";\n${startUp}\n${HANDLER}`,
      "work.js": WORK,
    });
    try {
      readings.set(variant, [...(readings.get(variant) ?? []), await requestsCpuMs(toy, 3)]);
    } finally {
      await toy.mf.dispose();
    }
  }
}
console.table(
  [...readings].map(([variant, runs]) => ({
    "what the module does while it starts": variant,
    starts: runs.length,
    "1st request, ms (median)": medianTenth(runs.map((r) => r[0] ?? 0)),
    "2nd request": medianTenth(runs.map((r) => r[1] ?? 0)),
    "3rd request": medianTenth(runs.map((r) => r[2] ?? 0)),
  })),
);
