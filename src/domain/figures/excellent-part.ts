import { byId, type SuggestionRef, suggestionRef } from "../dashboard/suggestion-ref";
import { yearOf } from "../evaluation/assessment";
import { isExcellent } from "../evaluation/excellent";
import type { EvaluatedRow } from "../summary/evaluated";

/**
 * One part's share of the 优秀建议 lists (a plain JSON value, stored with the part): its 优秀建议
 * (isExcellent: 立案 and marked 是) by year (they are few). The years listed are 单位测评's (mergeAssessmentYears).
 */
export interface ExcellentPart {
  /** The part's 优秀建议 by year (the year as text, a JSON key), in sheet order. */
  readonly byYear: Readonly<Partial<Record<string, readonly SuggestionRef[]>>>;
}

/** The part's share of the 优秀建议 lists, from its rows as evaluated for `today`. */
export function excellentPart(rows: readonly EvaluatedRow[], today: string): ExcellentPart {
  const byYear: Partial<Record<string, SuggestionRef[]>> = {};
  for (const row of rows) {
    const year = row.blank ? null : yearOf(row.record);
    // As excellentSuggestions: a suggestion (a row with a 编号) that isExcellent.
    if (year === null || !row.id || !isExcellent(row.record)) continue;
    const ref = suggestionRef(row, today);
    const list = byYear[year];
    if (list) list.push(ref);
    else byYear[year] = [ref];
  }
  return { byYear };
}

/**
 * Each of `years`' 优秀建议 in 编号 order, as the finish stores them (excellentSuggestions of each
 * year), from every part's share in sheet order.
 */
export function mergeExcellent(
  parts: readonly ExcellentPart[],
  years: readonly number[],
): Record<number, SuggestionRef[]> {
  return Object.fromEntries(
    years.map((year) => [year, parts.flatMap((part) => part.byYear[year] ?? []).sort(byId)]),
  );
}
