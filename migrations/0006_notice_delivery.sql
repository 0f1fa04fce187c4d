-- Notice delivery (issue 6): what the planner and the queue consumer need beyond 0005.
ALTER TABLE notices ADD COLUMN round INTEGER NOT NULL DEFAULT 1;
-- Offset (d7), interval number (n2), assignment date, week (w2026-03-02) or '-'.
ALTER TABLE notices ADD COLUMN occurrence TEXT NOT NULL DEFAULT '';
-- Last time a queue message was sent for it; a 待发送 row never enqueued (or long ago) is sent again.
ALTER TABLE notices ADD COLUMN enqueued_at TEXT;
-- Unix ms until which one consumer holds the notice, so two messages for it never both deliver.
ALTER TABLE notices ADD COLUMN claimed_until INTEGER NOT NULL DEFAULT 0;
-- When it reached 已发送 or 失败 (the 时间 of its 通知记录 row).
ALTER TABLE notices ADD COLUMN finished_at TEXT;
CREATE INDEX IF NOT EXISTS notices_by_due ON notices (due_on);
CREATE INDEX IF NOT EXISTS notices_unlogged ON notices (logged_to_sheet, status);
