import { jsonCell, jsonRowSlices } from "./d1-batch";
/** Small facts kept between runs (e.g. the 编号格式 last read from 设置, for intake). */
export interface MetaStore {
  get(key: string): Promise<string | null>;
  /** Several keys in one query; a key not stored is absent from the map. */
  getMany(keys: readonly string[]): Promise<Map<string, string>>;
  /**
   * Whether the value of `key` starts with `prefix`, compared in D1: a version stamped at the start
   * of a long value is checked without the Worker reading the value (100 KB costs about 3 ms).
   */
  startsWith(key: string, prefix: string): Promise<boolean>;
  set(key: string, value: string, at: string): Promise<void>;
  /** Several keys in one D1 batch (one round trip, one transaction; a statement per slice of them). */
  setMany(entries: readonly (readonly [string, string])[], at: string): Promise<void>;
}

const UPSERT = `INSERT INTO meta (key, value, updated_at) VALUES (?1, ?2, ?3)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`;

export function createMetaStore(db: D1Database): MetaStore {
  // The entries of one jsonRowSlices slice (?1), stored at ?2.
  const upsertMany = db.prepare(
    `INSERT INTO meta (key, value, updated_at)
     SELECT ${jsonCell(0)}, ${jsonCell(1)}, ?2 FROM json_each(?1) AS e WHERE true ORDER BY e.key
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  return {
    async get(key) {
      const row = await db
        .prepare("SELECT value FROM meta WHERE key = ?1")
        .bind(key)
        .first<{ value: string }>();
      return row?.value ?? null;
    },
    async getMany(keys) {
      if (keys.length === 0) return new Map();
      const { results } = await db
        .prepare("SELECT key, value FROM meta WHERE key IN (SELECT value FROM json_each(?1))")
        .bind(JSON.stringify(keys))
        .all<{ key: string; value: string }>();
      return new Map(results.map((r) => [r.key, r.value]));
    },
    async startsWith(key, prefix) {
      const row = await db
        .prepare("SELECT substr(value, 1, length(?2)) = ?2 AS yes FROM meta WHERE key = ?1")
        .bind(key, prefix)
        .first<{ yes: number }>();
      return row?.yes === 1;
    },
    async set(key, value, at) {
      await db.prepare(UPSERT).bind(key, value, at).run();
    },
    async setMany(entries, at) {
      if (entries.length === 0) return;
      await db.batch(jsonRowSlices(entries).map((rows) => upsertMany.bind(rows, at)));
    },
  };
}

export const META_ID_FORMAT = "id_format";
/** The problems the last sync wrote to 校验问题 (JSON Problem[]), for the dashboard's /problems. */
export const META_SYNC_PROBLEMS = "sync_problems";
/** The local date (设置 时区) the stored summary was evaluated for, and when (JSON { today, at }). */
export const META_SUMMARY = "summary";
/** 编号 that more than one ledger row holds (JSON string[]), as the last sync found them. */
export const META_DUPLICATE_IDS = "duplicate_ids";
/**
 * When staff last confirmed that a vanished suggestion was deleted on purpose: one of the finish's
 * inputs, so that the next sync lists 校验问题 again without it though nothing in the sheet changed.
 */
export const META_REMOVAL_CONFIRMED = "removal_confirmed";
/**
 * Prefix of the notices the latest daily run could not send, the recipient having no usable channel
 * (`unreachable_notices:<part>` and `:digest`, JSON { today, entries }): each step replaces its own,
 * so a notice that went since is gone from the list, and the list costs one write a step.
 */
export const META_UNREACHABLE_NOTICES = "unreachable_notices";
