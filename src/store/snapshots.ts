import { EARLY_FILL_MARK, type Sighting } from "../domain/notices/catch-up";
import {
  type CellMap,
  type FieldChange,
  type HistoryPlan,
  type Snapshot,
  valuesHash,
} from "../domain/sync/plan-history";
import { jsonCell, jsonRowSlices, runInChunks } from "./d1-batch";

export interface SnapshotChanges extends HistoryPlan {
  seenAt: string;
  syncId: number | null;
  /** Snapshots kept before values were digested, given their digest (their values are unchanged). */
  rehashed?: { id: string; hash: string }[];
}

/** What a sync needs to know of a snapshot before loading it whole. */
export interface SnapshotBrief {
  /** valuesHash of its values; null for a snapshot kept before digests were. */
  hash: string | null;
  rowNumber: number | null;
  removed: boolean;
  /** The cells of ClearedAsked seen cleared (absent: none, or not asked). */
  cleared?: Sighting[];
}

/** The clearings `briefs` is asked about: of these cells of these 编号, seen at or after `since`. */
export interface ClearedAsked {
  readonly ids: readonly string[];
  readonly cells: readonly string[];
  readonly since: string;
}

export type RestoreClaim =
  | { ok: true }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "not_removed" }
  | { ok: false; reason: "claimed"; row: number | null; at: string };

/** Every suggestion as last seen in the sheet, and its audit trail. */
export interface SnapshotStore {
  loadAll(): Promise<Map<string, Snapshot>>;
  /** The snapshots of these 编号 (those that have one). */
  loadMany(ids: readonly string[]): Promise<Map<string, Snapshot>>;
  /**
   * The digests of these 编号's snapshots (those that have one), without their values; with
   * `cleared`, in the same query, the last clearing of each of its cells at or after its `since` of
   * its 编号 (as filledSince gives them: a reply cleared lately, reply-cleared.ts).
   */
  briefs(ids: readonly string[], cleared?: ClearedAsked): Promise<Map<string, SnapshotBrief>>;
  /**
   * The 编号 with a snapshot that has not vanished and are not among `held` (the 编号 the sheet
   * holds): the suggestions that vanished since. D1 compares, so the sync's finish sends the sheet's
   * 编号 once and reads back only the few that went, not every snapshot's 编号.
   */
  presentIdsNotIn(held: readonly string[]): Promise<string[]>;
  /** How many snapshots have not vanished (counted in D1's index of them). */
  presentCount(): Promise<number>;
  load(id: string): Promise<Snapshot | null>;
  /** Snapshots of suggestions that vanished from the sheet (restorable), newest removal first. */
  removed(): Promise<Snapshot[]>;
  /**
   * The snapshots still in the sheet whose 标题 contains one of `titles`, by row: the few that may be
   * a vanished suggestion under a new 编号 (renumbered.ts decides). D1 narrows them, so the finish
   * and a vanished suggestion's page parse a handful of snapshots, not 2,000.
   */
  presentWithTitlesLike(titles: readonly string[]): Promise<Snapshot[]>;
  apply(changes: SnapshotChanges): Promise<void>;
  /** Changes made outside a sync's view of the sheet: forms, the dashboard, the system's own repairs. */
  record(changes: readonly FieldChange[], at: string): Promise<void>;
  /** Claims a vanished suggestion for one restore; a second claim of the same removal is refused. */
  claimRestore(id: string, at: string, by: string | null): Promise<RestoreClaim>;
  /** The claimed restore is in the sheet at this row (the next sync takes it from there). */
  restored(id: string, row: number): Promise<void>;
  /** The claimed restore failed: free the claim so it can be tried again. */
  releaseRestore(id: string): Promise<void>;
  /** claimRestore of several in one statement: the 编号 this call won (the others are not vanished or claimed). */
  claimRestores(ids: readonly string[], at: string, by: string | null): Promise<string[]>;
  /** restored of several in one statement. */
  restoredMany(rows: readonly { id: string; row: number }[]): Promise<void>;
  /** releaseRestore of several in one statement. */
  releaseRestores(ids: readonly string[]): Promise<void>;
  /** Staff confirm a vanished suggestion was deleted on purpose; false when it has not vanished. */
  confirmRemoval(id: string, at: string, by: string | null): Promise<boolean>;
  history(id: string): Promise<(FieldChange & { seenAt: string })[]>;
  /**
   * When these suggestions' `cells` were last seen filled from blank (审查意见: set to 立案), and
   * when a suggestion was first seen (cell "*"), at or after `since`: ISO instants. Nothing seen in
   * the office's first `settleDays` days counts (the ledger was being brought in: its old dates must
   * not send old notices), but changes to `namedCells` made after the first sync (a 领办领导 named, a
   * 主办单位 replaced: catch-up.ts NAMED_AFTER_FIRST_SYNC). Each change to one of `listCells` that kept it filled comes
   * with its text before and after (a name added to 协办单位). The last clearing of each of
   * `clearedCells` at or after `since` (settling or not: it holds notices, sends none) comes with its
   * text before and "" after (a reply cleared: reply-cleared.ts). The last filling of each of
   * `earlyFills` from the first sync on, settling or not, comes as `cell + EARLY_FILL_MARK` (a
   * 主办单位 typed ahead of 交办日期: catch-up.ts ASSIGNMENT_FILLED). One query, D1's index on the
   * audit trail by suggestion.
   */
  filledSince(
    ids: readonly string[],
    cells: readonly string[],
    since: string,
    settleDays: number,
    listCells?: readonly string[],
    namedCells?: readonly string[],
    clearedCells?: readonly string[],
    earlyFills?: readonly string[],
  ): Promise<Sighting[]>;
}

