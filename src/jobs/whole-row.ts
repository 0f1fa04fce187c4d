import { loadRow, type SummaryRow } from "../domain/summary/summary-row";
import type { SummaryStore } from "../store/summary-store";
import { CHUNK_ROWS } from "./sync/plan-run";

/**
 * One row whole (its long texts, 答复函, every date), picked by D1 from the one stored part that
 * holds its sheet row (the sync stores a part per chunk of CHUNK_ROWS rows): the page parses one
 * row, not the part's hundred.
 * Null when that part does not hold it (the ledger moved meanwhile): the caller shows the facts.
 */
export async function loadWholeRow(
  summaries: SummaryStore,
  row: Pick<SummaryRow, "rowNumber" | "id">,
): Promise<SummaryRow | null> {
  const part = Math.floor((row.rowNumber - 2) / CHUNK_ROWS);
  const stored = await summaries.loadPartRow(part, row.rowNumber);
  return stored && (stored.i ?? null) === row.id ? loadRow(stored) : null;
}
