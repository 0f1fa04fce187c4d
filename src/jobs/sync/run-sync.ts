import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { LEDGER_EXPORT_HEAD } from "../../domain/dashboard/ledger-export";
import { type SheetSwitch, sheetSwitchReason } from "../../domain/sync/switched-sheet";
import type { SheetsClient } from "../../sheets/client";
import type { IdAllocator } from "../../store/id-allocator";
import type { Inbox } from "../../store/inbox";
import type { Lease } from "../../store/lease";
import type { MetaStore } from "../../store/meta";
import type { SnapshotStore } from "../../store/snapshots";
import type { SummaryStore } from "../../store/summary-store";
import type { SyncRunLog } from "../../store/sync-runs";
import type { TabCache } from "../../store/tab-cache";
import { deriveStored } from "./derive-stored";
import { FIGURE_STEPS, type FigureStepName } from "./figures-step";
import { type FinishOutcome, finishRun } from "./finish-run";
import { planRun } from "./plan-run";
import { readPracticeTabs } from "./practice-step";
import { type ChunkRowsOf, chunkReader, reuseChunk, runChunk } from "./run-chunk";
import type { ChunkResult, SyncContext } from "./sync-context";

export interface SyncDeps {
  sheets: SheetsClient;
  lease: Lease;
  ids: IdAllocator;
  snapshots: SnapshotStore;
  runs: SyncRunLog;
  inbox: Inbox;
  meta: MetaStore;
  intakeQueue: Queue<unknown>;
  tabCache: TabCache;
  summaries: SummaryStore;
  buildId: string;
}

export interface SyncResult {
  outcome: "ok" | "skipped" | "failed" | "started";
  runId: number;
  message: string;
  rows: number;
  cellsWritten: number;
  sheetsCalls: number;
  problems: number;
  assignedIds: string[];
  heldWrites: number;
  /** Staff cells a misplaced write overwrote and the sync put back (each in the audit trail). */
  repairedCells: number;
  skippedTabs: { tab: string; reason: string }[];
  retryable: boolean;
}

/** A step of a run that goes on in another invocation (the job queue's message). */
export type SyncStep =
  | { runId: number; step: "practice" }
  | {
      runId: number;
      step: "chunk";
      chunk: number;
      /**
       * The step before checked its chunk, or found this one changed: this step likely checks its
       * chunk, so it reads only that one's rows.
       */
      expectsCheck?: boolean;
    }
  /**
   * After a chunk whose part's rows changed: what derives from them (its index, list entries,
   * share of the figures, export lines; deriveStored), then the next chunk, which likely checks.
   */
  | { runId: number; step: "derive"; chunk: number }
  | { runId: number; step: "finish" }
  /**
   * After a finish that stored a new summary, of `version`, in turn: the overview's figures
   * ("figures"), the records' ("records"), each year's report ("reports"): FIGURE_STEPS.
   */
  | { [Name in FigureStepName]: { runId: number; step: Name; version: string } }[FigureStepName]
  /** After the reports: the ledger export's whole file joined again (saveWholeCsv). */
  | { runId: number; step: "export" };

const LEASE_NAME = "sync";
/**
 * Longer than a step waits in the queue's backoff (15 s … 4 min, see consume.ts) plus the step
 * itself; a run whose steps all died frees the lease by itself after this, before the cron after next.
 */
const LEASE_TTL_MS = 12 * 60_000;

/** The lease went to a newer run while this one waited (its steps retried past the lease). */
class SupersededError extends Error {
  readonly retryable = false;
  constructor() {
    super("同步的租约已过期，另一次同步已接手：本次停止");
  }
}

const holderOf = (runId: number) => `sync-${runId}`;

export function emptyResult(runId: number): SyncResult {
  return {
    outcome: "ok",
    runId,
    message: "",
    rows: 0,
    cellsWritten: 0,
    sheetsCalls: 0,
    problems: 0,
    assignedIds: [],
    heldWrites: 0,
    repairedCells: 0,
    skippedTabs: [],
    retryable: false,
  };
}

