-- Issue 11: the sync stores what it evaluated, so pages and notice runs never evaluate the ledger
-- again (a Free-plan invocation has 10 ms of CPU), and a large ledger is synced in parts.

-- The ledger's rows as the last sync evaluated them, in parts of a few hundred rows (one part per
-- sync chunk): JSON arrays of stored summary rows (src/domain/summary/summary-row.ts), whole
-- (suggestion pages, exports, notices) and cut to the facts the dashboard's lists and figures read.
CREATE TABLE IF NOT EXISTS summary_parts (
  part INTEGER PRIMARY KEY,
  rows TEXT NOT NULL,
  facts TEXT NOT NULL,
  hash TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- What one sync run has learnt so far: its plan (small tabs, the 编号 index, the chunks) and each
-- chunk's results, so a run split across queue messages carries its state from one to the next.
ALTER TABLE sync_runs ADD COLUMN context TEXT;
CREATE TABLE IF NOT EXISTS sync_chunks (
  run_id INTEGER NOT NULL,
  chunk INTEGER NOT NULL,
  result TEXT NOT NULL,
  PRIMARY KEY (run_id, chunk)
);
