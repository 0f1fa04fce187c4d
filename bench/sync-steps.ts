/**
 * The sync's steps, many times over, for comparing two builds (`npx tsx bench/sync-steps.ts [runs]`,
 * default 6): on a 2,000-row office, `runs` syncs that check every chunk again (each run's steady
 * inputs cleared first, so nothing is reused and nothing written), then `runs` quiet syncs that
 * reuse every chunk, then `runs` syncs after a suggestion added at the ledger's end with a new 编号
 * (the practice step keeps its findings: no row of its tabs names it), then `runs` replies typed into
 * one row (its chunk checked and written) each with the sync after it (that chunk checked again,
 * nothing written), then `runs` days' first
 * syncs (each a day later than the last: every chunk and the practice tabs checked for the new
 * day); prints the median CPU of each kind of step (the bench's reading, V8's profiler alone, and
 * the capped estimate). Kinds named after `runs` are the only ones run (`… sync-steps.ts 4 "a reply
 * typed"`: with `BENCH_TREE`, one kind's call trees without the rest's). A single run of
 * bench/free-plan.ts swings up to 2× on this VM; the median of 60 chunk steps moves by about a
 * millisecond. Run it on two clones, one build each, alternating.
 */
import { SCENARIOS } from "../test/support/ledger-fixture";
import {
  appendSuggestion,
  EDITED_ROW,
  measureSyncRun,
  ownTimes,
  startBenchOffice,
  typeReply,
} from "./free-plan";
import { raisePriority } from "./priority";
import { StepReadings } from "./step-readings";

const SHEET = "sync-steps";
const DAY_MS = 86_400_000;
const runs = Number(process.argv[2] ?? 6);

type Kind = "every chunk checked" | "quiet" | "a new suggestion" | "a reply typed" | "a new day";

const every: readonly Kind[] = [
  "every chunk checked",
  "quiet",
  "a new suggestion",
  "a reply typed",
  "a new day",
];
const named = process.argv.slice(3);
const unknown = named.filter((kind) => !every.includes(kind as Kind));
if (unknown.length > 0) throw new Error(`no such kind: ${unknown.join(", ")} (kinds: ${every.join(", ")})`);
const kinds = named.length > 0 ? every.filter((kind) => named.includes(kind)) : every;

console.log(raisePriority());
const { em, worker, stop } = await startBenchOffice(SHEET);
try {
  await measureSyncRun(worker, em, "first", 1);
  const db = await worker.db();
  const readings = new StepReadings();
  for (const kind of kinds) {
    for (let r = 0; r < runs; r++) {
      if (kind === "every chunk checked")
        await db.prepare("UPDATE summary_parts SET input = NULL, result = NULL").run();
      // The fixture's 编号 run to 2026-2000: these are new ones.
      if (kind === "a new suggestion") await appendSuggestion(em, SHEET, `2026-${5001 + r}`);
      // A reply in a row still awaiting one, a new row each run (the fixture's scenarios repeat every
      // SCENARIOS.length rows): its chunk writes the row's new status, and the sync after checks it again.
      if (kind === "a reply typed") await typeReply(em, SHEET, EDITED_ROW + r * SCENARIOS.length);
      const startMs = kind === "a new day" ? Date.now() + (r + 1) * DAY_MS : undefined;
      const figures = await measureSyncRun(worker, em, kind, 1, startMs);
      if (kind === "a reply typed")
        figures.push(...(await measureSyncRun(worker, em, "the sync after it", 1)));
      readings.add(figures, (what) => what.replace(/ \(\d+\/\d+\)$/, ""));
    }
  }
  readings.print();
  ownTimes.print();
} finally {
  await stop();
}
