import type { SampleStratum } from "../domain/dashboard/sampling";

export type SampleStatus = "待确认" | "已确认";

export interface NewSample {
  seed: string;
  year: number | null;
  mode: "count" | "share";
  amount: number;
  population: number;
  size: number;
  strata: readonly SampleStratum[];
  drawnAt: string;
  drawnOn: string;
  drawnBy: string | null;
}

export interface StoredSample extends NewSample {
  id: number;
  status: SampleStatus;
  confirmedAt: string | null;
  written: number;
  held: { id: string; reason: string }[];
}

/** Follow-up samples as drawn and confirmed. */
export interface SampleStore {
  create(sample: NewSample): Promise<number>;
  get(id: number): Promise<StoredSample | null>;
  list(limit: number): Promise<StoredSample[]>;
  /** Marks a draft confirmed; false when it was confirmed already (a double click). */
  confirm(id: number, at: string, written: number, held: StoredSample["held"]): Promise<boolean>;
  /**
   * 编号 → the first confirmed sample that wrote 回访 = 是 to it (drawn, and not held). The sheet
   * has them at once but the stored rows only after the next sync reads it: the sampling pages add
   * these, so a draw made in between neither shows them unvisited nor picks them again.
   */
  confirmedVisits(): Promise<Map<string, number>>;
}

interface SampleRow {
  id: number;
  seed: string;
  year: number | null;
  mode: "count" | "share";
  amount: number;
  population: number;
  size: number;
  strata: string;
  drawn_at: string;
  drawn_on: string;
  drawn_by: string | null;
  status: SampleStatus;
  confirmed_at: string | null;
  written: number;
  held: string | null;
}

const toSample = (r: SampleRow): StoredSample => ({
  id: r.id,
  seed: r.seed,
  year: r.year,
  mode: r.mode,
  amount: r.amount,
  population: r.population,
  size: r.size,
  strata: JSON.parse(r.strata) as SampleStratum[],
  drawnAt: r.drawn_at,
  drawnOn: r.drawn_on,
  drawnBy: r.drawn_by,
  status: r.status,
  confirmedAt: r.confirmed_at,
  written: r.written,
  held: r.held ? (JSON.parse(r.held) as StoredSample["held"]) : [],
});

export function createSampleStore(db: D1Database): SampleStore {
  return {
    async create(s) {
      const row = await db
        .prepare(
          `INSERT INTO samples (seed, year, mode, amount, population, size, strata, drawn_at, drawn_on, drawn_by, status)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, '待确认') RETURNING id`,
        )
        .bind(
          s.seed,
          s.year,
          s.mode,
          s.amount,
          s.population,
          s.size,
          JSON.stringify(s.strata),
          s.drawnAt,
          s.drawnOn,
          s.drawnBy,
        )
        .first<{ id: number }>();
      if (!row) throw new Error("could not store the sample");
      return row.id;
    },
    async get(id) {
      const row = await db.prepare("SELECT * FROM samples WHERE id = ?1").bind(id).first<SampleRow>();
      return row ? toSample(row) : null;
    },
    async list(limit) {
      const { results } = await db
        .prepare("SELECT * FROM samples ORDER BY id DESC LIMIT ?1")
        .bind(limit)
        .all<SampleRow>();
      return results.map(toSample);
    },
    async confirm(id, at, written, held) {
      const result = await db
        .prepare(
          `UPDATE samples SET status = '已确认', confirmed_at = ?2, written = ?3, held = ?4
           WHERE id = ?1 AND status = '待确认'`,
        )
        .bind(id, at, written, JSON.stringify(held))
        .run();
      return result.meta.changes > 0;
    },
    async confirmedVisits() {
      // One query, whatever the number of samples: D1 takes the drawn 编号 out of the JSON, so
      // no sample's strata (with its list of visited ones skipped) is parsed here.
      const { results } = await db
        .prepare(
          `SELECT d.value AS id, MIN(s.id) AS sample
           FROM samples AS s, json_each(s.strata) AS st, json_each(st.value, '$.drawn') AS d
           WHERE s.status = '已确认'
             AND d.value NOT IN (SELECT json_extract(h.value, '$.id') FROM json_each(COALESCE(s.held, '[]')) AS h)
           GROUP BY d.value`,
        )
        .all<{ id: string; sample: number }>();
      return new Map(results.map((r) => [r.id, r.sample]));
    },
  };
}
