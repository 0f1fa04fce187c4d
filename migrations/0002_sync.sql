-- Sync (issue 4): one run at a time, 编号 allocation, snapshots, audit trail, run log.

-- A lease per job name: whoever holds an unexpired lease runs; others exit.
CREATE TABLE IF NOT EXISTS leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at INTEGER NOT NULL -- epoch ms
);

-- 编号 sequence per year (年 of 提出日期). Numbers are never handed out twice.
CREATE TABLE IF NOT EXISTS id_sequences (
  year INTEGER PRIMARY KEY,
  last_seq INTEGER NOT NULL
);

-- Every suggestion's values as last seen in the sheet (by 编号), so nothing staff typed is ever lost.
CREATE TABLE IF NOT EXISTS suggestions (
  id TEXT PRIMARY KEY,
  staff_values TEXT NOT NULL,   -- JSON { header: cell value } of staff-owned columns
  system_values TEXT NOT NULL,  -- JSON { header: value } of system-owned columns as written
  row_number INTEGER,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  removed_at TEXT               -- set when the row vanished from the sheet
);

-- Field-level changes of staff-owned columns, as the sync saw them.
CREATE TABLE IF NOT EXISTS audit_trail (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  suggestion_id TEXT NOT NULL,
  column_name TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  seen_at TEXT NOT NULL,
  sync_id INTEGER
);
CREATE INDEX IF NOT EXISTS audit_trail_by_suggestion ON audit_trail (suggestion_id, seq);

CREATE TABLE IF NOT EXISTS sync_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  trigger TEXT NOT NULL,        -- cron | api | test
  started_at TEXT NOT NULL,
  finished_at TEXT,
  outcome TEXT NOT NULL,        -- running | ok | skipped | failed
  rows INTEGER NOT NULL DEFAULT 0,
  cells_written INTEGER NOT NULL DEFAULT 0,
  sheets_calls INTEGER NOT NULL DEFAULT 0,
  problems INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  summary TEXT                  -- JSON: per-tab outcome, held writes, ...
);
