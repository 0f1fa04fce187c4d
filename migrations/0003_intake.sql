-- Form intake (issue 5): every accepted submission is stored here before the sender gets 202.
CREATE TABLE IF NOT EXISTS inbox (
  submission_id TEXT NOT NULL,
  form TEXT NOT NULL,                -- suggestion | reply | rating
  suggestion_id TEXT NOT NULL,       -- 编号: allocated at intake for a new suggestion, given by the form otherwise
  answers TEXT NOT NULL,             -- JSON { ledger header: cell } as mapped from the form
  raw TEXT NOT NULL,                 -- the body's answers exactly as received (nothing a deputy wrote is lost)
  submitted_at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  status TEXT NOT NULL,              -- pending | applied | failed
  attempts INTEGER NOT NULL DEFAULT 0,
  applied_at TEXT,
  last_error TEXT,
  PRIMARY KEY (form, submission_id)
);
CREATE INDEX IF NOT EXISTS inbox_pending ON inbox (status, received_at);
