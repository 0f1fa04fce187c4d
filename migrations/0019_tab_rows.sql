-- Issue 11: the cached tabs' rows one by one, each with the 编号 it names, so a sync chunk or a
-- page picks its few suggestions' 沟通记录, 延期申请 and 协办意见 through an index. Before, D1
-- walked the whole tab's JSON for every such read (3,300 rows read for a chunk or a page of a
-- 2,000-row office). Derived from tab_cache: each save of the cache brings it up to date, in the
-- same batch, for every tab whose copy was not made from its tab_cache row as it is now (its
-- seen_at and rev: a save that changes a tab's rows counts rev up, and an older build that wrote the
-- cache alone after this migration changed its seen_at). Row 0 is the header; a tab without a 编号
-- column keeps only its header here (its rows name no suggestion).
ALTER TABLE tab_cache ADD COLUMN rev INTEGER;

CREATE TABLE IF NOT EXISTS tab_rows (
  name TEXT NOT NULL,
  i INTEGER NOT NULL,     -- the row's place in the tab (0: the header)
  id TEXT,                -- its 编号 cell as trimmed text (NULL for the header)
  row TEXT NOT NULL,      -- the row's JSON, as in tab_cache.rows
  seen TEXT,              -- on the header row: the tab_cache row it was made from (seen_at#rev)
  PRIMARY KEY (name, i)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS tab_rows_by_id ON tab_rows (name, id);

-- The tabs already cached, as the cache would have written them.
INSERT INTO tab_rows (name, i, id, row, seen)
SELECT t.name, r.key,
  CASE WHEN r.key = 0 THEN NULL
    ELSE trim(CAST(json_extract(r.value, '$[' || t.at || ']') AS TEXT)) END,
  r.value,
  CASE WHEN r.key = 0 THEN t.seen_at || '#' || coalesce(t.rev, 0) END
FROM (
  SELECT name, rows, seen_at, rev,
    (SELECT h.key FROM json_each(tab_cache.rows, '$[0]') AS h WHERE trim(h.value) = '编号') AS at
  FROM tab_cache
) AS t, json_each(t.rows) AS r
WHERE r.key = 0 OR t.at IS NOT NULL;
