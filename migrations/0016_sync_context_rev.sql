-- Issue 11: a revision of each run's stored context, raised whenever the context is set or patched.
-- A queued step names the revision its isolate has already parsed, and D1 sends the context (80 KB
-- for 2,000 rows) only when it holds another one: most steps of a run land on the same isolate.
ALTER TABLE sync_runs ADD COLUMN context_rev INTEGER NOT NULL DEFAULT 0;
