-- Issue 11: an index of each stored part's rows (a JSON object): each 编号 ("id:2026-001") and each
-- unit, deputy and leader a row concerns ("unit:区教育局") → the rows' places in the part. A
-- suggestion's page and a personal link's page have D1 pick their few rows by it, instead of parsing
-- the facts of all 2,000 within their 10 ms of CPU (and D1 reads a few rows, not every one).
-- NULL for parts stored by an older build: the next sync checks those parts again, which stores it.
ALTER TABLE summary_parts ADD COLUMN row_index TEXT;
