-- Issue 11: a sync chunk whose rows, day and small tabs are as they were when its part was last
-- evaluated in a steady state (nothing left to write) reuses that evaluation instead of checking
-- its rows again: most syncs of the day change nothing, and each chunk has 10 ms of CPU.
-- input: digest of what the evaluation depended on; result: the chunk's result then (JSON).
ALTER TABLE summary_parts ADD COLUMN input TEXT;
ALTER TABLE summary_parts ADD COLUMN result TEXT;
-- The part's rows as lines of the ledger export (CSV), so /exports/ledger.csv joins stored text
-- instead of turning 2,000 rows into CSV on every download.
ALTER TABLE summary_parts ADD COLUMN csv TEXT;
-- A digest of each snapshot's staff and system values: a chunk loads whole snapshots only for the
-- rows whose values differ from it (a quiet day's rows are compared by 16 characters, not by JSON).
ALTER TABLE suggestions ADD COLUMN values_hash TEXT;

-- Indexes for what runs every few minutes on a table that grows all year (D1's Free plan counts
-- rows read): the vanished suggestions every page lists, the run still going, a notices run's
-- form arrivals.
CREATE INDEX IF NOT EXISTS suggestions_removed ON suggestions (removed_at) WHERE removed_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS sync_runs_by_outcome ON sync_runs (outcome, id);
CREATE INDEX IF NOT EXISTS inbox_by_form ON inbox (form, received_at);
