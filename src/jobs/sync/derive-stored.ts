import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { isDuplicatedId } from "../../domain/evaluate-chunk";
import { contactsById } from "../../domain/figures/contacts-part";
import { derivePart } from "../../domain/summary/derive-part";
import { factsOf } from "../../domain/summary/summary-row";
import type { SummaryStore } from "../../store/summary-store";
import type { TabCache } from "../../store/tab-cache";
import type { SyncContext } from "./sync-context";

/** The 编号 of these that the plan saw on more than one row of the ledger (a duplicate to fix). */
export function duplicatedIn(context: Pick<SyncContext, "ids">, ids: readonly string[]): Set<string> {
  return new Set(ids.filter((id) => isDuplicatedId(context.ids, id)));
}

/**
 * Works out what derives from a part's stored rows (its index, list entries, share of the figures
 * and export lines) when the part lacks it: a sync step of its own after the chunk that stored
 * the rows (runChunk's deriveLater), so neither step carries both. The same inputs as the chunk's
 * (the run's day and 编号 index, the 沟通记录 rows of the part's 编号, which D1 picks); the rows
 * come back from D1 as pages load them. False when the part lacks nothing (a retry, done already).
 */
export async function deriveStored(
  deps: { summaries: SummaryStore; tabCache: TabCache },
  context: Pick<SyncContext, "ids" | "today">,
  part: number,
): Promise<boolean> {
  const lacking = await deps.summaries.loadLacking(part);
  if (!lacking) return false;
  const ids = lacking.rows.flatMap((row) => (row.i ? [row.i] : []));
  const practice = await deps.tabCache.loadRowsOf([TAB_NAMES.contacts], ids);
  const derived = derivePart(
    lacking.rows,
    lacking.rows.map(factsOf),
    context.today,
    duplicatedIn(context, ids),
    contactsById(practice[TAB_NAMES.contacts]),
  );
  await deps.summaries.saveDerived(part, lacking.hash, derived);
  return true;
}
