import type { CellMap, FieldChange, HistoryPlan, Snapshot } from "../domain/sync/plan-history";
import { runInChunks } from "./d1-batch";

export interface SnapshotChanges extends HistoryPlan {
  seenAt: string;
  syncId: number | null;
}

/** Every suggestion as last seen in the sheet, and its audit trail. */
export interface SnapshotStore {
  loadAll(): Promise<Map<string, Snapshot>>;
  load(id: string): Promise<Snapshot | null>;
  apply(changes: SnapshotChanges): Promise<void>;
  markRestored(id: string, seenAt: string): Promise<void>;
  history(id: string): Promise<(FieldChange & { seenAt: string })[]>;
}

interface SnapshotRow {
  id: string;
  staff_values: string;
  system_values: string;
  row_number: number | null;
  removed_at: string | null;
}

const toSnapshot = (r: SnapshotRow): Snapshot => ({
  id: r.id,
  staffValues: JSON.parse(r.staff_values) as CellMap,
  systemValues: JSON.parse(r.system_values) as CellMap,
  rowNumber: r.row_number,
  removedAt: r.removed_at,
});

export function createSnapshotStore(db: D1Database): SnapshotStore {
  return {
    async loadAll() {
      const { results } = await db
        .prepare("SELECT id, staff_values, system_values, row_number, removed_at FROM suggestions")
        .all<SnapshotRow>();
      return new Map(results.map((r) => [r.id, toSnapshot(r)]));
    },
    async load(id) {
      const row = await db
        .prepare(
          "SELECT id, staff_values, system_values, row_number, removed_at FROM suggestions WHERE id = ?1",
        )
        .bind(id)
        .first<SnapshotRow>();
      return row ? toSnapshot(row) : null;
    },
    async apply(c) {
      const upsert = db.prepare(
        `INSERT INTO suggestions (id, staff_values, system_values, row_number, first_seen_at, last_seen_at, removed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5, NULL)
         ON CONFLICT (id) DO UPDATE SET staff_values = excluded.staff_values, system_values = excluded.system_values,
           row_number = excluded.row_number, last_seen_at = excluded.last_seen_at, removed_at = NULL`,
      );
      const seen = db.prepare("UPDATE suggestions SET row_number = ?2, last_seen_at = ?3 WHERE id = ?1");
      const audit = db.prepare(
        `INSERT INTO audit_trail (suggestion_id, column_name, old_value, new_value, seen_at, sync_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
      );
      const removed = db.prepare(
        "UPDATE suggestions SET removed_at = ?2 WHERE id = ?1 AND removed_at IS NULL",
      );
      await runInChunks(db, [
        ...c.upserts.map((u) =>
          upsert.bind(
            u.id,
            JSON.stringify(u.staffValues),
            JSON.stringify(u.systemValues),
            u.rowNumber,
            c.seenAt,
          ),
        ),
        ...c.seen.map((s) => seen.bind(s.id, s.rowNumber, c.seenAt)),
        ...c.audits.map((a) =>
          audit.bind(a.suggestionId, a.column, a.oldValue, a.newValue, c.seenAt, c.syncId),
        ),
        ...c.removedIds.map((id) => removed.bind(id, c.seenAt)),
      ]);
    },
    async markRestored(id, seenAt) {
      await db
        .prepare("UPDATE suggestions SET removed_at = NULL, last_seen_at = ?2 WHERE id = ?1")
        .bind(id, seenAt)
        .run();
    },
    async history(id) {
      const { results } = await db
        .prepare(
          `SELECT suggestion_id, column_name, old_value, new_value, seen_at FROM audit_trail
           WHERE suggestion_id = ?1 ORDER BY seq`,
        )
        .bind(id)
        .all<{
          suggestion_id: string;
          column_name: string;
          old_value: string | null;
          new_value: string | null;
          seen_at: string;
        }>();
      return results.map((r) => ({
        suggestionId: r.suggestion_id,
        column: r.column_name,
        oldValue: r.old_value,
        newValue: r.new_value,
        seenAt: r.seen_at,
      }));
    },
  };
}
