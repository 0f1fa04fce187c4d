-- Issue 11: what the sync asks of every stored part without wanting its rows: its version and
-- steady input (each chunk that stores its part, and the finish, which also lists the versions
-- twice), and which parts lack what later builds derive. Those values sit behind the part's rows and
-- facts (a few hundred KB), so without these indexes SQLite walks every part's overflow pages to
-- reach them (1–2 ms of D1's work per query, measured locally). The steady result a reused chunk
-- reads is not in the index: holding it (a few KB a part) made every part stored and every listing
-- of the versions dearer than the one part's walk it spared (bench/sync-steps.ts, A/B, 12-03).
CREATE INDEX IF NOT EXISTS summary_parts_versions ON summary_parts (part, hash, input);
CREATE INDEX IF NOT EXISTS summary_parts_lacking ON summary_parts (part) WHERE row_index IS NULL OR refs IS NULL;