/**
 * The trigger of the run a finish starts at once when rows moved while its chunks ran (finishRun's
 * holdIfMoved). That run publishes whatever it finds: staff sorting again and again must not keep
 * the dashboard from ever updating.
 */
export const RESYNC_TRIGGER = "rows-moved";

/**
 * What a completed run says; a skipped ledger first (its rows were not read, see finishRun), and
 * system tabs Google would not let it write last.
 */
function finishedMessage(context: SyncContext, outcome: FinishOutcome): string {
  const said = completedMessage(context, outcome);
  return outcome.unwrittenTabs ? `${said}；${outcome.unwrittenTabs.reason}` : said;
}

function completedMessage(context: SyncContext, outcome: { incomplete: boolean; held: boolean }): string {
  if (context.ledgerSkipped !== null)
    return `同步完成，但没有读取『${TAB_NAMES.ledger}』：${context.ledgerSkipped}。统计、页面和提醒沿用上次读到的台账`;
  if (outcome.held) return "同步期间表格行被移动（排序、插入或删除行）：本次不更新统计和页面，已立即重新同步";
  return outcome.incomplete ? "同步完成（同步期间表格行被移动，部分统计以下次同步为准）" : "同步完成";
}

function failure(error: unknown): { message: string; retryable: boolean } {
  const message = error instanceof Error ? error.message : String(error);
  const retryable =
    typeof error === "object" && error !== null && "retryable" in error && error.retryable === true;
  return { message, retryable };
}

/**
 * The last run context this isolate parsed (or planned, or patched), by run and revision. A run's
 * steps usually land on the same isolate one after another, and the context (every 编号 of the
 * ledger: 80 KB for 2,000 rows, about 1.7 ms to parse and 1 ms more to receive from D1) is the same
 * for all its chunks: a step names the revision it has, and D1 sends the text only when it differs.
 * Replaced, never changed in place, so a step that took it keeps a consistent one.
 */
let parsedContext: { runId: number; rev: number; context: () => SyncContext } | null = null;

/** How a step is named in its claim. */
const stepKey = (step: SyncStep) =>
  step.step === "chunk" || step.step === "derive" ? `${step.step}:${step.chunk}` : step.step;

/**
 * Claims the step and gives the run's context (the isolate's own when D1 holds that revision) and
 * the chunks whose results are stored.
 */
async function openStep(
  deps: SyncDeps,
  step: SyncStep,
  messageId: string,
  nowMs: number,
): Promise<{ context: SyncContext; done: ReadonlySet<number>; leaseHeld: boolean } | null> {
  const known = parsedContext?.runId === step.runId ? parsedContext : null;
  // The steps that check or derive chunks renew the run's lease for their work (holdLease), in the
  // claim's round trip: a query less on each of them (forty on a day's first sync).
  const renew =
    step.step === "chunk" || step.step === "derive"
      ? { name: LEASE_NAME, holder: holderOf(step.runId), expiresAt: nowMs + LEASE_TTL_MS }
      : undefined;
  const opened = await deps.runs.openStep(step.runId, stepKey(step), messageId, known?.rev ?? null, renew);
  if (opened?.claimedBy !== messageId) return null;
  const done = new Set(opened.doneChunks);
  const { leaseHeld } = opened;
  // No text: D1 holds the revision this isolate named, the one it has.
  if (opened.context === null) return known ? { context: known.context(), done, leaseHeld } : null;
  const context = JSON.parse(opened.context) as SyncContext;
  parsedContext = { runId: step.runId, rev: opened.rev, context: () => context };
  return { context, done, leaseHeld };
}

/**
 * Starts a run: one at a time (D1 lease), its plan stored for its chunks. Returns the run's id and
 * plan, or the result of a run that could not start (another one is going; the sheet is unreachable).
 */
