-- jianyi D1 schema. Each later feature adds its own numbered migration.

-- Small key/value facts the Worker keeps between runs (e.g. the last daily notice run).
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
