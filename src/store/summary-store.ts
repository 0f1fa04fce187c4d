import type { StoredSummaryRow } from "../domain/summary/summary-row";

/** The ledger's evaluated rows, stored by the sync in parts (one per sync chunk). */
export interface SummaryStore {
  /** Writes the parts whose content changed and drops parts past `count` (the ledger got shorter). */
  save(parts: ReadonlyMap<number, string>, count: number | null, at: string): Promise<number>;
  /** Every stored row, in part order. */
  loadAll(): Promise<StoredSummaryRow[]>;
}

/** A short, stable digest of a part's JSON, so an unchanged part is not written again (D1 writes are counted). */
async function digest(text: string): Promise<string> {
  const bytes = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(text));
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export function createSummaryStore(db: D1Database): SummaryStore {
  return {
    async save(parts, count, at) {
      const entries = [...parts];
      const hashes = await Promise.all(entries.map(([, text]) => digest(text)));
      const { results } = await db
        .prepare("SELECT part, hash FROM summary_parts")
        .all<{ part: number; hash: string }>();
      const stored = new Map(results.map((r) => [r.part, r.hash]));
      const upsert = db.prepare(
        `INSERT INTO summary_parts (part, rows, hash, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (part) DO UPDATE SET rows = excluded.rows, hash = excluded.hash, updated_at = excluded.updated_at`,
      );
      const statements = entries.flatMap(([part, text], i) =>
        stored.get(part) === hashes[i] ? [] : [upsert.bind(part, text, hashes[i], at)],
      );
      if (count !== null)
        statements.push(db.prepare("DELETE FROM summary_parts WHERE part >= ?1").bind(count));
      if (statements.length > 0) await db.batch(statements);
      return statements.length;
    },
    async loadAll() {
      const { results } = await db
        .prepare("SELECT rows FROM summary_parts ORDER BY part")
        .all<{ rows: string }>();
      const rows: StoredSummaryRow[] = [];
      for (const r of results) for (const row of JSON.parse(r.rows) as StoredSummaryRow[]) rows.push(row);
      return rows;
    },
  };
}
