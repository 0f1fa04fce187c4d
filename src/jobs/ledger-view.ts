import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { evaluateLedger, type LedgerEvaluation } from "../domain/evaluate-ledger";
import type { Snapshot } from "../domain/sync/plan-history";
import type { SnapshotStore } from "../store/snapshots";
import type { TabCache } from "../store/tab-cache";

/** The tabs the sync keeps in D1 besides the ledger itself. */
export const CACHED_TABS = [
  TAB_NAMES.units,
  TAB_NAMES.deputies,
  TAB_NAMES.settings,
  TAB_NAMES.templates,
  TAB_NAMES.holidays,
];

export interface LedgerView {
  evaluation: LedgerEvaluation;
  /** The snapshot behind each evaluated row, by 1-based row of the rebuilt ledger. */
  snapshotOfRow: Map<number, Snapshot>;
  removed: Snapshot[];
}

/**
 * Rebuilds the ledger from D1 (suggestions as last seen, in sheet order, plus the cached small tabs)
 * and evaluates it for `today`. Dashboard pages and notice planning use this instead of reading
 * the sheet, so a leader refreshing a page never spends Sheets quota; it is as fresh as the last sync.
 */
export async function loadLedgerView(
  deps: { snapshots: SnapshotStore; tabCache: TabCache },
  today: string,
): Promise<LedgerView> {
  const [all, tabs] = await Promise.all([deps.snapshots.loadAll(), deps.tabCache.loadAll()]);
  const present = [...all.values()]
    .filter((s) => !s.removedAt)
    .sort((a, b) => (a.rowNumber ?? 0) - (b.rowNumber ?? 0));
  // System columns stay blank: evaluateLedger recomputes them for `today`.
  const headers = ledgerTab.columns.map((c) => c.header);
  const rows: unknown[][] = [headers, ...present.map((s) => headers.map((h) => s.staffValues[h] ?? ""))];
  const evaluation = evaluateLedger({ tabs: { ...tabs, [TAB_NAMES.ledger]: rows }, today });
  const snapshotOfRow = new Map(present.map((s, i) => [i + 2, s]));
  return { evaluation, snapshotOfRow, removed: [...all.values()].filter((s) => s.removedAt) };
}
