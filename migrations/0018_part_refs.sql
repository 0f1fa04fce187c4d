-- Issue 11: each stored part's rows as the dashboard's lists show them (JSON: per row, its
-- SuggestionRef and its 协办单位's name keys; null for a row without 编号), and the same entries as
-- rows of list_entries, so a unit's page and the suggestions list read their hundred entries
-- through D1's indexes instead of the sync's finish storing every unit's list and every page of
-- the list after each change. list_entries is derived: the sync writes it with its part.
-- NULL refs for parts stored by an older build: those pages read the rows' facts until the next
-- sync has checked every part again, which stores them.
ALTER TABLE summary_parts ADD COLUMN refs TEXT;

CREATE TABLE IF NOT EXISTS list_entries (
  part INTEGER NOT NULL,
  place INTEGER NOT NULL,
  id TEXT NOT NULL,
  status TEXT NOT NULL,
  entry TEXT NOT NULL,
  PRIMARY KEY (part, place)
);

-- The list in 编号 order (sheet order among equal ones), a page read by the index.
CREATE INDEX IF NOT EXISTS list_entries_by_id ON list_entries (id, part, place);
