/**
 * A fresh isolate against a warm one, on the same work (`npx tsx bench/cold-start.ts [again]`):
 * a 2,000-row office's first sync in the Worker's first invocations, then `again` times (default 1)
 * the same first sync once D1 and the sheet are as they were, in the now warm isolate. Prints each
 * step's CPU (the bench's reading and the capped estimate). What the Worker keeps per isolate by
 * content (the small tabs' context) is warm too, as in any warm isolate. In this VM a fresh
 * isolate's plan read 29.7 ms capped and the warm one's 3.3: the first steps an isolate serves
 * compile the code they run.
 * Run it alternately on two clones to compare builds (as for src/warm-up-office.ts).
 */

import { measureSyncRun, seedBenchSheet, startBenchOffice } from "./free-plan";
import { raisePriority } from "./priority";

const SHEET = "cold-start";
const again = Number(process.argv[2] ?? 1);
console.log(raisePriority());
const { em, worker, stop } = await startBenchOffice(SHEET);
const show = (label: string, fs: Awaited<ReturnType<typeof measureSyncRun>>) => {
  for (const f of fs)
    console.log(label, f.what.padEnd(60), f["CPU ms (Worker)"], f["CPU ms (profiler, capped)"]);
};
try {
  show("COLD", await measureSyncRun(worker, em, "first", 1));
  for (let k = 0; k < again; k++) {
    // D1 as the office started: every table emptied but the migrations' record (and SQLite's own).
    const db = await worker.mf.getD1Database("DB");
    const { results } = await db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'd1_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'sqlite_%'",
      )
      .all<{ name: string }>();
    for (const { name } of results) await db.prepare(`DELETE FROM "${name}"`).run();
    await em.admin("DELETE", `/spreadsheets/${SHEET}`);
    await seedBenchSheet(em, SHEET);
    show(`WARM${k + 1}`, await measureSyncRun(worker, em, "first", 1));
  }
} finally {
  await stop();
}
