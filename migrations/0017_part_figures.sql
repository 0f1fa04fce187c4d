-- Issue 11: each stored part's share of the dashboard's figures (JSON, src/domain/figures): its
-- tallies per unit, deputy, year and status and the few suggestions a figure lists. The sync's
-- finish adds up the parts' shares instead of working every figure out again from all 2,000 rows.
-- NULL for parts stored by an older build: the finish works those figures out from the rows until
-- the next sync has checked every part again, which stores them.
ALTER TABLE summary_parts ADD COLUMN figures TEXT;
