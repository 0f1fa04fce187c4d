import type { InboxForm } from "../domain/intake/inbox-forms";
import type { LinkKind } from "../domain/links/capability";
import { jsonCell } from "./d1-batch";

/**
 * `discarded`: staff gave up a submission the sync could not place (a 编号 never in the ledger, a
 * reply to a round already rated): kept, never written, no longer listed in 校验问题.
 */
export type InboxStatus = "pending" | "applied" | "unmatched" | "failed" | "discarded";

/** Who sent a submission through a personal link (null for the signed form webhooks). */
export interface LinkActor {
  kind: LinkKind;
  name: string;
  /** The link's id (its token's jti). */
  linkId: string;
}

export interface InboxEntry {
  form: InboxForm;
  submissionId: string;
  suggestionId: string;
  cells: Record<string, string | number>;
  submittedAt: string;
  receivedAt: string;
  status: InboxStatus;
  attempts: number;
  lastError: string | null;
  actor: LinkActor | null;
  /** When a row of this entry was last sent to its practice tab (a later try checks the tab first). */
  sentAt: string | null;
}

/** An entry and the error recorded with its new status (null clears it). */
export interface InboxMark {
  entry: InboxEntry;
  error: string | null;
}

/** What insert did: stored the entry (`created`), found it stored before, or found its repeatKey held. */
export type InboxInsert =
  | { entry: InboxEntry; created: boolean; heldBy?: undefined }
  | { entry?: undefined; created: false; heldBy: InboxEntry };

/** Every accepted form submission, stored before the sender hears 202; applied to the sheet later. */
/**
 * How long a submission may wait for its write before staff are shown it on /problems and /healthz
 * answers 503 for it: a sync runs every 10 minutes, and each retries the write.
 */
export const WAITING_MINUTES = 15;

/** Submissions still waiting for their write, received before ?1 (objections wait for staff by design). */
const WAITING = "status = 'pending' AND received_at < ?1 AND form != 'objection'";

export interface Inbox {
  find(form: InboxForm, submissionId: string): Promise<InboxEntry | null>;
  /**
   * Inserts unless the submission is already there; returns the stored entry either way. A
   * `repeatKey` (repeatKey of a new suggestion) is claimed by the same statement: when another entry
   * not yet in the sheet holds it, nothing is stored and that entry is returned as `heldBy`.
   */
  insert(
    entry: Omit<InboxEntry, "status" | "attempts" | "lastError" | "actor" | "sentAt"> & {
      raw: unknown;
      actor?: LinkActor | null;
      repeatKey?: string | null;
    },
  ): Promise<InboxInsert>;
  load(keys: readonly { form: InboxForm; submissionId: string }[]): Promise<InboxEntry[]>;
  /**
   * Gives up an entry the sync could not place (unmatched or failed), noting who and why; returns
   * it as it was, or null when it is not such an entry (already written, still pending, unknown).
   */
  discard(form: InboxForm, submissionId: string, at: string, note: string): Promise<InboxEntry | null>;
  /** Entries not yet in the sheet (pending, unmatched or failed), oldest first. */
  outstanding(limit: number): Promise<InboxEntry[]>;
  /**
   * Submissions still waiting to be written (pending, objections aside: those wait for staff's
   * decision) received before `before`, oldest first: what Google has kept out of the sheet.
   */
  waiting(before: string, limit: number): Promise<InboxEntry[]>;
  /** The oldest entry `waiting` would list and how many it would list in all (/healthz); null: none. */
  oldestWaiting(before: string): Promise<{ entry: InboxEntry; count: number } | null>;
  mark(entries: readonly InboxEntry[], status: InboxStatus, at: string, error: string | null): Promise<void>;
  /** As mark, each entry with its own error: one statement for a whole batch (Free plan: 50 D1 queries an invocation). */
  markEach(marks: readonly InboxMark[], status: InboxStatus, at: string): Promise<void>;
  /**
   * Counts a try that Google failed with an error worth retrying and keeps it as the last error, on
   * the entries still pending only (one the same batch wrote, or one waiting with a reason of its
   * own, is left as it is): one statement for the batch. Their status stays: the retry is queued.
   */
  noteRetry(entries: readonly InboxEntry[], error: string): Promise<void>;
  /** Notes that the entries' rows are about to be sent to their tab (before the append). */
  markSent(entries: readonly InboxEntry[], at: string): Promise<void>;
  /** The newest submission of a form about a suggestion, from a link or a webhook; null when none. */
  latestAbout(form: InboxForm, suggestionId: string): Promise<InboxEntry | null>;
  /**
   * latestAbout for many suggestions in one statement (a list of cards, no query per card): the
   * newest submission of the form about each, none for one without any.
   */
  latestAboutEach(form: InboxForm, suggestionIds: readonly string[]): Promise<InboxEntry[]>;
  /**
   * New suggestions sent by form webhook since `since` (ISO) naming `deputy` as 领衔代表 as the form
   * gave it, newest first: what a deputy's form sent that the ledger may not hold yet (a webhook entry
   * has no actor). Read through inbox_by_form, the form's recent entries only.
   */
  suggestionsLedBy(deputy: string, since: string, limit: number): Promise<InboxEntry[]>;
  /**
   * Replies (form or link) written into the sheet since `since` (ISO), of suggestions with two or
   * more such, oldest first, each with the last time staff changed each of `columns` of its
   * suggestion in the sheet or on the dashboard (the audit trail): one statement for the finish.
   */
  repliesTwiceSince(since: string, columns: readonly string[], limit: number): Promise<RepliedLately[]>;
  /** What a link's recipient sent lately (newest first), optionally about one suggestion. */
  byActor(
    actor: Pick<LinkActor, "kind" | "name">,
    options: { suggestionId?: string; limit: number },
  ): Promise<InboxEntry[]>;
}

