/**
 * The intake consumer's batches, many times over, for comparing two builds (`npx tsx
 * bench/intake-steps.ts [rounds]`, default 4): on a 2,000-row office after its first sync, `rounds`
 * times what `npm run bench` measures once (a webhook accepting a suggestion, a full batch of new
 * suggestions, one of replies, batches of one and of five replies); prints the median of each. One
 * reading of a batch swings 3× on this VM (intake of 50 new suggestions: 13.4–46.8 ms in one set),
 * so a single run cannot tell two builds apart. `BENCH_TOP=<part of a row's name>` sums where the
 * time went. Each round replies to rows no round before it replied to, with the scenario of the
 * fixture's first round (a row SCENARIOS.length, 13, rows on).
 */
import { SCENARIOS } from "../test/support/ledger-fixture";
import { intakeReplyRow, measureIntake, measureSyncRun, ownTimes, startBenchOffice } from "./free-plan";
import { raisePriority } from "./priority";
import { StepReadings } from "./step-readings";

const SHEET = "intake-steps";
const OFFICE_ROWS = 2_000;
const rounds = Number(process.argv[2] ?? 4);

console.log(raisePriority());
const { em, worker, stop } = await startBenchOffice(SHEET);
try {
  await measureSyncRun(worker, em, "first", 1);
  const used = new Set<number>();
  /** The row `row` stands for in a later round: the nearest one below 2,000 of its scenario not replied to yet. */
  const fresh = (row: number) => {
    let r = row;
    while (used.has(r))
      r =
        r + SCENARIOS.length <= OFFICE_ROWS
          ? r + SCENARIOS.length
          : (r % SCENARIOS.length) + 2 * SCENARIOS.length;
    used.add(r);
    return r;
  };
  const readings = new StepReadings();
  for (let r = 0; r < rounds; r++) {
    const rows = (size: number) => Array.from({ length: size }, (_, i) => fresh(intakeReplyRow(size, i)));
    readings.add(await measureIntake(worker, em, { tag: `-${r}`, rows }));
  }
  readings.print();
  ownTimes.print();
} finally {
  await stop();
}
