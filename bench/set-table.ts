/**
 * `npm run bench:table -- run1.json run2.json …`: the README's benchmark table from runs of
 * `npm run -s bench -- --json`, then the day's use and the other figures the README cites.
 * A row is every invocation of one name over the runs: its median is the upper of the middle two
 * readings, beside the lowest and highest; a sync's chunk and derive steps ("1 chunk checked
 * (3/20)") pool every step of the kind; a notices run's parts are already one reading a run (the
 * median of its parts), named here with the worst part of any run. Files that do not parse are
 * left out (a run that failed leaves an empty file).
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { DailyUseRow } from "./daily-use";
import type { IntakeFigures } from "./intake";
import type { ParseRowsFigures } from "./parse-rows";
import type { StartUp } from "./start-up";
import type { SyncFigures } from "./sync";

/** One invocation of `--json`'s freePlan.invocations, as far as the table reads it. */
export interface Invocation {
  what: string;
  cpuMs: number;
  cpuMsRunning: number;
  cpuMsCapped: number;
  sheetsCalls: number;
  cellsWritten: number;
  d1RowsRead: number;
  d1Queries: number;
}

/** One run of `npm run -s bench -- --json` (bench/run.ts), as far as this script reads it. */
export interface BenchRun {
  freePlan: { cpuLimitMs: number; invocations: Invocation[] };
  dailyUse: DailyUseRow[];
  evaluation: ParseRowsFigures[];
  sync10k: SyncFigures[];
  intake1000: IntakeFigures;
  bundle: { bytes: number; gzipBytes: number };
  startUp: StartUp;
}

// ---- statistics (pure) ----

/** The median, and of an even count the upper of the middle two. */
export function upperMedian(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const m = sorted[Math.floor(sorted.length / 2)];
  if (m === undefined) throw new Error("no readings");
  return m;
}

export const lowHigh = (xs: readonly number[]): [number, number] => [Math.min(...xs), Math.max(...xs)];

const STEP_OF = / \(\d+\/\d+\)$/;
const WORST = /; worst ([\d.]+)\)$/;

/** The row an invocation counts in: a step's "(3/20)" and a notices part's "; worst …" left off. */
export const rowKey = (what: string): string => what.replace(STEP_OF, "").replace(WORST, ")");

export interface Row {
  name: string;
  readings: number;
  cpuMs: number;
  lowest: number;
  highest: number;
  running: number;
  capped: number;
  sheetsCalls: [number, number];
  cellsWritten: [number, number];
  d1RowsRead: [number, number];
}

/** The table's rows, in the order the runs name them. */
export function tableRows(runs: readonly Invocation[][]): Row[] {
  const groups = new Map<string, Invocation[]>();
  for (const f of runs.flat()) {
    const key = rowKey(f.what);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups].map(([key, fs]) => {
    const worst = fs.flatMap((f) => WORST.exec(f.what)?.[1] ?? []).map(Number);
    const cpu = fs.map((f) => f.cpuMs);
    const [lowest, highest] = lowHigh(cpu);
    return {
      name: worst.length > 0 ? key.replace(/\)$/, `; worst ${Math.max(...worst)})`) : key,
      readings: fs.length,
      cpuMs: upperMedian(cpu),
      lowest,
      highest,
      running: upperMedian(fs.map((f) => f.cpuMsRunning)),
      capped: upperMedian(fs.map((f) => f.cpuMsCapped)),
      sheetsCalls: lowHigh(fs.map((f) => f.sheetsCalls)),
      cellsWritten: lowHigh(fs.map((f) => f.cellsWritten)),
      d1RowsRead: lowHigh(fs.map((f) => f.d1RowsRead)),
    };
  });
}

export interface Summary {
  runs: number;
  limitMs: number;
  rows: number;
  /** The rows over the limit by the median, by the reading while the thread runs, by the capped estimate. */
  overByMedian: string[];
  overByRunning: string[];
  overByCapped: string[];
  maxD1Queries: number;
  maxD1QueriesIn: string[];
}

