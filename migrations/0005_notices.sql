-- Notices (issue 6): an outbox with one row per planned notice, unique by idempotency key,
-- and every delivery attempt. The dashboard reads both.
CREATE TABLE IF NOT EXISTS notices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  idempotency_key TEXT NOT NULL UNIQUE,  -- type|编号|round|offset-or-interval|recipient
  type TEXT NOT NULL,                    -- 受理回执 | 交办通知 | 到期提醒 | 逾期催办 | 答复告知 | 测评提醒 | 二次交办通知 | 跟踪提醒 | 督办周报
  suggestion_id TEXT,                    -- 编号 (NULL for 督办周报)
  recipient TEXT NOT NULL,               -- unit or deputy name, or a 周报接收人 address
  channel TEXT NOT NULL,                 -- email | wecom | dingtalk | feishu | webhook
  address TEXT NOT NULL,                 -- e-mail address or bot/webhook URL
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  due_on TEXT NOT NULL,                  -- local date the notice was due
  planned_at TEXT NOT NULL,
  status TEXT NOT NULL,                  -- 待发送 | 已发送 | 失败
  attempts INTEGER NOT NULL DEFAULT 0,
  sent_at TEXT,
  last_error TEXT,
  logged_to_sheet INTEGER NOT NULL DEFAULT 0  -- 1 once its outcome is in 通知记录
);
CREATE INDEX IF NOT EXISTS notices_by_status ON notices (status, planned_at);
CREATE INDEX IF NOT EXISTS notices_by_suggestion ON notices (suggestion_id);

CREATE TABLE IF NOT EXISTS notice_attempts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  notice_id INTEGER NOT NULL,
  attempted_at TEXT NOT NULL,
  ok INTEGER NOT NULL,
  http_status INTEGER,
  error TEXT
);
CREATE INDEX IF NOT EXISTS notice_attempts_by_notice ON notice_attempts (notice_id, id);
