/**
 * Intake benchmark (issue 5): 1,000 signed suggestions sent within a minute to the built Worker
 * (workerd, with its real queue consumer), the emulator holding Google's 60 writes a minute. Prints
 * accepted submissions, unique rows in the sheet at the end (must be 1,000, no duplicates), Sheets
 * write calls used, and the time until the last row landed. Run: npx tsx bench/intake.ts
 */
import { pathToFileURL } from "node:url";
import { signBody } from "../src/intake/signature";
import { buildFixture, fixtureSheets } from "../test/support/ledger-fixture";
import { callsSince, startBenchEmulator } from "./emulator-process";
import { BENCH_PORTS } from "./ports";
import { BENCH_ADMIN_TOKEN, BENCH_FORM_SECRET, buildWorker, startBenchWorker } from "./worker";

const SUBMISSIONS = 1_000;
const PORT = BENCH_PORTS.intakeEmulator.port;
const CONCURRENCY = 20;
const LANDING_TIMEOUT_MS = 5 * 60_000;

export interface IntakeFigures {
  accepted: number;
  "unique rows": number;
  duplicates: number;
  "write calls": number;
  "read calls": number;
  "seconds to send": number;
  "seconds until last row landed": number;
}

async function send(worker: Awaited<ReturnType<typeof startBenchWorker>>, i: number): Promise<number> {
  const body = JSON.stringify({
    submissionId: `bench-${i}`,
    submittedAt: new Date().toISOString(),
    answers: { 标题: `压测建议第${i}号`, 领衔代表: "王建国0", 内容摘要: `=HYPERLINK("x${i}")` },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await worker.fetch("/hooks/forms/suggestion", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-jianyi-timestamp": timestamp,
      "x-jianyi-signature": await signBody(BENCH_FORM_SECRET, timestamp, body),
    },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

export async function benchIntake(): Promise<IntakeFigures> {
  buildWorker();
  const em = await startBenchEmulator(PORT);
  const worker = await startBenchWorker(em, "bench-intake");
  try {
    await em.admin("POST", "/spreadsheets", {
      spreadsheetId: "bench-intake",
      title: "bench",
      sheets: fixtureSheets(buildFixture(50)),
    });
    await worker.fetch("/api/sync?wait=1", {
      method: "POST",
      headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` },
    });
    const since = (await callsSince(em, 0)).lastSeq;
    const started = performance.now();
    let next = 0;
    let accepted = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < SUBMISSIONS) {
          const i = next++;
          if ((await send(worker, i)) === 202) accepted++;
        }
      }),
    );
    const sentSeconds = (performance.now() - started) / 1000;
    let titles: string[] = [];
    let ids: string[] = [];
    while (performance.now() - started < LANDING_TIMEOUT_MS) {
      const { values } = await em.admin<{ values: unknown[][] }>(
        "GET",
        "/spreadsheets/bench-intake/values/'建议台账'",
      );
      const rows = (values ?? []).filter((r) => String(r[2] ?? "").startsWith("压测建议"));
      titles = rows.map((r) => String(r[2]));
      ids = rows.map((r) => String(r[0]));
      if (titles.length >= SUBMISSIONS) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const landedSeconds = (performance.now() - started) / 1000;
    const log = await callsSince(em, since);
    return {
      accepted,
      "unique rows": new Set(titles).size,
      duplicates: titles.length - new Set(titles).size + (ids.length - new Set(ids).size),
      "write calls": log.writes,
      "read calls": log.calls - log.writes,
      "seconds to send": Math.round(sentSeconds * 10) / 10,
      "seconds until last row landed": Math.round(landedSeconds * 10) / 10,
    };
  } finally {
    await worker.dispose();
    em.stop();
  }
}

export function printIntake(figures: IntakeFigures): void {
  console.log("\nIntake of 1,000 signed suggestions (emulator quota: 60 writes and 60 reads a minute)");
  console.table([figures]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) printIntake(await benchIntake());
