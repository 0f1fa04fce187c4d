import type { NoticeEntry } from "../domain/dashboard/timeline";

export interface OutboxFilter {
  status?: string;
  suggestionId?: string;
  /**
   * A search: the notices whose 编号 or recipient (a unit's or deputy's name) begins with it, as
   * read by the indexes notices_by_suggestion and notices_by_recipient (0031): a part inside the
   * name (教育局 of 区教育局) would be a read of every notice, 15,000 a year in a city office.
   * A text with `://` is looked up among 编号 only: a 周报接收人's recipient is its robot address,
   * whose key the page masks (maskSecret), and a search must not tell it a character at a time.
   */
  text?: string;
  limit: number;
  /** Notices skipped before the first listed (a later page of the list). */
  offset?: number;
}

/** The filters of `list` that `count` reads. */
export type OutboxCountFilter = Omit<OutboxFilter, "limit" | "offset">;

/** Read-only view of the notices outbox (table `notices`) for the dashboard; the notices job writes it. */
export interface NoticeOutboxView {
  /** The notices of the filter, newest first. */
  list(filter: OutboxFilter): Promise<NoticeEntry[]>;
  /** How many notices the filter lists on all its pages. */
  count(filter: OutboxCountFilter): Promise<number>;
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

/** Past every text that begins with a search (the highest code point): `col >= ?a AND col < ?b` reads a range of an index. */
const PAST_PREFIX = "\u{10FFFF}";

/** The WHERE of a filter, with its bound values (?1…). */
function whereOf(filter: OutboxCountFilter): { where: string; binds: (string | number)[] } {
  const where: string[] = [];
  const binds: (string | number)[] = [];
  const text = filter.text?.trim();
  if (filter.status) {
    binds.push(filter.status);
    // With a search, `+` keeps SQLite off notices_by_status, which would read every notice of the
    // 状态 (已发送 is nearly all): the search's index ranges read only the notices it finds.
    where.push(`${text ? "+" : ""}status = ?${binds.length}`);
  }
  if (filter.suggestionId) {
    binds.push(filter.suggestionId);
    where.push(`suggestion_id = ?${binds.length}`);
  }
  if (text) {
    binds.push(text, `${text}${PAST_PREFIX}`);
    const [from, to] = [`?${binds.length - 1}`, `?${binds.length}`];
    const byId = `(suggestion_id >= ${from} AND suggestion_id < ${to})`;
    where.push(text.includes("://") ? byId : `(${byId} OR (recipient >= ${from} AND recipient < ${to}))`);
  }
  return { where: where.length ? `WHERE ${where.join(" AND ")}` : "", binds };
}

export function createNoticeOutboxView(db: D1Database): NoticeOutboxView {
  return {
    async list(filter) {
      const { where, binds } = whereOf(filter);
      binds.push(filter.limit, filter.offset ?? 0);
      const sql = `SELECT ${COLUMNS} FROM notices ${where}
        ORDER BY id DESC LIMIT ?${binds.length - 1} OFFSET ?${binds.length}`;
      const { results } = await db
        .prepare(sql)
        .bind(...binds)
        .all<NoticeRow>();
      return results.map(toEntry);
    },
    async count(filter) {
      const { where, binds } = whereOf(filter);
      const row = await db
        .prepare(`SELECT COUNT(*) AS n FROM notices ${where}`)
        .bind(...binds)
        .first<{ n: number }>();
      return row?.n ?? 0;
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
