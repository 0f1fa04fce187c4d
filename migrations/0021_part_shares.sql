-- Issue 11: each group of a part's share of the figures (PartShares: 统计, the overview's, the
-- digest's, …) in a column of its own, so the sync's finish and the steps after it have D1 send
-- the groups they add up, joined, instead of cutting them out of one JSON text per part with
-- json_remove (which parses every part's whole share: 6–17 ms of D1's work per step, measured
-- locally). shares_format is PART_FIGURES_FORMAT of the build that wrote them; NULL until the next
-- sync checks the part again (until then the figures are worked out from the rows, as for a part
-- an older build stored).
ALTER TABLE summary_parts ADD COLUMN shares_format INTEGER;
ALTER TABLE summary_parts ADD COLUMN share_statistics TEXT;
ALTER TABLE summary_parts ADD COLUMN share_overview TEXT;
ALTER TABLE summary_parts ADD COLUMN share_digest TEXT;
ALTER TABLE summary_parts ADD COLUMN share_excellent TEXT;
ALTER TABLE summary_parts ADD COLUMN share_deputies TEXT;
ALTER TABLE summary_parts ADD COLUMN share_sampling TEXT;
ALTER TABLE summary_parts ADD COLUMN share_assessment TEXT;
ALTER TABLE summary_parts ADD COLUMN share_reports TEXT;
ALTER TABLE summary_parts ADD COLUMN share_recipients TEXT;
ALTER TABLE summary_parts DROP COLUMN figures;
