import type { Lease } from "../../store/lease";

/** One writer of 建议台账 at a time: the scratch tab holds one capture, and a write is short. */
const LOCK_NAME = "sheet-writes";
/** Longer than a write with its checks takes; a Worker that dies frees it by itself. */
const LOCK_TTL_MS = 60_000;
const WAIT_STEP_MS = 200;

export interface WriteLock {
  release(): Promise<void>;
}

/**
 * Takes the ledger's write lock, waiting up to `waitMs` for another job's write to finish (they take
 * a second or two). Returns null when it stays taken: the caller keeps its work for later.
 */
export async function takeWriteLock(lease: Lease, waitMs: number): Promise<WriteLock | null> {
  const holder = `writer-${crypto.randomUUID()}`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await lease.acquire(LOCK_NAME, holder, LOCK_TTL_MS, Date.now())) {
      return { release: () => lease.release(LOCK_NAME, holder) };
    }
    if (Date.now() + WAIT_STEP_MS > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}
