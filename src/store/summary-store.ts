import type { FactTuple, StoredSummaryRow } from "../domain/summary/summary-row";

/** One part of the summary: its rows whole, and cut to the dashboard's facts (both JSON arrays). */
export interface SummaryPart {
  rows: string;
  facts: string;
  /** The rows as lines of the ledger export (CSV, no header). */
  csv: string;
  /**
   * What the evaluation depended on (a digest) and the chunk's result, kept only when the chunk
   * left nothing to write: the next sync that reads the same input reuses the result.
   */
  steady?: { input: string; result: string } | null;
}

/** The ledger's evaluated rows, stored by the sync in parts (one per sync chunk). */
export interface SummaryStore {
  /** Writes the parts whose content changed; with `count`, drops parts past it (the ledger got shorter). */
  save(parts: ReadonlyMap<number, SummaryPart>, count: number | null, at: string): Promise<number>;
  /** Every stored row, whole, in part order. */
  loadAll(): Promise<StoredSummaryRow[]>;
  /** Every stored row cut to its facts, in part order (what the dashboard's pages read). */
  loadFacts(): Promise<FactTuple[]>;
  /** The ledger export's lines of every part, in order (CSV text, no header). */
  loadCsv(): Promise<string>;
  /** The rows of one part, whole. */
  loadPart(part: number): Promise<StoredSummaryRow[]>;
  /** The part's steady input digest and the result stored with it, if any. */
  steady(part: number): Promise<{ input: string; result: string } | null>;
  /** How many parts are stored. */
  count(): Promise<number>;
}

/** A short, stable digest of a part, so an unchanged part is not written again (D1 writes are counted). */
async function digest(part: SummaryPart): Promise<string> {
  // Facts and CSV too: a new build may cut the same rows otherwise, a new day counts other days left.
  const text = `${part.rows}\n${part.facts}\n${part.csv}`;
  const bytes = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(text));
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
        .prepare("SELECT part, hash, input FROM summary_parts")
        .all<{ part: number; hash: string; input: string | null }>();
      const stored = new Map(results.map((r) => [r.part, r]));
      const upsert = db.prepare(
        `INSERT INTO summary_parts (part, rows, facts, hash, updated_at, input, result, csv)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (part) DO UPDATE SET rows = excluded.rows, facts = excluded.facts, hash = excluded.hash,
           updated_at = excluded.updated_at, input = excluded.input, result = excluded.result, csv = excluded.csv`,
      );
      const markSteady = db.prepare("UPDATE summary_parts SET input = ?2, result = ?3 WHERE part = ?1");
      let changed = 0;
      const statements = entries.flatMap(([index, part], i) => {
        const before = stored.get(index);
        const input = part.steady?.input ?? null;
        const result = part.steady?.result ?? null;
        if (before?.hash !== hashes[i]) {
          changed++;
          return [upsert.bind(index, part.rows, part.facts, hashes[i], at, input, result, part.csv)];
        }
        // The same rows: only whether (and for what input) they are steady may have changed.
        return before?.input === input ? [] : [markSteady.bind(index, input, result)];
      });
      if (count !== null) {
        const dropped = results.filter((r) => r.part >= count).length;
        changed += dropped;
        if (dropped > 0)
          statements.push(db.prepare("DELETE FROM summary_parts WHERE part >= ?1").bind(count));
      }
      if (statements.length > 0) await db.batch(statements);
      return changed;
    },
    async loadCsv() {
      const { results } = await db
        .prepare("SELECT csv FROM summary_parts ORDER BY part")
        .all<{ csv: string | null }>();
      return results.map((r) => r.csv ?? "").join("");
    },
    async loadPart(part) {
      const row = await db
        .prepare("SELECT rows FROM summary_parts WHERE part = ?1")
        .bind(part)
        .first<{ rows: string }>();
      return row ? (JSON.parse(row.rows) as StoredSummaryRow[]) : [];
    },
    async steady(part) {
      const row = await db
        .prepare("SELECT input, result FROM summary_parts WHERE part = ?1")
        .bind(part)
        .first<{ input: string | null; result: string | null }>();
      return row?.input && row.result ? { input: row.input, result: row.result } : null;
    },
    async count() {
      const row = await db.prepare("SELECT COUNT(*) AS n FROM summary_parts").first<{ n: number }>();
      return row?.n ?? 0;
    },
    loadAll: () => loadColumn<StoredSummaryRow>(db, "rows"),
    loadFacts: () => loadColumn<FactTuple>(db, "facts"),
  };
}
