import { sha256Hex } from "../digest";

/** Dashboard sessions opened with the admin token (migrations/0008_sessions.sql). */
export interface SessionStore {
  /** Opens a session; returns the id for the cookie (never stored as such). */
  open(tokenTag: string, nowMs: number, lifetimeMs: number): Promise<{ id: string; expiresAt: string }>;
  /** True when the id names a session that is neither expired, revoked, nor from an older token. */
  isLive(id: string, tokenTag: string, nowMs: number): Promise<boolean>;
  /** Ends a session for good (sign-out); unknown ids are ignored. */
  revoke(id: string, nowMs: number): Promise<void>;
}

/** 32 random bytes as base64url: 43 characters. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A new session id from the platform's CSPRNG (256 bits). */
export function newSessionId(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/**
 * Eight hex digits of the admin token's SHA-256: enough to tell that the token was rotated, too
 * little to help anyone guess it from a copy of D1.
 */
export async function tokenTagOf(adminToken: string): Promise<string> {
  return (await sha256Hex(`jianyi-session:${adminToken}`)).slice(0, 8);
}

export function createSessionStore(db: D1Database): SessionStore {
  return {
    async open(tokenTag, nowMs, lifetimeMs) {
      const id = newSessionId();
      const now = new Date(nowMs).toISOString();
      const expiresAt = new Date(nowMs + lifetimeMs).toISOString();
      await db.batch([
        // Expired sessions are of no use to anyone: each sign-in sweeps them away.
        db.prepare("DELETE FROM sessions WHERE expires_at <= ?1").bind(now),
        db
          .prepare(
            "INSERT INTO sessions (id_hash, token_tag, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
          )
          .bind(await sha256Hex(id), tokenTag, now, expiresAt),
      ]);
      return { id, expiresAt };
    },
    async isLive(id, tokenTag, nowMs) {
      if (!SESSION_ID.test(id)) return false;
      const row = await db
        .prepare(
          `SELECT 1 AS live FROM sessions
           WHERE id_hash = ?1 AND token_tag = ?2 AND revoked_at IS NULL AND expires_at > ?3`,
        )
        .bind(await sha256Hex(id), tokenTag, new Date(nowMs).toISOString())
        .first<{ live: number }>();
      return row !== null;
    },
    async revoke(id, nowMs) {
      if (!SESSION_ID.test(id)) return;
      await db
        .prepare("UPDATE sessions SET revoked_at = ?2 WHERE id_hash = ?1 AND revoked_at IS NULL")
        .bind(await sha256Hex(id), new Date(nowMs).toISOString())
        .run();
    },
  };
}
