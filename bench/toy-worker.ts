/**
 * A toy Worker in a workerd of its own, for the start-up benches (`start-up-heap.ts`,
 * `eager-compile.ts`, `start-up.ts`): its modules are given as text (the first is the entry; nothing
 * is written to their paths under bench/toy/), and workerd's thread clock reads what each request
 * costs.
 */
import path from "node:path";
import { Miniflare } from "miniflare";
import { PROJECT_ROOT } from "../tools/local-paths";
import { threadCpuNs, workerdPid } from "./worker";

/** A module of the toy, by its file name under bench/toy/ and its text. */
export type ToyModules = Readonly<Record<string, string>>;

export interface ToyWorker {
  mf: Miniflare;
  /** CPU of workerd's threads since it started, ms. */
  cpuMs(): number;
}

/** Starts the toy and waits until it is ready; the caller disposes of `mf`. */
export async function startToy(
  modules: ToyModules,
  /** `nodejsCompat` for a bundle of this Worker (it imports node: modules); the toys need none. */
  options: { workerName?: string; inspectorPort?: number; nodejsCompat?: boolean } = {},
): Promise<ToyWorker> {
  const mf = new Miniflare({
    ...(options.inspectorPort ? { inspectorPort: options.inspectorPort } : {}),
    workers: [
      {
        name: options.workerName ?? "toy",
        modules: Object.entries(modules).map(([file, contents]) => ({
          type: "ESModule" as const,
          path: path.join(PROJECT_ROOT, "bench/toy", file),
          contents,
        })),
        modulesRoot: PROJECT_ROOT,
        compatibilityDate: "2026-04-20",
        compatibilityFlags: options.nodejsCompat ? ["nodejs_compat"] : [],
      },
    ],
  });
  await mf.ready;
  const pid = workerdPid();
  return { mf, cpuMs: () => threadCpuNs(pid) / 1e6 };
}

/** The toy's first `count` requests, each its CPU in ms, read by workerd's thread clock. */
export async function requestsCpuMs(toy: ToyWorker, count: number): Promise<number[]> {
  const readings: number[] = [];
  for (let j = 0; j < count; j++) {
    const before = toy.cpuMs();
    await (await toy.mf.dispatchFetch("http://toy/")).text();
    readings.push(toy.cpuMs() - before);
  }
  return readings;
}

/** The median (the upper of the middle two), to a tenth. */
export function medianTenth(xs: readonly number[]): number {
  return Math.round(([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0) * 10) / 10;
}
