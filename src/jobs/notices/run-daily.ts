import {
  DAILY_RUN_END_HOUR,
  DAILY_RUN_HOUR,
  type DailyRunDecision,
  decideDailyRun,
} from "../../domain/notices/schedule";
import type { UnreachableNotice } from "../../domain/notices/types";
import type { Problem } from "../../domain/problems";
import { META_UNREACHABLE_NOTICES } from "../../store/meta";
import { META_NOTICES_LAST_RUN, type NoticeDeps, type QueuingNoticeDeps } from "./notice-deps";
import { officeClock } from "./office-clock";
import {
  addOutcomes,
  type DailyRun,
  EMPTY_OUTCOME,
  planDigest,
  planPart,
  type StepOutcome,
  templateProblemsEntry,
} from "./plan-steps";
import { readdressWaiting } from "./retry-notice";

export interface DailyRunOptions {
  /** Development and tests (`POST /api/notices/run?now=`): skip the 09:00–18:00 and once-a-day gates. */
  force?: boolean;
  /** When the personal links are signed (their 180 days count from it); the run's instant when absent. */
  linksIssuedAtMs?: number;
}

export type DailyRunResult =
  | ({ outcome: "ok"; today: string; readdressed: number } & StepOutcome)
  | {
      outcome: "skipped";
      today: string;
      /** For scripts; `message` says it to staff. */
      reason: SkipReason;
      message: string;
    }
  | { outcome: "failed"; today: string; retryable: boolean; message: string };

type SkipReason = Exclude<DailyRunDecision, { run: true }>["reason"] | "busy";

/** Why no run was started, in the words staff read (the run's JSON, the cron's log). */
function skippedMessage(reason: SkipReason, today: string): string {
  switch (reason) {
    case "before-hour":
      return `还没到每日通知的时间：每天按『设置』的时区 ${DAILY_RUN_HOUR}:00 以后发送，本次没有发送`;
    case "after-hour":
      return `已过今天每日通知的开始时间：每天按『设置』的时区 ${DAILY_RUN_HOUR}:00 至 ${DAILY_RUN_END_HOUR}:00 之间开始发送，本次没有发送；今天（${today}）到期的通知在下一次每日通知（次日 ${DAILY_RUN_HOUR}:00 以后；仅工作日发送时为下一个工作日）补发，只发一次`;
    case "already-ran":
      return `今天（${today}）的每日通知已经发过：同一天只发一次，本次没有重复发送`;
    case "busy":
      return "另一次每日通知正在进行：本次没有重复发送，请稍后在『通知』页查看结果";
  }
}

const skipped = (today: string, reason: SkipReason): Extract<DailyRunResult, { outcome: "skipped" }> => ({
  outcome: "skipped",
  today,
  reason,
  message: skippedMessage(reason, today),
});

const LEASE_NAME = "notices";
/** Longer than a run's steps take through the queue; a run whose steps died frees it by itself. */
const LEASE_TTL_MS = 30 * 60_000;

async function alreadyRan(deps: NoticeDeps, today: string): Promise<boolean> {
  const last = await deps.meta.get(META_NOTICES_LAST_RUN);
  return last !== null && last >= today;
}

/** A step of a daily run that goes on in another invocation (a message of the job queue). */
export type NoticesStep = {
  job: "notices";
  run: DailyRun;
  /** The lease holder, released by the last step. */
  holder: string;
  /**
   * The 通知模板 problems the run's earlier steps found, kept by the last step in one write (absent
   * in a step queued by an older build, or before any was found).
   */
  templateProblems?: Problem[];
} & ({ step: "part"; part: number } | { step: "digest" });

export function isNoticesStep(body: unknown): body is NoticesStep {
  return typeof body === "object" && body !== null && (body as NoticesStep).job === "notices";
}

