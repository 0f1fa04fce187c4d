import {
  candidateCounts,
  type Drawable,
  drawableOf,
  type SamplingCounts,
} from "../dashboard/sample-candidates";
import { yearsOfRows } from "../dashboard/year-report";
import type { EvaluatedRow } from "../summary/evaluated";

/**
 * The sampling form's counts (samplingCounts) worked out part by part: each sync chunk counts its
 * own candidates, and the finish adds the parts up.
 */

/**
 * A part's share: its rows' years (latest first) and its candidates by year ("2026") and "all",
 * as samplingCounts would give for these rows alone, except that a 编号 is judged against the
 * whole ledger (one typed on two rows anywhere is no candidate); and those candidates themselves
 * (drawableOf), for a draw.
 */
export type SamplingPart = SamplingCounts & { readonly drawable: readonly Drawable[] };

/** One part's years and candidates; `duplicated` holds the 编号 on more than one row of the ledger. */
export function samplingPart(rows: readonly EvaluatedRow[], duplicated: ReadonlySet<string>): SamplingPart {
  const years = yearsOfRows(rows);
  const drawable = drawableOf(rows, duplicated);
  return { years, candidates: candidateCounts(drawable, years), drawable };
}

/** Every part's candidates in part order: drawableOf the whole ledger. */
export function mergeDrawable(parts: readonly SamplingPart[]): Drawable[] {
  return parts.flatMap((p) => p.drawable);
}

/** The sampling form's counts from every part's share, as samplingCounts gives them. */
export function mergeSampling(parts: readonly SamplingPart[]): SamplingCounts {
  const years = [...new Set(parts.flatMap((p) => p.years))].sort((a, b) => b - a);
  const sum = (key: string) => parts.reduce((n, p) => n + (p.candidates[key] ?? 0), 0);
  const candidates: Record<string, number> = { all: sum("all") };
  for (const year of years) candidates[String(year)] = sum(String(year));
  return { years, candidates };
}
