-- A new suggestion's repeat key (its 领衔代表 and 标题 as a repeat is told: repeatKey), claimed by
-- the INSERT that stores it. The webhook's repeat check reads the ledger and the inbox first, and
-- two identical submissions at the same instant (a double tap on 提交, two submissionIds) both pass
-- it: the unique key lets only one be stored. It is cleared once the entry is in the sheet (the
-- ledger then refuses a repeat) or staff discard it, so the key only bridges the wait for the sheet.
ALTER TABLE inbox ADD COLUMN repeat_key TEXT;
CREATE UNIQUE INDEX IF NOT EXISTS inbox_repeat_key ON inbox (repeat_key) WHERE repeat_key IS NOT NULL;
