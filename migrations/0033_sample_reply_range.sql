-- Follow-up samples (FU2): a draw may be narrowed to the suggestions whose latest 答复日期 lies in a
-- range (a quarter's replies), and may give every 主办单位 with a candidate at least one; both are
-- kept with the sample, so that its seed redraws it. NULL on samples drawn before: no range, and
-- the proportional allocation alone.
ALTER TABLE samples ADD COLUMN replied_from TEXT;      -- ISO date, both ends included; NULL: open
ALTER TABLE samples ADD COLUMN replied_to TEXT;
ALTER TABLE samples ADD COLUMN at_least_one INTEGER;   -- 1: 每个主办单位至少抽 1 件; 0 or NULL: off
