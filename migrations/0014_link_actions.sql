-- Issue 15, second pass: units request extensions, record contacts, send co-unit opinions and
-- object to assignments through their personal links.

-- A row for 沟通记录, 延期申请 or 协办意见 is appended to its tab once. The moment before the append
-- is sent is kept here: a later attempt (the Worker died after Google added the row, before the
-- entry was marked applied) reads the tab and sends only what is not in it yet.
ALTER TABLE inbox ADD COLUMN sent_at TEXT;

-- Objections to an assignment (异议, ledger.md 异议期限工作日): no tab of the contract holds them;
-- staff see them in 校验问题 and on the dashboard, and decide. One per inbox entry (form 'objection').
CREATE TABLE IF NOT EXISTS objections (
  submission_id TEXT PRIMARY KEY,  -- the inbox entry's submission id (link-<form id>)
  suggestion_id TEXT NOT NULL,     -- 编号
  unit TEXT NOT NULL,              -- 单位名称 of the objecting unit
  relation TEXT NOT NULL,          -- lead | co (主办 / 协办)
  assigned_on TEXT NOT NULL,       -- the 交办日期 objected to (YYYY-MM-DD)
  objected_on TEXT NOT NULL,       -- the local day it was made (YYYY-MM-DD)
  deadline TEXT NOT NULL,          -- the 异议期限 it was made within (YYYY-MM-DD)
  reason TEXT NOT NULL,
  proposal TEXT NOT NULL DEFAULT '', -- the unit it proposes instead, as typed (may be blank)
  actor TEXT NOT NULL,             -- who, through which link (承办单位 区教育局 · 链接 Ab3dE9Kq)
  received_at TEXT NOT NULL,       -- ISO timestamp
  decision TEXT,                   -- NULL while open | upheld (维持交办) | reassigned (已改交)
  decided_at TEXT,
  decided_by TEXT,                 -- the staff member, or the sync when the ledger was changed
  note TEXT
);
CREATE INDEX IF NOT EXISTS objections_by_suggestion ON objections (suggestion_id, received_at);
CREATE INDEX IF NOT EXISTS objections_open ON objections (decision, received_at);
