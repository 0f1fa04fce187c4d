-- Issue 10: who changed what, and restores that happen once.

-- Where a change came from: sheet (a person in Google Sheets, seen by the sync), form (a webhook
-- submission), dashboard (a signed-in person, named in actor) or system (the Worker itself).
ALTER TABLE audit_trail ADD COLUMN source TEXT NOT NULL DEFAULT 'sheet';
ALTER TABLE audit_trail ADD COLUMN actor TEXT;
ALTER TABLE audit_trail ADD COLUMN note TEXT;

-- A restore claims the suggestion first, so parallel clicks put back one row at most.
ALTER TABLE suggestions ADD COLUMN restore_claimed_at TEXT;
ALTER TABLE suggestions ADD COLUMN restore_claimed_by TEXT;
ALTER TABLE suggestions ADD COLUMN restored_row INTEGER;

