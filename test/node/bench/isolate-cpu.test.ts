import { describe, expect, it } from "vitest";
import { cpuOf, type Profile, SAMPLE_CAP_US } from "../../../bench/isolate-cpu";
import { runningShares } from "../../../bench/thread-state";

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

/**
 * Reads every 5 µs from 0 to `untilUs` of a thread always running, with V8's sampler thread awake
 * where `awake` says (µs from the start): runnable at those reads, and the kernel's count of its
 * time on a core or waiting for one growing over every step that touches them.
 */
function samplerStates(untilUs: number, awake: (at: number) => boolean) {
  const times = Float64Array.from({ length: untilUs / 5 + 1 }, (_, i) => i * 5);
  const busyNs = new Float64Array(times.length);
  for (let i = 1; i < times.length; i++)
    busyNs[i] = (busyNs[i - 1] ?? 0) + (awake(times[i] ?? 0) || awake(times[i - 1] ?? 0) ? 5_000 : 0);
  return runningShares({
    times,
    runnable: new Uint8Array(times.length).fill(1),
    onCoreNs: times.map((t) => t * 1000),
    watchedAwake: Uint8Array.from(times, (t) => (awake(t) ? 1 : 0)),
    watchedBusyNs: busyNs,
    count: times.length,
  });
}

describe("the bench's reading: the profiler's samples checked against V8's sampler thread", () => {
  // Ten samples 100 µs apart, then 5 ms without one while the Worker's thread runs throughout.
  const gap = profile([...Array(11).fill(2), 3], [0, ...Array(10).fill(100), 5_000]);

  it("charges a gap at the cap when the sampler slept on time through it: the isolate was not in use", () => {
    const cpu = cpuOf(
      gap,
      samplerStates(6_000, () => false),
    );
    // The thread ran throughout (local D1, say), so the running reading charges all of it.
    expect(cpu.runningMs).toBeCloseTo(6, 6);
    expect(cpu.checkedMs).toBeCloseTo((10 * 100 + SAMPLE_CAP_US) / 1000, 6);
  });

  it("charges the time the sampler was awake in a gap too: kept waiting for a core, it may have missed the isolate's work", () => {
    // Awake from 2,000 to 3,000 µs (on a run queue: no signal sent meanwhile).
    const cpu = cpuOf(
      gap,
      samplerStates(6_000, (at) => at >= 2_000 && at <= 3_000),
    );
    // The reads around the awake stretch count it from the step before to the step after: 1,010 µs.
    expect(cpu.checkedMs).toBeCloseTo((10 * 100 + SAMPLE_CAP_US + 1_010) / 1000, 6);
    // Never more than the running reading.
    const always = cpuOf(
      gap,
      samplerStates(6_000, () => true),
    );
    expect(always.checkedMs).toBeCloseTo(always.runningMs ?? Number.NaN, 6);
  });

  it("has no checked reading without the sampler's states", () => {
    expect(cpuOf(gap, null).checkedMs).toBeNull();
  });
});
