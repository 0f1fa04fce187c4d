import type { Sighting } from "../../domain/notices/catch-up";
import {
  type FieldChange,
  type HistoryRow,
  planHistory,
  type Snapshot,
  valuesHash,
} from "../../domain/sync/plan-history";
import { type OverwrittenCell, putBackChanges, typedOver } from "../../domain/sync/typed-system-cells";
import type { ClearedAsked, SnapshotBrief, SnapshotStore } from "../../store/snapshots";

/** What keeping the history found: system cells typed over, and the clearings asked about. */
export interface KeptHistory {
  typedOver: OverwrittenCell[];
  /**
   * The cells of `cleared` seen cleared since its `since`: by earlier syncs (the audit trail, in the
   * briefs' query) and by this one (its own audit rows, not written yet when the briefs are read).
   */
  cleared: Sighting[];
}

/** This sync's own clearings of the cells asked about, as the audit trail will hold them. */
function clearedNow(audits: readonly FieldChange[], asked: ClearedAsked | undefined, at: string): Sighting[] {
  if (!asked || asked.ids.length === 0) return [];
  const ids = new Set(asked.ids);
  return audits.flatMap((a) =>
    ids.has(a.suggestionId) && asked.cells.includes(a.column) && a.oldValue && !a.newValue
      ? [{ id: a.suggestionId, cell: a.column, at, before: a.oldValue, after: "" }]
      : [],
  );
}

/** A chunk's rows as the last sync left them: every snapshot's digest, and the differing ones whole. */
export interface LastSeen {
  /** Of the 编号 asked (those with a snapshot), with the clearings of `cleared`. */
  readonly briefs: ReadonlyMap<string, SnapshotBrief>;
  /** The snapshots whose digest differs from the row's values (or that have none, or vanished). */
  readonly loaded: ReadonlyMap<string, Snapshot>;
  readonly cleared?: ClearedAsked;
}

/**
 * valuesHash of a row, once per row object: lastSeen digests a chunk's rows before the writes and
 * keepHistory is given the same objects after them (run-chunk reuses a row nothing changed in), so
 * a chunk digests its rows once (a few hundred microseconds to a millisecond for a hundred rows).
 */
const digests = new WeakMap<HistoryRow, string>();
function digestOf(row: HistoryRow): string {
  let hash = digests.get(row);
  if (hash === undefined) {
    hash = valuesHash(row);
    digests.set(row, hash);
  }
  return hash;
}

/** Whether a row's snapshot must be loaded whole: its values differ from the row's (or are unknown). */
const differs = (brief: SnapshotBrief, row: HistoryRow) => brief.removed || brief.hash !== digestOf(row);

/**
 * Reads what the last sync kept of a chunk's rows (its rows with a 编号 of their own, as evaluated,
 * before any write), in keepHistory's two queries: the digests (with the clearings asked), then the
 * snapshots of the rows whose values differ. Read before the writes, so the chunk can compare a
 * column with what was stored (shifted-column.ts) without a query of its own.
 */
export async function lastSeen(
  snapshots: SnapshotStore,
  rows: readonly HistoryRow[],
  cleared?: ClearedAsked,
): Promise<LastSeen> {
  const briefs = await snapshots.briefs(
    rows.map((r) => r.id),
    cleared,
  );
  const toLoad = rows.flatMap((r) => {
    const brief = briefs.get(r.id);
    return brief && differs(brief, r) ? [r.id] : [];
  });
  return { briefs, loaded: await snapshots.loadMany(toLoad), cleared };
}

/**
 * Keeps the history of a chunk's rows in D1: a row whose values match its snapshot's digest is
 * left alone (or only its new row number noted); only the others are loaded whole and compared
 * field by field for the audit trail. A quiet chunk so reads 200 digests, not 200 snapshots.
 * What lastSeen read before the writes is used: only a row whose values changed since (a system
 * cell whose write was held) has its snapshot loaded here; a 编号 the chunk handed out has none
 * (the allocator never hands a number out twice, and one staff typed raises its floor).
 *
 * Of the system cells the chunk wrote over (`overwritten`), those a person had typed into are kept
 * in the audit trail and returned (typedOver). What the sync last wrote there is the snapshot's
 * system values, known without another query: a row whose digest matches has them equal to its
 * new ones, and any other row's snapshot is loaded whole already.
 *
 * With `seen.cleared`, the briefs' query gave those cells' recent clearings (a reply cleared:
 * reply-cleared.ts), so each sync of the grace tells staff again without a query of its own.
 */
export async function keepHistory(
  snapshots: SnapshotStore,
  rows: readonly HistoryRow[],
  /** Every 编号 the chunk's rows hold (a duplicated one included). */
  idsHere: readonly string[],
  /** Changes the sync itself made (values put back after a sort), for the audit trail. */
  systemChanges: readonly FieldChange[],
  at: string,
  overwritten: readonly OverwrittenCell[],
  seen: LastSeen,
): Promise<KeptHistory> {
  const { briefs, cleared } = seen;
  const seenCleared = [...briefs.values()].flatMap((b) => b.cleared ?? []);
  const toCompare: HistoryRow[] = [];
  const moved: { id: string; rowNumber: number }[] = [];
  const rehashed: { id: string; hash: string }[] = [];
  const unchanged = new Map<string, HistoryRow>();
  for (const row of rows) {
    const brief = briefs.get(row.id);
    const hash = digestOf(row);
    if (brief && !brief.removed && brief.hash === hash) {
      unchanged.set(row.id, row);
      if (brief.rowNumber !== row.rowNumber) moved.push({ id: row.id, rowNumber: row.rowNumber });
      continue;
    }
    toCompare.push(row);
    if (brief && brief.hash === null) rehashed.push({ id: row.id, hash });
  }
  const more = toCompare.flatMap((r) => (!seen.loaded.has(r.id) && briefs.has(r.id) ? [r.id] : []));
  const loaded =
    more.length === 0 ? seen.loaded : new Map([...seen.loaded, ...(await snapshots.loadMany(more))]);
  const history = planHistory(toCompare, loaded, new Set(idsHere));
  // A vanished suggestion's row put back holds whatever the restore wrote: no last write to go by.
  const typed = typedOver(overwritten, (id) => {
    const snapshot = loaded.get(id);
    return (
      unchanged.get(id)?.systemValues ?? (snapshot && !snapshot.removedAt ? snapshot.systemValues : null)
    );
  });
  const audits = [...history.audits, ...systemChanges, ...putBackChanges(typed)];
  const kept = { typedOver: typed, cleared: [...seenCleared, ...clearedNow(history.audits, cleared, at)] };
  if (history.upserts.length + history.seen.length + audits.length + moved.length + rehashed.length === 0)
    return kept;
  await snapshots.apply({
    ...history,
    seen: [...history.seen, ...moved],
    removedIds: [],
    audits,
    rehashed,
    seenAt: at,
    syncId: null,
  });
  return kept;
}
