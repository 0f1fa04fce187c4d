/**
 * A fresh isolate against a warm one, on the same work: `npx tsx bench/cold-start.ts [again]`, a
 * 2,000-row office's first sync in the Worker's first invocations, then `again` times (default 1)
 * the same first sync once D1 and the sheet are as they were, in the now warm isolate. In this VM a
 * fresh isolate's plan read 29.7 ms capped and the warm one's 3.3: the first steps an isolate serves
 * compile the code they run. What the Worker keeps per isolate by content (the small tabs' context)
 * is warm too, as in any warm isolate.
 *
 * `npx tsx bench/cold-start.ts quiet [times]`: the office after its first sync and a quiet one, then
 * `times` times (default 2) the Worker started again on the same D1 and a quiet sync in that fresh
 * isolate, which is what a quiet office's cron tick often meets on Cloudflare.
 *
 * `npx tsx bench/cold-start.ts page [times]`: the same office, then `times` times (default 2) the
 * overview page (/) as a fresh isolate's first request, then again in that isolate, and a form's
 * webhook (a new suggestion) as another fresh isolate's first request: a leader opening the
 * dashboard in the morning, or a deputy's form after a quiet night, often meets a fresh isolate.
 *
 * `npx tsx bench/cold-start.ts newday [times]`: the same office, then `times` times (default 2) a
 * day's first sync in a fresh isolate (every chunk checked for the new day and its part stored anew)
 * followed by the next day's first sync in that now warm isolate.
 *
 * Prints each step's CPU (the bench's reading and the capped estimate). Run it alternately on two
 * clones to compare builds (as for src/warm-up-office.ts).
 */

import {
  measure,
  measureSyncRun,
  ownTimes,
  page,
  postSigned,
  seedBenchSheet,
  startBenchOffice,
} from "./free-plan";
import { raisePriority } from "./priority";

const SHEET = "cold-start";
const DAY_MS = 86_400_000;
const MODES = ["quiet", "newday", "page"] as const;
const mode = MODES.find((m) => m === process.argv[2]) ?? "first";
const times = Number(process.argv[mode === "first" ? 2 : 3] ?? (mode === "first" ? 1 : 2));
console.log(raisePriority());
const office = await startBenchOffice(SHEET, { keepD1: mode !== "first" });
const { em } = office;
const show = (label: string, fs: Awaited<ReturnType<typeof measureSyncRun>>) => {
  for (const f of fs)
    console.log(
      label,
      f.what.padEnd(60),
      f["CPU ms (Worker)"],
      f["CPU ms (profiler, capped)"],
      f["CPU ms (thread)"],
    );
};
try {
  show("COLD", await measureSyncRun(office.worker, em, "first in a fresh isolate", 1));
  for (let k = 0; k < times; k++) {
    if (mode === "quiet") {
      if (k === 0) show("WARM", await measureSyncRun(office.worker, em, "nothing changed", 1));
      show(`FRESH${k + 1}`, await measureSyncRun(await office.freshIsolate(), em, "nothing changed", 1));
      continue;
    }
    if (mode === "page") {
      if (k === 0) await measureSyncRun(office.worker, em, "nothing changed", 1);
      const fresh = await office.freshIsolate();
      show(`FRESH${k + 1}`, [await measure(fresh, em, "page / (fresh isolate)", () => page(fresh, "/"), 1)]);
      show(`WARM${k + 1}`, [await measure(fresh, em, "page / (again)", () => page(fresh, "/"), 1)]);
      const other = await office.freshIsolate();
      const suggestion = { 标题: `冷启动建议第${k}号`, 领衔代表: "王建国0" };
      const post = () => postSigned(other, "suggestion", suggestion, `cold-start-${k}`);
      show(`FRESH${k + 1}`, [
        await measure(other, em, "webhook: accept one suggestion (fresh isolate)", post, 1),
      ]);
      continue;
    }
    if (mode === "newday") {
      // Each sync a day later than the one before, so that each is its day's first.
      const day = (n: number) => Date.now() + n * DAY_MS;
      const fresh = await office.freshIsolate();
      show(`FRESH${k + 1}`, await measureSyncRun(fresh, em, "a new day", 1, day(2 * k + 1)));
      show(`WARM${k + 1}`, await measureSyncRun(fresh, em, "a new day", 1, day(2 * k + 2)));
      continue;
    }
    // D1 as the office started: every table emptied but the migrations' record (and SQLite's own).
    const db = await office.worker.db();
    const { results } = await db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'd1_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'sqlite_%'",
      )
      .all<{ name: string }>();
    for (const { name } of results) await db.prepare(`DELETE FROM "${name}"`).run();
    await em.admin("DELETE", `/spreadsheets/${SHEET}`);
    await seedBenchSheet(em, SHEET);
    show(`WARM${k + 1}`, await measureSyncRun(office.worker, em, "first", 1));
  }
  // BENCH_TOP=<part of a row's name> (the fresh isolate's: "fresh isolate: plan"): where its time went.
  ownTimes.print();
} finally {
  await office.stop();
}
