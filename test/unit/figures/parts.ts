import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import type { EvaluatedLedger } from "../../../src/domain/summary/evaluated";
import { ledgerFromSummary, storedRows } from "../../../src/domain/summary/ledger-summary";
import { factsOf, loadFacts, type SummaryRow } from "../../../src/domain/summary/summary-row";

/** A ledger as the sync stores it: the whole view the finish builds, and its rows cut into parts. */
export interface StoredLedger {
  /** The ledger as the finish sees it (every part's facts, the small tabs), problems as given. */
  readonly view: EvaluatedLedger & { rows: readonly SummaryRow[] };
  /** The same rows, cut into parts of `size` rows in sheet order, as a chunk loads its own facts. */
  parts(size: number): SummaryRow[][];
}

/**
 * Evaluates the tabs for `today` and stores the rows as the sync does (facts), so a test can
 * compare figures worked out from every row with figures merged from each part's share.
 */
export function storedLedger(
  tabs: Parameters<typeof evaluateLedger>[0]["tabs"],
  today: string,
): StoredLedger {
  const evaluation = evaluateLedger({ tabs, today });
  const facts = storedRows(evaluation).map(factsOf);
  const view = ledgerFromSummary({ rows: facts, tabs, today, problems: evaluation.problems });
  return {
    view,
    parts(size) {
      const out: SummaryRow[][] = [];
      for (let i = 0; i < facts.length; i += size) out.push(facts.slice(i, i + size).map(loadFacts));
      return out;
    },
  };
}

/** A value as it comes back from D1: JSON and back (a part's figures are stored as JSON text). */
export function throughJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The part sizes every merge test tries: one row per part, odd cuts, one part for all. */
export const PART_SIZES = [1, 7, 100, 100_000] as const;
