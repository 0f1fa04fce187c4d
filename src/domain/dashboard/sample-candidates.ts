import { serialFromIso } from "../civil-date";
import type { EvaluatedLedger, EvaluatedRow } from "../summary/evaluated";
import { latestReply, type SampleCandidate, stratumSizes } from "./sampling";
import { reportYears, yearOfRow } from "./year-report";

const REPLIED_ON = "答复日期";

const isFiled = (row: EvaluatedRow) =>
  !row.blank && Boolean(row.id) && row.record.review === "立案" && Boolean(row.record.leadUnit);

/** The 答复日期 was typed but could not be read (an 错误 on that cell): the row counts as unreplied. */
const hasUnreadableReply = (row: EvaluatedRow) =>
  Boolean(row.unreadable?.[REPLIED_ON]) ||
  row.problems.some((p) => p.level === "错误" && p.column === REPLIED_ON);

/** 回访 = 是 in the sheet: a draw skips it, the form counts it as visited. */
export const VISITED = 1;
/** Replied, but its 编号 is on another row too: left out of every draw until staff fix it. */
export const DUPLICATED = 2;
/** 立案 with a lead unit, but its 答复日期 could not be read (an 错误): left out until fixed. */
export const UNREADABLE_REPLY = 3;
export type DrawableMark = typeof VISITED | typeof DUPLICATED | typeof UNREADABLE_REPLY;

/**
 * Whether and how a row may be drawn for a follow-up visit: one 立案, with a lead unit and a round-1
 * reply (答复日期) may (undefined). Ones already visited (回访 = 是) stay among them, marked
 * (VISITED): a draw skips them and lists them in the sample, so the same seed still redraws the same
 * sample later. A 编号 typed on two rows (`duplicated`: held by more than one row of the ledger) is
 * left out until staff fix it, since 回访 = 是 could not be written to one suggestion by it; so is a
 * 答复日期 that could not be read. Null: no replied suggestion at all (nothing to say of it).
 */
function rowMarkOf(row: EvaluatedRow, duplicated: ReadonlySet<string>): DrawableMark | undefined | null {
  if (!isFiled(row)) return null;
  if (!row.record.repliedOn) return hasUnreadableReply(row) ? UNREADABLE_REPLY : null;
  if (duplicated.has(row.id as string)) return DUPLICATED;
  return row.record.followUp === true ? VISITED : undefined;
}

/** The 编号 held by more than one of the rows (a 编号 to fix before a notice or a sample may name it). */
export function duplicatedIds(rows: readonly EvaluatedRow[]): Set<string> {
  const seen = new Map<string, number>();
  for (const r of rows) if (!r.blank && r.id) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n > 1).map(([id]) => id));
}

/**
 * A replied suggestion, with the year it was submitted in (null: no 提出日期), whether a draw may
 * pick it, and the 答复日期 of its latest reply (latestReply: round 2's once answered, as a sheet
 * serial: five digits, where an ISO date would take twelve), which a draw's 答复日期 range reads:
 *
 * - `[id, unit, year, serial]`: one a draw may pick (most: the list is stored with the figures);
 * - `[id, unit, year, VISITED, serial]`: 回访 = 是, skipped by a draw itself;
 * - `[id, unit, year, DUPLICATED | UNREADABLE_REPLY]`: left out until staff fix it.
 *
 * A mark is 1–3 and a serial of 2000–2100 far above, so the fourth element tells which it is.
 * Figures an older build stored have no serial: `[id, unit, year]` and `[id, unit, year, mark]`.
 */
export type Drawable = readonly [
  id: string,
  unit: string,
  year: number | null,
  markOrReply?: number,
  reply?: number,
];

/** The entry's mark (DrawableMark), undefined for one a draw may simply pick. */
export const markOf = (d: Drawable): DrawableMark | undefined =>
  d[3] !== undefined && d[3] <= UNREADABLE_REPLY ? (d[3] as DrawableMark) : undefined;

/** The serial of the entry's latest 答复日期 (undefined: stored by an older build, or no candidate). */
const replySerialOf = (d: Drawable): number | undefined =>
  d[3] !== undefined && d[3] > UNREADABLE_REPLY ? d[3] : d[4];

/** A draw may pick it: unmarked, or visited (a draw skips that one itself). */
const isCandidate = (d: Drawable) => {
  const mark = markOf(d);
  return mark === undefined || mark === VISITED;
};

