import { LINK_KINDS, type LinkKind } from "../domain/links/capability";
import type { LinkHolder } from "../domain/links/relink-notices";

/** A holder of stopped links; `renewed` when it also holds a link in force signed with the current secret. */
export interface ReplacedHolder extends LinkHolder {
  readonly renewed: boolean;
}

/** At most this many holders per press: an office's units, deputies and leaders, with room. */
export const MAX_HOLDERS = 500;

/**
 * What 通过通知渠道发送新链接 (/links) reads: who holds links that stopped when the office rotated
 * LINK_SECRET, and which of the notices it would send are in the outbox already.
 */
export interface ReplacedLinks {
  /**
   * The units, deputies and leaders holding a link /links shows 已失效（密钥已更换）(not revoked, not
   * expired, signed with a secret other than `currentFingerprint`, as links-page.tsx judges it), or
   * only `only` when it holds one. One query; units first, then deputies, then leaders, by name.
   */
  holders(currentFingerprint: string, nowIso: string, only?: LinkHolder | null): Promise<ReplacedHolder[]>;
  /**
   * Those of `keys` the outbox holds already, whatever became of them: a failed one is retried on
   * /notices (the outbox would not take the same key again for the same address).
   */
  queuedKeys(keys: readonly string[]): Promise<Set<string>>;
}

export function createReplacedLinks(db: D1Database): ReplacedLinks {
  return {
    async holders(currentFingerprint, nowIso, only = null) {
      // An unstamped link issued no later than the first stamped one was signed with that secret
      // or an earlier one (secret-fingerprint.ts signedWithOtherSecret).
      const { results } = await db
        .prepare(
          `SELECT DISTINCT p.kind AS kind, p.recipient AS name,
             EXISTS (SELECT 1 FROM personal_links AS n WHERE n.kind = p.kind AND n.recipient = p.recipient
               AND n.secret_fp = ?1 AND n.revoked_at IS NULL AND n.expires_at > ?2) AS renewed
           FROM personal_links AS p
           LEFT JOIN (SELECT secret_fp AS fp, issued_at AS at FROM personal_links
             WHERE secret_fp IS NOT NULL ORDER BY issued_at LIMIT 1) AS f
             ON p.secret_fp IS NULL AND p.issued_at <= f.at
           WHERE p.revoked_at IS NULL AND p.expires_at > ?2
             AND ((p.secret_fp IS NOT NULL AND p.secret_fp <> ?1)
               OR (p.secret_fp IS NULL AND f.fp IS NOT NULL AND f.fp <> ?1))
             AND (?3 IS NULL OR (p.kind = ?3 AND p.recipient = ?4))
           ORDER BY CASE p.kind WHEN 'unit' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END, p.recipient
           LIMIT ?5`,
        )
        .bind(currentFingerprint, nowIso, only?.kind ?? null, only?.name ?? null, MAX_HOLDERS)
        .all<{ kind: string; name: string; renewed: number }>();
      return results.flatMap((r) =>
        (LINK_KINDS as readonly string[]).includes(r.kind)
          ? [{ kind: r.kind as LinkKind, name: r.name, renewed: r.renewed === 1 }]
          : [],
      );
    },
    async queuedKeys(keys) {
      if (keys.length === 0) return new Set();
      const { results } = await db
        .prepare(
          `SELECT idempotency_key AS key FROM notices
           WHERE idempotency_key IN (SELECT value FROM json_each(?1))`,
        )
        .bind(JSON.stringify(keys))
        .all<{ key: string }>();
      return new Set(results.map((r) => r.key));
    },
  };
}
