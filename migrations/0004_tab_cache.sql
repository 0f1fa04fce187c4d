-- The small staff tabs (承办单位, 代表, 设置, 通知模板, 节假日) as last read by the sync, so the
-- dashboard and the notices job can evaluate the ledger from D1 without spending Sheets quota.
CREATE TABLE IF NOT EXISTS tab_cache (
  name TEXT PRIMARY KEY,
  rows TEXT NOT NULL,        -- JSON unknown[][] as values.batchGet returned it, header first
  seen_at TEXT NOT NULL
);
