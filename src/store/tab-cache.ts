import { fitsKept, PIECE_CHARS, packEntries } from "../domain/summary/long-texts";

/** Raw values of the small staff tabs as last read by the sync (the ledger lives in snapshots). */
export interface TabCache {
  /**
   * Stores the tabs, each as its rows' JSON text (tabTexts); returns how many changed. `rows`, the
   * same tabs parsed (when the caller has them), spare parsing a tab too large for one D1 value.
   */
  save(
    texts: Readonly<Record<string, string>>,
    seenAt: string,
    rows?: Readonly<Record<string, readonly unknown[][]>>,
  ): Promise<number>;
  loadAll(): Promise<Record<string, unknown[][]>>;
  /** Only the named tabs (a page that needs no 沟通记录 does not parse it). */
  load(names: readonly string[]): Promise<Record<string, unknown[][]>>;
  /**
   * A key that changes whenever the stored rows of one of the named tabs change (a save that
   * changes a tab's rows moves its version; one that finds them the same does not), read without
   * the rows: what an isolate built from the tabs stands while the key is the same.
   */
  versionOf(names: readonly string[]): Promise<string>;
  /** The named tabs and their versionOf key, read together (one D1 batch: one snapshot). */
  loadWithVersion(names: readonly string[]): Promise<{ version: string; tabs: Record<string, unknown[][]> }>;
  /**
   * The header row and the rows whose 编号 cell (as trimmed text) is one of `ids`, of each named
   * tab, at their places (a sparse matrix: row i of the sheet is index i - 1). D1 picks the rows
   * through tab_rows' index, so a sync chunk or a suggestion's page reads only its own
   * suggestions' 沟通记录, not the tab. A tab with no rows at all (not even a header) is left out.
   */
  loadRowsOf(names: readonly string[], ids: readonly string[]): Promise<Record<string, unknown[][]>>;
}

/** The 编号 column's index in a tab_cache row's header (NULL when the tab has none). */
const ID_COLUMN = `(SELECT h.key FROM json_each(c.rows, '$[0]') AS h WHERE trim(h.value) = '编号')`;

/**
 * Which version of a tab_cache row `c` is: a save that changes its rows counts rev up (and sets
 * seen_at). A tab's first rev is a random number, not 1, so a database made again from nothing (the
 * tests, a restore) does not repeat an earlier one's versions, which an isolate may still hold
 * (versionOf).
 */
const VERSION = `c.seen_at || '#' || coalesce(c.rev, 0)`;

/*
 * A tab whose JSON passes what D1 holds in one value (2,000,000 bytes: a county's 沟通记录 of 6,000
 * rows, migration 0030) is kept in pieces of whole rows (packEntries, as a summary part's long
 * texts): tab_cache.rows the first (the header and the rows after it), tab_pieces the rest, and
 * tab_cache.pieces how many those are. A tab that fits (the usual) is stored and read as before:
 * pieces NULL, no statement and no query more.
 */

/** UTF-8 bytes of a tab kept in its tab_cache row: a piece's worth (3 bytes a character at most). */
const TAB_KEPT_BYTES = PIECE_CHARS * 3;

/**
 * The most pieces a tab may take besides its first (one statement each in the save's batch): 16
 * pieces of 600,000 characters are about 40,000 rows of 沟通记录 with long 沟通内容.
 */
const MAX_TAB_PIECES = 16;

/** A tab as D1 keeps it: its first piece and the rest (none when it fits one value). */
interface StoredTab {
  rows: string;
  pieces: { start: number; body: string }[];
}

/** Thrown when a tab would take more pieces than MAX_TAB_PIECES: what staff can do about it. */
export function tabTooBigError(name: string, rows: number, chars: number): Error {
  const mb = (chars / 1_000_000).toFixed(1);
  return new Error(
    `『${name}』的内容太多（${rows} 行，约 ${mb} 百万字符），超出数据库能存的上限，本次同步没有完成：请把往年已办结的行移到另一个表格存档，或删去误粘贴的大段内容，再同步；不处理的话之后每次同步都会停在这里`,
  );
}

