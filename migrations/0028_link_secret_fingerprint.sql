-- Personal links after the office rotates LINK_SECRET (docs/deploy.md 第 6 节): every link stops
-- working at once. Each link now records which secret signed it (src/links/secret-fingerprint.ts:
-- 16 hex digits of a hash of it, never the secret itself), so the link's page can tell its holder
-- the link was replaced (not "invalid") and /links can list the links to send again.
-- Links issued before this migration keep NULL: what is known of them is that they were signed no
-- later than the first stamped link (see signedWithOtherSecret).
ALTER TABLE personal_links ADD COLUMN secret_fp TEXT;

-- The first stamped link, found without walking the older unstamped ones (a scalar subquery of the
-- list and of the refused link's lookup).
CREATE INDEX IF NOT EXISTS personal_links_stamped ON personal_links (issued_at) WHERE secret_fp IS NOT NULL;
