import { describe, expect, it } from "vitest";
import {
  type BenchRun,
  formatDailyUse,
  formatSummary,
  formatTable,
  type Invocation,
  summarize,
  tableRows,
  upperMedian,
} from "../../bench/set-table";

/** A reading: CPU ms (the running reading and capped estimate derived from it), and the rest. */
const inv = (what: string, cpuMs: number, more: Partial<Invocation> = {}): Invocation => ({
  what,
  cpuMs,
  cpuMsRunning: cpuMs + 1,
  cpuMsCapped: cpuMs / 2,
  sheetsCalls: 0,
  cellsWritten: 0,
  d1RowsRead: 0,
  d1Queries: 1,
  ...more,
});

const run = (invocations: Invocation[], requests = 2_435): BenchRun => ({
  freePlan: { cpuLimitMs: 10, invocations },
  dailyUse: [
    {
      resource: "Workers requests (every invocation)",
      "per day": requests,
      "Free plan limit": 100_000,
      "share of limit": `${((100 * requests) / 100_000).toFixed(1)}%`,
    },
  ],
  evaluation: [
    {
      rows: 10_000,
      repetitions: 15,
      payloadBytes: 1,
      parseCheckComputeMs: 30,
      jsonParseMs: 7.5,
      ratio: 4,
      msPer1000Rows: 3,
    },
    {
      rows: 2_000,
      repetitions: 33,
      payloadBytes: 1,
      parseCheckComputeMs: 6,
      jsonParseMs: 1.5,
      ratio: 4.2,
      msPer1000Rows: 3,
    },
  ],
  sync10k: [
    {
      run: "first sync (10,000 rows)",
      "Sheets calls": 258,
      "cells written": 829_976,
      "CPU ms / 1,000 rows": 1,
      "wall ms": 28_400,
    },
    {
      run: "no-change sync",
      "Sheets calls": 53,
      "cells written": 0,
      "CPU ms / 1,000 rows": 1,
      "wall ms": 1_700,
    },
    {
      run: "after one staff edit",
      "Sheets calls": 56,
      "cells written": 13_066,
      "CPU ms / 1,000 rows": 1,
      "wall ms": 1_600,
    },
  ],
  intake1000: {
    accepted: 1_000,
    "unique rows": 1_000,
    duplicates: 0,
    "write calls": 20,
    "read calls": 20,
    "seconds to send": 5.2,
    "seconds until last row landed": 6.3,
  },
  bundle: { bytes: 1_847 * 1024, gzipBytes: 460 * 1024 },
  startUp: { cpuMs: 123, heapMiB: 11.5, starts: 3 },
});

const CHUNK = "sync first: 1 chunk checked";
const PART = "notices: one part of the ledger (median of 20";

// Two runs of a two-chunk sync, a notices run's parts and a page; a third run without the chunks.
const runs = [
  run([
    inv(`${CHUNK} (1/2)`, 1, { sheetsCalls: 3, cellsWritten: 8_164, d1RowsRead: 1_046 }),
    inv(`${CHUNK} (2/2)`, 2, { sheetsCalls: 4, cellsWritten: 8_195, d1RowsRead: 1_234 }),
    inv(`${PART}; worst 14.12)`, 3.3, { cpuMsCapped: 1.3, d1RowsRead: 1_049 }),
    inv("page /", 12, { d1RowsRead: 18, d1Queries: 22 }),
  ]),
  run([
    inv(`${CHUNK} (1/2)`, 25.1, { sheetsCalls: 3, cellsWritten: 8_164, d1RowsRead: 1_046 }),
    inv(`${CHUNK} (2/2)`, 0.3, { sheetsCalls: 3, cellsWritten: 8_164, d1RowsRead: 1_046 }),
    inv(`${PART}; worst 20.83)`, 4.1, { d1RowsRead: 1_049 }),
    inv("page /", 10.8, { d1RowsRead: 18 }),
  ]),
  run(
    [inv(`${PART}; worst 9.5)`, 2.1, { d1RowsRead: 1_049 }), inv("page /", 9.2, { d1RowsRead: 18 })],
    2_440,
  ),
];

