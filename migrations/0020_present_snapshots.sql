-- Issue 11: the 编号 of the suggestions still in the sheet (no removed_at), in an index of their
-- own, so the sync's finish counts them and compares them with the sheet's 编号 without reading
-- every snapshot's row (each holds a few KB of values, and removed_at comes after them).
CREATE INDEX IF NOT EXISTS suggestions_present ON suggestions (id) WHERE removed_at IS NULL;
