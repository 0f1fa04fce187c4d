-- Issue 11: what the sync asks of every stored part without wanting its rows: its version and
-- steady input (each chunk that stores its part, and the finish, which also lists the versions
-- twice), and which parts lack what later builds derive. Those values sit behind the part's rows and
-- facts (a few hundred KB), so without these indexes SQLite walks every part's overflow pages to
-- reach them (1–2 ms of D1's work per query, measured locally).
CREATE INDEX IF NOT EXISTS summary_parts_versions ON summary_parts (part, hash, input);
CREATE INDEX IF NOT EXISTS summary_parts_lacking ON summary_parts (part) WHERE row_index IS NULL OR refs IS NULL;
