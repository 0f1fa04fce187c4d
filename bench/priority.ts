/**
 * CPU figures come from V8's sampling profiler, which counts wall-clock time between samples: on a
 * machine shared with other work, time the bench's threads spend waiting for a core would be
 * counted as CPU. Raising the bench's priority (inherited by workerd and the emulator it starts)
 * keeps its threads on a core whenever they are runnable. Needs root or CAP_SYS_NICE; otherwise
 * the figures are upper bounds and the bench says so.
 */
import os from "node:os";

export function raisePriority(): string {
  try {
    os.setPriority(0, -20);
    return "priority raised (nice -20): figures hold on a busy machine";
  } catch {
    const [load] = os.loadavg();
    return `priority not raised (needs root): with load ${load?.toFixed(1)} on ${os.cpus().length} cores, CPU figures are upper bounds`;
  }
}