function storedTab(name: string, text: string, parsed: readonly unknown[][] | undefined): StoredTab {
  if (fitsKept(text, TAB_KEPT_BYTES)) return { rows: text, pieces: [] };
  const rows = parsed ?? (JSON.parse(text) as unknown[][]);
  const packed = packEntries(
    rows.map((row) => JSON.stringify(row)),
    "[",
    "]",
  );
  if (packed.length - 1 > MAX_TAB_PIECES) throw tabTooBigError(name, rows.length - 1, text.length);
  let start = 0;
  const pieces = packed.map((piece) => {
    const at = start;
    start += piece.count;
    return { start: at, body: piece.text };
  });
  return { rows: pieces[0]?.body ?? "[]", pieces: pieces.slice(1) };
}

/**
 * How many rows tab_cache row `c` holds: its own, or for a tab in pieces, up to the end of its
 * last piece (a tab that fits reads no piece).
 */
const ROW_COUNT = `CASE WHEN c.pieces IS NULL THEN json_array_length(c.rows) ELSE (
    SELECT p.start + json_array_length(p.body) FROM tab_pieces AS p WHERE p.name = c.name AND p.seq = c.pieces
  ) END`;

/**
 * ?1 the tabs a save wrote (JSON array): those whose copy in tab_rows was not made from their
 * tab_cache row as it is now: changed by this save, or by a build before tab_rows that wrote the
 * cache alone (it changed seen_at). An up-to-date tab costs one lookup, not a read of the tab.
 */
const STALE_TABS = `
  WITH t AS MATERIALIZED (
    SELECT c.name, c.rows, c.pieces, ${VERSION} AS version, ${ROW_COUNT} AS n, ${ID_COLUMN} AS at
    FROM tab_cache AS c
    WHERE c.name IN (SELECT value FROM json_each(?1))
      AND ${VERSION} IS NOT (SELECT h.seen FROM tab_rows AS h WHERE h.name = c.name AND h.i = 0)
  )`;

/**
 * Drops the rows of tab_rows past the end of each stale tab (all of them when it is empty, header
 * too, as a tab with no rows has none), and every row but the header of one without a 编号 column:
 * one statement for all the tabs of a save (it runs before WRITE_ROWS, which marks the copies up to
 * date).
 */
const DROP_ROWS = `${STALE_TABS}
  DELETE FROM tab_rows
  WHERE name IN (SELECT name FROM t)
    AND i >= (
      SELECT CASE WHEN t.n = 0 THEN 0 WHEN t.at IS NULL THEN 1 ELSE t.n END
      FROM t WHERE t.name = tab_rows.name
    )`;

/**
 * Writes each row of the stale tabs that differs from tab_rows' copy (a row appended to 沟通记录
 * writes one row, not the tab), and marks each copy with the version it was made from. MATERIALIZED
 * makes SQLite find the 编号 column once per tab: inlined, it parsed the whole tab's JSON again for
 * every row (measured: 650 ms instead of 10 ms for 2,900 rows).
 */
const WRITE_ROWS = `${STALE_TABS}
  INSERT INTO tab_rows (name, i, id, row, seen)
  SELECT t.name, r.key,
    CASE WHEN r.key = 0 THEN NULL
      ELSE trim(CAST(json_extract(r.value, '$[' || t.at || ']') AS TEXT)) END,
    r.value,
    CASE WHEN r.key = 0 THEN t.version END
  FROM t, json_each(t.rows) AS r
  WHERE r.key = 0 OR t.at IS NOT NULL
  ON CONFLICT (name, i) DO UPDATE SET id = excluded.id, row = excluded.row, seen = excluded.seen
  WHERE tab_rows.row IS NOT excluded.row OR tab_rows.id IS NOT excluded.id
    OR tab_rows.seen IS NOT excluded.seen`;

/**
 * WRITE_ROWS for the pieces of the stale tabs kept in pieces (in the save's batch only when one is,
 * and before WRITE_ROWS marks the copies up to date): each piece's rows at their places.
 */
