import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import { byCodePoint } from "../compare-text";
import { nameKey } from "../directory";
import { inSecondRound } from "../status";
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

/**
 * Items grouped by unit in 承办单位 order (`order`: the tab's names, as every table by unit lists
 * them), the names that are no unit there after, each kept in the order given (a sample's strata
 * are stored in code-point order, which the draw's reproducibility depends on: only the page and
 * the list handed out are reordered).
 */
export function inUnitOrder<T>(
  items: readonly T[],
  unitOf: (item: T) => string,
  order: readonly string[],
): T[] {
  const rank = new Map(order.map((name, i) => [nameKey(name), i] as const));
  const rankOf = (item: T) => rank.get(nameKey(unitOf(item))) ?? order.length;
  return items
    .map((item, index) => ({ item, index, rank: rankOf(item) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((x) => x.item);
}

/** The ledger fields of both rounds' replies. */
export type ReplyFields = Pick<
  LedgerRecord,
  | "repliedOn"
  | "replyClass"
  | "rating"
  | "reassignedOn"
  | "secondRepliedOn"
  | "secondReplyClass"
  | "secondRating"
>;

/** The reply a follow-up visit asks the deputy about: the latest one, and how the deputy rated it. */
export interface LatestReply {
  readonly round: "首次" | "二次";
  /** 答复日期 (ISO), or "" (a round-1 date that could not be read). */
  readonly repliedOn: string;
  /** A–D as the ledger has it, or "". */
  readonly replyClass: string;
  /** 满意度 of that round, or "" before the deputy rated it. */
  readonly rating: string;
}

/**
 * The latest reply: round 2's once it is answered (二次答复日期 in a round 2 that was opened: status
 * inSecondRound), else round 1's. A round 2 still awaited leaves round 1's reply and its 不满意 as
 * the latest one the deputy can speak of.
 */
export function latestReply(r: ReplyFields): LatestReply {
  if (r.secondRepliedOn && inSecondRound(r))
    return {
      round: "二次",
      repliedOn: r.secondRepliedOn,
      replyClass: r.secondReplyClass ?? "",
      rating: r.secondRating ?? "",
    };
  return {
    round: "首次",
    repliedOn: r.repliedOn ?? "",
    replyClass: r.replyClass ?? "",
    rating: r.rating ?? "",
  };
}

/** One suggestion of a sample's list for the visiting team (null reply: it left the ledger since the draw). */
export interface VisitListRow {
  readonly id: string;
  /** "" when the suggestion left the ledger. */
  readonly title: string;
  readonly leadDeputy: string;
  readonly unit: string;
  readonly reply: LatestReply | null;
  readonly status: string;
  /** 回访 as the sample's page says it: 是, 是（第 N 次抽样）, why it was not written, or "". */
  readonly visit: string;
}

/** The head of a sample's list as a CSV: whom to visit, about which reply, and what the ledger says. */
export const VISIT_LIST_HEAD = [
  "编号",
  "标题",
  "领衔代表",
  "主办单位",
  "答复轮次",
  "答复日期",
  "答复类别",
  "满意度",
  "台账状态",
  "回访",
] as const;

/** A sample's list as a table (the head first), for the CSV the visiting team is handed. */
export function visitListTable(rows: readonly VisitListRow[]): string[][] {
  return [
    [...VISIT_LIST_HEAD],
    ...rows.map((r) => [
      r.id,
      r.title || "（已不在台账中）",
      r.leadDeputy,
      r.unit,
      r.reply ? `${r.reply.round}答复` : "",
      r.reply?.repliedOn ?? "",
      r.reply?.replyClass ?? "",
      r.reply?.rating ?? "",
      r.status,
      r.visit,
    ]),
  ];
}
