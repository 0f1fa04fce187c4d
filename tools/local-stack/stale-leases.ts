import type { LocalStatePaths } from "../local-paths";
import { queryLocalD1, type RunWrangler } from "./local-d1";
import { localTime } from "./local-time";

/** The sync's lease name and holders (src/jobs/sync/run-sync.ts: LEASE_NAME, holderOf). */
const SYNC_LEASE = "sync";

export interface LeaseRow {
  readonly name: string;
  readonly holder: string;
  /** Epoch ms. */
  readonly expires_at: number;
}

/**
 * Frees every lease a previous run of this state left (sync, intake, notices), before the Worker
 * starts. On Cloudflare a lease whose Worker died frees itself after its TTL (12 minutes for the
 * sync), since another isolate may still hold it. Here the state lock (state-lock.ts) makes this run
 * the only stack on the state, and its Worker is not yet running: whoever holds a lease is gone, and
 * the local queue that carried its run's steps went with it. Returns the lines for the console.
 */
export async function releaseStaleLeases(
  run: RunWrangler,
  paths: LocalStatePaths,
  nowMs: number,
): Promise<string[]> {
  const rows = await queryLocalD1<LeaseRow>(
    run,
    paths,
    "DELETE FROM leases RETURNING name, holder, expires_at",
  );
  // An expired lease was no longer in anyone's way: nothing worth saying.
  const held = rows.filter((row) => row.expires_at > nowMs);
  const lines: string[] = [];
  if (held.some((row) => row.name === SYNC_LEASE))
    lines.push("上次运行中断，已释放其同步租约 (released the sync lease left by an interrupted run)");
  const others = held.filter((row) => row.name !== SYNC_LEASE).map((row) => row.name);
  if (others.length > 0)
    lines.push(
      `上次运行中断，已释放其租约：${others.join("、")} (released the leases left by an interrupted run)`,
    );
  return lines;
}

/**
 * What to tell the operator when the first sync keeps finding the lease taken: when it frees
 * itself, in local time, and what to do meanwhile. `restart` is the command that starts this stack.
 */
export async function heldSyncLeaseAdvice(
  run: RunWrangler,
  paths: LocalStatePaths,
  restart: string,
  nowMs: number,
): Promise<string> {
  let rows: LeaseRow[];
  try {
    rows = await queryLocalD1<LeaseRow>(
      run,
      paths,
      `SELECT name, holder, expires_at FROM leases WHERE name = '${SYNC_LEASE}'`,
    );
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return `无法读取同步租约（${why}）：同步租约最长 12 分钟后自动释放，请稍后重新运行 ${restart}`;
  }
  return syncLeaseAdvice(rows[0] ?? null, restart, nowMs);
}

export function syncLeaseAdvice(lease: LeaseRow | null, restart: string, nowMs: number): string {
  if (!lease || lease.expires_at <= nowMs)
    return `同步租约现已释放：请重新运行 ${restart} (the sync lease is free now: run it again)`;
  const until = localTime(lease.expires_at);
  return (
    `同步租约由 ${lease.holder} 持有，最迟 ${until}（本地时间）自动释放。` +
    `若另有程序（例如单独运行的 wrangler dev）在用这份本地数据，请先停止它，再重新运行 ${restart}；` +
    `否则请在 ${until} 之后重新运行 ${restart}\n` +
    `(the sync lease is held by ${lease.holder} until ${until} local time: stop any other program using this ` +
    `local state, or run ${restart} again after that time)`
  );
}
