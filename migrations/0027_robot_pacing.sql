-- Each group robot's next free moment (issue: notices paced per robot). 钉钉 and 企业微信 take 20
-- messages a minute from one robot, 飞书 100 (5 a second); notices queued faster are refused (钉钉
-- then refuses everything for 10 minutes). Every message to a robot takes a slot here, read and
-- moved forward in one statement per enqueue call or consumer batch. The robot is keyed by a hash of
-- its address (without the #secret): the address itself gives whoever reads it the group.
CREATE TABLE IF NOT EXISTS robot_pacing (
  address_key TEXT PRIMARY KEY,
  -- The first slot the last reservation got (unix ms), and the one after its last.
  granted_from_ms INTEGER NOT NULL,
  next_free_ms INTEGER NOT NULL,
  -- The last reservation's spacing and how many slots it asked for (the upsert reads them).
  gap_ms INTEGER NOT NULL,
  wanted INTEGER NOT NULL
);