/** Whether the run is due (from 09:00 to before 18:00, once a local day) and who runs it; else why not. */
async function begin(
  deps: NoticeDeps,
  nowMs: number,
  options: DailyRunOptions,
): Promise<{ run: DailyRun; holder: string } | Extract<DailyRunResult, { outcome: "skipped" }>> {
  const clock = await officeClock(deps.tabCache, nowMs);
  const { today } = clock;
  if (!options.force) {
    const lastRunOn = await deps.meta.get(META_NOTICES_LAST_RUN);
    const decision = decideDailyRun({ today, hour: clock.hour, lastRunOn });
    if (!decision.run) return skipped(today, decision.reason);
  }
  const holder = `notices-${crypto.randomUUID()}`;
  if (!(await deps.lease.acquire(LEASE_NAME, holder, LEASE_TTL_MS, nowMs))) return skipped(today, "busy");
  // A run that overlapped this one may have finished while this one waited for the lease.
  if (!options.force && (await alreadyRan(deps, today))) {
    await deps.lease.release(LEASE_NAME, holder);
    return skipped(today, "already-ran");
  }
  const links = options.linksIssuedAtMs === undefined ? {} : { linksIssuedMs: options.linksIssuedAtMs };
  return { run: { today, timeZone: clock.timeZone, startedMs: nowMs, ...links }, holder };
}

async function end(deps: NoticeDeps, run: DailyRun, holder: string, force: boolean): Promise<void> {
  // A forced (demo) run may be for another day: it must not stop the real daily run.
  if (!force) await deps.meta.set(META_NOTICES_LAST_RUN, run.today, new Date(run.startedMs).toISOString());
  await deps.lease.release(LEASE_NAME, holder);
}

/** A step of the run, as the list of notices it could not send is kept under. */
type StepName = number | "digest";

/** A notice the latest daily run could not send (no usable channel), and the day it was checked. */
export interface UnsentNotice extends UnreachableNotice {
  readonly checkedOn: string;
}

const unsentKey = (step: StepName) => `${META_UNREACHABLE_NOTICES}:${step}`;

/**
 * The meta entry a step replaces with the notices it could not send: staff see them on /notices
 * and the suggestion's page, not only in the log. None on a rest day: it plans nothing, so it finds
 * nothing unreachable, and the last working day's list stands.
 */
function unsentEntry(run: DailyRun, step: StepName, outcome: StepOutcome): [string, string][] {
  if (outcome.restDay) return [];
  return [[unsentKey(step), JSON.stringify({ today: run.today, entries: outcome.unreachable })]];
}

async function keepUnsent(
  deps: NoticeDeps,
  run: DailyRun,
  step: StepName,
  outcome: StepOutcome,
  more: readonly [string, string][] = [],
) {
  await deps.meta.setMany(
    [...unsentEntry(run, step, outcome), ...more],
    new Date(run.startedMs).toISOString(),
  );
}

/**
 * The notices the latest daily run could not send (of `suggestionId` only, when given), in sheet
 * order: two D1 queries (how many parts the ledger has, then their lists). Each step replaces its
 * part's list, so a notice sent since, its recipient's channel corrected, is no longer listed.
 */
export async function unsentNotices(
  deps: Pick<NoticeDeps, "meta" | "summaries">,
  suggestionId?: string,
): Promise<UnsentNotice[]> {
  const parts = await deps.summaries.count();
  const keys = [...Array.from({ length: parts }, (_, part) => unsentKey(part)), unsentKey("digest")];
  const stored = await deps.meta.getMany(keys);
  const newest = new Map<string, UnsentNotice>();
  for (const key of keys) {
    const raw = stored.get(key);
    if (!raw) continue;
    const { today, entries } = JSON.parse(raw) as { today: string; entries: UnreachableNotice[] };
    for (const entry of entries) {
      if (suggestionId !== undefined && entry.suggestionId !== suggestionId) continue;
      // A row that moved to another part while a run is under way is in both lists: the newer counts.
      const id = `${entry.type}|${entry.suggestionId}|${entry.recipient}`;
      const seen = newest.get(id);
      if (!seen || seen.checkedOn < today) newest.set(id, { ...entry, checkedOn: today });
    }
  }
  return [...newest.values()];
}

const failed = (today: string, error: unknown): DailyRunResult => ({
  outcome: "failed",
  today,
  retryable: true,
  message: error instanceof Error ? error.message : String(error),
});

