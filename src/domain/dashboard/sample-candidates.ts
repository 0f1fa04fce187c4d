import type { EvaluatedLedger, EvaluatedRow } from "../summary/evaluated";
import type { SampleCandidate } from "./sampling";
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
function markOf(row: EvaluatedRow, duplicated: ReadonlySet<string>): DrawableMark | undefined | null {
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
 * A replied suggestion, with the year it was submitted in (null: no 提出日期) and, when it is not
 * simply one a draw may pick, why (a DrawableMark; figures an older build stored have none).
 */
export type Drawable = readonly [id: string, unit: string, year: number | null, mark?: DrawableMark];

/** A draw may pick it: unmarked, or visited (a draw skips that one itself). */
const isCandidate = (d: Drawable) => d[3] === undefined || d[3] === VISITED;

/**
 * The rows that may be drawn (markOf) and those left out until staff fix them (marked), in
 * sheet order, with their years: what a draw, a sample's page and the form's counts need of the
 * whole ledger (the sync's finish stores it, so they parse no row).
 */
export function drawableOf(rows: readonly EvaluatedRow[], duplicated: ReadonlySet<string>): Drawable[] {
  return rows.flatMap((r): Drawable[] => {
    const mark = markOf(r, duplicated);
    if (mark === null) return [];
    const entry = [r.id as string, r.record.leadUnit, yearOfRow(r)] as const;
    // Unmarked ones (most) stay three long: the list is stored with the figures.
    return [mark === undefined ? entry : [...entry, mark]];
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

/** The candidates among `drawable`, optionally only those submitted in `year`. */
export function candidatesOf(drawable: readonly Drawable[], year: number | null): SampleCandidate[] {
  return drawable.flatMap((d) => {
    const [id, unit, of] = d;
    return isCandidate(d) && (year === null || of === year) ? [{ id, unit }] : [];
  });
}

/**
 * The 编号 visited already: 回访 = 是 as the last sync read the sheet (VISITED), and those confirmed
 * samples wrote 是 to since (`confirmed`: D1 has them at once, the stored rows after the next sync).
 */
export function visitedIds(drawable: readonly Drawable[], confirmed: Iterable<string>): Set<string> {
  const visited = new Set(confirmed);
  for (const [id, , , mark] of drawable) if (mark === VISITED) visited.add(id);
  return visited;
}

/** What the sampling form says of one year (null: all): what may be drawn, and what is not. */
export interface PoolFigures {
  /** Replied suggestions a draw may pick now (not visited). */
  readonly drawable: number;
  /** Replied suggestions skipped because visited already. */
  readonly visited: number;
  /** Rows left out until staff fix them: a 编号 on two rows, an unreadable 答复日期. */
  readonly duplicated: number;
  readonly unreadableReply: number;
}

/** How many of `drawable` submitted in `year` (null: any) a draw may pick, skips, or leaves out. */
export function poolFigures(
  drawable: readonly Drawable[],
  year: number | null,
  visited: ReadonlySet<string>,
): PoolFigures {
  const figures = { drawable: 0, visited: 0, duplicated: 0, unreadableReply: 0 };
  for (const d of drawable) {
    if (year !== null && d[2] !== year) continue;
    if (d[3] === DUPLICATED) figures.duplicated += 1;
    else if (d[3] === UNREADABLE_REPLY) figures.unreadableReply += 1;
    else if (visited.has(d[0])) figures.visited += 1;
    else figures.drawable += 1;
  }
  return figures;
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
