import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { type LeaseRenewal, renewStatement } from "./lease";

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

/**
 * Why the run did not read 建议台账 (a header missing or repeated, a cleared 编号 column), from its
 * summary's skipped tabs; null when it read it. The dashboard's banner and /healthz say it alike.
 */
export function skippedLedger(run: SyncRunRecord): string | null {
  const skipped = (run.summary as { skippedTabs?: { tab: string; reason: string }[] } | null)?.skippedTabs;
  return skipped?.find((s) => s.tab === TAB_NAMES.ledger)?.reason ?? null;
}

/**
 * The changed SPREADSHEET_ID a run held for (run-sync.ts holdForSwitch), from its summary; null for
 * any other run. The dashboard's banner offers 确认改用新表格 while the last run says it.
 */
export function sheetSwitchOf(run: SyncRunRecord): { from: string; to: string } | null {
  if (run.outcome !== "failed") return null;
  const switched = (run.summary as { sheetSwitch?: { from?: unknown; to?: unknown } } | null)?.sheetSwitch;
  return typeof switched?.from === "string" && typeof switched.to === "string"
    ? { from: switched.from, to: switched.to }
    : null;
}

/**
 * Whether a failed run's next try may succeed by itself (Google busy or down, a lost connection), as
 * the run recorded it (its summary's `retryable`): the dashboard's banner and /healthz then say the
 * next sync retries. A failure that stops every sync until staff act (the sheet unshared, a tab too
 * large) says to act first. A run recorded without it (a build before, one abandoned or
 * dead-lettered, whose message says what follows) is taken as retrying, as it always was.
 */
export function failedRunRetries(run: SyncRunRecord): boolean {
  return (run.summary as { retryable?: unknown } | null)?.retryable !== false;
}

export interface SyncRunFinish {
  outcome: "ok" | "skipped" | "failed";
  rows: number;
  cellsWritten: number;
  sheetsCalls: number;
  problems: number;
  error: string | null;
  summary: unknown;
  /**
   * A failed run's record says what it did before it failed: the rows, cells and Sheets calls of
   * its chunks stored so far are added to the given counts in D1 (no query more). "step": the
   * calls given are the failing step's alone (a queued step), so the plan's (its context's
   * planCalls) are added too; "run": they are the whole run's (one invocation), chunks' included.
   */
  soFar?: "step" | "run";
}

