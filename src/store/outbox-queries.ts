import type { NoticeState, NoticeType } from "../../sheets-schema/enums";
import { type NoticeRow, type StoredNotice, toStoredNotice } from "./outbox-rows";

/** One delivery attempt, as notice_attempts logs it. */
export interface NoticeAttempt {
  attemptedAt: string;
  ok: boolean;
  httpStatus: number | null;
  error: string | null;
}

export interface NoticeFilter {
  status?: NoticeState;
  type?: NoticeType;
  /** Recipient name (a unit, a deputy, a digest address). */
  unit?: string;
  limit: number;
}

/** A notice already in the outbox, as planning weighs it. */
export interface OutboxKey {
  readonly key: string;
  readonly status: NoticeState;
  /** Where a 失败 notice failed to go (null for the others): it is planned again only to another address. */
  readonly address: string | null;
}

/** The read side of the notices outbox: planning, the log step, the staff API. */
export interface OutboxQueries {
  /** Keys of notices due on or after `day` (what planning must not plan again). */
  keysDueSince(day: string): Promise<string[]>;
  /** The same, of notices about some suggestions only (a part of the ledger), and `unnamed` ones (the digest). */
  keysDueSinceAbout(
    day: string,
    suggestionIds: readonly string[],
    options?: { unnamed?: boolean },
  ): Promise<OutboxKey[]>;
  /** 待发送 notices, oldest first: a run checks their recipients' addresses against the tabs. */
  waiting(limit: number): Promise<StoredNotice[]>;
  /** Every notice of one base key (noticeBaseKey), whatever its channel. */
  withBaseKey(base: string): Promise<StoredNotice[]>;
  get(id: number): Promise<StoredNotice | null>;
  attempts(id: number): Promise<NoticeAttempt[]>;
  list(filter: NoticeFilter): Promise<StoredNotice[]>;
  /** Finished notices whose outcome is not in 通知记录 yet, oldest first. */
  unlogged(limit: number): Promise<StoredNotice[]>;
  /** Every 已发送 notice about these 编号 (for 最近通知). */
  sentAbout(suggestionIds: readonly string[]): Promise<StoredNotice[]>;
}

export function outboxQueries(db: D1Database): OutboxQueries {
  return {
    async keysDueSince(day) {
      const { results } = await db
        .prepare("SELECT idempotency_key AS key FROM notices WHERE due_on >= ?1")
        .bind(day)
        .all<{ key: string }>();
      return results.map((r) => r.key);
    },
    async keysDueSinceAbout(day, suggestionIds, options = {}) {
      const { results } = await db
        .prepare(
          `SELECT idempotency_key AS key, status, CASE WHEN status = '失败' THEN address END AS address FROM notices
           WHERE due_on >= ?1 AND (suggestion_id IN (SELECT value FROM json_each(?2)) OR (?3 AND suggestion_id IS NULL))`,
        )
        .bind(day, JSON.stringify(suggestionIds), options.unnamed ? 1 : 0)
        .all<OutboxKey>();
      return results;
    },
    async waiting(limit) {
      const { results } = await db
        .prepare("SELECT * FROM notices WHERE status = '待发送' ORDER BY planned_at, id LIMIT ?1")
        .bind(limit)
        .all<NoticeRow>();
      return results.map(toStoredNotice);
    },
    async withBaseKey(base) {
      // A key is `<base>|<channel>`: the range of keys after `<base>|` and before `<base>}` ("}"
      // follows "|"), read through the key's unique index.
      const { results } = await db
        .prepare("SELECT * FROM notices WHERE idempotency_key > ?1 AND idempotency_key < ?2 ORDER BY id")
        .bind(`${base}|`, `${base}}`)
        .all<NoticeRow>();
      return results.map(toStoredNotice);
    },
    async get(id) {
      const row = await db.prepare("SELECT * FROM notices WHERE id = ?1").bind(id).first<NoticeRow>();
      return row ? toStoredNotice(row) : null;
    },
    async attempts(id) {
      const { results } = await db
        .prepare(
          "SELECT attempted_at, ok, http_status, error FROM notice_attempts WHERE notice_id = ?1 ORDER BY id",
        )
        .bind(id)
        .all<{ attempted_at: string; ok: number; http_status: number | null; error: string | null }>();
      return results.map((r) => ({
        attemptedAt: r.attempted_at,
        ok: r.ok === 1,
        httpStatus: r.http_status,
        error: r.error,
      }));
    },
    async list(filter) {
      const { results } = await db
        .prepare(
          `SELECT * FROM notices WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR type = ?2)
             AND (?3 IS NULL OR recipient = ?3)
           ORDER BY id DESC LIMIT ?4`,
        )
        .bind(filter.status ?? null, filter.type ?? null, filter.unit ?? null, filter.limit)
        .all<NoticeRow>();
      return results.map(toStoredNotice);
    },
    async unlogged(limit) {
      const { results } = await db
        .prepare(
          `SELECT * FROM notices WHERE logged_to_sheet = 0 AND status IN ('已发送', '失败')
           ORDER BY finished_at, id LIMIT ?1`,
        )
        .bind(limit)
        .all<NoticeRow>();
      return results.map(toStoredNotice);
    },
    async sentAbout(suggestionIds) {
      if (suggestionIds.length === 0) return [];
      const { results } = await db
        .prepare(
          `SELECT * FROM notices WHERE status = '已发送'
             AND suggestion_id IN (SELECT value FROM json_each(?1))`,
        )
        .bind(JSON.stringify(suggestionIds))
        .all<NoticeRow>();
      return results.map(toStoredNotice);
    },
  };
}