interface SnapshotRow {
  id: string;
  staff_values: string;
  system_values: string;
  row_number: number | null;
  first_seen_at: string;
  removed_at: string | null;
  restore_claimed_at: string | null;
  restored_row: number | null;
  removal_confirmed_at: string | null;
  removal_confirmed_by: string | null;
}

const COLUMNS =
  "id, staff_values, system_values, row_number, first_seen_at, removed_at, restore_claimed_at, restored_row, removal_confirmed_at, removal_confirmed_by";

/** A restore claimed after the row vanished is still in force (a later removal can be restored again). */
function restoreOf(r: SnapshotRow): Snapshot["restore"] {
  if (!r.removed_at || !r.restore_claimed_at || r.restore_claimed_at < r.removed_at) return null;
  return { at: r.restore_claimed_at, row: r.restored_row };
}

/** A confirmation made after the row vanished (one from an earlier removal does not carry over). */
function confirmationOf(r: SnapshotRow): Snapshot["removalConfirmed"] {
  if (!r.removed_at || !r.removal_confirmed_at || r.removal_confirmed_at < r.removed_at) return null;
  return { at: r.removal_confirmed_at, by: r.removal_confirmed_by };
}

/**
 * Where staff_values keeps the office's own columns (附加列), nested: a key no header can be (a
 * header is trimmed text, never starting with NUL), so no migration is needed and SQL reading the
 * contract's cells ($.标题) sees them as before.
 */
const EXTRA_KEY = "\u0000附加列";

/** staff_values as stored: the staff cells, and the 附加列 under EXTRA_KEY when one is filled. */
function staffValuesText(row: { staffValues: CellMap; extraValues?: CellMap }): string {
  const extra = row.extraValues;
  if (!extra || Object.keys(extra).length === 0) return JSON.stringify(row.staffValues);
  return JSON.stringify({ ...row.staffValues, [EXTRA_KEY]: extra });
}

/** The staff cells and the 附加列 of stored staff_values (staffValuesText). */
function staffValuesOf(text: string): Pick<Snapshot, "staffValues" | "extraValues"> {
  const { [EXTRA_KEY]: extra, ...staffValues } = JSON.parse(text) as Record<string, unknown>;
  return extra && typeof extra === "object"
    ? { staffValues: staffValues as CellMap, extraValues: extra as CellMap }
    : { staffValues: staffValues as CellMap };
}

