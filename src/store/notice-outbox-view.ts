import type { NoticeEntry } from "../domain/dashboard/timeline";

export interface OutboxFilter {
  status?: string;
  suggestionId?: string;
  limit: number;
}

/** Read-only view of the notices outbox (table `notices`) for the dashboard; the notices job writes it. */
export interface NoticeOutboxView {
  list(filter: OutboxFilter): Promise<NoticeEntry[]>;
  /** These notices, whatever their age (a 重试's answer names one older than the page lists). */
  byIds(ids: readonly number[]): Promise<NoticeEntry[]>;
  counts(): Promise<Record<string, number>>;
}

interface NoticeRow {
  id: number;
  type: string;
  suggestion_id: string | null;
  recipient: string;
  channel: string;
  title: string;
  due_on: string;
  planned_at: string;
  status: string;
  attempts: number;
  sent_at: string | null;
  last_error: string | null;
}

const toEntry = (r: NoticeRow): NoticeEntry => ({
  id: r.id,
  type: r.type,
  suggestionId: r.suggestion_id,
  recipient: r.recipient,
  channel: r.channel,
  title: r.title,
  dueOn: r.due_on,
  plannedAt: r.planned_at,
  status: r.status,
  attempts: r.attempts,
  sentAt: r.sent_at,
  lastError: r.last_error,
});

const COLUMNS =
  "id, type, suggestion_id, recipient, channel, title, due_on, planned_at, status, attempts, sent_at, last_error";

export function createNoticeOutboxView(db: D1Database): NoticeOutboxView {
  return {
    async list(filter) {
      const where: string[] = [];
      const binds: (string | number)[] = [];
      if (filter.status) {
        binds.push(filter.status);
        where.push(`status = ?${binds.length}`);
      }
      if (filter.suggestionId) {
        binds.push(filter.suggestionId);
        where.push(`suggestion_id = ?${binds.length}`);
      }
      binds.push(filter.limit);
      const sql = `SELECT ${COLUMNS} FROM notices ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
        ORDER BY id DESC LIMIT ?${binds.length}`;
      const { results } = await db
        .prepare(sql)
        .bind(...binds)
        .all<NoticeRow>();
      return results.map(toEntry);
    },
    async byIds(ids) {
      if (ids.length === 0) return [];
      const { results } = await db
        .prepare(`SELECT ${COLUMNS} FROM notices WHERE id IN (SELECT value FROM json_each(?1))`)
        .bind(JSON.stringify(ids))
        .all<NoticeRow>();
      return results.map(toEntry);
    },
    async counts() {
      const { results } = await db
        .prepare("SELECT status, COUNT(*) AS n FROM notices GROUP BY status")
        .all<{ status: string; n: number }>();
      return Object.fromEntries(results.map((r) => [r.status, r.n]));
    },
  };
}
