import { textPieces } from "../domain/summary/long-texts";
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
  /** One key; a value too large for one D1 value is kept in pieces, as setMany keeps it. */
  set(key: string, value: string, at: string): Promise<void>;
  /**
   * Several keys in one D1 batch (one round trip, one transaction; a statement per slice of them).
   * A value too large for one D1 value is kept in pieces (see largeValue): read it with getLarge.
   */
  setMany(entries: readonly (readonly [string, string])[], at: string): Promise<void>;
  /** A value setMany may have kept in pieces, whole (one query, as get). */
  getLarge(key: string): Promise<string | null>;
}

/*
 * A value past what D1 holds in one (2,000,000 bytes: the problems of a sync that found 13,000)
 * is kept in pieces, as a summary part's long texts (long-texts.ts textPieces): the key holds
 * PIECES_MARK and their number, the pieces are keys `key#1` … `key#n`. A value that fits (the
 * usual) is stored and read as before.
 */
const PIECES_MARK = "#pieces:";

/** The most pieces of one value: 16 of 600,000 characters (about 50,000 problems). */
const MAX_META_PIECES = 16;

const pieceKey = (key: string, seq: number) => `${key}#${seq}`;

/** Values of at most this many UTF-8 bytes by their length alone need no check (kept whole). */
const PIECE_BYTES_FREE = 600_000;

const UPSERT = `INSERT INTO meta (key, value, updated_at) VALUES (?1, ?2, ?3)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`;

/**
 * ?1 a key: its value, and its pieces when it is kept in pieces (pieces of an earlier large value
 * are not read). Keys `key#…` sort between `key#` and `key$`.
 */
const GET_LARGE = `
  SELECT key, value FROM meta WHERE key = ?1
  UNION ALL
  SELECT m.key, m.value FROM meta AS h, meta AS m
  WHERE h.key = ?1 AND substr(h.value, 1, ${PIECES_MARK.length}) = '${PIECES_MARK}'
    AND m.key > ?1 || '#' AND m.key < ?1 || '$'`;

export function createMetaStore(db: D1Database): MetaStore {
  // The entries of one jsonRowSlices slice (?1), stored at ?2.
  const upsertMany = db.prepare(
    `INSERT INTO meta (key, value, updated_at)
     SELECT ${jsonCell(0)}, ${jsonCell(1)}, ?2 FROM json_each(?1) AS e WHERE true ORDER BY e.key
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  async function getLarge(key: string): Promise<string | null> {
    const { results } = await db.prepare(GET_LARGE).bind(key).all<{ key: string; value: string }>();
    const head = results.find((r) => r.key === key)?.value ?? null;
    if (head === null || !head.startsWith(PIECES_MARK)) return head;
    const count = Number(head.slice(PIECES_MARK.length));
    const byKey = new Map(results.map((r) => [r.key, r.value]));
    const pieces: string[] = [];
    for (let seq = 1; seq <= count; seq++) {
      const piece = byKey.get(pieceKey(key, seq));
      if (piece === undefined) throw new Error(`meta ${key}: piece ${seq} of ${count} is missing`);
      pieces.push(piece);
    }
    return pieces.join("");
  }

  async function setMany(entries: readonly (readonly [string, string])[], at: string): Promise<void> {
    if (entries.length === 0) return;
    const small: (readonly [string, string])[] = [];
    const pieced: D1PreparedStatement[] = [];
    for (const [key, value] of entries) {
      const pieces = textPieces(value);
      if (pieces.length === 0) {
        small.push([key, value]);
        continue;
      }
      if (pieces.length > MAX_META_PIECES)
        throw new Error(
          `SQLITE_TOOBIG: meta ${key} would take ${pieces.length} pieces, more than ${MAX_META_PIECES}`,
        );
      small.push([key, `${PIECES_MARK}${pieces.length}`]);
      // Each piece a statement of its own: in a slice, its JSON escapes could pass the limit.
      pieces.forEach((piece, i) => {
        pieced.push(db.prepare(UPSERT).bind(pieceKey(key, i + 1), piece, at));
      });
      pieced.push(
        db
          .prepare(
            `DELETE FROM meta WHERE key > ?1 || '#' AND key < ?1 || '$'
               AND CAST(substr(key, length(?1) + 2) AS INTEGER) > ?2`,
          )
          .bind(key, pieces.length),
      );
    }
    await db.batch([...pieced, ...jsonRowSlices(small).map((rows) => upsertMany.bind(rows, at))]);
  }
  return {
    // get and getMany give a value kept in pieces whole too (a second query, only then): any key
    // setMany writes may pass 700 KB in a large office, not only the ones read with getLarge.
    async get(key) {
      const row = await db
        .prepare("SELECT value FROM meta WHERE key = ?1")
        .bind(key)
        .first<{ value: string }>();
      const value = row?.value ?? null;
      return value?.startsWith(PIECES_MARK) ? getLarge(key) : value;
    },
    async getMany(keys) {
      if (keys.length === 0) return new Map();
      const { results } = await db
        .prepare("SELECT key, value FROM meta WHERE key IN (SELECT value FROM json_each(?1))")
        .bind(JSON.stringify(keys))
        .all<{ key: string; value: string }>();
      const values = new Map(results.map((r) => [r.key, r.value]));
      for (const [key, value] of values)
        if (value.startsWith(PIECES_MARK)) values.set(key, (await getLarge(key)) ?? "");
      return values;
    },
    async startsWith(key, prefix) {
      // A value kept in pieces starts where its first piece does (a prefix is far shorter than a piece).
      const row = await db
        .prepare(
          `SELECT substr(coalesce(p.value, m.value), 1, length(?2)) = ?2 AS yes
           FROM meta AS m LEFT JOIN meta AS p
             ON substr(m.value, 1, ${PIECES_MARK.length}) = '${PIECES_MARK}' AND p.key = m.key || '#1'
           WHERE m.key = ?1`,
        )
        .bind(key, prefix)
        .first<{ yes: number }>();
      return row?.yes === 1;
    },
    async set(key, value, at) {
      // A value too large for one D1 value, in pieces (setMany); the usual, as before.
      if (value.length * 3 > PIECE_BYTES_FREE) return setMany([[key, value]], at);
      await db.prepare(UPSERT).bind(key, value, at).run();
    },
    setMany,
    getLarge,
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
/**
 * Prefix of the latest 腾讯问卷 push a form refused for questions it could not name
 * (`wjqq_refused:<form>`, JSON WjqqRefusal of src/intake/platforms/wjqq.ts: when, and each unnamed
 * question's id, type and answer's start, never the body), shown on /problems; "" once a push of
 * that form is accepted. One write a refused push.
 */
export const META_WJQQ_REFUSED = "wjqq_refused";
/**
 * The 通知模板 problems the latest daily notices run found while rendering (a text that rendered
 * empty in a notice, so the built-in text went): JSON { today, problems: Problem[] }, "" when it found
 * none. Written once a run with its last step's other values (none on a rest day: nothing is
 * rendered); the sync's finish lists them in 校验问题 with the day found (finish-problems.ts).
 */
export const META_NOTICE_TEMPLATE_PROBLEMS = "notice_template_problems";