const WRITE_PIECES = `${STALE_TABS}
  INSERT INTO tab_rows (name, i, id, row, seen)
  SELECT t.name, p.start + r.key, trim(CAST(json_extract(r.value, '$[' || t.at || ']') AS TEXT)), r.value, NULL
  FROM t JOIN tab_pieces AS p ON p.name = t.name AND p.seq <= t.pieces, json_each(p.body) AS r
  WHERE t.at IS NOT NULL
  ON CONFLICT (name, i) DO UPDATE SET id = excluded.id, row = excluded.row, seen = excluded.seen
  WHERE tab_rows.row IS NOT excluded.row OR tab_rows.id IS NOT excluded.id
    OR tab_rows.seen IS NOT excluded.seen`;

/**
 * ?1 a tab, ?2 a piece's seq, ?3 its first row, ?4 its rows, ?5 the save: the piece as it is now,
 * stamped with the save only when it changed (the tab's upsert then counts the tab changed).
 */
const UPSERT_PIECE = `
  INSERT INTO tab_pieces (name, seq, start, body, at) VALUES (?1, ?2, ?3, ?4, ?5)
  ON CONFLICT (name, seq) DO UPDATE SET start = excluded.start, body = excluded.body, at = excluded.at
  WHERE tab_pieces.body IS NOT excluded.body OR tab_pieces.start IS NOT excluded.start`;

/**
 * ?1 the tabs (JSON array): the text of those kept in pieces, piece by piece in order (their
 * first piece again, so that all come from one query: one snapshot of the tab).
 */
const PIECES_OF = `
  SELECT name, 0 AS seq, rows AS body FROM tab_cache
  WHERE name IN (SELECT value FROM json_each(?1)) AND pieces IS NOT NULL
  UNION ALL
  SELECT p.name, p.seq, p.body FROM tab_pieces AS p JOIN tab_cache AS c ON c.name = p.name
  WHERE p.name IN (SELECT value FROM json_each(?1)) AND p.seq <= c.pieces
  ORDER BY name, seq`;

/**
 * ?1 the tabs (JSON array), ?2 the 编号 (JSON array): their header rows and the rows of those 编号.
 * INDEXED BY: left to itself SQLite walks the primary key (name, i), every row of the tab (3,014
 * rows read for one 编号 of a 3,000-row 沟通记录, against 16 through the index).
 */
const ROWS_OF = `
  SELECT name, i, row FROM tab_rows
  WHERE name IN (SELECT value FROM json_each(?1)) AND i = 0
  UNION ALL
  SELECT name, i, row FROM tab_rows INDEXED BY tab_rows_by_id
  WHERE name IN (SELECT value FROM json_each(?1)) AND id IN (SELECT value FROM json_each(?2))`;

const marksFor = (names: readonly string[]) => names.map((_, i) => `?${i + 1}`).join(", ");
const versionKey = (rows: readonly { name: string; version: string }[]) =>
  rows.map((r) => `${r.name}=${r.version}`).join("\n");
const parsedTabs = (rows: readonly { name: string; rows: string }[]) =>
  Object.fromEntries(rows.map((r) => [r.name, JSON.parse(r.rows) as unknown[][]]));

/** A tab_cache row as read: `pieces` set on a tab kept in pieces. */
type CachedRow = { name: string; rows: string; pieces: number | null };

/** The tabs of `rows` parsed, those kept in pieces read whole (one query more, only for them). */
async function wholeTabs(db: D1Database, rows: readonly CachedRow[]): Promise<Record<string, unknown[][]>> {
  const pieced = rows.filter((r) => r.pieces !== null).map((r) => r.name);
  if (pieced.length === 0) return parsedTabs(rows);
  const { results } = await db
    .prepare(PIECES_OF)
    .bind(JSON.stringify(pieced))
    .all<{ name: string; seq: number; body: string }>();
  const bodies = new Map<string, string[]>();
  for (const r of results) {
    const inner = r.body.slice(1, -1);
    if (inner === "") continue;
    const list = bodies.get(r.name) ?? [];
    list.push(inner);
    bodies.set(r.name, list);
  }
  return parsedTabs(
    rows.map((r) =>
      r.pieces === null ? r : { name: r.name, rows: `[${(bodies.get(r.name) ?? []).join(",")}]` },
    ),
  );
}