async function startRun(
  deps: SyncDeps,
  trigger: string,
  nowMs: number,
): Promise<{ runId: number; chunks: number; context: () => SyncContext } | SyncResult> {
  const startedAt = new Date(nowMs).toISOString();
  const runId = await deps.runs.start(trigger, startedAt);
  const base = emptyResult(runId);
  if (!(await deps.lease.acquire(LEASE_NAME, holderOf(runId), LEASE_TTL_MS, nowMs))) {
    const message = "另一次同步正在进行，本次跳过";
    await deps.runs.finish(runId, new Date().toISOString(), {
      ...base,
      outcome: "skipped",
      error: message,
      summary: null,
    });
    return { ...base, outcome: "skipped", message };
  }
  await deps.runs.abandonOthers(
    runId,
    startedAt,
    "同步未完成（其后续步骤未能继续，租约过期）：已由下一次同步接替",
  );
  const callsBefore = deps.sheets.callCount;
  try {
    const planned = await planRun(deps, trigger, nowMs);
    if ("switched" in planned) return holdForSwitch(deps, runId, planned.switched);
    const { context, text, chunks } = planned;
    const rev = await deps.runs.setContext(runId, text);
    // The practice step usually runs next on this isolate: it takes the context from here, not
    // from D1 (a kept plan's text is parsed then, not by the plan).
    parsedContext = { runId, rev, context };
    return { runId, chunks, context };
  } catch (error) {
    return failRun(deps, runId, error, deps.sheets.callCount - callsBefore);
  }
}

/**
 * Ends the run held for a changed SPREADSHEET_ID (planRun read nothing of the sheet): a failure that
 * waits for staff, not for a retry, its switch kept in the summary (sheetSwitchOf) for the dashboard's
 * banner, its 确认改用新表格 and /healthz.
 */
async function holdForSwitch(deps: SyncDeps, runId: number, switched: SheetSwitch): Promise<SyncResult> {
  const message = sheetSwitchReason(switched);
  const base = emptyResult(runId);
  await deps.runs.finish(runId, new Date().toISOString(), {
    ...base,
    outcome: "failed",
    error: message,
    summary: { retryable: false, sheetSwitch: switched },
  });
  // Nothing to forget: the run stored no plan and no chunk.
  await deps.lease.release(LEASE_NAME, holderOf(runId));
  return { ...base, outcome: "failed", message, retryable: false };
}

/**
 * Ends the run as failed. `sheetsCalls`: the whole run's when `of` is "run" (one invocation), the
 * failing step's alone when "step"; the record adds what the chunks before it did (soFar).
 */
async function failRun(
  deps: SyncDeps,
  runId: number,
  error: unknown,
  sheetsCalls: number,
  of: "run" | "step" = "run",
): Promise<SyncResult> {
  const { message, retryable } = failure(error);
  const base = emptyResult(runId);
  await deps.runs.finish(runId, new Date().toISOString(), {
    ...base,
    outcome: "failed",
    sheetsCalls,
    error: message,
    // The banner and /healthz promise a retry only for what a retry can mend (failedRunRetries).
    summary: { retryable },
    soFar: of,
  });
  await deps.runs.forgetWork(runId);
  await deps.lease.release(LEASE_NAME, holderOf(runId));
  return { ...base, outcome: "failed", message, sheetsCalls, retryable };
}

/** Renews the run's lease for the work that follows: a run whose lease went to a newer one stops. */
async function holdLease(deps: SyncDeps, runId: number, nowMs: number): Promise<void> {
  if (!(await deps.lease.renew(LEASE_NAME, holderOf(runId), LEASE_TTL_MS, nowMs)))
    throw new SupersededError();
}

/**
 * A chunk of the run, reused or checked, its result stored once (a second store of it does
 * nothing); with `reuseOnly`, "check" (nothing done) when its rows cannot be reused as they are;
 * with `deriveLater`, a changed part is stored for a derive step (runChunk).
 */
async function chunkOnce(
  deps: SyncDeps,
  runId: number,
  context: SyncContext,
  chunk: number,
  nowMs: number,
  rowsOf: ChunkRowsOf,
  options: { reuseOnly?: boolean; deriveLater?: boolean } = {},
): Promise<ChunkResult | "check"> {
  const result = options.reuseOnly
    ? await reuseChunk(deps, context, chunk, rowsOf)
    : await runChunk(deps, context, chunk, nowMs, rowsOf, { deriveLater: options.deriveLater });
  if (result === null) return "check";
  await deps.runs.saveChunk(runId, chunk, JSON.stringify(result));
  return result;
}

