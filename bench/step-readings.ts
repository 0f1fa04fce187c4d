import type { InvocationFigures } from "./free-plan";

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * The readings of the same invocations over many runs, by name, for the step benches (sync, intake,
 * a page) that compare two builds by medians: one reading swings up to 3× on this VM.
 */
export class StepReadings {
  private readonly byName = new Map<
    string,
    { bench: number[]; profiler: number[]; capped: number[]; d1RowsRead: number }
  >();

  /** `name` maps an invocation's name to its row (e.g. a chunk's "(3/20)" dropped). */
  add(figures: readonly InvocationFigures[], name: (what: string) => string = (what) => what): void {
    for (const f of figures) {
      const key = name(f.what);
      const seen = this.byName.get(key) ?? { bench: [], profiler: [], capped: [], d1RowsRead: 0 };
      seen.bench.push(f["CPU ms (Worker)"]);
      seen.profiler.push(f["CPU ms (profiler)"]);
      seen.capped.push(f["CPU ms (profiler, capped)"]);
      seen.d1RowsRead = f["D1 rows read"];
      this.byName.set(key, seen);
    }
  }

  /** Each row's medians: the bench's reading, V8's profiler alone and the capped estimate. */
  print(): void {
    console.table(
      [...this.byName].map(([what, r]) => ({
        what,
        readings: r.bench.length,
        "CPU ms (median)": median(r.bench),
        "profiler alone (median)": median(r.profiler),
        "capped estimate (median)": median(r.capped),
        "D1 rows read (last)": r.d1RowsRead,
        "all readings": r.bench.join(" "),
      })),
    );
  }
}
