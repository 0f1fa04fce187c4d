-- Issue 15: units, deputies and leaders act in the browser through personal links.

-- Every link the Worker signed (one per notice and recipient, or issued by staff on the dashboard).
-- The token itself is never stored: it is an HS256 JWT (LINK_SECRET) whose jti is `id`; this row
-- lets staff see and revoke it, and counts its use (a per-link rate limit).
CREATE TABLE IF NOT EXISTS personal_links (
  id TEXT PRIMARY KEY,             -- the token's jti: 128 random bits, base64url
  kind TEXT NOT NULL,              -- unit | deputy | leader
  recipient TEXT NOT NULL,         -- 单位名称 or 姓名 as in 承办单位 / 代表 (or 督办领导)
  scope TEXT NOT NULL,             -- act (view and act as the recipient) | read (view only)
  issued_at TEXT NOT NULL,         -- ISO timestamps
  expires_at TEXT NOT NULL,
  notice_type TEXT,                -- the notice that carried it (交办通知 …); NULL when staff issued it
  suggestion_id TEXT,              -- the suggestion that notice was about
  issued_by TEXT,                  -- who issued it on the dashboard (NULL for notices)
  revoked_at TEXT,
  revoked_by TEXT,
  last_used_at TEXT,
  uses INTEGER NOT NULL DEFAULT 0,
  window_start INTEGER NOT NULL DEFAULT 0,  -- Unix seconds: the current rate-limit window
  window_hits INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS personal_links_by_recipient ON personal_links (kind, recipient, issued_at);
CREATE INDEX IF NOT EXISTS personal_links_by_issue ON personal_links (issued_at);

-- Who acted through a personal link: the inbox keeps it with the submission, the audit trail
-- (source 'link') names it in each change.
ALTER TABLE inbox ADD COLUMN actor_kind TEXT;
ALTER TABLE inbox ADD COLUMN actor_name TEXT;
ALTER TABLE inbox ADD COLUMN link_id TEXT;
CREATE INDEX IF NOT EXISTS inbox_by_actor ON inbox (actor_kind, actor_name, received_at);