/**
 * The finish, once. `followUp` is how the overview's and the records' figures, the year reports and
 * the export's whole file get worked out when the finish stored a new summary: here (a whole sync in
 * one call), or as the run's next queued steps.
 */
async function finishOnce(
  deps: SyncDeps,
  runId: number,
  context: SyncContext,
  nowMs: number,
  callsBefore: number,
  followUp: (version: string) => Promise<unknown>,
) {
  const results = (await deps.runs.chunkResults(runId)).map((r) => JSON.parse(r.result) as ChunkResult);
  // A part still lacking what derives from its rows (its derive step lost): derived here, so the
  // figures add up shares. Only a checked chunk's part may lack it: a reused one was steady, and
  // a part that lacks anything is never steady.
  if (results.some((r) => !r.reused))
    for (const part of await deps.summaries.lackingParts())
      if (part < context.chunkStarts.length) await deriveStored(deps, context, part);
  const outcome = await finishRun(deps, context, results, nowMs, {
    holdIfMoved: context.trigger !== RESYNC_TRIGGER,
  });
  if (outcome.figuresDue !== null) await followUp(outcome.figuresDue);
  const base = emptyResult(runId);
  const result: SyncResult = {
    ...base,
    outcome: "ok",
    message: finishedMessage(context, outcome),
    rows: outcome.rows,
    cellsWritten: outcome.cellsWritten + results.reduce((n, r) => n + r.cellsWritten, 0),
    sheetsCalls:
      context.planCalls +
      results.reduce((n, r) => n + r.sheetsCalls, 0) +
      deps.sheets.callCount -
      callsBefore,
    problems: outcome.problems,
    assignedIds: results.flatMap((r) => r.assignedIds),
    heldWrites: results.reduce((n, r) => n + r.held, 0),
    repairedCells: results.reduce((n, r) => n + r.repairedCells, 0),
    skippedTabs: context.skippedTabs,
  };
  const summary = {
    today: context.today,
    chunks: context.chunkStarts.length,
    /** Chunks whose rows were as a steady earlier run left them: not checked again. */
    reusedChunks: results.filter((r) => r.reused).length,
    held: results.flatMap((r) => r.heldSample).slice(0, 50),
    skippedTabs: context.skippedTabs,
    requeuedSubmissions: outcome.requeued,
    repairedCells: result.repairedCells,
    incomplete: outcome.incomplete,
    /** Rows moved and nothing was published: a run started at once (RESYNC_TRIGGER) reads the sheet again. */
    resynced: outcome.held,
    /** The summary version whose figures (then records, reports, the export) follow; null: none. */
    figuresQueued: outcome.figuresDue,
    /** System tabs Google kept failing to take (rewritten by the next run), and why. */
    ...(outcome.unwrittenTabs ? { unwrittenTabs: outcome.unwrittenTabs } : {}),
  };
  await deps.runs.finish(runId, new Date().toISOString(), { ...result, outcome: "ok", error: null, summary });
  await deps.runs.forgetWork(runId);
  await deps.lease.release(LEASE_NAME, holderOf(runId));
  return { ...result, held: outcome.held };
}

/**
 * A whole sync in this invocation: the plan, every chunk, the finish. Tests, tools and small
 * ledgers use it; the cron runs a large ledger a chunk per invocation (startSync, continueSync).
 * Sheets calls: the plan reads once (twice on a first run or after staff moved its columns; see
 * planRun); each two chunks' rows are read at once, as a quiet step reads them; a chunk that changed
 * writes once and reads the check; the finish writes the system tabs once when they changed.
 */