/** 答复日期 from … to (ISO, either end open: null), both ends included. */
export interface ReplyRange {
  readonly from: string | null;
  readonly to: string | null;
}

/** No range: every 答复日期. */
export const ANY_REPLY: ReplyRange = { from: null, to: null };

const isOpen = (range: ReplyRange) => range.from === null && range.to === null;

/**
 * Whether a candidate's latest 答复日期 lies in `range` (one whose date an older build did not store:
 * never, unless the range is open). The ends are turned into serials once.
 */
function repliedIn(range: ReplyRange): (d: Drawable) => boolean {
  if (isOpen(range)) return () => true;
  const from = range.from === null ? -Infinity : serialFromIso(range.from);
  const to = range.to === null ? Infinity : serialFromIso(range.to);
  return (d) => {
    const on = replySerialOf(d);
    return on !== undefined && on >= from && on <= to;
  };
}

/**
 * Whether every candidate has its 答复日期 stored: false while the figures are an older build's
 * (until the next sync), when a draw by 答复日期 would find none.
 */
export const replyDatesKnown = (drawable: readonly Drawable[]): boolean =>
  drawable.every((d) => !isCandidate(d) || replySerialOf(d) !== undefined);

/**
 * The rows that may be drawn (markOf) and those left out until staff fix them (marked), in
 * sheet order, with their years: what a draw, a sample's page and the form's counts need of the
 * whole ledger (the sync's finish stores it, so they parse no row).
 */
export function drawableOf(rows: readonly EvaluatedRow[], duplicated: ReadonlySet<string>): Drawable[] {
  return rows.flatMap((r): Drawable[] => {
    const mark = rowMarkOf(r, duplicated);
    if (mark === null) return [];
    const entry = [r.id as string, r.record.leadUnit, yearOfRow(r)] as const;
    // Rows left out until fixed need no date.
    if (mark === DUPLICATED || mark === UNREADABLE_REPLY) return [[...entry, mark]];
    const reply = serialFromIso(latestReply(r.record).repliedOn);
    // A date that is none (never: rowMarkOf asked for one) is stored as an older build stored it.
    if (Number.isNaN(reply)) return [mark === VISITED ? [...entry, mark] : entry];
    return [mark === VISITED ? [...entry, mark, reply] : [...entry, reply]];
  });
}

/**
 * How many of `drawable` were submitted in each of `years` ("2026") and in all ("all"); a year of
 * `years` none of them was submitted in counts 0.
 */
export function candidateCounts(
  drawable: readonly Drawable[],
  years: readonly number[],
): Record<string, number> {
  const candidates: Record<string, number> = { all: 0 };
  for (const year of years) candidates[String(year)] = 0;
  for (const d of drawable) {
    if (!isCandidate(d)) continue;
    candidates.all = (candidates.all ?? 0) + 1;
    const year = d[2];
    if (year !== null) candidates[year] = (candidates[year] ?? 0) + 1;
  }
  return candidates;
}

/**
 * The candidates among `drawable`, optionally only those submitted in `year` and those whose latest
 * 答复日期 lies in `range`.
 */
export function candidatesOf(
  drawable: readonly Drawable[],
  year: number | null,
  range: ReplyRange = ANY_REPLY,
): SampleCandidate[] {
  const within = repliedIn(range);
  return drawable.flatMap((d) => {
    const [id, unit, of] = d;
    return isCandidate(d) && (year === null || of === year) && within(d) ? [{ id, unit }] : [];
  });
}

/**
 * The 编号 visited already: 回访 = 是 as the last sync read the sheet (VISITED), and those confirmed
 * samples wrote 是 to since (`confirmed`: D1 has them at once, the stored rows after the next sync;
 * leave out those staff set back, visitsTakenBack).
 */
export function visitedIds(drawable: readonly Drawable[], confirmed: Iterable<string>): Set<string> {
  const visited = new Set(confirmed);
  for (const d of drawable) if (markOf(d) === VISITED) visited.add(d[0]);
  return visited;
}

/** A confirmed sample's 回访 = 是 on one 编号: the sample that wrote it last, and when it was confirmed. */
export interface ConfirmedVisit {
  readonly sample: number;
  /** ISO instant of that confirmation (the latest of the samples that wrote 是 to this 编号). */
  readonly at: string;
}