/** A reply repliesTwiceSince found, with staff's last change of each column asked (ISO, by header). */
export interface RepliedLately {
  entry: InboxEntry;
  staffEdits: Record<string, string>;
}

interface InboxRow {
  form: InboxForm;
  submission_id: string;
  suggestion_id: string;
  answers: string;
  submitted_at: string;
  received_at: string;
  status: InboxStatus;
  attempts: number;
  last_error: string | null;
  actor_kind: LinkKind | null;
  actor_name: string | null;
  link_id: string | null;
  sent_at: string | null;
}

const toEntry = (r: InboxRow): InboxEntry => ({
  form: r.form,
  submissionId: r.submission_id,
  suggestionId: r.suggestion_id,
  cells: JSON.parse(r.answers) as InboxEntry["cells"],
  submittedAt: r.submitted_at,
  receivedAt: r.received_at,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  actor:
    r.actor_kind && r.actor_name && r.link_id
      ? { kind: r.actor_kind, name: r.actor_name, linkId: r.link_id }
      : null,
  sentAt: r.sent_at ?? null,
});

/** Submissions named by form and id, as one JSON parameter: one statement for all of them, not one each. */
const keyRows = (keys: readonly { form: string; submissionId: string }[]) =>
  JSON.stringify(keys.map((k) => [k.form, k.submissionId]));

