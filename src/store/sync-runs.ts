export interface SyncRunRecord {
  id: number;
  trigger: string;
  startedAt: string;
  finishedAt: string | null;
  outcome: "running" | "ok" | "skipped" | "failed";
  rows: number;
  cellsWritten: number;
  sheetsCalls: number;
  problems: number;
  error: string | null;
  summary: unknown;
}

export interface SyncRunFinish {
  outcome: "ok" | "skipped" | "failed";
  rows: number;
  cellsWritten: number;
  sheetsCalls: number;
  problems: number;
  error: string | null;
  summary: unknown;
}

/** The sync log: one row per run, readable by GET /api/sync/last and the dashboard. */
export interface SyncRunLog {
  start(trigger: string, startedAt: string): Promise<number>;
  finish(id: number, finishedAt: string, result: SyncRunFinish): Promise<void>;
  last(): Promise<SyncRunRecord | null>;
}

interface SyncRunRow {
  id: number;
  trigger: string;
  started_at: string;
  finished_at: string | null;
  outcome: SyncRunRecord["outcome"];
  rows: number;
  cells_written: number;
  sheets_calls: number;
  problems: number;
  error: string | null;
  summary: string | null;
}

export function createSyncRunLog(db: D1Database): SyncRunLog {
  return {
    async start(trigger, startedAt) {
      const row = await db
        .prepare(
          "INSERT INTO sync_runs (trigger, started_at, outcome) VALUES (?1, ?2, 'running') RETURNING id",
        )
        .bind(trigger, startedAt)
        .first<{ id: number }>();
      if (!row) throw new Error("could not start a sync run record");
      return row.id;
    },
    async finish(id, finishedAt, r) {
      await db
        .prepare(
          `UPDATE sync_runs SET finished_at = ?2, outcome = ?3, rows = ?4, cells_written = ?5, sheets_calls = ?6,
             problems = ?7, error = ?8, summary = ?9 WHERE id = ?1`,
        )
        .bind(
          id,
          finishedAt,
          r.outcome,
          r.rows,
          r.cellsWritten,
          r.sheetsCalls,
          r.problems,
          r.error,
          JSON.stringify(r.summary),
        )
        .run();
    },
    async last() {
      const r = await db
        .prepare("SELECT * FROM sync_runs WHERE outcome != 'skipped' ORDER BY id DESC LIMIT 1")
        .first<SyncRunRow>();
      if (!r) return null;
      return {
        id: r.id,
        trigger: r.trigger,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        outcome: r.outcome,
        rows: r.rows,
        cellsWritten: r.cells_written,
        sheetsCalls: r.sheets_calls,
        problems: r.problems,
        error: r.error,
        summary: r.summary ? (JSON.parse(r.summary) as unknown) : null,
      };
    },
  };
}