/**
 * 编号 a confirmed sample wrote 回访 = 是 to that staff have set back by hand since (否, or blank,
 * which reads as 否): the stored row says not 是 (`visitedNow` false) and was read by a sync that
 * began after the confirmation (`readSince`: when the last completed sync began; null when no
 * completed sync is known to be the last, e.g. one is running). Until such a sync the stored row
 * still has 回访 as it was before the confirmation, so none is taken back.
 *
 * Such a suggestion counts as not visited: the sheet is where staff keep 回访 (the year report and
 * a sample's progress read it), so a draw may pick it again, and its sample's page says so.
 */
export function visitsTakenBack(
  stored: Iterable<readonly [id: string, visitedNow: boolean]>,
  confirmed: ReadonlyMap<string, ConfirmedVisit>,
  readSince: string | null,
): Set<string> {
  const back = new Set<string>();
  if (readSince === null) return back;
  for (const [id, visitedNow] of stored) {
    const visit = confirmed.get(id);
    if (visit && !visitedNow && visit.at < readSince) back.add(id);
  }
  return back;
}

/** The candidates as the last sync stored them, with whether 回访 = 是 then (for visitsTakenBack). */
export const storedVisits = (drawable: readonly Drawable[]): [string, boolean][] =>
  drawable.filter(isCandidate).map((d) => [d[0], markOf(d) === VISITED]);

/** What the sampling form says of one year (null: all): what may be drawn, and what is not. */
export interface PoolFigures {
  /** Replied suggestions a draw may pick now (not visited). */
  readonly drawable: number;
  /** Replied suggestions skipped because visited already. */
  readonly visited: number;
  /** Of those, 回访 = 是 typed by hand in the sheet (no confirmed sample wrote it): 手工标记. */
  readonly handMarked?: number;
  /** Rows left out until staff fix them: a 编号 on two rows, an unreadable 答复日期. */
  readonly duplicated: number;
  readonly unreadableReply: number;
  /** How many each lead unit may draw from, in the draw's unit order (stratumSizes). */
  readonly strata?: readonly number[];
}

/**
 * How many of `drawable` submitted in `year` (null: any) and replied in `range` a draw may pick,
 * skips, or leaves out (those rows to fix have no date: counted whatever the range). `confirmed`:
 * the 编号 confirmed samples wrote 是 to, so that the rest of the visited are told apart as 手工标记.
 */
export function poolFigures(
  drawable: readonly Drawable[],
  year: number | null,
  visited: ReadonlySet<string>,
  more: { readonly range?: ReplyRange; readonly confirmed?: ReadonlySet<string> } = {},
): PoolFigures {
  const range = more.range ?? ANY_REPLY;
  const within = repliedIn(range);
  const figures = { drawable: 0, visited: 0, handMarked: 0, duplicated: 0, unreadableReply: 0 };
  for (const d of drawable) {
    if (year !== null && d[2] !== year) continue;
    const mark = markOf(d);
    if (mark === DUPLICATED) figures.duplicated += 1;
    else if (mark === UNREADABLE_REPLY) figures.unreadableReply += 1;
    else if (!within(d)) continue;
    else if (visited.has(d[0])) {
      figures.visited += 1;
      if (mark === VISITED && !more.confirmed?.has(d[0])) figures.handMarked += 1;
    } else figures.drawable += 1;
  }
  return { ...figures, strata: stratumSizes(candidatesOf(drawable, year, range), visited) };
}

/** Suggestions that may be drawn (markOf; visited ones too), optionally only those submitted in `year`. */
export function sampleCandidates(evaluation: EvaluatedLedger, year: number | null): SampleCandidate[] {
  return candidatesOf(drawableOf(evaluation.rows, duplicatedIds(evaluation.rows)), year);
}

/** What the sampling form states: the years with suggestions, and how many may be drawn in each and in all. */
export interface SamplingCounts {
  /** reportYears: latest first. */
  readonly years: readonly number[];
  /** By year ("2026") and "all". */
  readonly candidates: Readonly<Record<string, number>>;
}

/** The sampling form's figures (the sync's finish stores them, so the form parses no row). */
export function samplingCounts(evaluation: EvaluatedLedger): SamplingCounts {
  const years = reportYears(evaluation);
  const drawable = drawableOf(evaluation.rows, duplicatedIds(evaluation.rows));
  return { years, candidates: candidateCounts(drawable, years) };
}
