import type { DeputyRecord, UnitRecord } from "../../../sheets-schema/tabs/directory";
import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import { byCodePoint } from "../compare-text";
import { type Directory, nameKey } from "../directory";
import { replyRounds } from "../links/reply-rounds";
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

interface Stratum {
  readonly key: string;
  readonly unit: string;
  /** Not visited: what the unit draws from. */
  readonly ids: readonly string[];
  readonly visited: readonly string[];
}

/** The candidates by lead unit (nameKey), in code-point order of the keys, each in 编号 order. */
function strataOf(candidates: readonly SampleCandidate[], visited: ReadonlySet<string>): Stratum[] {
  const groups = new Map<string, { unit: string; ids: string[] }>();
  for (const c of candidates) {
    const key = nameKey(c.unit);
    const group = groups.get(key) ?? { unit: c.unit, ids: [] };
    group.ids.push(c.id);
    groups.set(key, group);
  }
  return [...groups.keys()].sort(byCodePoint).map((key) => {
    const group = groups.get(key) as { unit: string; ids: string[] };
    const all = [...new Set(group.ids)].sort(byCodePoint);
    return {
      key,
      unit: group.unit,
      ids: all.filter((id) => !visited.has(id)),
      visited: all.filter((id) => visited.has(id)),
    };
  });
}

/** How many each unit may draw from (not visited), in the order drawSample takes the units. */
export function stratumSizes(candidates: readonly SampleCandidate[], visited: ReadonlySet<string>): number[] {
  return strataOf(candidates, visited).map((s) => s.ids.length);
}

/** How a draw spreads its size over the units. */
export interface DrawOptions {
  /**
   * 每个主办单位至少抽 1 件: a unit the proportional allocation gives 0 draws 1 all the same when it
   * has a candidate, which makes the sample that much larger than asked; no other unit's count
   * changes. Off (as samples drawn before the option were) leaves the allocation proportional.
   */
  readonly atLeastOne?: boolean;
}

/**
 * Each stratum's quota for a sample of `n`: proportional (allocate), then, with `atLeastOne`, 1 for
 * each stratum that would get 0 and has a candidate.
 */
export function quotasOf(sizes: readonly number[], n: number, options: DrawOptions = {}): number[] {
  const quotas = allocate(sizes, n);
  if (!options.atLeastOne) return quotas;
  return quotas.map((q, i) => (q === 0 && (sizes[i] ?? 0) > 0 ? 1 : q));
}

/** What a draw of `size` from strata of `sizes` asks (sampleSizeOf) and gives (quotasOf's sum). */
export function plannedSize(
  sizes: readonly number[],
  size: SampleSize,
  options: DrawOptions = {},
): { asked: number; total: number; units: number; unitsWithNone: number } {
  const population = sizes.reduce((s, x) => s + x, 0);
  const asked = sampleSizeOf(size, population);
  const quotas = quotasOf(sizes, asked, options);
  return {
    asked,
    total: quotas.reduce((s, x) => s + x, 0),
    units: sizes.filter((x) => x > 0).length,
    unitsWithNone: quotas.filter((q, i) => q === 0 && (sizes[i] ?? 0) > 0).length,
  };
}

/**
 * Draws a stratified random sample: strata are the lead units, sizes proportional to each unit's
 * share of the population. The result depends only on the set of candidates, the size, the options
 * and the seed, never on row order; each unit draws from its own stream (seed + unit), so adding a
 * unit's suggestions does not reshuffle the others, and a unit raised to 1 by `atLeastOne` draws the
 * suggestion its stream would have drawn first.
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
  options: DrawOptions = {},
): SampleDraw {
  const strata = strataOf(candidates, visited);
  const population = strata.reduce((s, g) => s + g.ids.length, 0);
  const quotas = quotasOf(
    strata.map((g) => g.ids.length),
    sampleSizeOf(size, population),
    options,
  );
  const drawn = strata.map((g, i) => ({
    unit: g.unit,
    population: g.ids.length,
    drawn: pick(g.ids, quotas[i] ?? 0, `${seed}\u0000${g.key}`),
    // Left out when none, so a sample with no visited candidate is stored as before.
    ...(g.visited.length > 0 ? { visited: g.visited } : {}),
  }));
  const ids = drawn.flatMap((s) => s.drawn);
  return { seed, population, size: ids.length, strata: drawn, ids };
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

/** The fields of a row the visit form and a sample's progress read (a whole row: facts lack 回访意见). */
export interface VisitRow {
  readonly id: string | null;
  readonly blank?: boolean;
  readonly record: LedgerRecord;
}

/** The first row of each 编号 among `rows` (a 编号 typed on two rows is a 校验问题: the first one speaks). */
function firstRowById<R extends Pick<VisitRow, "id" | "blank">>(rows: readonly R[]): Map<string, R> {
  const byId = new Map<string, R>();
  for (const r of rows) if (!r.blank && r.id && !byId.has(r.id)) byId.set(r.id, r);
  return byId;
}

/** Whether 回访意见 holds more than blanks. */
const hasNotes = (record: Pick<LedgerRecord, "followUpNotes">) => (record.followUpNotes ?? "").trim() !== "";

