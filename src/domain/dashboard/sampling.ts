import { byCodePoint } from "../compare-text";
import { nameKey } from "../directory";
import { randomIndex, seededRandom } from "./prng";

/** A suggestion that may be drawn for a follow-up visit (回访). */
export interface SampleCandidate {
  readonly id: string;
  readonly unit: string;
}

/** How many to draw: a number of suggestions, or a share of the population in percent. */
export type SampleSize =
  | { readonly kind: "count"; readonly count: number }
  | { readonly kind: "share"; readonly percent: number };

export interface SampleStratum {
  readonly unit: string;
  readonly population: number;
  /** 编号 drawn from this unit, in 编号 order. */
  readonly drawn: readonly string[];
  /**
   * 编号 of this unit left out of `population` because they were visited already (回访 = 是, or in a
   * confirmed sample), in 编号 order: kept so that the same seed redraws the sample later. Absent
   * when none was (and on samples drawn before visited ones were skipped).
   */
  readonly visited?: readonly string[];
}

export interface SampleDraw {
  readonly seed: string;
  readonly population: number;
  readonly size: number;
  /** One stratum per lead unit, in unit-name order (code points, so every runtime agrees). */
  readonly strata: readonly SampleStratum[];
  /** Every drawn 编号, stratum by stratum. */
  readonly ids: readonly string[];
}

/** The sample size for a population: a share is rounded half up, and never rounds a non-empty draw to 0. */
export function sampleSizeOf(size: SampleSize, population: number): number {
  if (population === 0) return 0;
  if (size.kind === "count") return Math.min(size.count, population);
  const exact = (population * size.percent) / 100;
  return Math.min(population, Math.max(1, Math.round(exact)));
}

/**
 * Proportional allocation by largest remainders (Hamilton): each stratum gets floor(n·Nᵢ/N), and the
 * seats left go to the largest remainders, ties to the larger stratum, then the earlier one.
 * Integer arithmetic only, so no float rounding can change a sample.
 */
export function allocate(stratumSizes: readonly number[], n: number): number[] {
  const total = stratumSizes.reduce((s, x) => s + x, 0);
  if (total === 0) return stratumSizes.map(() => 0);
  const base = stratumSizes.map((size) => Math.floor((n * size) / total));
  let left = n - base.reduce((s, x) => s + x, 0);
  const order = stratumSizes
    .map((size, index) => ({ index, size, remainder: (n * size) % total }))
    .sort((a, b) => b.remainder - a.remainder || b.size - a.size || a.index - b.index);
  for (const { index } of order) {
    if (left === 0) break;
    base[index] = (base[index] ?? 0) + 1;
    left -= 1;
  }
  return base;
}

/** k of `ids` (already in 编号 order) by a partial Fisher–Yates shuffle driven by the seeded PRNG. */
function pick(ids: readonly string[], k: number, seed: string): string[] {
  const pool = [...ids];
  const random = seededRandom(seed);
  for (let i = 0; i < k; i++) {
    const j = i + randomIndex(random, pool.length - i);
    [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
  }
  return pool.slice(0, k).sort(byCodePoint);
}

/**
 * Draws a stratified random sample: strata are the lead units, sizes proportional to each unit's
 * share of the population. The result depends only on the set of candidates, the size and the seed,
 * never on row order; each unit draws from its own stream (seed + unit), so adding a unit's
 * suggestions does not reshuffle the others.
 *
 * Candidates in `visited` are not drawn and not counted in the population (a deputy is not visited
 * twice about one suggestion): each stratum lists them, and a unit whose every candidate was visited
 * still has its stratum (population 0), so the page can say why it drew none there.
 */
export function drawSample(
  candidates: readonly SampleCandidate[],
  size: SampleSize,
  seed: string,
  visited: ReadonlySet<string> = new Set(),
): SampleDraw {
  const groups = new Map<string, { unit: string; ids: string[] }>();
  for (const c of candidates) {
    const key = nameKey(c.unit);
    const group = groups.get(key) ?? { unit: c.unit, ids: [] };
    group.ids.push(c.id);
    groups.set(key, group);
  }
  const keys = [...groups.keys()].sort(byCodePoint);
  const strata = keys.map((key) => {
    const group = groups.get(key) as { unit: string; ids: string[] };
    const all = [...new Set(group.ids)].sort(byCodePoint);
    return {
      key,
      unit: group.unit,
      ids: all.filter((id) => !visited.has(id)),
      visited: all.filter((id) => visited.has(id)),
    };
  });
  const population = strata.reduce((s, g) => s + g.ids.length, 0);
  const n = sampleSizeOf(size, population);
  const quotas = allocate(
    strata.map((g) => g.ids.length),
    n,
  );
  const drawn = strata.map((g, i) => ({
    unit: g.unit,
    population: g.ids.length,
    drawn: pick(g.ids, quotas[i] ?? 0, `${seed}\u0000${g.key}`),
    // Left out when none, so a sample with no visited candidate is stored as before.
    ...(g.visited.length > 0 ? { visited: g.visited } : {}),
  }));
  return { seed, population, size: n, strata: drawn, ids: drawn.flatMap((s) => s.drawn) };
}
