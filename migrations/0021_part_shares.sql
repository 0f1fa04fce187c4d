-- Issue 11: each part's share of the figures (PartShares) in a table of its own, one column per
-- group (统计, the overview's, the digest's, …), so the sync's finish and the steps after it have
-- D1 join the groups they add up. Before, D1 cut them out of one JSON text per part with
-- json_remove, parsing every part's whole share, and reached it past the part's rows and facts
-- (a few hundred KB each): 6–17 ms of D1's work per step, measured locally. `format` is
-- PART_FIGURES_FORMAT of the build that wrote the share. A part without a row here (stored before
-- it) is checked again by the next sync, which stores its share; until then the figures are worked
-- out from the rows, as for a part an older build stored.
CREATE TABLE IF NOT EXISTS part_shares (
  part INTEGER PRIMARY KEY,
  format INTEGER NOT NULL,
  statistics TEXT NOT NULL,
  overview TEXT NOT NULL,
  digest TEXT NOT NULL,
  excellent TEXT NOT NULL,
  deputies TEXT NOT NULL,
  sampling TEXT NOT NULL,
  assessment TEXT NOT NULL,
  reports TEXT NOT NULL,
  recipients TEXT NOT NULL
);
ALTER TABLE summary_parts DROP COLUMN figures;
