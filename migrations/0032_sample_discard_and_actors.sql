-- Follow-up samples (FS1): a draft may be thrown away (status 已作废, kept with who, when and why),
-- who confirmed a sample is kept beside who drew it, and whether staff typed the seed.
ALTER TABLE samples ADD COLUMN confirmed_by TEXT;   -- Access e-mail, or 管理令牌
ALTER TABLE samples ADD COLUMN discarded_at TEXT;   -- ISO timestamp; status is then 已作废
ALTER TABLE samples ADD COLUMN discarded_by TEXT;
ALTER TABLE samples ADD COLUMN discard_reason TEXT; -- optional, as staff typed it
-- 1: typed on the form (人工指定种子); 0: made up by the system (系统随机种子); NULL: drawn before
-- this was kept. A seed the system makes up is eight digits, so any other seed was typed.
ALTER TABLE samples ADD COLUMN seed_typed INTEGER;
UPDATE samples SET seed_typed = 1 WHERE length(seed) <> 8 OR seed GLOB '*[^0-9]*';