export function createInbox(db: D1Database): Inbox {
  const find = async (form: InboxForm, submissionId: string) => {
    const row = await db
      .prepare("SELECT * FROM inbox WHERE form = ?1 AND submission_id = ?2")
      .bind(form, submissionId)
      .first<InboxRow>();
    return row ? toEntry(row) : null;
  };
  const markEach: Inbox["markEach"] = async (marks, status, at) => {
    if (marks.length === 0) return;
    const rows = marks.map((m) => [m.entry.form, m.entry.submissionId, m.error]);
    // An entry in the sheet gives up its repeat key: the ledger refuses a repeat from then on, and a
    // row staff later delete does not keep refusing its 标题 for good.
    await db
      .prepare(
        `UPDATE inbox SET status = ?2, attempts = attempts + 1, last_error = m.error,
           applied_at = CASE WHEN ?2 = 'applied' THEN ?3 ELSE applied_at END,
           repeat_key = CASE WHEN ?2 = 'applied' THEN NULL ELSE repeat_key END
         FROM (SELECT ${jsonCell(0)} AS form, ${jsonCell(1)} AS submission_id, ${jsonCell(2)} AS error
               FROM json_each(?1) AS e) AS m
         WHERE inbox.form = m.form AND inbox.submission_id = m.submission_id
           AND (inbox.status != 'discarded' OR ?2 = 'applied')`,
      )
      .bind(JSON.stringify(rows), status, at)
      .run();
  };
  return {
    find,
    async insert(e) {
      // No conflict target: the submission already stored and a repeat key already held both leave
      // the table as it was (D1 runs one statement at a time, so of two at once only one claims it).
      const result = await db
        .prepare(
          `INSERT INTO inbox (submission_id, form, suggestion_id, answers, raw, submitted_at, received_at, status,
             actor_kind, actor_name, link_id, repeat_key)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'pending', ?8, ?9, ?10, ?11) ON CONFLICT DO NOTHING`,
        )
        .bind(
          e.submissionId,
          e.form,
          e.suggestionId,
          JSON.stringify(e.cells),
          JSON.stringify(e.raw),
          e.submittedAt,
          e.receivedAt,
          e.actor?.kind ?? null,
          e.actor?.name ?? null,
          e.actor?.linkId ?? null,
          e.repeatKey ?? null,
        )
        .run();
      const stored = await find(e.form, e.submissionId);
      if (stored) return { entry: stored, created: result.meta.changes === 1 };
      const holder = e.repeatKey
        ? await db.prepare("SELECT * FROM inbox WHERE repeat_key = ?1").bind(e.repeatKey).first<InboxRow>()
        : null;
      // A holder applied between the two statements: the sender's retry is stored (or refused) then.
      if (!holder) throw new Error("inbox insert left no row");
      return { heldBy: toEntry(holder), created: false };
    },
    async load(keys) {
      // A submission named by two messages (two syncs queued it again) is one entry.
      const unique = [...new Map(keys.map((k) => [`${k.form}|${k.submissionId}`, k])).values()];
      if (unique.length === 0) return [];
      const { results } = await db
        .prepare(
          `SELECT inbox.* FROM json_each(?1) AS e
           JOIN inbox ON inbox.form = ${jsonCell(0)} AND inbox.submission_id = ${jsonCell(1)}
           ORDER BY e.key`,
        )
        .bind(keyRows(unique))
        .all<InboxRow>();
      return results.map(toEntry);
    },
    async discard(form, submissionId, at, note) {
      const before = await find(form, submissionId);
      if (!before || (before.status !== "unmatched" && before.status !== "failed")) return null;
      const { meta } = await db
        .prepare(
          `UPDATE inbox SET status = 'discarded', last_error = ?3, applied_at = ?4, repeat_key = NULL
           WHERE form = ?1 AND submission_id = ?2 AND status IN ('unmatched', 'failed')`,
        )
        .bind(form, submissionId, note, at)
        .run();
      return meta.changes === 1 ? before : null;
    },
    async outstanding(limit) {
      const { results } = await db
        .prepare(
          "SELECT * FROM inbox WHERE status IN ('pending', 'unmatched', 'failed') ORDER BY received_at LIMIT ?1",
        )
        .bind(limit)
        .all<InboxRow>();
      return results.map(toEntry);
    },
    async waiting(before, limit) {
      const { results } = await db
        .prepare(`SELECT * FROM inbox WHERE ${WAITING} ORDER BY received_at LIMIT ?2`)
        .bind(before, limit)
        .all<InboxRow>();
      return results.map(toEntry);
    },
    async oldestWaiting(before) {
      // One row, counted over the whole match (the window runs before LIMIT), through inbox_pending.
      const row = await db
        .prepare(
          `SELECT *, COUNT(*) OVER () AS waiting_count FROM inbox WHERE ${WAITING} ORDER BY received_at LIMIT 1`,
        )
        .bind(before)
        .first<InboxRow & { waiting_count: number }>();
      return row ? { entry: toEntry(row), count: row.waiting_count } : null;
    },
    mark: (entries, status, at, error) =>
      markEach(
        entries.map((entry) => ({ entry, error })),
        status,
        at,
      ),
    markEach,
    async noteRetry(entries, error) {
      if (entries.length === 0) return;
      await db
        .prepare(
          `UPDATE inbox SET attempts = attempts + 1, last_error = ?2
           WHERE status = 'pending'
             AND (form, submission_id) IN (SELECT ${jsonCell(0)}, ${jsonCell(1)} FROM json_each(?1) AS e)`,
        )
        .bind(keyRows(entries), error)
        .run();
    },
    async markSent(entries, at) {
      if (entries.length === 0) return;
      await db
        .prepare(
          `UPDATE inbox SET sent_at = ?2
           WHERE (form, submission_id) IN (SELECT ${jsonCell(0)}, ${jsonCell(1)} FROM json_each(?1) AS e)`,
        )
        .bind(keyRows(entries), at)
        .run();
    },
    async latestAbout(form, suggestionId) {
      const row = await db
        .prepare(
          "SELECT * FROM inbox WHERE form = ?1 AND suggestion_id = ?2 ORDER BY received_at DESC LIMIT 1",
        )
        .bind(form, suggestionId)
        .first<InboxRow>();
      return row ? toEntry(row) : null;
    },
    async latestAboutEach(form, suggestionIds) {
      if (suggestionIds.length === 0) return [];
      const { results } = await db
        .prepare(
          `SELECT inbox.* FROM inbox JOIN (
             SELECT suggestion_id AS id, max(received_at) AS at FROM inbox
             WHERE form = ?1 AND suggestion_id IN (SELECT value FROM json_each(?2))
             GROUP BY suggestion_id
           ) AS newest ON inbox.suggestion_id = newest.id AND inbox.received_at = newest.at
           WHERE inbox.form = ?1`,
        )
        .bind(form, JSON.stringify([...new Set(suggestionIds)]))
        .all<InboxRow>();
      // Two at the very same instant are both newest: one is kept, as latestAbout keeps one.
      return [...new Map(results.map((r) => [r.suggestion_id, toEntry(r)])).values()];
    },
    async suggestionsLedBy(deputy, since, limit) {
      const { results } = await db
        .prepare(
          `SELECT * FROM inbox WHERE form = 'suggestion' AND received_at >= ?2 AND actor_kind IS NULL
             AND json_extract(answers, '$.领衔代表') = ?1
           ORDER BY received_at DESC LIMIT ?3`,
        )
        .bind(deputy, since, limit)
        .all<InboxRow>();
      return results.map(toEntry);
    },
    async repliesTwiceSince(since, columns, limit) {
      // Through inbox_by_form (form, received_at), and audit_trail_by_suggestion for the edits.
      const { results } = await db
        .prepare(
          `WITH twice AS (
             SELECT suggestion_id FROM inbox
             WHERE form = 'reply' AND received_at >= ?1 AND status = 'applied'
             GROUP BY suggestion_id HAVING count(*) >= 2)
           SELECT inbox.*, (
             SELECT json_group_object(column_name, at) FROM (
               SELECT column_name, max(seen_at) AS at FROM audit_trail AS a
               WHERE a.suggestion_id = inbox.suggestion_id AND a.source IN ('sheet', 'dashboard')
                 AND a.column_name IN (SELECT value FROM json_each(?2))
               GROUP BY column_name)) AS staff_edits
           FROM inbox JOIN twice ON twice.suggestion_id = inbox.suggestion_id
           WHERE inbox.form = 'reply' AND inbox.received_at >= ?1 AND inbox.status = 'applied'
           ORDER BY inbox.received_at, inbox.rowid LIMIT ?3`,
        )
        .bind(since, JSON.stringify(columns), limit)
        .all<InboxRow & { staff_edits: string | null }>();
      return results.map((r) => ({
        entry: toEntry(r),
        staffEdits: JSON.parse(r.staff_edits ?? "{}") as Record<string, string>,
      }));
    },
    async byActor(actor, options) {
      const { results } = await db
        .prepare(
          `SELECT * FROM inbox WHERE actor_kind = ?1 AND actor_name = ?2 AND (?3 IS NULL OR suggestion_id = ?3)
           ORDER BY received_at DESC LIMIT ?4`,
        )
        .bind(actor.kind, actor.name, options.suggestionId ?? null, options.limit)
        .all<InboxRow>();
      return results.map(toEntry);
    },
  };
}

