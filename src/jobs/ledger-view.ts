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
  /** The ledger as the last sync saw it, each row at its sheet row number. */
  evaluation: LedgerEvaluation;
  /** Suggestions that vanished from the sheet (restorable). */
  removed: Snapshot[];
}

/**
 * Rebuilds the ledger from D1 (suggestions as last seen, and the rows that have no snapshot of
 * their own: a 编号 typed twice, or none yet), each at its sheet row, plus the cached small tabs,
 * and evaluates it for `today`. Dashboard pages and notice planning use this instead of reading
 * the sheet, so a leader refreshing a page never spends Sheets quota; it is as fresh as the last
 * sync, and it shows every row the sheet holds, duplicates included.
 */
export async function loadLedgerView(
  deps: { snapshots: SnapshotStore; tabCache: TabCache },
  today: string,
): Promise<LedgerView> {
  const [all, extra, tabs] = await Promise.all([
    deps.snapshots.loadAll(),
    deps.snapshots.extraRows(),
    deps.tabCache.loadAll(),
  ]);
  const headers = ledgerTab.columns.map((c) => c.header);
  const duplicated = new Set(extra.map((r) => r.id));
  const rows: unknown[][] = [headers];
  const late: unknown[][] = [];
  const place = (rowNumber: number | null, values: Record<string, unknown>) => {
    // System columns stay blank: evaluateLedger recomputes them for `today`.
    const cells = headers.map((h) => values[h] ?? "");
    if (rowNumber === null || rowNumber < 2 || rows[rowNumber - 1] !== undefined) late.push(cells);
    else rows[rowNumber - 1] = cells;
  };
  for (const s of all.values()) if (!s.removedAt && !duplicated.has(s.id)) place(s.rowNumber, s.staffValues);
  for (const r of extra) place(r.rowNumber, r.staffValues);
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  rows.push(...late);
  const evaluation = evaluateLedger({ tabs: { ...tabs, [TAB_NAMES.ledger]: rows }, today });
  return { evaluation, removed: [...all.values()].filter((s) => s.removedAt) };
}
