/**
 * Sync benchmark (issue 4): the built Worker in workerd syncs a 10,000-row ledger against the Sheets
 * emulator (its own process). Since the sync runs in 200-row chunks (issue 11), a run of 10,000 rows
 * reads once per chunk: 50+ reads, and a first run writes and checks each chunk too, more than
 * Google's 60 reads a minute in one go. The cron's chunks then wait out the quota (a 429 is retried by
 * the queue); this benchmark runs them inline, so the emulator's quota is raised here and the calls
 * are printed for the reader to weigh against Google's. Prints
 * Sheets calls and cells written (from the emulator's request log) and the CPU the Worker's process
 * used per 1,000 rows (workerd runs the Worker and its local D1), for a first sync (every system
 * cell and 100 new 编号 to write), a sync with no change, and a sync after one staff edit.
 * Run: npm run bench (all) or npx tsx bench/sync.ts
 */
import { pathToFileURL } from "node:url";
import { buildFixture, fixtureSheets } from "../test/support/ledger-fixture";
import { callsSince, startBenchEmulator } from "./emulator-process";
import { BENCH_PORTS } from "./ports";
import { BENCH_ADMIN_TOKEN, buildWorker, startBenchWorker } from "./worker";

const ROWS = 10_000;
const PORT = BENCH_PORTS.syncEmulator.port;

export interface SyncFigures {
  run: string;
  "Sheets calls": number;
  "cells written": number;
  "CPU ms / 1,000 rows": number;
  "wall ms": number;
}

export async function benchSync(): Promise<SyncFigures[]> {
  buildWorker();
  const em = await startBenchEmulator(PORT, { reads: 10_000, writes: 10_000 });
  const worker = await startBenchWorker(em, "bench");
  try {
    await em.admin("POST", "/spreadsheets", {
      spreadsheetId: "bench",
      title: "bench",
      sheets: fixtureSheets(buildFixture(ROWS, 100)),
    });
    let since = (await callsSince(em, 0)).lastSeq;
    const figures: SyncFigures[] = [];
    const measure = async (run: string) => {
      const cpuBefore = worker.cpuMs();
      const started = performance.now();
      const response = await worker.fetch("/api/sync?wait=1", {
        method: "POST",
        headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` },
      });
      if (response.status !== 200) throw new Error(`${run}: ${response.status} ${await response.text()}`);
      const wallMs = Math.round(performance.now() - started);
      const log = await callsSince(em, since);
      since = log.lastSeq;
      figures.push({
        run,
        "Sheets calls": log.calls,
        "cells written": log.cellsWritten,
        "CPU ms / 1,000 rows": Math.round((worker.cpuMs() - cpuBefore) / (ROWS / 1000)),
        "wall ms": wallMs,
      });
    };
    await measure("first sync (10,000 rows, 100 without 编号)");
    await measure("no-change sync");
    // A person changes one 审查结果: that row's status must be rewritten.
    await em.admin("POST", "/hooks", {
      method: "GET",
      pathIncludes: "values:batchGet",
      actions: [
        { op: "valuesUpdate", spreadsheetId: "bench", range: "'建议台账'!I5", values: [["不予立案"]] },
      ],
    });
    await measure("after one staff edit (one status changes)");
    return figures;
  } finally {
    await worker.dispose();
    em.stop();
  }
}

export function printSync(figures: SyncFigures[]): void {
  console.log(
    "\nSync of 10,000 rows in one call (POST /api/sync?wait=1; the cron runs it as 50 queued chunks). Sheets calls: the plan's 1–2 reads, a read per 200-row chunk, a write and its check per chunk with changes (quota raised: Google allows 60 reads and 60 writes a minute, which the queued chunks wait out)",
  );
  console.table(figures);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) printSync(await benchSync());
