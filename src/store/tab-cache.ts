/** Raw values of the small staff tabs as last read by the sync (the ledger lives in snapshots). */
export interface TabCache {
  /** Stores the tabs, each as its rows' JSON text (tabTexts); returns how many changed. */
  save(texts: Readonly<Record<string, string>>, seenAt: string): Promise<number>;
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

/**
 * ?1 the tabs a save wrote (JSON array): those whose copy in tab_rows was not made from their
 * tab_cache row as it is now: changed by this save, or by a build before tab_rows that wrote the
 * cache alone (it changed seen_at). An up-to-date tab costs one lookup, not a read of the tab.
 */
const STALE_TABS = `
  WITH t AS MATERIALIZED (
    SELECT c.name, c.rows, ${VERSION} AS version, json_array_length(c.rows) AS n, ${ID_COLUMN} AS at
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

export function createTabCache(db: D1Database): TabCache {
  const versionsOf = (names: readonly string[]) =>
    db
      .prepare(
        `SELECT c.name, ${VERSION} AS version FROM tab_cache AS c WHERE c.name IN (${marksFor(names)}) ORDER BY c.name`,
      )
      .bind(...names);
  const rowsOf = (names: readonly string[]) =>
    db.prepare(`SELECT name, rows FROM tab_cache WHERE name IN (${marksFor(names)})`).bind(...names);
  return {
    async save(texts, seenAt) {
      const upsert = db.prepare(
        `INSERT INTO tab_cache (name, rows, seen_at, rev) VALUES (?1, ?2, ?3, (random() & 2147483647) + 1)
         ON CONFLICT (name) DO UPDATE SET rows = excluded.rows, seen_at = excluded.seen_at,
           rev = coalesce(tab_cache.rev, 0) + 1
         WHERE tab_cache.rows != excluded.rows`,
      );
      const entries = Object.entries(texts);
      if (entries.length === 0) return 0;
      const names = JSON.stringify(entries.map(([name]) => name));
      // One batch (one transaction): tab_rows never holds rows of another version of a tab.
      const results = await db.batch([
        ...entries.map(([name, text]) => upsert.bind(name, text, seenAt)),
        db.prepare(DROP_ROWS).bind(names),
        db.prepare(WRITE_ROWS).bind(names),
      ]);
      return results.slice(0, entries.length).reduce((n, r) => n + (r.meta.changes ?? 0), 0);
    },
    async loadAll() {
      const { results } = await db
        .prepare("SELECT name, rows FROM tab_cache")
        .all<{ name: string; rows: string }>();
      return Object.fromEntries(results.map((r) => [r.name, JSON.parse(r.rows) as unknown[][]]));
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
      const [versions, loaded] = await db.batch<Record<string, string>>([versionsOf(names), rowsOf(names)]);
      return {
        version: versionKey((versions?.results ?? []) as { name: string; version: string }[]),
        tabs: parsedTabs((loaded?.results ?? []) as { name: string; rows: string }[]),
      };
    },
    async load(names) {
      if (names.length === 0) return {};
      return parsedTabs((await rowsOf(names).all<{ name: string; rows: string }>()).results);
    },
  };
}
