import { byId, type SuggestionRef, suggestionRef, suggestionRows } from "../dashboard/suggestion-ref";
import type { EvaluatedLedger } from "../summary/evaluated";
import type { Assessment, AssessmentRow } from "./assessment";
import { yearOf } from "./assessment";
import { isExcellent } from "./excellent";

/** The draft lists for the 主任会议 (practice.md): 先进承办单位 and 优秀建议 of one year. */
export interface Commendations {
  readonly year: number;
  readonly top: number;
  /**
   * The units ranked within the top N of 单位测评 (a tie at the N-th place brings all who share
   * it), then units 常委会测评 marked 先进单位 outside it, flagged.
   */
  readonly units: readonly { readonly row: AssessmentRow; readonly inTop: boolean }[];
  /** The year's 优秀建议 (isExcellent: 立案 and marked 是), in 编号 order. */
  readonly suggestions: readonly SuggestionRef[];
}

/** The default N of 先进承办单位 when the query gives none. */
export const DEFAULT_TOP = 5;

export function commendations(
  assessment: Assessment,
  top: number,
  /** The year's 优秀建议 (excellentSuggestions). */
  suggestions: readonly SuggestionRef[],
): Commendations {
  const units = assessment.rows.flatMap((row) => {
    const inTop = row.rank !== null && row.rank <= top;
    return inTop || row.advanced ? [{ row, inTop }] : [];
  });
  return { year: assessment.year, top, units, suggestions };
}

/** The 优秀建议 of `year` (isExcellent), in 编号 order. */
export function excellentSuggestions(evaluation: EvaluatedLedger, year: number): SuggestionRef[] {
  return suggestionRows(evaluation)
    .filter((r) => isExcellent(r.record) && yearOf(r.record) === year)
    .map((r) => suggestionRef(r, evaluation.today))
    .sort(byId);
}