describe("the README's benchmark table, from runs of `npm run -s bench -- --json`", () => {
  it("takes the upper of the middle two readings as the median of an even count", () => {
    expect(upperMedian([4, 1, 3, 2])).toBe(3);
    expect(upperMedian([2, 9, 1])).toBe(2);
  });

  it("pools a sync's chunk steps over every step of the kind in every run, with ranges and bold over 10 ms", () => {
    const rows = tableRows(runs.map((r) => r.freePlan.invocations));
    expect(formatTable(rows, 10).split("\n")).toEqual([
      "| invocation | CPU ms: median (lowest–highest) | while the thread runs | capped estimate | readings | Sheets calls | cells written | D1 rows read |",
      "|---|---|---|---|---|---|---|---|",
      // Readings 0.3, 1, 2, 25.1: the upper middle one is 2; running +1 each, capped halved.
      "| sync first: 1 chunk checked | 2.0 (0.3–25.1) | 3.0 | 1.0 | 4 | 3–4 | 8,164–8,195 | 1,046–1,234 |",
      // One reading a run, named with the worst part of any run.
      "| notices: one part of the ledger (median of 20; worst 20.83) | 3.3 (2.1–4.1) | 4.3 | 1.3 | 3 | 0 | 0 | 1,049 |",
      // 9.2, 10.8, 12: over 10, so in bold.
      "| page / | **10.8** (9.2–12.0) | 11.8 | 5.4 | 3 | 0 | 0 | 18 |",
    ]);
  });

  it("writes exactly 10 ms in plain figures and counts the rows over 10 ms by each reading", () => {
    const rows = tableRows([
      [inv("page /a", 10), inv("page /b", 10.04), inv("page /c", 9.5, { cpuMsCapped: 10.5 })],
    ]);
    const lines = formatTable(rows, 10).split("\n");
    expect(lines[2]).toContain("| page /a | 10.0 (10.0–10.0) |");
    expect(lines[3]).toContain("| page /b | **10.0** (10.0–10.0) |");
    const summary = summarize([run([])], rows);
    expect(summary.overByMedian).toEqual(["page /b"]);
    expect(summary.overByRunning).toEqual(["page /a", "page /b", "page /c"]);
    expect(summary.overByCapped).toEqual(["page /c"]);
  });

  it("prints the day's use as a range where the runs differ, and the figures the README cites", () => {
    expect(formatDailyUse(runs).split("\n")[2]).toBe(
      "| Workers requests (every invocation, queue deliveries included) | 2,435–2,440 | 100,000 | 2.4% |",
    );
    const rows = tableRows(runs.map((r) => r.freePlan.invocations));
    const summary = formatSummary(runs, summarize(runs, rows));
    expect(summary).toContain(
      "rows over 10 ms: 1 of 3 by the median, 1 by the reading while the thread runs",
    );
    expect(summary).toContain("most D1 queries in one invocation: 22 (page /)");
    expect(summary).toContain(
      "evaluate 10,000 rows vs JSON.parse: 4.00× (30.0 ms against 7.5); 2,000 rows 4.20×",
    );
    expect(summary).toContain("Worker bundle: 1,847 KiB, 460 KiB gzip");
    const base = run([]);
    const slower = { ...base, evaluation: base.evaluation.map((e) => ({ ...e, ratio: e.ratio + 0.32 })) };
    expect(formatSummary([base, slower], summarize([base, slower], []))).toContain(
      "evaluate 10,000 rows vs JSON.parse: 4.00–4.32× (30.0 ms against 7.5); 2,000 rows 4.20–4.52×",
    );
    expect(summary).toContain("sync of 10,000 rows, first run: 258 calls, 829,976 cells, 28 s");
    expect(summary).toContain(
      "nothing changed: 53 calls, 0 cells · after one staff edit: 56 calls, 13,066 cells",
    );
    expect(summary).toContain("the last row 1.1 s after the last send");
  });
});
