/**
 * The fixed local ports the benchmarks use, in one place, and the check `npm run bench` makes before
 * it starts: a port taken (most often by another bench still running) would otherwise end a run
 * minutes in with a stack trace from the emulator's process. Miniflare's inspector needs a port
 * known before it starts, so these stay fixed rather than picked free.
 */
import { isPortFree } from "../tools/local-stack/ports";

/** A port a benchmark listens on, and what for (in Chinese and English). */
export interface BenchPort {
  readonly port: number;
  readonly what: string;
  readonly whatEn: string;
}

export const BENCH_PORTS = {
  syncEmulator: {
    port: 8795,
    what: "万行同步基准的表格模拟器",
    whatEn: "the 10,000-row sync's Sheets emulator",
  },
  intakeEmulator: {
    port: 8796,
    what: "表单接收基准的表格模拟器",
    whatEn: "the intake bench's Sheets emulator",
  },
  officeEmulator: {
    port: 8797,
    what: "2,000 行单位的表格模拟器",
    whatEn: "the 2,000-row office's Sheets emulator",
  },
  workerInspector: {
    port: 9331,
    what: "Worker 的 CPU 采样（inspector）",
    whatEn: "the Worker's profiler (inspector)",
  },
  clockFloorInspector: { port: 9338, what: "空 Worker 的 CPU 采样", whatEn: "the empty Worker's profiler" },
  startUpInspector: { port: 9351, what: "启动耗时的 CPU 采样", whatEn: "the start-up profiler" },
} as const satisfies Record<string, BenchPort>;

/** One line per port of `uses` that is taken, saying in Chinese and English what to do; none when all are free. */
export async function busyBenchPorts(
  uses: readonly BenchPort[] = Object.values(BENCH_PORTS),
): Promise<string[]> {
  const free = await Promise.all(uses.map((use) => isPortFree("127.0.0.1", use.port)));
  return uses
    .filter((_, i) => !free[i])
    .map(
      (use) =>
        `端口 ${use.port} 已被占用（${use.what}要用它）：请先停止占用它的程序，例如另一个还在运行的 npm run bench` +
        ` (port ${use.port}, ${use.whatEn}, is busy)`,
    );
}

/** Ends the process with those lines (exit code 1) when a port is taken. */
export async function exitIfBenchPortsBusy(uses?: readonly BenchPort[]): Promise<void> {
  const busy = await busyBenchPorts(uses);
  if (busy.length === 0) return;
  for (const line of busy) console.error(line);
  process.exit(1);
}
