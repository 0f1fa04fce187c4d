-- Issue 11: what the sync asks of a stored part without wanting its rows: its version and steady
-- input (each chunk that stores its part, and the finish, which also lists the versions twice), the
-- steady result a quiet chunk reuses (a few KB), and which parts lack what later builds derive.
-- Those values sit behind the part's rows and facts (a few hundred KB), so without these indexes
-- SQLite walks the part's overflow pages to reach them (1–2 ms of D1's work per query over every
-- part, measured locally).
CREATE INDEX IF NOT EXISTS summary_parts_versions ON summary_parts (part, hash, input, result);
CREATE INDEX IF NOT EXISTS summary_parts_lacking ON summary_parts (part) WHERE row_index IS NULL OR refs IS NULL;
