import { LINK_KINDS, type LinkKind, type LinkScope } from "../domain/links/capability";
import type { SignedWith } from "../links/secret-fingerprint";
import { jsonCells, jsonRowSlices } from "./d1-batch";

/**
 * A personal link as D1 keeps it (migrations/0013_personal_links.sql, 0028 for the secret's
 * fingerprint); never the token itself.
 */
export interface LinkRecord extends SignedWith {
  id: string;
  kind: LinkKind;
  recipient: string;
  scope: LinkScope;
  issuedAt: string;
  expiresAt: string;
  noticeType: string | null;
  suggestionId: string | null;
  issuedBy: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  lastUsedAt: string | null;
  uses: number;
}

export type NewLinkRecord = Omit<
  LinkRecord,
  "revokedAt" | "revokedBy" | "lastUsedAt" | "uses" | "secretFingerprint" | "issuedBeforeFingerprint"
> & {
  /** Of the secret that signed it (secretFingerprint). */
  secretFingerprint: string;
};

/** One use of a link: its record, and the requests it made in the current window (this one included). */
export interface LinkUse {
  record: LinkRecord;
  windowHits: number;
  /** Unix seconds the window began. */
  windowStart: number;
}

export interface LinkFilter {
  kind?: LinkKind;
  recipient?: string;
  /**
   * A search: the links of recipients whose name begins with it, read as a range of
   * personal_links_by_recipient (kind, recipient, …) for each kind: a part inside a name would be
   * a read of every link.
   */
  text?: string;
  limit: number;
  /** Links skipped before the first listed (a later page of the list). */
  offset?: number;
}

/** The filters of `list` that `count` reads. */
export type LinkCountFilter = Omit<LinkFilter, "limit" | "offset">;

/** The links the Worker signed: issue, use (counted, rate-limited), list and revoke. */
export interface PersonalLinks {
  issue(records: readonly NewLinkRecord[]): Promise<void>;
  /**
   * Counts one request through the link (one atomic statement, so parallel requests from any
   * isolate are all counted) and returns its record; null when D1 has no such link.
   */
  use(id: string, nowMs: number, windowS: number): Promise<LinkUse | null>;
  /**
   * A link's record without counting a use: for a token refused for its signature, to tell a link
   * signed with an earlier LINK_SECRET from a forged one. Null when D1 has no such link.
   */
  find(id: string): Promise<LinkRecord | null>;
  /** The links of the filter, newest first. */
  list(filter: LinkFilter): Promise<LinkRecord[]>;
  /** How many links the filter lists on all its pages. */
  count(filter: LinkCountFilter): Promise<number>;
  /** Revokes one link; false when it does not exist or was already revoked. */
  revoke(id: string, at: string, by: string): Promise<boolean>;
  /**
   * Revokes every link of a recipient still in force at `at`, as /links shows 有效: not revoked, not
   * expired, and not signed with a LINK_SECRET other than `currentFingerprint` (secret-fingerprint.ts
   * signedWithOtherSecret; null when links are not set up, then nothing is judged). Returns how many.
   */
  revokeAll(
    kind: LinkKind,
    recipient: string,
    at: string,
    by: string,
    currentFingerprint: string | null,
  ): Promise<number>;
}

interface LinkRow {
  id: string;
  kind: LinkKind;
  recipient: string;
  scope: LinkScope;
  issued_at: string;
  expires_at: string;
  notice_type: string | null;
  suggestion_id: string | null;
  issued_by: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  last_used_at: string | null;
  uses: number;
  secret_fp: string | null;
  /** Of listed and found rows only (FIRST_STAMPED); `use` leaves it out. */
  issued_before_fp?: string | null;
}

const COLUMNS =
  "id, kind, recipient, scope, issued_at, expires_at, notice_type, suggestion_id, issued_by, revoked_at, revoked_by, last_used_at, uses, secret_fp";

/**
 * The first link stamped with its secret's fingerprint (one step of the partial index
 * personal_links_stamped), joined to rows as `f`: an unstamped row issued no later than it was
 * signed with its secret or an earlier one.
 */
const FIRST_STAMPED = `LEFT JOIN (SELECT secret_fp AS fp, issued_at AS at FROM personal_links
     WHERE secret_fp IS NOT NULL ORDER BY issued_at LIMIT 1) AS f ON p.secret_fp IS NULL AND p.issued_at <= f.at`;
const LISTED = `${COLUMNS.split(", ")
  .map((c) => `p.${c}`)
  .join(", ")}, f.fp AS issued_before_fp`;

const toRecord = (r: LinkRow): LinkRecord => ({
  id: r.id,
  kind: r.kind,
  recipient: r.recipient,
  scope: r.scope,
  issuedAt: r.issued_at,
  expiresAt: r.expires_at,
  noticeType: r.notice_type,
  suggestionId: r.suggestion_id,
  issuedBy: r.issued_by,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
  lastUsedAt: r.last_used_at,
  uses: r.uses,
  secretFingerprint: r.secret_fp,
  issuedBeforeFingerprint: r.issued_before_fp ?? null,
});

/**
 * The WHERE of a filter, with its bound values (?1…): written for the filters given (not `?1 IS
 * NULL OR …`, which no index answers), the kinds named so that a search by name alone is a range of
 * personal_links_by_recipient for each kind.
 */
