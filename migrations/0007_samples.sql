-- Follow-up samples (issue 7): each draw is stored with its seed and parameters, so anyone can
-- redraw it and see that the same suggestions come out; confirming writes 回访 = 是 to the sheet.
CREATE TABLE IF NOT EXISTS samples (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  seed TEXT NOT NULL,
  year INTEGER,                    -- 年 of 提出日期 the population was limited to; NULL = every year
  mode TEXT NOT NULL,              -- count | share
  amount REAL NOT NULL,            -- the count, or the share in percent
  population INTEGER NOT NULL,     -- replied suggestions the sample was drawn from
  size INTEGER NOT NULL,
  strata TEXT NOT NULL,            -- JSON [{ unit, population, drawn: [编号] }]
  drawn_at TEXT NOT NULL,          -- ISO timestamp
  drawn_on TEXT NOT NULL,          -- local date in 设置 时区
  drawn_by TEXT,                   -- who drew it (Access e-mail), NULL for the admin token
  status TEXT NOT NULL,            -- 待确认 | 已确认
  confirmed_at TEXT,
  written INTEGER NOT NULL DEFAULT 0,  -- 回访 cells written when confirmed
  held TEXT                        -- JSON [{ id, reason }] of rows that could not be written
);
CREATE INDEX IF NOT EXISTS samples_by_time ON samples (drawn_at);
