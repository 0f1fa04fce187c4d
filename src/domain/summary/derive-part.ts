import { csvLinesWithEnds } from "../dashboard/csv";
import { ledgerExportRow } from "../dashboard/ledger-export";
import { listEntry } from "../dashboard/suggestion-ref";
import type { ContactsById } from "../figures/contacts-part";
import { type PartShares, partFigures, sharesOf } from "../figures/part-figures";
import { rowIndex } from "./row-index";
import { type FactTuple, loadFacts, loadRow, type StoredSummaryRow } from "./summary-row";

/** What a part stores besides its rows and facts, all worked out from them (SummaryPart.derive). */
export interface DerivedPart {
  /** The rows as lines of the ledger export (CSV, no header). */
  csv: string;
  /**
   * Where each row's line ends in `csv`'s UTF-8 bytes (JSON array, in the rows' order). Absent (a
   * test's hand-made part): a filtered export then splits the lines itself.
   */
  csvEnds?: string;
  /** Which rows hold each 编号 and concern each unit, deputy and leader (rowIndex, JSON). */
  rowIndex: string;
  /** The part's share of the dashboard's figures, group by group: the finish and the steps after it add them up. */
  shares: PartShares;
  /** Each row's list entry (listEntry, JSON; null for a row without 编号), in the rows' order. */
  refs: string;
}

/**
 * A part's index, figures, list entries and export lines, from its rows as pages load them (so a
 * download joins text, with days left as of `today`).
 */
export function derivePart(
  stored: readonly StoredSummaryRow[],
  facts: readonly FactTuple[],
  today: string,
  duplicated: ReadonlySet<string>,
  contacts: ContactsById | null,
): DerivedPart {
  const loaded = facts.map(loadFacts);
  const lines = csvLinesWithEnds(stored.map((row) => ledgerExportRow(loadRow(row), today)));
  return {
    rowIndex: JSON.stringify(rowIndex(loaded)),
    shares: sharesOf(partFigures(loaded, today, duplicated, contacts)),
    refs: JSON.stringify(loaded.map((row) => listEntry(row, today))),
    csv: lines.text,
    csvEnds: JSON.stringify(lines.ends),
  };
}