/**
 * The daily notices run in one invocation (tests, `POST /api/notices/run`, small offices): plans
 * what is due today from the ledger as D1 last saw it (no Sheets quota spent), a stored part at a
 * time and the digest last, inserts each notice once into the outbox (unique key) and queues only
 * the rows this run inserted. First, what still waits from earlier runs goes to its recipient's
 * corrected address, if staff corrected it since (readdressWaiting). One run at a time (lease); a second run the same day, or an
 * overlapping one, finds every key taken and sends nothing twice.
 */
export async function runDailyNotices(
  deps: NoticeDeps,
  nowMs: number,
  options: DailyRunOptions = {},
): Promise<DailyRunResult> {
  const begun = await begin(deps, nowMs, options);
  if ("outcome" in begun) return begun;
  const { run, holder } = begun;
  try {
    const readdressed = await readdressWaiting(deps, nowMs);
    const parts = await deps.summaries.count();
    let outcome = EMPTY_OUTCOME;
    const unsent: [string, string][] = [];
    for (let part = 0; part < parts; part++) {
      const step = await planPart(deps, run, part);
      unsent.push(...unsentEntry(run, part, step));
      outcome = addOutcomes(outcome, step);
    }
    const digest = await planDigest(deps, run);
    unsent.push(...unsentEntry(run, "digest", digest));
    outcome = addOutcomes(outcome, digest);
    // Every step's list, and the run's 通知模板 problems, in one D1 batch.
    await deps.meta.setMany(
      [...unsent, ...templateProblemsEntry(run, outcome)],
      new Date(run.startedMs).toISOString(),
    );
    await end(deps, run, holder, options.force === true);
    return { outcome: "ok", today: run.today, readdressed: readdressed.length, ...outcome };
  } catch (error) {
    await deps.lease.release(LEASE_NAME, holder);
    return failed(run.today, error);
  }
}

/**
 * The hourly cron's daily run: each stored part of the ledger is planned in an invocation of its
 * own (the job queue), then the digest, so a county's whole year fits the Free plan's CPU.
 */
export async function startDailyNotices(
  deps: QueuingNoticeDeps,
  nowMs: number,
): Promise<DailyRunResult | { outcome: "started"; today: string; parts: number }> {
  const begun = await begin(deps, nowMs, {});
  if ("outcome" in begun) return begun;
  const { run, holder } = begun;
  try {
    const parts = await deps.summaries.count();
    const first: NoticesStep =
      parts > 0
        ? { job: "notices", run, holder, step: "part", part: 0 }
        : { job: "notices", run, holder, step: "digest" };
    await deps.jobsQueue.send(first);
    return { outcome: "started", today: run.today, parts };
  } catch (error) {
    await deps.lease.release(LEASE_NAME, holder);
    return failed(run.today, error);
  }
}

/**
 * One queued step: a part (then the next step is queued) or the digest (then the run is marked
 * done). A step delivered twice plans again and inserts nothing new (the outbox keys are unique).
 */
export async function continueDailyNotices(deps: QueuingNoticeDeps, step: NoticesStep): Promise<StepOutcome> {
  const { run, holder } = step;
  // The 通知模板 problems of the steps so far: carried in the messages, kept by the last step.
  const found = (outcome: StepOutcome) =>
    addOutcomes({ ...EMPTY_OUTCOME, templateProblems: step.templateProblems ?? [] }, outcome);
  if (step.step === "digest") {
    const outcome = await planDigest(deps, run);
    await keepUnsent(deps, run, "digest", outcome, templateProblemsEntry(run, found(outcome)));
    await end(deps, run, holder, false);
    return outcome;
  }
  const outcome = await planPart(deps, run, step.part);
  await keepUnsent(deps, run, step.part, outcome);
  const parts = await deps.summaries.count();
  const { templateProblems } = found(outcome);
  const carried = templateProblems.length > 0 ? { templateProblems } : {};
  const next: NoticesStep =
    step.part + 1 < parts
      ? { job: "notices", run, holder, step: "part", part: step.part + 1, ...carried }
      : { job: "notices", run, holder, step: "digest", ...carried };
  await deps.jobsQueue.send(next);
  return outcome;
}