const toSnapshot = (r: SnapshotRow): Snapshot => ({
  id: r.id,
  ...staffValuesOf(r.staff_values),
  systemValues: JSON.parse(r.system_values) as CellMap,
  rowNumber: r.row_number,
  firstSeenAt: r.first_seen_at,
  removedAt: r.removed_at,
  restore: restoreOf(r),
  removalConfirmed: confirmationOf(r),
});

/** Stale claims (a Worker died mid-restore) expire, so the restore can be tried again. */
const CLAIM_TTL_MS = 2 * 60_000;

export function createSnapshotStore(db: D1Database): SnapshotStore {
  // Each statement writes the rows of one jsonRowSlices slice (?1); ?2 is when they were seen.
  const upsertMany = db.prepare(
    `INSERT INTO suggestions (id, staff_values, system_values, row_number, first_seen_at, last_seen_at, removed_at, values_hash)
     SELECT ${jsonCell(0)}, ${jsonCell(1)}, ${jsonCell(2)}, ${jsonCell(3)}, ?2, ?2, NULL, ${jsonCell(4)}
     FROM json_each(?1) AS e WHERE true ORDER BY e.key
     ON CONFLICT (id) DO UPDATE SET staff_values = excluded.staff_values, system_values = excluded.system_values,
       row_number = excluded.row_number, last_seen_at = excluded.last_seen_at, removed_at = NULL,
       values_hash = excluded.values_hash`,
  );
  const rehashMany = db.prepare(
    `UPDATE suggestions SET values_hash = j.hash
     FROM (SELECT ${jsonCell(0)} AS id, ${jsonCell(1)} AS hash FROM json_each(?1) AS e) AS j
     WHERE suggestions.id = j.id`,
  );
  const seenMany = db.prepare(
    `UPDATE suggestions SET row_number = j.row_number, last_seen_at = ?2
     FROM (SELECT ${jsonCell(0)} AS id, ${jsonCell(1)} AS row_number FROM json_each(?1) AS e) AS j
     WHERE suggestions.id = j.id`,
  );
  const removedMany = db.prepare(
    `UPDATE suggestions SET removed_at = ?2
     WHERE id IN (SELECT ${jsonCell(0)} FROM json_each(?1) AS e) AND removed_at IS NULL`,
  );
  return {
    async loadAll() {
      const { results } = await db.prepare(`SELECT ${COLUMNS} FROM suggestions`).all<SnapshotRow>();
      return new Map(results.map((r) => [r.id, toSnapshot(r)]));
    },
    async loadMany(ids) {
      if (ids.length === 0) return new Map();
      const { results } = await db
        .prepare(`SELECT ${COLUMNS} FROM suggestions WHERE id IN (SELECT value FROM json_each(?1))`)
        .bind(JSON.stringify(ids))
        .all<SnapshotRow>();
      return new Map(results.map((r) => [r.id, toSnapshot(r)]));
    },
    async briefs(ids, cleared) {
      if (ids.length === 0) return new Map();
      // The clearings ride on the briefs' query (rows with a `cell`): a chunk asks D1 once.
      const { results } = await db
        .prepare(
          `SELECT id, values_hash, row_number, removed_at, NULL AS cell, NULL AS before, NULL AS at
           FROM suggestions WHERE id IN (SELECT value FROM json_each(?1))
           UNION ALL
           SELECT suggestion_id, NULL, NULL, NULL, column_name, old_value, max(seen_at) FROM audit_trail
           WHERE suggestion_id IN (SELECT value FROM json_each(?2))
             AND column_name IN (SELECT value FROM json_each(?3)) AND seen_at >= ?4
             AND coalesce(old_value, '') <> '' AND coalesce(new_value, '') = ''
           GROUP BY suggestion_id, column_name`,
        )
        .bind(
          JSON.stringify(ids),
          JSON.stringify(cleared?.ids ?? []),
          JSON.stringify(cleared?.cells ?? []),
          cleared?.since ?? "",
        )
        .all<{
          id: string;
          values_hash: string | null;
          row_number: number | null;
          removed_at: string | null;
          cell: string | null;
          before: string | null;
          at: string | null;
        }>();
      const out = new Map<string, SnapshotBrief>();
      for (const r of results)
        if (r.cell === null)
          out.set(r.id, { hash: r.values_hash, rowNumber: r.row_number, removed: r.removed_at !== null });
      for (const r of results) {
        const brief = r.cell === null ? undefined : out.get(r.id);
        if (!brief) continue;
        const sighting = {
          id: r.id,
          cell: r.cell as string,
          at: r.at as string,
          before: r.before ?? "",
          after: "",
        };
        brief.cleared = [...(brief.cleared ?? []), sighting];
      }
      return out;
    },
    async presentIdsNotIn(held) {
      const { results } = await db
        .prepare(
          "SELECT id FROM suggestions WHERE removed_at IS NULL AND id NOT IN (SELECT value FROM json_each(?1))",
        )
        .bind(JSON.stringify(held))
        .all<{ id: string }>();
      return results.map((r) => r.id);
    },
    async presentCount() {
      const row = await db
        .prepare("SELECT COUNT(*) AS n FROM suggestions WHERE removed_at IS NULL")
        .first<{ n: number }>();
      return row?.n ?? 0;
    },
    async removed() {
      const { results } = await db
        .prepare(`SELECT ${COLUMNS} FROM suggestions WHERE removed_at IS NOT NULL ORDER BY removed_at DESC`)
        .all<SnapshotRow>();
      return results.map(toSnapshot);
    },
    async presentWithTitlesLike(titles) {
      if (titles.length === 0) return [];
      // instr, not equality: the cell may carry spaces the match trims (a number is compared as text).
      const { results } = await db
        .prepare(
          `SELECT ${COLUMNS} FROM suggestions
           WHERE removed_at IS NULL AND EXISTS (SELECT 1 FROM json_each(?1)
             WHERE instr(CAST(json_extract(staff_values, '$.标题') AS TEXT), json_each.value) > 0)
           ORDER BY row_number`,
        )
        .bind(JSON.stringify(titles))
        .all<SnapshotRow>();
      return results.map(toSnapshot);
    },
    async load(id) {
      const row = await db
        .prepare(`SELECT ${COLUMNS} FROM suggestions WHERE id = ?1`)
        .bind(id)
        .first<SnapshotRow>();
      return row ? toSnapshot(row) : null;
    },
    async apply(c) {
      const upserts = c.upserts.map((u) => [
        u.id,
        staffValuesText(u),
        JSON.stringify(u.systemValues),
        u.rowNumber,
        valuesHash(u),
      ]);
      await runInChunks(db, [
        ...jsonRowSlices(upserts).map((rows) => upsertMany.bind(rows, c.seenAt)),
        ...jsonRowSlices((c.rehashed ?? []).map((r) => [r.id, r.hash])).map((rows) => rehashMany.bind(rows)),
        ...jsonRowSlices(c.seen.map((s) => [s.id, s.rowNumber])).map((rows) => seenMany.bind(rows, c.seenAt)),
        ...auditStatements(db, c.audits, c.seenAt, c.syncId),
        ...jsonRowSlices(c.removedIds.map((id) => [id])).map((rows) => removedMany.bind(rows, c.seenAt)),
      ]);
    },
    async record(changes, at) {
      if (changes.length === 0) return;
      await runInChunks(db, auditStatements(db, changes, at, null));
    },
    async claimRestore(id, at, by) {
      // One statement: of parallel restores exactly one sees the suggestion unclaimed.
      const stale = new Date(Date.parse(at) - CLAIM_TTL_MS).toISOString();
      const won = await db
        .prepare(
          `UPDATE suggestions SET restore_claimed_at = ?2, restore_claimed_by = ?3, restored_row = NULL
           WHERE id = ?1 AND removed_at IS NOT NULL
             AND (restore_claimed_at IS NULL OR restore_claimed_at < removed_at
                  OR (restored_row IS NULL AND restore_claimed_at < ?4))
           RETURNING id`,
        )
        .bind(id, at, by, stale)
        .first<{ id: string }>();
      if (won) return { ok: true };
      const row = await db
        .prepare(`SELECT ${COLUMNS} FROM suggestions WHERE id = ?1`)
        .bind(id)
        .first<SnapshotRow>();
      if (!row) return { ok: false, reason: "not_found" };
      if (!row.removed_at) return { ok: false, reason: "not_removed" };
      return { ok: false, reason: "claimed", row: row.restored_row, at: row.restore_claimed_at ?? at };
    },
    async restored(id, row) {
      await db.prepare("UPDATE suggestions SET restored_row = ?2 WHERE id = ?1").bind(id, row).run();
    },
    async claimRestores(ids, at, by) {
      if (ids.length === 0) return [];
      const stale = new Date(Date.parse(at) - CLAIM_TTL_MS).toISOString();
      const { results } = await db
        .prepare(
          `UPDATE suggestions SET restore_claimed_at = ?2, restore_claimed_by = ?3, restored_row = NULL
           WHERE id IN (SELECT value FROM json_each(?1)) AND removed_at IS NOT NULL
             AND (restore_claimed_at IS NULL OR restore_claimed_at < removed_at
                  OR (restored_row IS NULL AND restore_claimed_at < ?4))
           RETURNING id`,
        )
        .bind(JSON.stringify(ids), at, by, stale)
        .all<{ id: string }>();
      return results.map((r) => r.id);
    },
    async restoredMany(rows) {
      if (rows.length === 0) return;
      await db
        .prepare(
          `UPDATE suggestions SET restored_row = j.row
           FROM (SELECT ${jsonCell(0)} AS id, ${jsonCell(1)} AS row FROM json_each(?1) AS e) AS j
           WHERE suggestions.id = j.id`,
        )
        .bind(JSON.stringify(rows.map((r) => [r.id, r.row])))
        .run();
    },
    async releaseRestores(ids) {
      if (ids.length === 0) return;
      await db
        .prepare(
          `UPDATE suggestions SET restore_claimed_at = NULL, restore_claimed_by = NULL
           WHERE id IN (SELECT value FROM json_each(?1))`,
        )
        .bind(JSON.stringify(ids))
        .run();
    },
    async confirmRemoval(id, at, by) {
      const done = await db
        .prepare(
          `UPDATE suggestions SET removal_confirmed_at = ?2, removal_confirmed_by = ?3
           WHERE id = ?1 AND removed_at IS NOT NULL RETURNING id`,
        )
        .bind(id, at, by)
        .first<{ id: string }>();
      return done !== null;
    },
    async releaseRestore(id) {
      await db
        .prepare("UPDATE suggestions SET restore_claimed_at = NULL, restore_claimed_by = NULL WHERE id = ?1")
        .bind(id)
        .run();
    },
    async filledSince(
      ids,
      cells,
      since,
      settleDays,
      listCells = [],
      namedCells = [],
      clearedCells = [],
      earlyFills = [],
    ) {
      if (ids.length === 0) return [];
      // A cell of namedCells counts from the first sync on (`named`): the sync records no change
      // of a row it sees for the first time, so whatever the trail holds was done after it.
      const { results } = await db
        .prepare(
          `WITH first AS (SELECT started_at FROM sync_runs ORDER BY id LIMIT 1),
           settled AS (
             SELECT max(?2, coalesce(
               (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', started_at, '+' || ?4 || ' days') FROM first),
               ?2)) AS at,
             max(?2, coalesce((SELECT strftime('%Y-%m-%dT%H:%M:%fZ', started_at) FROM first), ?2)) AS named)
           SELECT suggestion_id AS id, column_name AS cell, max(seen_at) AS at, NULL AS before, NULL AS after
           FROM audit_trail, settled
           WHERE suggestion_id IN (SELECT value FROM json_each(?1))
             AND seen_at >= (CASE WHEN column_name IN (SELECT value FROM json_each(?6)) THEN settled.named ELSE settled.at END)
             AND ((column_name IN (SELECT value FROM json_each(?3)) AND coalesce(old_value, '') = '')
               OR (column_name = '审查意见' AND new_value = '立案'))
           GROUP BY suggestion_id, column_name
           UNION ALL
           SELECT suggestion_id, column_name, seen_at, old_value, new_value FROM audit_trail, settled
           WHERE suggestion_id IN (SELECT value FROM json_each(?1))
             AND seen_at >= (CASE WHEN column_name IN (SELECT value FROM json_each(?6)) THEN settled.named ELSE settled.at END)
             AND column_name IN (SELECT value FROM json_each(?5))
             AND coalesce(old_value, '') <> '' AND coalesce(new_value, '') <> ''
           UNION ALL
           SELECT suggestion_id, column_name, max(seen_at), old_value, '' FROM audit_trail
           WHERE suggestion_id IN (SELECT value FROM json_each(?1)) AND seen_at >= ?2
             AND column_name IN (SELECT value FROM json_each(?7))
             AND coalesce(old_value, '') <> '' AND coalesce(new_value, '') = ''
           GROUP BY suggestion_id, column_name
           UNION ALL
           SELECT suggestion_id, column_name || ?9, max(seen_at), NULL, NULL FROM audit_trail, settled
           WHERE suggestion_id IN (SELECT value FROM json_each(?1)) AND seen_at >= settled.named
             AND column_name IN (SELECT value FROM json_each(?8)) AND coalesce(old_value, '') = ''
           GROUP BY suggestion_id, column_name
           UNION ALL
           SELECT id, '*' AS cell, first_seen_at AS at, NULL, NULL FROM suggestions, settled
           WHERE id IN (SELECT value FROM json_each(?1)) AND first_seen_at >= settled.at`,
        )
        .bind(
          JSON.stringify(ids),
          since,
          JSON.stringify(cells),
          settleDays,
          JSON.stringify(listCells),
          JSON.stringify(namedCells),
          JSON.stringify(clearedCells),
          JSON.stringify(earlyFills),
          EARLY_FILL_MARK,
        )
        .all<{ id: string; cell: string; at: string; before: string | null; after: string | null }>();
      return results.map(({ id, cell, at, before, after }) =>
        before === null || after === null ? { id, cell, at } : { id, cell, at, before, after },
      );
    },
    async history(id) {
      const { results } = await db
        .prepare(
          `SELECT suggestion_id, column_name, old_value, new_value, seen_at, source, actor, note
           FROM audit_trail WHERE suggestion_id = ?1 ORDER BY seq`,
        )
        .bind(id)
        .all<AuditRow>();
      return results.map((r) => auditEntry(r, "sheet"));
    },
  };
}

