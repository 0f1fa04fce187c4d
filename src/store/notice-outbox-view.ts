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

/** A notice as /notices lists it. */
export interface OutboxEntry extends NoticeEntry {
  /**
   * For a 失败 notice, the channel of the same notice (same type, 编号, round, occurrence and
   * recipient: its base key, keys.ts) that was 已发送; else null. The recipient is reached: the
   * failure needs no 重试, only its own channel mended.
   */
  readonly reachedBy: string | null;
}

/** The KPIs of /notices. */
export interface OutboxCounts {
  /** How many notices each 状态 holds (what the 状态 filter lists). */
  readonly byStatus: Record<string, number>;
  /** Of the 失败, how many whose recipient got the same notice by another channel (reachedBy). */
  readonly reachedElsewhere: number;
}

/** Read-only view of the notices outbox (table `notices`) for the dashboard; the notices job writes it. */
export interface NoticeOutboxView {
  /** The notices of the filter, newest first, a 失败 one with the channel that reached its recipient. */
  list(filter: OutboxFilter): Promise<OutboxEntry[]>;
  /** How many notices the filter lists on all its pages. */
  count(filter: OutboxCountFilter): Promise<number>;
  /** These notices, whatever their age (a 重试's answer names one older than the page lists). */
  byIds(ids: readonly number[]): Promise<NoticeEntry[]>;
  /** One query, however many notices. */
  counts(): Promise<OutboxCounts>;
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

/**
 * The notice `n`'s siblings that were sent: the other channels' notices of its base key. A key is
 * `<base>|<channel>` (keys.ts), so they are the keys after `<base>|` and before `<base>}` ("}"
 * follows "|"), read through the key's unique index, as outbox-queries' withBaseKey reads them:
 * one index seek per 失败 notice, inside the page's own query. `+` keeps SQLite off
 * notices_by_status, which it would otherwise take, reading every 已发送 notice for each 失败 one.
 */
const SENT_SIBLING = `FROM notices s
  WHERE s.idempotency_key > substr(n.idempotency_key, 1, length(n.idempotency_key) - length(n.channel))
    AND s.idempotency_key < substr(n.idempotency_key, 1, length(n.idempotency_key) - length(n.channel) - 1) || '}'
    AND +s.status = '已发送'`;

/** The channel that reached a 失败 notice's recipient (OutboxEntry.reachedBy), else NULL. */
const REACHED_BY = `CASE WHEN n.status = '失败' THEN (SELECT s.channel ${SENT_SIBLING} ORDER BY s.id LIMIT 1) END AS reached_by`;

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
      const sql = `SELECT ${COLUMNS}, ${REACHED_BY} FROM notices n ${where}
        ORDER BY id DESC LIMIT ?${binds.length - 1} OFFSET ?${binds.length}`;
      const { results } = await db
        .prepare(sql)
        .bind(...binds)
        .all<NoticeRow & { reached_by: string | null }>();
      return results.map((r) => ({ ...toEntry(r), reachedBy: r.reached_by }));
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
      // The 状态 counts off notices_by_status, then the 失败 reached otherwise (NULL status: no 状态
      // is NULL), read from the same index: the 失败 are few, each a seek for its sent sibling.
      const { results } = await db
        .prepare(
          `SELECT status, COUNT(*) AS n FROM notices GROUP BY status
           UNION ALL
           SELECT NULL, COUNT(*) FROM notices n WHERE n.status = '失败' AND EXISTS (SELECT 1 ${SENT_SIBLING})`,
        )
        .all<{ status: string | null; n: number }>();
      const byStatus = Object.fromEntries(
        results.flatMap((r) => (r.status === null ? [] : [[r.status, r.n]])),
      );
      return { byStatus, reachedElsewhere: results.find((r) => r.status === null)?.n ?? 0 };
    },
  };
}