export function summarize(runs: readonly BenchRun[], rows: readonly Row[]): Summary {
  const limit = runs[0]?.freePlan.cpuLimitMs ?? 10;
  const all = runs.flatMap((r) => r.freePlan.invocations);
  const maxD1Queries = Math.max(...all.map((f) => f.d1Queries));
  const over = (pick: (r: Row) => number) => rows.filter((r) => pick(r) > limit).map((r) => r.name);
  return {
    runs: runs.length,
    limitMs: limit,
    rows: rows.length,
    overByMedian: over((r) => r.cpuMs),
    overByRunning: over((r) => r.running),
    overByCapped: over((r) => r.capped),
    maxD1Queries,
    maxD1QueriesIn: [...new Set(all.filter((f) => f.d1Queries === maxD1Queries).map((f) => rowKey(f.what)))],
  };
}

// ---- printing ----

const thousands = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
export const count = (n: number): string => thousands.format(n);
export const ms = (n: number): string => n.toFixed(1);

/** "a" when both ends read the same, else "a–b". */
export function span([low, high]: readonly [number, number], format: (n: number) => string = count): string {
  return format(low) === format(high) ? format(low) : `${format(low)}–${format(high)}`;
}

const spanOf = (xs: readonly number[], format?: (n: number) => string) => span(lowHigh(xs), format);

export function formatTable(rows: readonly Row[], limitMs: number): string {
  const lines = [
    "| invocation | CPU ms: median (lowest–highest) | while the thread runs | capped estimate | readings | Sheets calls | cells written | D1 rows read |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const r of rows) {
    const median = r.cpuMs > limitMs ? `**${ms(r.cpuMs)}**` : ms(r.cpuMs);
    lines.push(
      `| ${r.name} | ${median} (${ms(r.lowest)}–${ms(r.highest)}) | ${ms(r.running)} | ${ms(r.capped)} | ${r.readings} | ${span(r.sheetsCalls)} | ${span(r.cellsWritten)} | ${span(r.d1RowsRead)} |`,
    );
  }
  return lines.join("\n");
}

/** The README names the requests row more fully than bench/daily-use.ts does. */
const README_RESOURCE: Record<string, string> = {
  "Workers requests (every invocation)": "Workers requests (every invocation, queue deliveries included)",
};

export function formatDailyUse(runs: readonly BenchRun[]): string {
  const lines = ["| resource | per day | Free plan limit | share |", "|---|---|---|---|"];
  for (const [i, row] of (runs[0]?.dailyUse ?? []).entries()) {
    const same = runs.map((r) => r.dailyUse[i]).filter((d) => d !== undefined);
    const share = spanOf(
      same.map((d) => Number.parseFloat(d["share of limit"])),
      (n) => `${n.toFixed(1)}%`,
    );
    lines.push(
      `| ${README_RESOURCE[row.resource] ?? row.resource} | ${spanOf(same.map((d) => d["per day"]))} | ${count(row["Free plan limit"])} | ${share} |`,
    );
  }
  return lines.join("\n");
}