export function createTabCache(db: D1Database): TabCache {
  const versionsOf = (names: readonly string[]) =>
    db
      .prepare(
        `SELECT c.name, ${VERSION} AS version FROM tab_cache AS c WHERE c.name IN (${marksFor(names)}) ORDER BY c.name`,
      )
      .bind(...names);
  const rowsOf = (names: readonly string[]) =>
    db.prepare(`SELECT name, rows, pieces FROM tab_cache WHERE name IN (${marksFor(names)})`).bind(...names);
  return {
    async save(texts, seenAt, parsed) {
      // A tab in pieces changed when its first piece, its number of pieces or one of them did (its
      // pieces are written first, stamped with this save when changed); one that fits, as before.
      const upsert = db.prepare(
        `INSERT INTO tab_cache (name, rows, seen_at, rev, pieces) VALUES (?1, ?2, ?3, (random() & 2147483647) + 1, ?4)
         ON CONFLICT (name) DO UPDATE SET rows = excluded.rows, seen_at = excluded.seen_at,
           rev = coalesce(tab_cache.rev, 0) + 1, pieces = excluded.pieces
         WHERE tab_cache.rows != excluded.rows OR tab_cache.pieces IS NOT excluded.pieces
           OR (excluded.pieces IS NOT NULL
             AND EXISTS (SELECT 1 FROM tab_pieces AS p WHERE p.name = excluded.name AND p.at = excluded.seen_at))`,
      );
      const entries = Object.entries(texts).map(
        ([name, text]) => [name, storedTab(name, text, parsed?.[name])] as const,
      );
      if (entries.length === 0) return 0;
      const names = JSON.stringify(entries.map(([name]) => name));
      const pieced = entries.filter(([, tab]) => tab.pieces.length > 0);
      const pieceStatements = pieced.flatMap(([name, tab]) => [
        ...tab.pieces.map((piece, i) =>
          db.prepare(UPSERT_PIECE).bind(name, i + 1, piece.start, piece.body, seenAt),
        ),
        db.prepare("DELETE FROM tab_pieces WHERE name = ?1 AND seq > ?2").bind(name, tab.pieces.length),
      ]);
      // One batch (one transaction): tab_rows never holds rows of another version of a tab.
      const results = await db.batch([
        ...pieceStatements,
        ...entries.map(([name, tab]) =>
          upsert.bind(name, tab.rows, seenAt, tab.pieces.length > 0 ? tab.pieces.length : null),
        ),
        db.prepare(DROP_ROWS).bind(names),
        ...(pieced.length > 0 ? [db.prepare(WRITE_PIECES).bind(names)] : []),
        db.prepare(WRITE_ROWS).bind(names),
      ]);
      return results
        .slice(pieceStatements.length, pieceStatements.length + entries.length)
        .reduce((n, r) => n + (r.meta.changes ?? 0), 0);
    },
    async loadAll() {
      const { results } = await db.prepare("SELECT name, rows, pieces FROM tab_cache").all<CachedRow>();
      return wholeTabs(db, results);
    },
    async loadRowsOf(names, ids) {
      const out: Record<string, unknown[][]> = {};
      if (names.length === 0) return out;
      const { results } = await db
        .prepare(ROWS_OF)
        .bind(JSON.stringify(names), JSON.stringify(ids))
        .all<{ name: string; i: number; row: string }>();
      for (const r of results) {
        const matrix = out[r.name] ?? [];
        out[r.name] = matrix;
        matrix[r.i] = JSON.parse(r.row) as unknown[];
      }
      return out;
    },
    async versionOf(names) {
      if (names.length === 0) return "";
      const { results } = await versionsOf(names).all<{ name: string; version: string }>();
      return versionKey(results);
    },
    async loadWithVersion(names) {
      if (names.length === 0) return { version: "", tabs: {} };
      const [versions, loaded] = await db.batch<Record<string, unknown>>([versionsOf(names), rowsOf(names)]);
      return {
        version: versionKey((versions?.results ?? []) as { name: string; version: string }[]),
        tabs: await wholeTabs(db, (loaded?.results ?? []) as CachedRow[]),
      };
    },
    async load(names) {
      if (names.length === 0) return {};
      return wholeTabs(db, (await rowsOf(names).all<CachedRow>()).results);
    },
  };
}
