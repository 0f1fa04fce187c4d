import type { Channel, NoticeState, NoticeType } from "../../sheets-schema/enums";
import type { DeliveryResult } from "../channels/types";
import type { PlannedNotice } from "../domain/notices/types";
import { jsonCell, jsonCells, jsonRowSlices } from "./d1-batch";
import { type OutboxQueries, outboxQueries } from "./outbox-queries";
import { type NoticeRow, type StoredNotice, toStoredNotice } from "./outbox-rows";
import { createRobotPacing, type RobotPacing } from "./robot-pacing";

export type { NoticeAttempt, NoticeFilter, OutboxQueries } from "./outbox-queries";
export type { StoredNotice } from "./outbox-rows";

/** A waiting notice's move to its recipient's corrected address, and what staff are told of it. */
export interface AddressChange {
  readonly id: number;
  /** The address it was planned with: the move is made only if it still holds this one. */
  readonly from: string;
  readonly to: string;
  /** Chinese, for its attempt history and /notices (no robot secret in it). */
  readonly note: string;
}

/** Where a notice goes and how long its text is, as enqueueing paces and bundles it. */
export interface OutboxRoute {
  readonly id: number;
  readonly channel: Channel;
  readonly address: string;
  readonly type: NoticeType;
  readonly titleBytes: number;
  readonly bodyBytes: number;
}

export type ClaimResult =
  | { kind: "claimed"; notice: StoredNotice }
  | { kind: "finished"; status: NoticeState }
  /** Another delivery holds it until `until` (ms): try again after that. */
  | { kind: "busy"; until: number }
  | { kind: "missing" };

/** The notices outbox in D1: one row per notice, unique by idempotency key, every attempt logged. */
export interface NoticeOutbox extends OutboxQueries {
  /**
   * Inserts what is not there yet; returns the ids inserted by this call. A notice whose key is
   * there already is left alone, unless it failed for good (失败) and this one goes to another
   * address (staff corrected it): then it takes the new address and text and is 待发送 again, its
   * id returned, once (the 失败 condition is checked in the same statement).
   */
  insert(notices: readonly PlannedNotice[], plannedAt: string): Promise<number[]>;
  /** Each group robot's next free moment: notices to one robot are queued spaced out. */
  readonly pacing: RobotPacing;
  /**
   * The channel, address and type of these notices, with the UTF-8 bytes of their title and body, in
   * id order (one query): for their pacing and for bundling a robot's notices into one message.
   */
  routes(ids: readonly number[]): Promise<OutboxRoute[]>;
  /**
   * Stamps each notice with when its queue message is due (its delay's end, not the send): the
   * hourly sweep queues again only what is still 待发送 long after that.
   */
  markEnqueued(entries: readonly (readonly [id: number, dueAt: string])[]): Promise<void>;
  /** 待发送 notices planned before `plannedBefore` and never enqueued, or last enqueued before `enqueuedBefore`. */
  stranded(plannedBefore: string, enqueuedBefore: string, limit: number): Promise<number[]>;
  /**
   * Takes these notices for one delivery each until `nowMs + ttlMs`: only a 待发送 notice nobody
   * holds. One statement claims them all; a second says why the others were not (when some were not).
   */
  claim(ids: readonly number[], nowMs: number, ttlMs: number): Promise<Map<number, ClaimResult>>;
  /** Logs an attempt and applies its outcome; a retryable failure leaves the notice 待发送. */
  recordAttempt(id: number, at: string, result: DeliveryResult): Promise<void>;
  /**
   * recordAttempt for the notices one robot message carried (a bundle), each its own attempt with the
   * same result: two statements in one batch, however many.
   */
  recordAttempts(ids: readonly number[], at: string, result: DeliveryResult): Promise<void>;
  /** Marks 失败 whatever of these is still 待发送 (the dead-letter queue's verdict). */
  markFailed(ids: readonly number[], at: string, reason: string): Promise<number>;
  /**
   * Moves 待发送 notices to their recipients' corrected addresses, in one transaction (two
   * statements, however many): only a notice nobody holds at `nowMs` (claim) and still at its `from`
   * address, so a delivery under way keeps the address it was claimed with and nothing goes twice.
   * The note joins its attempt history (not counted as an attempt) and is its last error until its
   * next attempt. Returns the ids moved.
   */
  readdress(changes: readonly AddressChange[], at: string, nowMs: number): Promise<number[]>;
  /** Puts a 失败 notice back to 待发送, to `address` (the recipient's as it is now); false when it is not 失败. */
  resetForRetry(id: number, address: string): Promise<boolean>;
  markLogged(ids: readonly number[]): Promise<void>;
}

