import type { FactTuple } from "../summary/summary-row";
import { compareIds } from "./suggestion-ref";

/** Suggestions a page of the list shows. */
export const SUGGESTIONS_PAGE_SIZE = 100;

/**
 * The whole list (no status, no search) cut into its pages: the facts of every row with a 编号, in
 * 编号 order (sheet order among equal ones), as the list's D1 query orders them; the sync's finish
 * stores these so the list's first page view after a sync parses a hundred rows and D1 reads one.
 */
export function listPages(facts: readonly FactTuple[]): FactTuple[][] {
  const listed = facts
    .filter((tuple) => typeof tuple[1] === "string" && tuple[1] !== "")
    // Stable: equal 编号 keep their sheet order.
    .sort((a, b) => compareIds(a[1] as string, b[1] as string));
  const pages: FactTuple[][] = [];
  for (let at = 0; at < listed.length; at += SUGGESTIONS_PAGE_SIZE)
    pages.push(listed.slice(at, at + SUGGESTIONS_PAGE_SIZE));
  return pages;
}