export async function runSync(deps: SyncDeps, trigger: string, nowMs: number): Promise<SyncResult> {
  const callsBefore = deps.sheets.callCount;
  const started = await startRun(deps, trigger, nowMs);
  if ("outcome" in started) return started;
  const { runId } = started;
  try {
    const context = await practiceOnce(deps, runId, started.context(), nowMs);
    const chunks = context.chunkStarts.length;
    for (let from = 0; from < chunks; from += REUSED_PER_STEP) {
      const to = Math.min(chunks, from + REUSED_PER_STEP);
      const rowsOf = chunkReader(deps.sheets, context, from, to);
      await holdLease(deps, runId, nowMs);
      for (let chunk = from; chunk < to; chunk++) await chunkOnce(deps, runId, context, chunk, nowMs, rowsOf);
    }
    const { held, ...result } = await finishOnce(
      deps,
      runId,
      context,
      nowMs,
      deps.sheets.callCount,
      async (version) => {
        for (const [, save] of FIGURE_STEPS) await save(deps, version, nowMs);
        await deps.summaries.saveWholeCsv(LEDGER_EXPORT_HEAD);
      },
    );
    return held ? await runSync(deps, RESYNC_TRIGGER, nowMs) : result;
  } catch (error) {
    return failRun(deps, runId, error, deps.sheets.callCount - callsBefore);
  }
}

/**
 * The cron's sync: plans the run and hands its chunks to the sync queue, one invocation each, so
 * no invocation goes past the Free plan's CPU. A ledger that fits one chunk is finished at once.
 */
export async function startSync(
  deps: SyncDeps & { jobsQueue: Queue<SyncStep> },
  trigger: string,
  nowMs: number,
): Promise<SyncResult> {
  const started = await startRun(deps, trigger, nowMs);
  if ("outcome" in started) return started;
  const { runId, chunks } = started;
  await deps.jobsQueue.send({ runId, step: "practice" });
  return {
    ...emptyResult(runId),
    outcome: "started",
    message: `同步已开始（${chunks} 段）`,
  };
}

/** The step of chunk `chunk` (whether it likely checks), or the finish after the last chunk. */
const chunkStep = (runId: number, context: SyncContext, chunk: number, expectsCheck: boolean): SyncStep =>
  chunk < context.chunkStarts.length
    ? { runId, step: "chunk", chunk, ...(expectsCheck ? { expectsCheck } : {}) }
    : { runId, step: "finish" };

/** The practice tabs read into D1 and the run's plan (once: a second delivery finds it done). */
async function practiceOnce(
  deps: SyncDeps,
  runId: number,
  context: SyncContext,
  nowMs: number,
): Promise<SyncContext> {
  if (context.practiceRead) return context;
  const callsBefore = deps.sheets.callCount;
  const read = await readPracticeTabs(deps, context, nowMs);
  const changes = { ...read, planCalls: context.planCalls + deps.sheets.callCount - callsBefore };
  const rev = await deps.runs.patchContext(runId, JSON.stringify(changes));
  // What json_patch made of it in D1 (every changed field is replaced whole): the chunks that
  // follow on this isolate take it as it is.
  const patched = { ...context, ...changes };
  parsedContext = { runId, rev, context: () => patched };
  return patched;
}

/**
 * Chunks one step may go through when the sync reuses them: reading and digesting a reused chunk
 * costs a quarter of checking one, so two of them fit the Workers Free plan's CPU in one step, and a
 * quiet sync needs no more queue messages than it had when a chunk held twice the rows.
 */
const REUSED_PER_STEP = 2;

/**
 * The chunks of one step, from `first`: it, then while the sync reuses them, the next ones up to
 * REUSED_PER_STEP. A chunk that must be checked after a reused one is left for a step of its own
 * (checking costs the whole step's CPU). The rows of all of them are read in one call, unless this
 * step likely checks its first (`expectsCheck`: on a day every chunk is checked, the next chunk's
 * rows read along would only be parsed for nothing). Returns where the next step starts, whether
 * it likely checks its chunk, and the chunk whose part a derive step works out first (if any).
 */
