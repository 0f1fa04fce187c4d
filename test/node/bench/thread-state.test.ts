import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import {
  runningShare,
  ThreadStateReader,
  type ThreadStates,
  withoutRunQueueWaits,
} from "../../../bench/thread-state";

/**
 * A process that waits for "go" on stdin, spins for `spinMs`, then sleeps `exitAfterMs` and exits;
 * `marks` gets the monotonic clock (µs, the clock the reads are stamped with) at "busy" and "idle".
 * `via` runs it under another command (taskset).
 */
function spinner(spinMs: number, exitAfterMs: number, via: string[] = []) {
  const script = `const now = () => Number(process.hrtime.bigint() / 1000n);
    process.stdin.once("data", () => {
      console.log("busy " + now());
      const end = Date.now() + ${spinMs};
      while (Date.now() < end) {}
      console.log("idle " + now());
      setTimeout(() => process.exit(0), ${exitAfterMs});
    });`;
  const [command = process.execPath, ...args] = [...via, process.execPath, "-e", script];
  const child = spawn(command, args);
  const marks = new Map<string, number>();
  createInterface({ input: child.stdout }).on("line", (line) => {
    const [what, at] = line.split(" ");
    if (what && at) marks.set(what, Number(at));
  });
  const idle = async () => {
    while (!marks.has("idle")) await new Promise((resolve) => setTimeout(resolve, 10));
  };
  return { child, marks, idle };
}

function states(reads: [number, 0 | 1][]): ThreadStates {
  return {
    times: Float64Array.from(reads.map(([t]) => t)),
    running: Uint8Array.from(reads.map(([, r]) => r)),
    count: reads.length,
  };
}

describe("the bench's third clock: how much of a moment a thread was running", () => {
  it("is the share of reads inside the moment that saw the thread running", () => {
    const s = states([
      [100, 1],
      [110, 1],
      [120, 0],
      [130, 0],
      [140, 1],
      [200, 0],
      [400, 0],
      [2_000, 0],
    ]);
    expect(runningShare(s, 100, 120)).toBeCloseTo(2 / 3);
    expect(runningShare(s, 120, 130)).toBe(0);
    expect(runningShare(s, 100, 110)).toBe(1);
    // No read inside: the reads on either side decide (asleep on both: 0; running on one: 1).
    expect(runningShare(s, 250, 300)).toBe(0);
    expect(runningShare(s, 141, 150)).toBe(1);
    // Between reads a gap apart (the reader kept waiting for a core) nothing is known: it counts.
    expect(runningShare(s, 1_000, 1_100)).toBe(1);
    // Before the first read or after the last nothing is known, and the moment counts.
    expect(runningShare(s, 10, 20)).toBe(1);
    expect(runningShare(s, 2_100, 2_200)).toBe(1);
  });

  it("counts reads taken while the thread waited for a core as not running", () => {
    // Every read saw state R; the thread's run-queue total grew by 25 µs at the read at 60 µs and by
    // 5 µs at the one at 90: it waited from 35 to 60 and from 85 to 90, runnable but not on a core.
    const times = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    const waited = [0, 0, 0, 0, 0, 0, 25_000, 25_000, 25_000, 30_000, 30_000];
    const states = withoutRunQueueWaits({
      times: Float64Array.from(times),
      running: new Uint8Array(times.length).fill(1),
      waitedNs: Float64Array.from(waited),
      count: times.length,
    });
    expect([...states.running]).toEqual([1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1]);
    expect(runningShare(states, 30, 60)).toBeCloseTo(2 / 4);
    expect(runningShare(states, 60, 80)).toBe(1);
  });

  it("sees a process that shares its core with another run about half the time, not all of it", async () => {
    // Two processes spin for 600 ms on CPU 0: each is runnable throughout (state R) and on the core
    // about half of the time.
    const spinners = [0, 1].map(() => spinner(600, 200, ["taskset", "-c", "0"]));
    const measured = spinners[0] as (typeof spinners)[number];
    const { marks } = measured;
    await new Promise((resolve) => setTimeout(resolve, 300)); // both started
    const reader = new ThreadStateReader(measured.child.pid as number);
    try {
      const read = await reader.during(async () => {
        for (const s of spinners) s.child.stdin.write("go\n");
        await measured.idle();
      });
      const busy = marks.get("busy") ?? 0;
      const idle = marks.get("idle") ?? 0;
      expect(read.count).toBeGreaterThan(100);
      const share = runningShare(read, busy + 100_000, idle - 100_000);
      expect(share).toBeGreaterThan(0.2);
      expect(share).toBeLessThan(0.8);
    } finally {
      await reader.close();
      for (const s of spinners) s.child.kill();
      await Promise.all(spinners.map((s) => once(s.child, "exit").catch(() => undefined)));
    }
  });

  it("sees a real process running while it computes and asleep while it waits", async () => {
    // The child waits for "go", spins for 300 ms, then sleeps.
    const { child, marks, idle: spun } = spinner(300, 1000);
    const reader = new ThreadStateReader(child.pid as number);
    try {
      const read = await reader.during(async () => {
        child.stdin.write("go\n");
        await spun();
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      const busy = marks.get("busy") ?? 0;
      const idle = marks.get("idle") ?? 0;
      expect(read.count).toBeGreaterThan(100);
      expect(runningShare(read, busy + 50_000, idle - 50_000)).toBeGreaterThan(0.9);
      expect(runningShare(read, idle + 50_000, idle + 250_000)).toBeLessThan(0.1);
    } finally {
      await reader.close();
      child.kill();
      await once(child, "exit").catch(() => undefined);
    }
  });
});
