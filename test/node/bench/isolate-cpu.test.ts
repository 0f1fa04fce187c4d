import { describe, expect, it } from "vitest";
import { cpuOf, type Profile, SAMPLE_CAP_US } from "../../../bench/isolate-cpu";

/**
 * A profile as V8's inspector returns it: the Worker's own frame `work` (node 2) and `(idle)` (node
 * 3); `deltas[i]` is the time from sample i - 1 to sample i, so sample i stands for deltas[i + 1].
 */
function profile(samples: number[], deltas: number[]): Profile {
  return {
    nodes: [
      { id: 1, callFrame: { functionName: "(root)" }, children: [2, 3] },
      { id: 2, callFrame: { functionName: "work", url: "index.js", lineNumber: 10 } },
      { id: 3, callFrame: { functionName: "(idle)" } },
    ],
    startTime: 0,
    samples,
    timeDeltas: deltas,
  };
}

describe("the bench's capped estimate of the profiler's samples", () => {
  it("counts continuous work as the uncapped samples do", () => {
    // Fifty samples of the Worker's code 160 µs apart, as the sampler takes them here.
    const cpu = cpuOf(profile([...Array(50).fill(2), 3], [0, ...Array(50).fill(160)]), null);
    expect(cpu.workerMs).toBeCloseTo(8, 6);
    expect(cpu.cappedMs).toBeCloseTo(8, 6);
  });

  it("charges the gap after a sample for at most the cap: no sample lands while the thread runs another isolate", () => {
    // Ten samples 100 µs apart, then 5 ms without one (local D1's SQLite on the Worker's thread).
    const cpu = cpuOf(profile([...Array(11).fill(2), 3], [0, ...Array(10).fill(100), 5_000]), null);
    expect(cpu.workerMs).toBeCloseTo(6, 6);
    expect(cpu.cappedMs).toBeCloseTo((10 * 100 + SAMPLE_CAP_US) / 1000, 6);
    // Where the time went (BENCH_TOP) counts the gap at the cap too.
    expect(cpu.top).toEqual([{ fn: "work:10", ms: 1.3 }]);
  });
});
