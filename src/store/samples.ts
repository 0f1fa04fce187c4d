import type { ConfirmedVisit } from "../domain/dashboard/sample-candidates";
import type { SampleStratum } from "../domain/dashboard/sampling";

/** 待确认: a draft; 已确认: 回访 = 是 written; 已作废: a draft thrown away (never confirmed). */
export type SampleStatus = "待确认" | "已确认" | "已作废";

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
  /** Typed on the form (人工指定种子) or made up (系统随机种子); null: drawn before this was kept. */
  seedTyped: boolean | null;
  /** Only suggestions whose latest 答复日期 is on or after / on or before (ISO); null: open (and before FU2). */
  repliedFrom?: string | null;
  repliedTo?: string | null;
  /** 每个主办单位至少抽 1 件; false (or absent) also for samples drawn before the option. */
  atLeastOne?: boolean;
}

export interface StoredSample extends NewSample {
  id: number;
  status: SampleStatus;
  confirmedAt: string | null;
  /** Who confirmed it (the Access e-mail, or 管理令牌); null before this was kept. */
  confirmedBy: string | null;
  written: number;
  held: { id: string; reason: string }[];
  discardedAt: string | null;
  discardedBy: string | null;
  discardReason: string | null;
}

/** A sample just drawn, as the store keeps it under `id`: a draft, nothing confirmed or thrown away. */
export function draftSample(fields: NewSample, id: number): StoredSample {
  return {
    ...fields,
    id,
    status: "待确认",
    confirmedAt: null,
    confirmedBy: null,
    written: 0,
    held: [],
    discardedAt: null,
    discardedBy: null,
    discardReason: null,
  };
}

/** Follow-up samples as drawn and confirmed. */
export interface SampleStore {
  create(sample: NewSample): Promise<number>;
  get(id: number): Promise<StoredSample | null>;
  list(limit: number): Promise<StoredSample[]>;
  /**
   * Marks a sample confirmed once its 回访 cells are written; false when it was confirmed already
   * (a double click). A draft thrown away while its cells were being written is confirmed all the
   * same: the sheet says 是, and the record must say who wrote it.
   */
  confirm(id: number, at: string, by: string, written: number, held: StoredSample["held"]): Promise<boolean>;
  /** Throws a draft away (已作废); false when it is no draft (confirmed, or thrown away already). */
  discard(id: number, at: string, by: string, reason: string | null): Promise<boolean>;
  /**
   * 编号 → the confirmed sample that wrote 回访 = 是 to it last (drawn, and not held), with when it
   * was confirmed. The sheet has them at once but the stored rows only after the next sync reads
   * it: the sampling pages add these, so a draw made in between neither shows them unvisited nor
   * picks them again (and tell from the time which ones staff set back since: visitsTakenBack).
   */
  confirmedVisits(): Promise<Map<string, ConfirmedVisit>>;
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
  seed_typed: number | null;
  replied_from: string | null;
  replied_to: string | null;
  at_least_one: number | null;
  status: SampleStatus;
  confirmed_at: string | null;
  confirmed_by: string | null;
  written: number;
  held: string | null;
  discarded_at: string | null;
  discarded_by: string | null;
  discard_reason: string | null;
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
  seedTyped: r.seed_typed === null ? null : r.seed_typed === 1,
  repliedFrom: r.replied_from,
  repliedTo: r.replied_to,
  atLeastOne: r.at_least_one === 1,
  status: r.status,
  confirmedAt: r.confirmed_at,
  confirmedBy: r.confirmed_by,
  written: r.written,
  held: r.held ? (JSON.parse(r.held) as StoredSample["held"]) : [],
  discardedAt: r.discarded_at,
  discardedBy: r.discarded_by,
  discardReason: r.discard_reason,
});

export function createSampleStore(db: D1Database): SampleStore {
  return {
    async create(s) {
      const row = await db
        .prepare(
          `INSERT INTO samples (seed, year, mode, amount, population, size, strata, drawn_at, drawn_on, drawn_by, seed_typed,
             replied_from, replied_to, at_least_one, status)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, '待确认') RETURNING id`,
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
          s.seedTyped === null ? null : s.seedTyped ? 1 : 0,
          s.repliedFrom ?? null,
          s.repliedTo ?? null,
          s.atLeastOne ? 1 : 0,
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
    async confirm(id, at, by, written, held) {
      const result = await db
        .prepare(
          `UPDATE samples SET status = '已确认', confirmed_at = ?2, confirmed_by = ?3, written = ?4, held = ?5
           WHERE id = ?1 AND status <> '已确认'`,
        )
        .bind(id, at, by, written, JSON.stringify(held))
        .run();
      return result.meta.changes > 0;
    },
    async discard(id, at, by, reason) {
      const result = await db
        .prepare(
          `UPDATE samples SET status = '已作废', discarded_at = ?2, discarded_by = ?3, discard_reason = ?4
           WHERE id = ?1 AND status = '待确认'`,
        )
        .bind(id, at, by, reason)
        .run();
      return result.meta.changes > 0;
    },
    async confirmedVisits() {
      // One query, whatever the number of samples: D1 takes the drawn 编号 out of the JSON, so
      // no sample's strata (with its list of visited ones skipped) is parsed here. With MAX(), a
      // bare column (s.id) is SQLite's value from the row holding the maximum: the latest sample.
      const { results } = await db
        .prepare(
          `SELECT d.value AS id, s.id AS sample, MAX(s.confirmed_at) AS at
           FROM samples AS s, json_each(s.strata) AS st, json_each(st.value, '$.drawn') AS d
           WHERE s.status = '已确认'
             AND d.value NOT IN (SELECT json_extract(h.value, '$.id') FROM json_each(COALESCE(s.held, '[]')) AS h)
           GROUP BY d.value`,
        )
        .all<{ id: string; sample: number; at: string | null }>();
      return new Map(results.map((r) => [r.id, { sample: r.sample, at: r.at ?? "" }]));
    },
  };
}
