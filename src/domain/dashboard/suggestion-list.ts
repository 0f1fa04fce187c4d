/** Suggestions a page of the list shows. */
export const SUGGESTIONS_PAGE_SIZE = 100;

/**
 * The 年度 filter's choices, latest first: the years the ledger's suggestions were submitted in
 * (year-report.ts's yearOfRow: 年 of 提出日期, the year the report counts them in), and the chosen
 * year too when none was (a link kept from an earlier ledger), so the form still shows what it lists.
 */
export function yearChoices(years: readonly number[], chosen: number | null): number[] {
  const choices = new Set(years);
  if (chosen !== null) choices.add(chosen);
  return [...choices].sort((a, b) => b - a);
}

/** What the list says when nothing matches: a year with no suggestions at all is named as such. */
export function emptyListText(years: readonly number[], year: number | null): string {
  if (year !== null && !years.includes(year)) return `台账中没有 ${year} 年提出的建议。`;
  return "没有符合条件的建议。";
}