/** The sync log: one row per run, readable by GET /api/sync/last and the dashboard. */
export interface SyncRunLog {
  start(trigger: string, startedAt: string): Promise<number>;
  finish(id: number, finishedAt: string, result: SyncRunFinish): Promise<void>;
  last(): Promise<SyncRunRecord | null>;
  /** The run's plan, carried from its first invocation to its chunks (JSON); returns its revision. */
  setContext(id: number, context: string): Promise<number>;
  /**
   * Merges `patch` (a JSON object, RFC 7396: objects merged key by key, anything else replaced, null
   * removes) into the stored context in D1: a step that changes a few fields does not send back the
   * run's 80 KB context (every 编号 of the ledger). Returns the context's new revision.
   */
  patchContext(id: number, patch: string): Promise<number>;
  context(id: number): Promise<{ outcome: string; context: string | null } | null>;
  /** One chunk's results, once (a chunk delivered twice finds its results there). */
  saveChunk(id: number, chunk: number, result: string): Promise<void>;
  chunkResults(id: number): Promise<{ chunk: number; result: string }[]>;
  /** Drops a finished run's chunk results and plan (they are only needed while it runs). */
  forgetWork(id: number): Promise<void>;
  /**
   * A queued step's start in one round trip: the run's context and its revision, and the step
   * claimed for `message` while the run is still running (null when it is not, or holds no
   * context). `claimedBy` is the message that holds the step. With `knownRev`, the revision the
   * caller has parsed, the context's text is sent only when D1 holds another one (else null).
   * `doneChunks`: the chunks whose results are stored, so a step skips them without asking again.
   * With `renew`, the run's lease is renewed in the same round trip (a step that works renewed it
   * with a query of its own): `leaseHeld` says whether the run still holds it (true without `renew`).
   */
  openStep(
    id: number,
    step: string,
    message: string,
    knownRev?: number | null,
    renew?: LeaseRenewal,
  ): Promise<{
    context: string | null;
    rev: number;
    claimedBy: string;
    doneChunks: number[];
    leaseHeld: boolean;
  } | null>;
  /** Ends as failed every run still "running" but this one (their lease ran out); returns how many. */
  abandonOthers(id: number, finishedAt: string, error: string): Promise<number>;
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
      const chunks = (field: string) =>
        `coalesce((SELECT sum(json_extract(k.result, '$.${field}')) FROM sync_chunks AS k WHERE k.run_id = ?1), 0)`;
      const counts = r.soFar
        ? `rows = ?4 + ${chunks("rows")}, cells_written = ?5 + ${chunks("cellsWritten")},
           sheets_calls = ?6 + ${
             r.soFar === "step"
               ? `${chunks("sheetsCalls")} + coalesce(json_extract(sync_runs.context, '$.planCalls'), 0)`
               : "0"
           }`
        : "rows = ?4, cells_written = ?5, sheets_calls = ?6";
      await db
        .prepare(
          `UPDATE sync_runs SET finished_at = ?2, outcome = ?3, ${counts},
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
    async setContext(id, context) {
      const row = await db
        .prepare(
          "UPDATE sync_runs SET context = ?2, context_rev = context_rev + 1 WHERE id = ?1 RETURNING context_rev AS rev",
        )
        .bind(id, context)
        .first<{ rev: number }>();
      return row?.rev ?? 0;
    },
    async patchContext(id, patch) {
      const row = await db
        .prepare(
          `UPDATE sync_runs SET context = json_patch(context, ?2), context_rev = context_rev + 1
           WHERE id = ?1 RETURNING context_rev AS rev`,
        )
        .bind(id, patch)
        .first<{ rev: number }>();
      return row?.rev ?? 0;
    },
    async context(id) {
      return db
        .prepare("SELECT outcome, context FROM sync_runs WHERE id = ?1")
        .bind(id)
        .first<{ outcome: string; context: string | null }>();
    },
    async saveChunk(id, chunk, result) {
      await db
        .prepare(
          "INSERT INTO sync_chunks (run_id, chunk, result) VALUES (?1, ?2, ?3) ON CONFLICT (run_id, chunk) DO NOTHING",
        )
        .bind(id, chunk, result)
        .run();
    },
    async chunkResults(id) {
      const { results } = await db
        .prepare("SELECT chunk, result FROM sync_chunks WHERE run_id = ?1 ORDER BY chunk")
        .bind(id)
        .all<{ chunk: number; result: string }>();
      return results;
    },
    async forgetWork(id) {
      await db.batch([
        db.prepare("DELETE FROM sync_chunks WHERE run_id = ?1").bind(id),
        db.prepare("DELETE FROM sync_claims WHERE run_id = ?1").bind(id),
        db.prepare("UPDATE sync_runs SET context = NULL WHERE id = ?1").bind(id),
      ]);
    },
    async openStep(id, step, message, knownRev = null, renew) {
      // One batch (one transaction): a run that finished meanwhile gets no claim row.
      const [claim, run, renewed] = await db.batch<{
        message?: string;
        outcome?: string;
        context?: string | null;
        held?: number;
        rev?: number;
        done?: string;
        holder?: string;
      }>([
        db
          .prepare(
            `INSERT INTO sync_claims (run_id, step, message)
             SELECT ?1, ?2, ?3 WHERE EXISTS (
               SELECT 1 FROM sync_runs WHERE id = ?1 AND outcome = 'running' AND context IS NOT NULL
             )
             ON CONFLICT (run_id, step) DO UPDATE SET message = sync_claims.message
             RETURNING message`,
          )
          .bind(id, step, message),
        db
          .prepare(
            `SELECT outcome, context_rev AS rev, context IS NOT NULL AS held,
               CASE WHEN context_rev IS ?2 THEN NULL ELSE context END AS context,
               (SELECT json_group_array(chunk) FROM sync_chunks WHERE run_id = ?1) AS done
             FROM sync_runs WHERE id = ?1`,
          )
          .bind(id, knownRev),
        ...(renew ? [renewStatement(db, renew)] : []),
      ]);
      const stored = run?.results[0];
      const claimedBy = claim?.results[0]?.message;
      if (stored?.outcome !== "running" || !stored.held || claimedBy === undefined) return null;
      const doneChunks = (JSON.parse(stored.done ?? "[]") as number[]).sort((a, b) => a - b);
      const leaseHeld = !renew || renewed?.results[0]?.holder === renew.holder;
      return { context: stored.context ?? null, rev: stored.rev ?? 0, claimedBy, doneChunks, leaseHeld };
    },
    async abandonOthers(id, finishedAt, error) {
      const [abandoned] = await db.batch([
        db
          .prepare(
            `UPDATE sync_runs SET outcome = 'failed', finished_at = ?2, error = ?3, context = NULL
             WHERE outcome = 'running' AND id <> ?1`,
          )
          .bind(id, finishedAt, error),
        db.prepare("DELETE FROM sync_chunks WHERE run_id <> ?1").bind(id),
        db.prepare("DELETE FROM sync_claims WHERE run_id <> ?1").bind(id),
      ]);
      return abandoned?.meta.changes ?? 0;
    },
    async last() {
      const r = await db
        .prepare(
          `SELECT id, trigger, started_at, finished_at, outcome, rows, cells_written, sheets_calls, problems, error,
             summary FROM sync_runs WHERE outcome NOT IN ('skipped', 'running') ORDER BY id DESC LIMIT 1`,
        )
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
