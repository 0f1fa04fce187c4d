-- Dashboard sign-in (issue 10). Signing in with the admin token makes a server-side session: the
-- cookie holds only a random id, D1 only its SHA-256, so neither a cookie nor a copy of D1 reveals
-- the admin token, and sign-out can end a session for good.
CREATE TABLE IF NOT EXISTS sessions (
  id_hash TEXT PRIMARY KEY,        -- SHA-256 (hex) of the session id in the cookie
  token_tag TEXT NOT NULL,         -- short tag of the ADMIN_TOKEN it was opened with: rotating the token ends it
  created_at TEXT NOT NULL,        -- ISO timestamps
  expires_at TEXT NOT NULL,        -- created_at + 12 h
  revoked_at TEXT                  -- set at sign-out
);
CREATE INDEX IF NOT EXISTS sessions_by_expiry ON sessions (expires_at);

-- Wrong admin-token guesses per client (CF-Connecting-IP) in the current one-minute window. In D1,
-- not in isolate memory, so the limit holds across isolates and colos.
CREATE TABLE IF NOT EXISTS sign_in_failures (
  client TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,   -- Unix seconds the window began
  failures INTEGER NOT NULL
);
