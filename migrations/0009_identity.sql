-- Issue 10: who changed what, restores that happen once, and sheet rows that have no snapshot of
-- their own (a 编号 typed twice, or none yet), so the dashboard shows every row the sheet holds.

-- Where a change came from: sheet (a person in Google Sheets, seen by the sync), form (a webhook
-- submission), dashboard (a signed-in person, named in actor) or system (the Worker itself).
ALTER TABLE audit_trail ADD COLUMN source TEXT NOT NULL DEFAULT 'sheet';
ALTER TABLE audit_trail ADD COLUMN actor TEXT;
ALTER TABLE audit_trail ADD COLUMN note TEXT;

-- A restore claims the suggestion first, so parallel clicks put back one row at most.
ALTER TABLE suggestions ADD COLUMN restore_claimed_at TEXT;
ALTER TABLE suggestions ADD COLUMN restore_claimed_by TEXT;
ALTER TABLE suggestions ADD COLUMN restored_row INTEGER;

CREATE TABLE IF NOT EXISTS extra_rows (
  row_key TEXT PRIMARY KEY,      -- dup:<编号>:<n> (the n-th row holding a duplicated 编号) or row:<行号>
  row_number INTEGER NOT NULL,
  id TEXT,                       -- the 编号 as typed, NULL when blank
  staff_values TEXT NOT NULL     -- JSON { header: cell value } of staff-owned columns
);
