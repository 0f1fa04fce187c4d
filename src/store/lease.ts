/** A named lease in D1: at most one holder at a time, expiring on its own if a run dies. */
export interface Lease {
  acquire(name: string, holder: string, ttlMs: number, nowMs: number): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
  /** Extends a lease this holder still has; false when it expired and someone else took it. */
  renew(name: string, holder: string, ttlMs: number, nowMs: number): Promise<boolean>;
}

export function createLease(db: D1Database): Lease {
  return {
    async acquire(name, holder, ttlMs, nowMs) {
      // One statement, so two racing runs cannot both see the lease as free.
      const row = await db
        .prepare(
          `INSERT INTO leases (name, holder, expires_at) VALUES (?1, ?2, ?3)
           ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
           WHERE leases.expires_at <= ?4
           RETURNING holder`,
        )
        .bind(name, holder, nowMs + ttlMs, nowMs)
        .first<{ holder: string }>();
      return row?.holder === holder;
    },
    async renew(name, holder, ttlMs, nowMs) {
      const row = await renewStatement(db, { name, holder, expiresAt: nowMs + ttlMs }).first<{
        holder: string;
      }>();
      return row?.holder === holder;
    },
    async release(name, holder) {
      await db.prepare("DELETE FROM leases WHERE name = ?1 AND holder = ?2").bind(name, holder).run();
    },
  };
}

/** A renewal of a lease this holder still has, sent with other statements (see SyncRunLog.openStep). */
export interface LeaseRenewal {
  name: string;
  holder: string;
  /** Epoch ms the lease then runs to. */
  expiresAt: number;
}

/** Lease.renew's statement: returns the holder's row when it still holds the lease, none otherwise. */
export function renewStatement(db: D1Database, renewal: LeaseRenewal): D1PreparedStatement {
  return db
    .prepare("UPDATE leases SET expires_at = ?3 WHERE name = ?1 AND holder = ?2 RETURNING holder")
    .bind(renewal.name, renewal.holder, renewal.expiresAt);
}
