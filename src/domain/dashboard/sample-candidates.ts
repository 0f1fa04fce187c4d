import type { EvaluatedLedger } from "../summary/evaluated";
import type { SampleCandidate } from "./sampling";
import { yearOfRow } from "./year-report";

/**
 * Suggestions that may be drawn for a follow-up visit: 立案, with a lead unit and a round-1 reply
 * (答复日期), optionally only those submitted in `year`. Ones already visited (回访 = 是) stay in the
 * population, so the same seed always redraws the same sample. A 编号 typed on two rows is left out
 * until staff fix it: 回访 = 是 could not be written to one suggestion by it.
 */
export function sampleCandidates(evaluation: EvaluatedLedger, year: number | null): SampleCandidate[] {
  const seen = new Map<string, number>();
  for (const r of evaluation.rows) if (!r.blank && r.id) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
  return evaluation.rows
    .filter(
      (r) =>
        !r.blank &&
        r.id &&
        seen.get(r.id) === 1 &&
        r.record.review === "立案" &&
        r.record.leadUnit &&
        r.record.repliedOn &&
        (year === null || yearOfRow(r) === year),
    )
    .map((r) => ({ id: r.id as string, unit: r.record.leadUnit }));
}