function linksWhere(filter: LinkCountFilter): { where: string; binds: (string | number)[] } {
  const where: string[] = [];
  const binds: (string | number)[] = [];
  const kinds = filter.kind ? [filter.kind] : filter.text ? [...LINK_KINDS] : [];
  if (kinds.length > 0) {
    binds.push(...kinds);
    const first = binds.length - kinds.length + 1;
    where.push(`p.kind IN (${kinds.map((_, i) => `?${first + i}`).join(", ")})`);
  }
  if (filter.recipient) {
    binds.push(filter.recipient);
    where.push(`p.recipient = ?${binds.length}`);
  }
  const text = filter.text?.trim();
  if (text) {
    // Past every name that begins with the text: its highest code point.
    binds.push(text, `${text}\u{10FFFF}`);
    where.push(`p.recipient >= ?${binds.length - 1} AND p.recipient < ?${binds.length}`);
  }
  return { where: where.length ? `WHERE ${where.join(" AND ")}` : "", binds };
}

export function createPersonalLinks(db: D1Database): PersonalLinks {
  // The links of one jsonRowSlices slice (?1).
  const issueMany = db.prepare(
    `INSERT INTO personal_links (id, kind, recipient, scope, issued_at, expires_at, notice_type, suggestion_id, issued_by, secret_fp)
     SELECT ${jsonCells(10)} FROM json_each(?1) AS e ORDER BY e.key`,
  );
  return {
    async issue(records) {
      const rows = records.map((r) => [
        r.id,
        r.kind,
        r.recipient,
        r.scope,
        r.issuedAt,
        r.expiresAt,
        r.noticeType,
        r.suggestionId,
        r.issuedBy,
        r.secretFingerprint,
      ]);
      for (const slice of jsonRowSlices(rows)) await issueMany.bind(slice).run();
    },
    async use(id, nowMs, windowS) {
      const nowS = Math.floor(nowMs / 1000);
      // SET expressions read the row as it was before the update: a window that ran out starts over.
      const row = await db
        .prepare(
          `UPDATE personal_links SET
             window_hits = CASE WHEN window_start <= ?2 - ?3 THEN 1 ELSE window_hits + 1 END,
             window_start = CASE WHEN window_start <= ?2 - ?3 THEN ?2 ELSE window_start END,
             uses = uses + 1, last_used_at = ?4
           WHERE id = ?1
           RETURNING ${COLUMNS}, window_hits, window_start`,
        )
        .bind(id, nowS, windowS, new Date(nowMs).toISOString())
        .first<LinkRow & { window_hits: number; window_start: number }>();
      if (!row) return null;
      return { record: toRecord(row), windowHits: row.window_hits, windowStart: row.window_start };
    },
    async find(id) {
      const row = await db
        .prepare(`SELECT ${LISTED} FROM personal_links AS p ${FIRST_STAMPED} WHERE p.id = ?1`)
        .bind(id)
        .first<LinkRow>();
      return row ? toRecord(row) : null;
    },
    async list(filter) {
      const { where, binds } = linksWhere(filter);
      binds.push(filter.limit, filter.offset ?? 0);
      const { results } = await db
        .prepare(
          `SELECT ${LISTED} FROM personal_links AS p ${FIRST_STAMPED} ${where}
           ORDER BY p.issued_at DESC, p.id LIMIT ?${binds.length - 1} OFFSET ?${binds.length}`,
        )
        .bind(...binds)
        .all<LinkRow>();
      return results.map(toRecord);
    },
    async count(filter) {
      const { where, binds } = linksWhere(filter);
      const row = await db
        .prepare(`SELECT COUNT(*) AS n FROM personal_links AS p ${where}`)
        .bind(...binds)
        .first<{ n: number }>();
      return row?.n ?? 0;
    },
    async revoke(id, at, by) {
      const result = await db
        .prepare(
          "UPDATE personal_links SET revoked_at = ?2, revoked_by = ?3 WHERE id = ?1 AND revoked_at IS NULL",
        )
        .bind(id, at, by)
        .run();
      return result.meta.changes === 1;
    },
    async revokeAll(kind, recipient, at, by, currentFingerprint) {
      // signedWithOtherSecret in SQL: a stamped link by its own fingerprint; an unstamped one by the
      // first stamped link's (FIRST_STAMPED), when it was issued no later than that one.
      const result = await db
        .prepare(
          `UPDATE personal_links SET revoked_at = ?3, revoked_by = ?4
           WHERE kind = ?1 AND recipient = ?2 AND revoked_at IS NULL AND expires_at > ?3
             AND (?5 IS NULL OR secret_fp = ?5 OR (secret_fp IS NULL AND NOT EXISTS (
               SELECT 1 FROM (SELECT secret_fp AS fp, issued_at AS at FROM personal_links
                 WHERE secret_fp IS NOT NULL ORDER BY issued_at LIMIT 1) AS f
               WHERE personal_links.issued_at <= f.at AND f.fp <> ?5)))`,
        )
        .bind(kind, recipient, at, by, currentFingerprint)
        .run();
      return result.meta.changes;
    },
  };
}

/**
 * Deletes every personal link of these kinds and recipients (清除个人信息): its record names the
 * person and what the link was sent with. A token still held then opens nothing (the link page
 * answers as for a link D1 does not know). One statement, for the caller's batch.
 */
export function deleteLinksOfStatement(
  db: D1Database,
  kinds: readonly string[],
  recipients: readonly string[],
): D1PreparedStatement {
  return db
    .prepare(
      `DELETE FROM personal_links
       WHERE kind IN (SELECT value FROM json_each(?1)) AND recipient IN (SELECT value FROM json_each(?2))`,
    )
    .bind(JSON.stringify(kinds), JSON.stringify(recipients));
}