/** How far a sample's visits have got, as the ledger says after the last sync. */
export interface VisitProgress {
  /** Suggestions the sample drew. */
  readonly drawn: number;
  /**
   * Of them, 回访 = 是 in the ledger (written when the sample was confirmed, read by the next sync):
   * picked for a visit (列入回访), not a visit made, so the line does not say it.
   */
  readonly visited: number;
  /** Of those, 回访意见 typed. */
  readonly noted: number;
  /** Drawn ones no longer in the ledger. */
  readonly gone: number;
}

/**
 * A sample's progress from its drawn 编号 (`ids`) and the ledger's rows that hold them. Pure: the
 * sample's page loads the rows, this counts them.
 */
export function visitProgress(
  ids: readonly string[],
  rows: readonly Pick<VisitRow, "id" | "blank" | "record">[],
): VisitProgress {
  const byId = firstRowById(rows);
  let visited = 0;
  let noted = 0;
  let gone = 0;
  const drawn = [...new Set(ids)];
  for (const id of drawn) {
    const row = byId.get(id);
    if (!row) gone += 1;
    else if (row.record.followUp === true) {
      visited += 1;
      if (hasNotes(row.record)) noted += 1;
    }
  }
  return { drawn: drawn.length, visited, noted, gone };
}

/**
 * The progress in a line: 共抽中 n 件：已填回访意见 y 件（z 件已不在台账中）. 回访 = 是 is what the
 * confirmation wrote (列入回访), so only 回访意见 typed tells of visits made.
 */
export function visitProgressText(p: VisitProgress): string {
  const gone = p.gone > 0 ? `（${p.gone} 件已不在台账中）` : "";
  return `共抽中 ${p.drawn} 件：已填回访意见 ${p.noted} 件${gone}`;
}

/** A unit on the visit form: whom the team may call about the reply. */
export interface UnitContact {
  readonly name: string;
  /** 联系人 and 手机 of 承办单位, "" when blank or when the unit is not in the tab. */
  readonly contact: string;
  readonly phone: string;
  /** False: no unit of 承办单位 has this name (the form says so instead of a contact). */
  readonly listed: boolean;
}

/** One drawn suggestion as the visit form (回访登记表) prints it. */
export interface VisitFormEntry {
  readonly id: string;
  /** Null: the suggestion left the ledger since the draw (only its 编号 and unit are known). */
  readonly found: {
    readonly title: string;
    readonly leadDeputy: string;
    /** 手机 of the lead deputy in 代表, "" when blank or not listed. */
    readonly deputyPhone: string;
    readonly leadUnit: UnitContact;
    readonly coUnits: readonly UnitContact[];
    /** The reply the visit asks about (latestReply). */
    readonly reply: LatestReply;
    /** That reply's 答复内容 (round 2's from the 备注 line intake writes), "" when none. */
    readonly replyContent: string;
    /** That reply has a 答复函 on record (an uploaded file or a link). */
    readonly hasLetter: boolean;
    /** 回访意见 already typed in the ledger, "" when none. */
    readonly followUpNotes: string;
  } | null;
  readonly unit: string;
}

function unitContact(units: Directory<UnitRecord>, name: string): UnitContact {
  const entry = units.find(name);
  return entry
    ? { name, contact: entry.record.contact ?? "", phone: entry.record.phone ?? "", listed: true }
    : { name, contact: "", phone: "", listed: false };
}

/**
 * The visit form's entries, in 承办单位 order (`units.entries`, as the sample's page lists them):
 * the drawn suggestions (`drawn`, each with the unit it was drawn under) with their rows (`rows`,
 * whole), the lead deputy's 手机 from 代表 and each unit's 联系人 and 手机 from 承办单位.
 */
export function visitFormEntries(
  drawn: readonly { readonly id: string; readonly unit: string }[],
  rows: readonly VisitRow[],
  directories: { readonly units: Directory<UnitRecord>; readonly deputies: Directory<DeputyRecord> },
): VisitFormEntry[] {
  const byId = firstRowById(rows);
  const order = directories.units.entries.map((e) => e.name);
  return inUnitOrder(drawn, (d) => d.unit, order).map(({ id, unit }) => {
    const row = byId.get(id);
    if (!row) return { id, unit, found: null };
    const r = row.record;
    const reply = latestReply(r);
    const rounds = replyRounds(r);
    const round =
      reply.round === "二次"
        ? rounds.find((x) => x.label === "二次答复")
        : rounds.find((x) => x.label !== "二次答复");
    const leadUnit = r.leadUnit || unit;
    return {
      id,
      unit,
      found: {
        title: r.title,
        leadDeputy: r.leadDeputy,
        deputyPhone: directories.deputies.find(r.leadDeputy)?.record.phone ?? "",
        leadUnit: unitContact(directories.units, leadUnit),
        coUnits: (r.coUnits ?? []).map((name) => unitContact(directories.units, name)),
        reply,
        replyContent: round?.content ?? "",
        hasLetter: Boolean(round?.letter),
        followUpNotes: hasNotes(r) ? (r.followUpNotes ?? "").trim() : "",
      },
    };
  });
}
