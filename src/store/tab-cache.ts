/** Raw values of the small staff tabs as last read by the sync (the ledger lives in snapshots). */
export interface TabCache {
  /** Stores the tabs; returns how many changed. */
  save(tabs: Record<string, unknown[][]>, seenAt: string): Promise<number>;
  loadAll(): Promise<Record<string, unknown[][]>>;
  /** Only the named tabs (a page that needs no 沟通记录 does not parse it). */
  load(names: readonly string[]): Promise<Record<string, unknown[][]>>;
}

export function createTabCache(db: D1Database): TabCache {
  return {
    async save(tabs, seenAt) {
      const upsert = db.prepare(
        `INSERT INTO tab_cache (name, rows, seen_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (name) DO UPDATE SET rows = excluded.rows, seen_at = excluded.seen_at
         WHERE tab_cache.rows != excluded.rows`,
      );
      const entries = Object.entries(tabs);
      if (entries.length === 0) return 0;
      const results = await db.batch(
        entries.map(([name, rows]) => upsert.bind(name, JSON.stringify(rows), seenAt)),
      );
      return results.reduce((n, r) => n + (r.meta.changes ?? 0), 0);
    },
    async loadAll() {
      const { results } = await db
        .prepare("SELECT name, rows FROM tab_cache")
        .all<{ name: string; rows: string }>();
      return Object.fromEntries(results.map((r) => [r.name, JSON.parse(r.rows) as unknown[][]]));
    },
    async load(names) {
      if (names.length === 0) return {};
      const marks = names.map((_, i) => `?${i + 1}`).join(", ");
      const { results } = await db
        .prepare(`SELECT name, rows FROM tab_cache WHERE name IN (${marks})`)
        .bind(...names)
        .all<{ name: string; rows: string }>();
      return Object.fromEntries(results.map((r) => [r.name, JSON.parse(r.rows) as unknown[][]]));
    },
  };
}
