import type { EvaluatedLedger, EvaluatedRow } from "../summary/evaluated";
import type { SampleCandidate } from "./sampling";
import { reportYears, yearOfRow } from "./year-report";

/**
 * Whether a row may be drawn for a follow-up visit: 立案, with a lead unit and a round-1 reply
 * (答复日期). Ones already visited (回访 = 是) stay in the population, so the same seed always
 * redraws the same sample. A 编号 typed on two rows (`duplicated`: held by more than one row of the
 * ledger) is left out until staff fix it: 回访 = 是 could not be written to one suggestion by it.
 */
export function mayBeDrawn(row: EvaluatedRow, duplicated: ReadonlySet<string>): boolean {
  return (
    !row.blank &&
    Boolean(row.id) &&
    !duplicated.has(row.id as string) &&
    row.record.review === "立案" &&
    Boolean(row.record.leadUnit) &&
    Boolean(row.record.repliedOn)
  );
}

/** The 编号 held by more than one of the rows (a 编号 to fix before a notice or a sample may name it). */
export function duplicatedIds(rows: readonly EvaluatedRow[]): Set<string> {
  const seen = new Map<string, number>();
  for (const r of rows) if (!r.blank && r.id) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n > 1).map(([id]) => id));
}

/** A suggestion that may be drawn, with the year it was submitted in (null: no 提出日期). */
export type Drawable = readonly [id: string, unit: string, year: number | null];

/**
 * The rows that may be drawn (mayBeDrawn), in sheet order, with their years: what a draw and a
 * sample's page need of the whole ledger (the sync's finish stores it, so they parse no row).
 */
export function drawableOf(rows: readonly EvaluatedRow[], duplicated: ReadonlySet<string>): Drawable[] {
  return rows.flatMap((r) =>
    mayBeDrawn(r, duplicated) ? [[r.id as string, r.record.leadUnit, yearOfRow(r)] as const] : [],
  );
}

/**
 * How many of `drawable` were submitted in each of `years` ("2026") and in all ("all"); a year of
 * `years` none of them was submitted in counts 0.
 */
export function candidateCounts(
  drawable: readonly Drawable[],
  years: readonly number[],
): Record<string, number> {
  const candidates: Record<string, number> = { all: drawable.length };
  for (const year of years) candidates[String(year)] = 0;
  for (const [, , year] of drawable) if (year !== null) candidates[year] = (candidates[year] ?? 0) + 1;
  return candidates;
}

/** The candidates among `drawable`, optionally only those submitted in `year`. */
export function candidatesOf(drawable: readonly Drawable[], year: number | null): SampleCandidate[] {
  return drawable.flatMap(([id, unit, of]) => (year === null || of === year ? [{ id, unit }] : []));
}

/** Suggestions that may be drawn (mayBeDrawn), optionally only those submitted in `year`. */
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

/** How many may be drawn in `year` (null: in any year). */
export function candidatesIn(counts: SamplingCounts, year: number | null): number {
  return counts.candidates[year === null ? "all" : String(year)] ?? 0;
}
