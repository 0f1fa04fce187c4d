-- A tab whose rows as JSON would pass D1's 2,000,000 bytes for a value (a county's 沟通记录 of
-- 6,000 rows and more): tab_cache.rows holds its first piece (the header and the rows after it),
-- tab_cache.pieces how many more it has, and tab_pieces those, in order (seq 1 …), each a JSON
-- array of whole rows from row `start` (0 the header) and `at` the save that last changed it.
-- tab_rows is filled from every piece. A tab that fits (the usual) has pieces NULL and none here.
ALTER TABLE tab_cache ADD COLUMN pieces INTEGER;
CREATE TABLE IF NOT EXISTS tab_pieces (
  name TEXT NOT NULL,
  seq INTEGER NOT NULL,
  start INTEGER NOT NULL,
  body TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (name, seq)
);