/**
 * The audit rows of `changes`, in order, a statement per slice of consecutive changes of the same
 * kind (seen in the sheet, or made by a form, the dashboard or the system). A change the sync sees in
 * the sheet that a form, the dashboard or the system already recorded (it wrote that very value last)
 * is not recorded again as a staff edit: the history keeps who really made it. One statement reads
 * the trail as it was before it ran, so the changes it is checked against (the other kinds) are
 * written by the statements before it.
 */
function auditStatements(
  db: D1Database,
  changes: readonly FieldChange[],
  at: string,
  syncId: number | null,
): D1PreparedStatement[] {
  const statement = db.prepare(
    `INSERT INTO audit_trail (suggestion_id, column_name, old_value, new_value, seen_at, sync_id, source, actor, note)
     SELECT ${jsonCell(0)}, ${jsonCell(1)}, ${jsonCell(2)}, ${jsonCell(3)}, ?2, ?3, ${jsonCell(4)}, ${jsonCell(5)}, ${jsonCell(6)}
     FROM json_each(?1) AS e
     WHERE ${jsonCell(4)} != 'sheet' OR NOT EXISTS (
       SELECT 1 FROM audit_trail a
       WHERE a.suggestion_id = ${jsonCell(0)} AND a.column_name = ${jsonCell(1)} AND a.source != 'sheet'
         AND a.new_value IS ${jsonCell(3)}
         AND a.seq = (SELECT MAX(b.seq) FROM audit_trail b WHERE b.suggestion_id = ${jsonCell(0)} AND b.column_name = ${jsonCell(1)}))
     ORDER BY e.key`,
  );
  const runs: unknown[][][] = [];
  let lastSheet: boolean | null = null;
  for (const a of changes) {
    const source = a.source ?? "sheet";
    const row = [a.suggestionId, a.column, a.oldValue, a.newValue, source, a.actor ?? null, a.note ?? null];
    if (lastSheet === (source === "sheet")) runs.at(-1)?.push(row);
    else runs.push([row]);
    lastSheet = source === "sheet";
  }
  return runs.flatMap((rows) => jsonRowSlices(rows).map((slice) => statement.bind(slice, at, syncId)));
}

