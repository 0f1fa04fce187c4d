import { type FieldChange, type HistoryRow, planHistory, valuesHash } from "../../domain/sync/plan-history";
import type { SnapshotStore } from "../../store/snapshots";

/**
 * Keeps the history of a chunk's rows in D1: a row whose values match its snapshot's digest is
 * left alone (or only its new row number noted); only the others are loaded whole and compared
 * field by field for the audit trail. A quiet chunk so reads 200 digests, not 200 snapshots.
 */
export async function keepHistory(
  snapshots: SnapshotStore,
  rows: readonly HistoryRow[],
  /** Every 编号 the chunk's rows hold (a duplicated one included). */
  idsHere: readonly string[],
  /** Changes the sync itself made (values put back after a sort), for the audit trail. */
  systemChanges: readonly FieldChange[],
  at: string,
): Promise<void> {
  const briefs = await snapshots.briefs(rows.map((r) => r.id));
  const toCompare: HistoryRow[] = [];
  const moved: { id: string; rowNumber: number }[] = [];
  const rehashed: { id: string; hash: string }[] = [];
  for (const row of rows) {
    const brief = briefs.get(row.id);
    const hash = valuesHash(row);
    if (brief && !brief.removed && brief.hash === hash) {
      if (brief.rowNumber !== row.rowNumber) moved.push({ id: row.id, rowNumber: row.rowNumber });
      continue;
    }
    toCompare.push(row);
    if (brief && brief.hash === null) rehashed.push({ id: row.id, hash });
  }
  const history = planHistory(
    toCompare,
    await snapshots.loadMany(toCompare.map((r) => r.id)),
    new Set(idsHere),
  );
  if (
    history.upserts.length + history.seen.length + history.audits.length + moved.length + rehashed.length ===
      0 &&
    systemChanges.length === 0
  )
    return;
  await snapshots.apply({
    ...history,
    seen: [...history.seen, ...moved],
    removedIds: [],
    audits: [...history.audits, ...systemChanges],
    rehashed,
    seenAt: at,
    syncId: null,
  });
}