/** Whose submissions eraseSubmissionsStatement blanks. */
export interface SubmissionsOf {
  /** Sent through a personal link of one of these kinds (actor_kind) … */
  readonly actorKinds: readonly LinkKind[];
  /** … to one of these names (actor_name); and webhook submissions naming one of them as sender. */
  readonly names: readonly string[];
  /** The answers that name a webhook submission's sender, by form: [form, ledger header]. */
  readonly senders: readonly (readonly [form: InboxForm, cell: string])[];
}

/**
 * Blanks what a person sent (清除个人信息, src/jobs/personal-data/erase.ts): the answers and the body
 * as received of every submission they sent through a link, or that a webhook sent naming them as
 * sender (a suggestion's 领衔代表, a rating's 测评人, a reply's 答复单位). The row itself stays: its
 * form, 编号, times, status and sender, so the office can tell it came and nothing is applied twice.
 * One not yet in the sheet (pending, unmatched, failed) is voided as staff's 作废 voids one
 * (`note`, `at`): apply-inbox never writes a discarded entry, and an empty one would write nothing.
 * One statement, for the caller's batch.
 */
export function eraseSubmissionsStatement(
  db: D1Database,
  of: SubmissionsOf,
  note: string,
  at: string,
): D1PreparedStatement {
  const open = "status IN ('pending', 'unmatched', 'failed')";
  return db
    .prepare(
      `UPDATE inbox SET answers = '{}', raw = '{}', repeat_key = NULL,
         last_error = CASE WHEN ${open} THEN ?4 ELSE last_error END,
         applied_at = CASE WHEN ${open} THEN ?5 ELSE applied_at END,
         status = CASE WHEN ${open} THEN 'discarded' ELSE status END
       WHERE (actor_kind IN (SELECT value FROM json_each(?1)) AND actor_name IN (SELECT value FROM json_each(?2)))
         OR (actor_kind IS NULL AND EXISTS (
           SELECT 1 FROM json_each(?3) AS s
           WHERE inbox.form = json_extract(s.value, '$[0]')
             AND json_extract(inbox.answers, '$."' || json_extract(s.value, '$[1]') || '"')
               IN (SELECT value FROM json_each(?2))))`,
    )
    .bind(JSON.stringify(of.actorKinds), JSON.stringify(of.names), JSON.stringify(of.senders), note, at);
}
