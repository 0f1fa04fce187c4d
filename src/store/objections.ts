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
  /** null while staff have not decided; `reassigned` when the ledger no longer assigns the unit. */
  readonly decision: "upheld" | "reassigned" | null;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  readonly note: string | null;
}

export type NewObjection = Omit<Objection, "decision" | "decidedAt" | "decidedBy" | "note">;

export interface Objections {
  /** Records an objection once (its submission id); false when it was already there. */
  record(objection: NewObjection): Promise<boolean>;
  /** Objections staff have not decided, oldest first. */
  open(): Promise<Objection[]>;
  /** Every objection to one suggestion, oldest first. */
  ofSuggestion(suggestionId: string): Promise<Objection[]>;
  /** Decides an open objection; false when it is not open (already decided, or unknown). */
  decide(
    submissionId: string,
    decision: "upheld" | "reassigned",
    at: string,
    by: string,
    note: string | null,
  ): Promise<boolean>;
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
  decision: "upheld" | "reassigned" | null;
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

export function createObjections(db: D1Database): Objections {
  return {
    async record(o) {
      const result = await db
        .prepare(
          `INSERT INTO objections (submission_id, suggestion_id, unit, relation, assigned_on, objected_on, deadline,
             reason, proposal, actor, received_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT (submission_id) DO NOTHING`,
        )
        .bind(
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
        )
        .run();
      return result.meta.changes === 1;
    },
    async open() {
      const { results } = await db
        .prepare("SELECT * FROM objections WHERE decision IS NULL ORDER BY received_at")
        .all<ObjectionRow>();
      return results.map(toObjection);
    },
    async ofSuggestion(suggestionId) {
      const { results } = await db
        .prepare("SELECT * FROM objections WHERE suggestion_id = ?1 ORDER BY received_at")
        .bind(suggestionId)
        .all<ObjectionRow>();
      return results.map(toObjection);
    },
    async decide(submissionId, decision, at, by, note) {
      const result = await db
        .prepare(
          `UPDATE objections SET decision = ?2, decided_at = ?3, decided_by = ?4, note = ?5
           WHERE submission_id = ?1 AND decision IS NULL`,
        )
        .bind(submissionId, decision, at, by, note)
        .run();
      return result.meta.changes === 1;
    },
  };
}