export function formatSummary(runs: readonly BenchRun[], s: Summary): string {
  const evaluation = (rows: number) => runs.flatMap((r) => r.evaluation.filter((e) => e.rows === rows));
  const e10k = evaluation(10_000);
  const e2k = evaluation(2_000);
  const ratios = (es: ParseRowsFigures[]) =>
    `${spanOf(
      es.map((e) => e.ratio),
      (n) => n.toFixed(2),
    )}×`;
  const sync = (prefix: string) => runs.flatMap((r) => r.sync10k.filter((f) => f.run.startsWith(prefix)));
  const syncLine = (fs: SyncFigures[]) =>
    `${spanOf(fs.map((f) => f["Sheets calls"]))} calls, ${spanOf(fs.map((f) => f["cells written"]))} cells`;
  const first = sync("first sync");
  const wall = spanOf(
    first.map((f) => f["wall ms"] / 1000),
    (n) => n.toFixed(0),
  );
  const intake = runs.map((r) => r.intake1000);
  const secs = (xs: number[]) => spanOf(xs, (n) => n.toFixed(1));
  const daySame = runs.every((r) => JSON.stringify(r.dailyUse) === JSON.stringify(runs[0]?.dailyUse));
  const underByMedian = s.overByCapped.filter((n) => !s.overByMedian.includes(n));
  return [
    `Other figures of the ${s.runs} runs:`,
    `rows over ${s.limitMs} ms: ${s.overByMedian.length} of ${s.rows} by the median, ${s.overByRunning.length} by the reading while the thread runs, ${s.overByCapped.length} by the capped estimate (${underByMedian.length} of them not over ${s.limitMs} by the median${underByMedian.length > 0 ? `: ${underByMedian.join("; ")}` : ""})`,
    `  by the median: ${s.overByMedian.join("; ") || "none"}`,
    `  by the reading while the thread runs: ${s.overByRunning.join("; ") || "none"}`,
    `  by the capped estimate: ${s.overByCapped.join("; ") || "none"}`,
    `most D1 queries in one invocation: ${s.maxD1Queries} (${s.maxD1QueriesIn.join("; ")})`,
    `day's use: ${daySame ? `the same in all ${s.runs} runs` : "differs between the runs (ranges above)"}`,
    `evaluate 10,000 rows vs JSON.parse: ${ratios(e10k)} (${spanOf(
      e10k.map((e) => e.parseCheckComputeMs),
      ms,
    )} ms against ${spanOf(
      e10k.map((e) => e.jsonParseMs),
      ms,
    )}); 2,000 rows ${ratios(e2k)}`,
    `Worker bundle: ${spanOf(
      runs.map((r) => r.bundle.bytes / 1024),
      (n) => count(Math.round(n)),
    )} KiB, ${spanOf(
      runs.map((r) => r.bundle.gzipBytes / 1024),
      (n) => count(Math.round(n)),
    )} KiB gzip`,
    `Worker start-up: ${spanOf(
      runs.map((r) => r.startUp.cpuMs),
      (n) => n.toFixed(0),
    )} ms, heap ${spanOf(
      runs.map((r) => r.startUp.heapMiB),
      ms,
    )} MiB`,
    `sync of 10,000 rows, first run: ${syncLine(first)}, ${wall} s`,
    `  nothing changed: ${syncLine(sync("no-change"))} · after one staff edit: ${syncLine(sync("after one staff edit"))}`,
    `1,000 signed suggestions: ${spanOf(intake.map((i) => i.accepted))} accepted, ${spanOf(intake.map((i) => i["unique rows"]))} unique rows, ${spanOf(
      intake.map((i) => i.duplicates),
    )} duplicates, ${spanOf(intake.map((i) => i["write calls"]))} write calls and ${spanOf(intake.map((i) => i["read calls"]))} reads; sent within ${secs(
      intake.map((i) => i["seconds to send"]),
    )} s, landed ${secs(intake.map((i) => i["seconds until last row landed"]))} s after the first, the last row ${secs(
      intake.map((i) => i["seconds until last row landed"] - i["seconds to send"]),
    )} s after the last send`,
  ].join("\n");
}

/** The runs among `files` whose JSON parses; the others are named on stderr. */
export function readRuns(files: readonly string[]): BenchRun[] {
  return files.flatMap((file) => {
    try {
      return [JSON.parse(readFileSync(file, "utf8")) as BenchRun];
    } catch (error) {
      console.error(`${file} left out: ${(error as Error).message}`);
      return [];
    }
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = readRuns(process.argv.slice(2));
  if (runs.length === 0) {
    console.error(
      "usage: npx tsx bench/set-table.ts run1.json run2.json … (runs of `npm run -s bench -- --json`)",
    );
    process.exit(1);
  }
  const rows = tableRows(runs.map((r) => r.freePlan.invocations));
  const limit = runs[0]?.freePlan.cpuLimitMs ?? 10;
  console.log(
    `${formatTable(rows, limit)}\n\n${formatDailyUse(runs)}\n\n${formatSummary(runs, summarize(runs, rows))}`,
  );
}
