/**
 * The sync's steps, many times over, for comparing two builds (`npx tsx bench/sync-steps.ts [runs]`,
 * default 6): on a 2,000-row office, `runs` syncs that check every chunk again (each run's steady
 * inputs cleared first, so nothing is reused and nothing written), then `runs` quiet syncs that
 * reuse every chunk; prints the median CPU of each kind of step (the bench's reading, and V8's
 * profiler alone). A single run of bench/free-plan.ts swings up to 2× on this VM; the median of 60
 * chunk steps moves by about a millisecond.
 */
import { measureSyncRun, ownTimes, startBenchOffice } from "./free-plan";
import { raisePriority } from "./priority";

const SHEET = "sync-steps";
const runs = Number(process.argv[2] ?? 6);
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

console.log(raisePriority());
const { em, worker, stop } = await startBenchOffice(SHEET);
try {
  await measureSyncRun(worker, em, "first", 1);
  const db = await worker.mf.getD1Database("DB");
  const readings = new Map<string, { bench: number[]; profiler: number[] }>();
  for (const [label, checkAgain] of [
    ["every chunk checked", true],
    ["quiet", false],
  ] as const) {
    for (let r = 0; r < runs; r++) {
      if (checkAgain) await db.prepare("UPDATE summary_parts SET input = NULL, result = NULL").run();
      for (const f of await measureSyncRun(worker, em, label, 1)) {
        const step = f.what.replace(/ \(\d+\/\d+\)$/, "");
        const seen = readings.get(step) ?? { bench: [], profiler: [] };
        seen.bench.push(f["CPU ms (Worker)"]);
        seen.profiler.push(f["CPU ms (profiler)"]);
        readings.set(step, seen);
      }
    }
  }
  console.table(
    [...readings].map(([step, r]) => ({
      step,
      steps: r.bench.length,
      "CPU ms (median)": median(r.bench),
      "profiler alone (median)": median(r.profiler),
    })),
  );
  ownTimes.print();
} finally {
  await stop();
}
