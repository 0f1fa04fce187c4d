import { addDaysIso } from "../../domain/civil-date";
import { CATCH_UP_DAYS } from "../../domain/notices/catch-up";
import { planNotices } from "../../domain/notices/plan";
import { type DailyRunDecision, decideDailyRun } from "../../domain/notices/schedule";
import type { UnreachableNotice } from "../../domain/notices/types";
import type { Problem } from "../../domain/problems";
import { loadLedgerView } from "../ledger-view";
import { attachPersonalLinks } from "../links/attach-links";
import { localDate } from "../local-time";
import { enqueueNotices } from "./enqueue";
import { META_NOTICES_LAST_RUN, type NoticeDeps } from "./notice-deps";
import { officeClock } from "./office-clock";

export interface DailyRunOptions {
  /** Development and tests (`POST /api/notices/run?now=`): skip the 09:00 and once-a-day gates. */
  force?: boolean;
  /** When the personal links are signed (their 180 days count from it); `nowMs` when absent. */
  linksIssuedAtMs?: number;
}

export type DailyRunResult =
  | {
      outcome: "ok";
      today: string;
      restDay: boolean;
      planned: number;
      inserted: number;
      enqueued: number;
      disabled: number;
      unreachable: UnreachableNotice[];
      templateProblems: Problem[];
    }
  | { outcome: "skipped"; today: string; reason: Exclude<DailyRunDecision, { run: true }>["reason"] | "busy" }
  | { outcome: "failed"; today: string; retryable: boolean; message: string };

const LEASE_NAME = "notices";
const LEASE_TTL_MS = 5 * 60_000;

async function alreadyRan(deps: NoticeDeps, today: string): Promise<boolean> {
  const last = await deps.meta.get(META_NOTICES_LAST_RUN);
  return last !== null && last >= today;
}

/**
 * The daily notices run: plans what is due today from the ledger as D1 last saw it (no Sheets
 * quota spent), inserts each notice once into the outbox (unique key) and queues only the rows this
 * run inserted. One run at a time (lease); a second run the same day, or an overlapping one, finds
 * every key taken and sends nothing twice.
 */
export async function runDailyNotices(
  deps: NoticeDeps,
  nowMs: number,
  options: DailyRunOptions = {},
): Promise<DailyRunResult> {
  const clock = await officeClock(deps.tabCache, nowMs);
  const { today } = clock;
  if (!options.force) {
    const lastRunOn = await deps.meta.get(META_NOTICES_LAST_RUN);
    const decision = decideDailyRun({ today, hour: clock.hour, lastRunOn });
    if (!decision.run) return { outcome: "skipped", today, reason: decision.reason };
  }
  const holder = `notices-${crypto.randomUUID()}`;
  if (!(await deps.lease.acquire(LEASE_NAME, holder, LEASE_TTL_MS, nowMs)))
    return { outcome: "skipped", today, reason: "busy" };
  try {
    // A run that overlapped this one may have finished while this one waited for the lease.
    if (!options.force && (await alreadyRan(deps, today)))
      return { outcome: "skipped", today, reason: "already-ran" };
    const view = await loadLedgerView(deps, today, "whole");
    const since = addDaysIso(today, -CATCH_UP_DAYS);
    const [existingKeys, arrivals] = await Promise.all([
      deps.noticeOutbox.keysDueSince(since),
      deps.noticeArrivals.since(since, (iso) => localDate(Date.parse(iso), clock.timeZone)),
    ]);
    const plan = planNotices({ today, evaluation: view.evaluation, existingKeys, arrivals });
    const plannedAt = new Date(nowMs).toISOString();
    const issuedAt = options.linksIssuedAtMs ?? nowMs;
    const notices = await attachPersonalLinks(deps, plan.notices, issuedAt, clock.timeZone);
    const inserted = await deps.noticeOutbox.insert(notices, plannedAt);
    const enqueued = await enqueueNotices(deps, inserted, nowMs);
    // A forced (demo) run may be for another day: it must not stop the real daily run.
    if (!options.force) await deps.meta.set(META_NOTICES_LAST_RUN, today, plannedAt);
    return {
      outcome: "ok",
      today,
      restDay: plan.restDay,
      planned: plan.notices.length,
      inserted: inserted.length,
      enqueued,
      disabled: plan.disabled,
      unreachable: plan.unreachable,
      templateProblems: plan.problems,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { outcome: "failed", today, retryable: true, message };
  } finally {
    await deps.lease.release(LEASE_NAME, holder);
  }
}