/** SnapshotStore.record's statements, for a caller that writes them in a batch of its own. */
export function recordStatements(
  db: D1Database,
  changes: readonly FieldChange[],
  at: string,
): D1PreparedStatement[] {
  return auditStatements(db, changes, at, null);
}

/**
 * The history's lines of these units' objections (column `column`, 交办异议: `<unit>（主办）对交办提出
 * 异议：<理由>…`) as `<unit>对交办提出异议：<marker>` (清除个人信息): their 理由 goes as it goes from
 * `objections`. Found through the suggestions objected to (audit_trail_by_suggestion), not by
 * reading the whole trail. One statement, for the caller's batch.
 */
export function eraseObjectionLinesStatement(
  db: D1Database,
  units: readonly string[],
  column: string,
  marker: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE audit_trail SET new_value = n.value || '对交办提出异议：' || ?3
       FROM json_each(?1) AS n
       WHERE audit_trail.suggestion_id IN (
           SELECT suggestion_id FROM objections WHERE unit IN (SELECT value FROM json_each(?1)))
         AND audit_trail.column_name = ?2
         AND substr(audit_trail.new_value, 1, length(n.value) + 1) = n.value || '（'`,
    )
    .bind(JSON.stringify(units), column, marker);
}

/**
 * Where the history keeps what is not of one suggestion: the erasures of a person's information
 * (清除个人信息), each with who, when and whose (suggestion_id '' — no 编号 is blank).
 */
export const NOT_OF_A_SUGGESTION = "";

/** The erasures recorded (column `column`) of one person (`whose`, their old_value), newest first. */
export async function listErasures(
  db: D1Database,
  column: string,
  whose: string,
  limit: number,
): Promise<(FieldChange & { seenAt: string })[]> {
  const { results } = await db
    .prepare(
      `SELECT suggestion_id, column_name, old_value, new_value, seen_at, source, actor, note FROM audit_trail
       WHERE suggestion_id = ?1 AND column_name = ?2 AND old_value = ?3 ORDER BY seq DESC LIMIT ?4`,
    )
    .bind(NOT_OF_A_SUGGESTION, column, whose, limit)
    .all<AuditRow>();
  return results.map((r) => auditEntry(r, "dashboard"));
}

/** A row of audit_trail as the history reads it. */
interface AuditRow {
  suggestion_id: string;
  column_name: string;
  old_value: string | null;
  new_value: string | null;
  seen_at: string;
  source: FieldChange["source"] | null;
  actor: string | null;
  note: string | null;
}

/** A history entry from its row (`source` for a row written before the column had one). */
function auditEntry(r: AuditRow, source: FieldChange["source"]): FieldChange & { seenAt: string } {
  return {
    suggestionId: r.suggestion_id,
    column: r.column_name,
    oldValue: r.old_value,
    newValue: r.new_value,
    seenAt: r.seen_at,
    source: r.source ?? source,
    actor: r.actor,
    note: r.note,
  };
}
