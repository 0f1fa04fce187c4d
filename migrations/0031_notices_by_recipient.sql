-- The /notices search (notice-outbox-view.ts): the notices whose recipient (a unit's or deputy's
-- name) begins with the text typed, read as a range of this index. Without it each search and its
-- total read every notice, about 15,000 a year in a city office. One more index entry per notice
-- planned; the recipient never changes, so sending and retrying write no more than before.
CREATE INDEX IF NOT EXISTS notices_by_recipient ON notices (recipient);
