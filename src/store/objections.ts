import type { ObjectionDecision } from "../domain/links/objection-settling";
import { jsonCells, jsonRowSlices } from "./d1-batch";

/** An objection a unit made to its assignment through its personal link (D1 `objections`). */
export interface Objection {
  readonly submissionId: string;
  readonly suggestionId: string;
  readonly unit: string;
  readonly relation: "lead" | "co";
  readonly assignedOn: string;
  readonly objectedOn: string;
  readonly deadline: string;
  readonly reason: string;
  readonly proposal: string;
  readonly actor: string;
  readonly receivedAt: string;
  /**
   * null while staff have not decided; `reassigned` also when the ledger no longer assigns the unit,
   * `replied` when the sync found round 1 answered first (no decision needed any more).
   */
  readonly decision: ObjectionDecision | null;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  readonly note: string | null;
}

export type NewObjection = Omit<Objection, "decision" | "decidedAt" | "decidedBy" | "note">;

export interface Objections {
  /**
   * Records each objection once (its submission id), all in one statement: a queue batch of 50
   * stays within the Free plan's 50 D1 queries an invocation. Gives the submission ids recorded now.
   */
  recordMany(objections: readonly NewObjection[]): Promise<Set<string>>;
  /** Objections staff have not decided, oldest first. */
  open(): Promise<Objection[]>;
  /** One objection by its submission id (decided or not); null when unknown. */
  get(submissionId: string): Promise<Objection | null>;
  /** Every objection to one suggestion, oldest first. */
  ofSuggestion(suggestionId: string): Promise<Objection[]>;
  /**
   * The objections to these suggestions staff (or the sync) decided at or after `since` (an ISO
   * instant), oldest first: the notices run tells each unit the decision on its objection, in one
   * query a part however many suggestions it holds.
   */
  decidedSince(suggestionIds: readonly string[], since: string): Promise<Objection[]>;
  /**
   * Decides the open ones of these objections alike, in one statement; gives the submission ids
   * decided now (one already decided, or unknown, is left as it is).
   */
  decideMany(
    submissionIds: readonly string[],
    decision: ObjectionDecision,
    at: string,
    by: string,
    note: string | null,
  ): Promise<Set<string>>;
  /** Decides an open objection; false when it is not open (already decided, or unknown). */
  decide(
    submissionId: string,
    decision: ObjectionDecision,
    at: string,
    by: string,
    note: string | null,
  ): Promise<boolean>;
  /**
   * Gives a decided objection without a note staff's 说明 (the sync settles one with none, and staff
   * who clicked 已改交 after it still have something to tell the unit); false when it is open, unknown
   * or has a note already (a 说明 is never overwritten).
   */
  addNote(submissionId: string, note: string): Promise<boolean>;
}

interface ObjectionRow {
  submission_id: string;
  suggestion_id: string;
  unit: string;
  relation: "lead" | "co";
  assigned_on: string;
  objected_on: string;
  deadline: string;
  reason: string;
  proposal: string;
  actor: string;
  received_at: string;
  decision: ObjectionDecision | null;
  decided_at: string | null;
  decided_by: string | null;
  note: string | null;
}

const toObjection = (r: ObjectionRow): Objection => ({
  submissionId: r.submission_id,
  suggestionId: r.suggestion_id,
  unit: r.unit,
  relation: r.relation,
  assignedOn: r.assigned_on,
  objectedOn: r.objected_on,
  deadline: r.deadline,
  reason: r.reason,
  proposal: r.proposal,
  actor: r.actor,
  receivedAt: r.received_at,
  decision: r.decision,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
  note: r.note,
});

/** The submission ids a RETURNING statement gave. */
const idsOf = (results: readonly { submission_id: string }[]) => new Set(results.map((r) => r.submission_id));

export function createObjections(db: D1Database): Objections {
  const decideMany: Objections["decideMany"] = async (submissionIds, decision, at, by, note) => {
    if (submissionIds.length === 0) return new Set();
    const { results } = await db
      .prepare(
        `UPDATE objections SET decision = ?2, decided_at = ?3, decided_by = ?4, note = ?5
         WHERE submission_id IN (SELECT value FROM json_each(?1)) AND decision IS NULL
         RETURNING submission_id`,
      )
      .bind(JSON.stringify(submissionIds), decision, at, by, note)
      .all<{ submission_id: string }>();
    return idsOf(results);
  };
  return {
    async recordMany(objections) {
      const recorded = new Set<string>();
      const rows = objections.map((o) => [
        o.submissionId,
        o.suggestionId,
        o.unit,
        o.relation,
        o.assignedOn,
        o.objectedOn,
        o.deadline,
        o.reason,
        o.proposal,
        o.actor,
        o.receivedAt,
      ]);
      for (const slice of jsonRowSlices(rows)) {
        const { results } = await db
          .prepare(
            `INSERT INTO objections (submission_id, suggestion_id, unit, relation, assigned_on, objected_on, deadline,
               reason, proposal, actor, received_at)
             SELECT ${jsonCells(11)} FROM json_each(?1) AS e WHERE true ORDER BY e.key
             ON CONFLICT (submission_id) DO NOTHING RETURNING submission_id`,
          )
          .bind(slice)
          .all<{ submission_id: string }>();
        for (const id of idsOf(results)) recorded.add(id);
      }
      return recorded;
    },
    async open() {
      const { results } = await db
        .prepare("SELECT * FROM objections WHERE decision IS NULL ORDER BY received_at")
        .all<ObjectionRow>();
      return results.map(toObjection);
    },
    async get(submissionId) {
      const row = await db
        .prepare("SELECT * FROM objections WHERE submission_id = ?1")
        .bind(submissionId)
        .first<ObjectionRow>();
      return row ? toObjection(row) : null;
    },
    async ofSuggestion(suggestionId) {
      const { results } = await db
        .prepare("SELECT * FROM objections WHERE suggestion_id = ?1 ORDER BY received_at")
        .bind(suggestionId)
        .all<ObjectionRow>();
      return results.map(toObjection);
    },
    async decidedSince(suggestionIds, since) {
      if (suggestionIds.length === 0) return [];
      const { results } = await db
        .prepare(
          `SELECT * FROM objections
           WHERE suggestion_id IN (SELECT value FROM json_each(?1)) AND decision IS NOT NULL AND decided_at >= ?2
           ORDER BY received_at`,
        )
        .bind(JSON.stringify(suggestionIds), since)
        .all<ObjectionRow>();
      return results.map(toObjection);
    },
    decideMany,
    async decide(submissionId, decision, at, by, note) {
      return (await decideMany([submissionId], decision, at, by, note)).has(submissionId);
    },
    async addNote(submissionId, note) {
      const { results } = await db
        .prepare(
          `UPDATE objections SET note = ?2
           WHERE submission_id = ?1 AND decision IS NOT NULL AND note IS NULL
           RETURNING submission_id`,
        )
        .bind(submissionId, note)
        .all<{ submission_id: string }>();
      return idsOf(results).has(submissionId);
    },
  };
}

/**
 * Blanks what these units wrote in their objections (清除个人信息): the 理由 becomes `marker` and the
 * proposed unit goes; which suggestion, when, through which link, and staff's decision and 说明 (the
 * office's own) stay. One statement, for the caller's batch.
 */
export function eraseObjectionsStatement(
  db: D1Database,
  units: readonly string[],
  marker: string,
): D1PreparedStatement {
  return db
    .prepare(
      "UPDATE objections SET reason = ?2, proposal = '' WHERE unit IN (SELECT value FROM json_each(?1))",
    )
    .bind(JSON.stringify(units), marker);
}
