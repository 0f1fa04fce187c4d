-- Issue 11: a run's steps (its chunks, its finish) travel as queue messages, delivered at least
-- once. The first message to reach a step claims it; another message for the same step (a
-- duplicate send) finds the claim and does nothing, while the claiming message's own retries go on.
CREATE TABLE IF NOT EXISTS sync_claims (
  run_id INTEGER NOT NULL,
  step TEXT NOT NULL,
  message TEXT NOT NULL,
  PRIMARY KEY (run_id, step)
);