async function chunksOfStep(
  deps: SyncDeps,
  runId: number,
  context: SyncContext,
  step: { first: number; expectsCheck: boolean; done: ReadonlySet<number> },
  nowMs: number,
): Promise<{ next: number; expectsCheck: boolean; derive: number | null }> {
  const { first, done } = step;
  const end = Math.min(context.chunkStarts.length, first + REUSED_PER_STEP);
  const rowsOf = chunkReader(deps.sheets, context, first, step.expectsCheck ? first + 1 : end);
  // The lease was renewed once for the step's chunks when it was claimed (the lease outlasts a
  // step many times over).
  let chunk = first;
  while (chunk < end) {
    // One an earlier delivery ran (this is a retry) ends the step: whether it was reused is not
    // known, and the next step redoes nothing done. The run goes on as that delivery passed it
    // on: through a derive step while the part lacks what derives from its rows (the finish
    // would derive it too, but on a step already heavy).
    if (done.has(chunk)) {
      const lacking = (await deps.summaries.lackingParts()).includes(chunk);
      return { next: chunk + 1, expectsCheck: lacking, derive: lacking ? chunk : null };
    }
    const outcome = await chunkOnce(deps, runId, context, chunk, nowMs, rowsOf, {
      reuseOnly: chunk > first,
      deriveLater: true,
    });
    if (outcome === "check") return { next: chunk, expectsCheck: true, derive: null };
    chunk++;
    // A checked chunk takes the whole step; what derives from its part's rows, another.
    if (!outcome.reused)
      return { next: chunk, expectsCheck: true, derive: outcome.partChanged ? chunk - 1 : null };
  }
  return { next: chunk, expectsCheck: false, derive: null };
}

/**
 * One queued step of a run: a chunk, what derives from a checked chunk's part, or the finish (each
 * queues the next). The first message to reach a step claims it: a second message for the same
 * step (the queue delivers at least once) does nothing, while the claiming message's own retries
 * redo what is not yet done. A failure the queue should retry is thrown as retryable.
 */
export async function continueSync(
  deps: SyncDeps & { jobsQueue: Queue<SyncStep> },
  step: SyncStep,
  nowMs: number,
  messageId: string,
): Promise<SyncResult | null> {
  // Claimed by no one: working them out again is harmless (each is skipped when already stored),
  // and the run they follow has ended.
  if ("version" in step) {
    const figureStep = FIGURE_STEPS.findIndex(([name]) => name === step.step);
    const [, save] = FIGURE_STEPS[figureStep] as (typeof FIGURE_STEPS)[number];
    await save(deps, step.version, nowMs);
    const next = FIGURE_STEPS[figureStep + 1];
    await deps.jobsQueue.send(
      next
        ? { runId: step.runId, step: next[0], version: step.version }
        : { runId: step.runId, step: "export" },
    );
    return null;
  }
  if (step.step === "export") {
    await deps.summaries.saveWholeCsv(LEDGER_EXPORT_HEAD);
    return null;
  }
  const opened = await openStep(deps, step, messageId, nowMs);
  if (!opened) return null;
  const { context } = opened;
  const callsBefore = deps.sheets.callCount;
  try {
    // A run whose lease went to a newer one stops (as holdLease does).
    if (!opened.leaseHeld) throw new SupersededError();
    if (step.step === "finish") {
      const { held, ...result } = await finishOnce(deps, step.runId, context, nowMs, callsBefore, (version) =>
        deps.jobsQueue.send({ runId: step.runId, step: FIGURE_STEPS[0][0], version }),
      );
      // Its own result is what the consumer logs; the new run logs its own when it ends.
      if (held) await startSync(deps, RESYNC_TRIGGER, nowMs);
      return result;
    }
    if (step.step === "practice") {
      const read = await practiceOnce(deps, step.runId, context, nowMs);
      await deps.jobsQueue.send(chunkStep(step.runId, read, 0, false));
      return null;
    }
    if (step.step === "derive") {
      await deriveStored(deps, context, step.chunk);
      await deps.jobsQueue.send(chunkStep(step.runId, context, step.chunk + 1, true));
      return null;
    }
    const { next, expectsCheck, derive } = await chunksOfStep(
      deps,
      step.runId,
      context,
      { first: step.chunk, expectsCheck: step.expectsCheck === true, done: opened.done },
      nowMs,
    );
    await deps.jobsQueue.send(
      derive === null
        ? chunkStep(step.runId, context, next, expectsCheck)
        : { runId: step.runId, step: "derive", chunk: derive },
    );
    return null;
  } catch (error) {
    const { retryable } = failure(error);
    if (retryable) throw error;
    return failRun(deps, step.runId, error, deps.sheets.callCount - callsBefore, "step");
  }
}
