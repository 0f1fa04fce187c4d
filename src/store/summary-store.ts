import type { FactTuple, StoredSummaryRow } from "../domain/summary/summary-row";

/** One part of the summary: its rows whole, and cut to the dashboard's facts (both JSON arrays). */
export interface SummaryPart {
  rows: string;
  facts: string;
}

/** The ledger's evaluated rows, stored by the sync in parts (one per sync chunk). */
export interface SummaryStore {
  /** Writes the parts whose content changed; with `count`, drops parts past it (the ledger got shorter). */
  save(parts: ReadonlyMap<number, SummaryPart>, count: number | null, at: string): Promise<number>;
  /** Every stored row, whole, in part order. */
  loadAll(): Promise<StoredSummaryRow[]>;
  /** Every stored row cut to its facts, in part order (what the dashboard's pages read). */
  loadFacts(): Promise<FactTuple[]>;
  /** The stored rows of one part, whole (one suggestion's page reads the part holding its row). */
  loadPart(part: number): Promise<StoredSummaryRow[]>;
}

/** A short, stable digest of a part, so an unchanged part is not written again (D1 writes are counted). */
async function digest(part: SummaryPart): Promise<string> {
  const bytes = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(part.rows));
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function loadColumn<T>(db: D1Database, column: "rows" | "facts"): Promise<T[]> {
  const { results } = await db
    .prepare(`SELECT ${column} AS body FROM summary_parts ORDER BY part`)
    .all<{ body: string }>();
  const rows: T[] = [];
  for (const r of results) for (const row of JSON.parse(r.body) as T[]) rows.push(row);
  return rows;
}

export function createSummaryStore(db: D1Database): SummaryStore {
  return {
    async save(parts, count, at) {
      const entries = [...parts];
      const hashes = await Promise.all(entries.map(([, part]) => digest(part)));
      const { results } = await db
        .prepare("SELECT part, hash FROM summary_parts")
        .all<{ part: number; hash: string }>();
      const stored = new Map(results.map((r) => [r.part, r.hash]));
      const upsert = db.prepare(
        `INSERT INTO summary_parts (part, rows, facts, hash, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (part) DO UPDATE SET rows = excluded.rows, facts = excluded.facts, hash = excluded.hash,
           updated_at = excluded.updated_at`,
      );
      const statements = entries.flatMap(([index, part], i) =>
        stored.get(index) === hashes[i] ? [] : [upsert.bind(index, part.rows, part.facts, hashes[i], at)],
      );
      if (count !== null)
        statements.push(db.prepare("DELETE FROM summary_parts WHERE part >= ?1").bind(count));
      if (statements.length > 0) await db.batch(statements);
      return statements.length;
    },
    loadAll: () => loadColumn<StoredSummaryRow>(db, "rows"),
    loadFacts: () => loadColumn<FactTuple>(db, "facts"),
    async loadPart(part) {
      const row = await db
        .prepare("SELECT rows FROM summary_parts WHERE part = ?1")
        .bind(part)
        .first<{ rows: string }>();
      return row ? (JSON.parse(row.rows) as StoredSummaryRow[]) : [];
    },
  };
}