/** `pacedRobots` false: the local stack's notice sink, which is no robot, gets notices at once. */
export function createNoticeOutbox(db: D1Database, pacedRobots = true): NoticeOutbox {
  const byIds = (sql: string, ids: readonly number[], ...binds: unknown[]) =>
    db
      .prepare(sql)
      .bind(JSON.stringify(ids), ...binds)
      .run();
  // The notices of one jsonRowSlices slice (?1), planned at ?2; a key already there is skipped.
  const insertMany = db.prepare(
    `INSERT INTO notices (idempotency_key, type, suggestion_id, round, occurrence, recipient, channel,
       address, title, body, due_on, planned_at, status)
     SELECT ${jsonCells(11)}, ?2, '待发送'
     FROM json_each(?1) AS e WHERE true ORDER BY e.key
     ON CONFLICT (idempotency_key) DO UPDATE SET address = excluded.address, title = excluded.title,
       body = excluded.body, planned_at = excluded.planned_at, status = '待发送', finished_at = NULL,
       claimed_until = 0, enqueued_at = NULL
     WHERE notices.status = '失败' AND notices.address <> excluded.address
     RETURNING id`,
  );
  const recordAttempts: NoticeOutbox["recordAttempts"] = async (ids, at, result) => {
    if (ids.length === 0) return;
    // A delivered notice's note (an unsigned webhook) is kept where a failure's error goes: the
    // attempt's history and the note /notices shows under the notice.
    const error = result.ok ? (result.note ?? null) : result.error;
    const status: NoticeState = result.ok ? "已发送" : result.retryable ? "待发送" : "失败";
    const json = JSON.stringify(ids);
    await db.batch([
      db
        .prepare(
          `INSERT INTO notice_attempts (notice_id, attempted_at, ok, http_status, error)
           SELECT e.value, ?2, ?3, ?4, ?5 FROM json_each(?1) AS e ORDER BY e.key`,
        )
        .bind(json, at, result.ok ? 1 : 0, result.status, error),
      db
        .prepare(
          `UPDATE notices SET attempts = attempts + 1, last_error = ?3, status = ?2, claimed_until = 0,
             sent_at = CASE WHEN ?2 = '已发送' THEN ?4 ELSE sent_at END,
             finished_at = CASE WHEN ?2 = '待发送' THEN finished_at ELSE ?4 END,
             logged_to_sheet = CASE WHEN ?2 = '待发送' THEN logged_to_sheet ELSE 0 END
           WHERE id IN (SELECT value FROM json_each(?1))`,
        )
        .bind(json, status, error, at),
    ]);
  };
  return {
    ...outboxQueries(db),
    pacing: createRobotPacing(db, pacedRobots),
    async insert(notices, plannedAt) {
      const rows = notices.map((n) => [
        n.key,
        n.type,
        n.suggestionId,
        n.round,
        n.occurrence,
        n.recipient,
        n.channel,
        n.address,
        n.title,
        n.body,
        n.dueOn,
      ]);
      const ids: number[] = [];
      for (const slice of jsonRowSlices(rows)) {
        const { results } = await insertMany.bind(slice, plannedAt).all<{ id: number }>();
        for (const row of results) ids.push(row.id);
      }
      // RETURNING gives the rows in no set order.
      return ids.sort((x, y) => x - y);
    },
    async routes(ids) {
      if (ids.length === 0) return [];
      // CAST AS BLOB: length() of a text counts characters, of a blob its (UTF-8) bytes.
      const { results } = await db
        .prepare(
          `SELECT id, channel, address, type, length(CAST(title AS BLOB)) AS titleBytes,
             length(CAST(body AS BLOB)) AS bodyBytes
           FROM notices WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id`,
        )
        .bind(JSON.stringify(ids))
        .all<OutboxRoute>();
      return results;
    },
    async markEnqueued(entries) {
      if (entries.length > 0)
        await db
          .prepare(
            `UPDATE notices AS n SET enqueued_at = ${jsonCell(1)} FROM json_each(?1) AS e
             WHERE n.id = ${jsonCell(0)}`,
          )
          .bind(JSON.stringify(entries))
          .run();
    },
    async stranded(plannedBefore, enqueuedBefore, limit) {
      const { results } = await db
        .prepare(
          `SELECT id FROM notices WHERE status = '待发送'
             AND ((enqueued_at IS NULL AND planned_at < ?1) OR enqueued_at < ?2)
           ORDER BY id LIMIT ?3`,
        )
        .bind(plannedBefore, enqueuedBefore, limit)
        .all<{ id: number }>();
      return results.map((r) => r.id);
    },
    async claim(ids, nowMs, ttlMs) {
      // One statement, so two consumers holding messages for the same notice cannot both win.
      // `+status`: found by id, not through the status index (which reads every 待发送 notice).
      const { results: claimed } = await db
        .prepare(
          `UPDATE notices SET claimed_until = ?2
           WHERE id IN (SELECT value FROM json_each(?1)) AND +status = '待发送' AND claimed_until <= ?3
           RETURNING *`,
        )
        .bind(JSON.stringify(ids), nowMs + ttlMs, nowMs)
        .all<NoticeRow>();
      const out = new Map<number, ClaimResult>();
      for (const row of claimed) out.set(row.id, { kind: "claimed", notice: toStoredNotice(row) });
      const rest = ids.filter((id) => !out.has(id));
      if (rest.length === 0) return out;
      const { results: current } = await db
        .prepare(
          "SELECT id, status, claimed_until FROM notices WHERE id IN (SELECT value FROM json_each(?1))",
        )
        .bind(JSON.stringify(rest))
        .all<{ id: number; status: NoticeState; claimed_until: number }>();
      const found = new Map(current.map((r) => [r.id, r]));
      for (const id of rest) {
        const row = found.get(id);
        out.set(
          id,
          row === undefined
            ? { kind: "missing" }
            : row.status === "待发送"
              ? { kind: "busy", until: row.claimed_until }
              : { kind: "finished", status: row.status },
        );
      }
      return out;
    },
    recordAttempt: (id, at, result) => recordAttempts([id], at, result),
    recordAttempts,
    async markFailed(ids, at, reason) {
      if (ids.length === 0) return 0;
      // `+status`: found by id, not through the status index (which reads every 待发送 notice).
      const result = await byIds(
        `UPDATE notices SET status = '失败', finished_at = ?2, claimed_until = 0, logged_to_sheet = 0,
           last_error = COALESCE(last_error || '；', '') || ?3
         WHERE id IN (SELECT value FROM json_each(?1)) AND +status = '待发送'`,
        ids,
        at,
        reason,
      );
      return result.meta.changes;
    },
    async readdress(changes, at, nowMs) {
      if (changes.length === 0) return [];
      const json = JSON.stringify(changes.map((c) => [c.id, c.from, c.to, c.note]));
      // The same condition in both statements; the batch is one transaction, so the history and
      // the move cannot part.
      const movable = `n.status = '待发送' AND n.claimed_until <= ?3 AND n.address = ${jsonCell(1)}`;
      const [, moved] = await db.batch<{ id: number }>([
        db
          .prepare(
            `INSERT INTO notice_attempts (notice_id, attempted_at, ok, http_status, error)
             SELECT n.id, ?2, 0, NULL, ${jsonCell(3)}
             FROM json_each(?1) AS e JOIN notices AS n ON n.id = ${jsonCell(0)}
             WHERE ${movable} ORDER BY e.key`,
          )
          .bind(json, at, nowMs),
        db
          .prepare(
            `UPDATE notices AS n SET address = ${jsonCell(2)}, last_error = ${jsonCell(3)}
             FROM json_each(?1) AS e
             WHERE n.id = ${jsonCell(0)} AND ${movable}
             RETURNING id`,
          )
          .bind(json, at, nowMs),
      ]);
      return (moved?.results ?? []).map((r) => r.id).sort((x, y) => x - y);
    },
    async resetForRetry(id, address) {
      const result = await db
        .prepare(
          `UPDATE notices SET status = '待发送', finished_at = NULL, claimed_until = 0, enqueued_at = NULL,
             address = ?2
           WHERE id = ?1 AND status = '失败'`,
        )
        .bind(id, address)
        .run();
      return result.meta.changes === 1;
    },
    async markLogged(ids) {
      if (ids.length > 0)
        await byIds(
          "UPDATE notices SET logged_to_sheet = 1 WHERE id IN (SELECT value FROM json_each(?1))",
          ids,
        );
    },
  };
}

/**
 * What the outbox keeps of a person who asked for their personal information to be deleted (清除个人
 * 信息, src/jobs/personal-data/erase.ts), as statements for the caller's one batch: of every notice
 * to one of `recipients` (the names the notices were addressed to, through notices_by_recipient),
 * the address and the body go (the body is `marker`); its type, 编号, dates, status and title stay,
 * the office's record that it was sent. The error texts of those notices and of their attempts may
 * quote the address (a corrected 邮箱's note): they become `marker` too. A notice still 待发送 is
 * never sent: it is 失败 with `unsentNote`, and 通知记录 is told so. Two statements, however many.
 */
export function eraseNoticesToStatements(
  db: D1Database,
  recipients: readonly string[],
  marker: string,
  unsentNote: string,
  at: string,
): D1PreparedStatement[] {
  const names = JSON.stringify(recipients);
  return [
    db
      .prepare(
        `UPDATE notice_attempts SET error = ?2 WHERE error IS NOT NULL AND notice_id IN (
           SELECT id FROM notices WHERE recipient IN (SELECT value FROM json_each(?1)))`,
      )
      .bind(names, marker),
    // SET expressions read the row as it was: a 待发送 one is told apart before its status moves.
    db
      .prepare(
        `UPDATE notices SET address = '', body = ?2,
           last_error = CASE WHEN status = '待发送' THEN ?3 WHEN last_error IS NULL THEN NULL ELSE ?2 END,
           finished_at = CASE WHEN status = '待发送' THEN ?4 ELSE finished_at END,
           logged_to_sheet = CASE WHEN status = '待发送' THEN 0 ELSE logged_to_sheet END,
           status = CASE WHEN status = '待发送' THEN '失败' ELSE status END
         WHERE recipient IN (SELECT value FROM json_each(?1))`,
      )
      .bind(names, marker, unsentNote, at),
  ];
}
