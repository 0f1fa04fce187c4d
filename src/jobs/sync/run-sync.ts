import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { evaluateLedger, type LedgerEvaluation } from "../../domain/evaluate-ledger";
import { noticeRecipientProblems } from "../../domain/notices/recipient-problems";
import { factsOf, storeRow } from "../../domain/summary/summary-row";
import type { SheetsClient } from "../../sheets/client";
import type { IdAllocator } from "../../store/id-allocator";
import type { Inbox } from "../../store/inbox";
import type { Lease } from "../../store/lease";
import { META_ID_FORMAT, META_SUMMARY, META_SYNC_PROBLEMS, type MetaStore } from "../../store/meta";
import type { SnapshotStore } from "../../store/snapshots";
import type { SummaryPart, SummaryStore } from "../../store/summary-store";
import type { SyncRunLog } from "../../store/sync-runs";
import type { TabCache } from "../../store/tab-cache";
import { CACHED_TABS } from "../ledger-view";
import { localDate } from "../local-time";
import { restoredChanges } from "../sheet-writes/restored-changes";
import { allocateNewIds } from "./allocate-ids";
import { inboxProblems, requeueOutstanding } from "./inbox-followup";
import { planSyncWrites, type SyncWritePlan } from "./plan-sync";
import { readTabs } from "./read-sheet";
import { SYNC_TABS } from "./tabs";
import { writeSyncPlan } from "./write-sheet";

/** Rows per stored summary part (and per sync chunk): a part is parsed whole by every page. */
export const PART_ROWS = 400;

/**
 * Stores the rows as evaluated, for the dashboard and notice planning: a row numbered by this sync
 * carries its new 编号 only once the write of it was confirmed.
 */
async function saveSummary(
  deps: Pick<SyncDeps, "summaries" | "meta">,
  evaluation: LedgerEvaluation,
  assignedRows: ReadonlySet<number>,
  newIds: ReadonlyMap<number, string>,
  at: string,
): Promise<void> {
  if (!evaluation.tabs[TAB_NAMES.ledger].readable) return;
  const indexOf = evaluation.tabs[TAB_NAMES.ledger].columns?.indexOf ?? {};
  const rows = evaluation.rows
    .filter((r) => !r.blank)
    .map((r) => {
      const stored = storeRow(r, indexOf);
      if (r.newId) {
        const assigned = assignedRows.has(r.rowNumber) ? newIds.get(r.rowNumber) : undefined;
        if (assigned) stored.i = assigned;
        else delete stored.i;
      }
      return stored;
    });
  const parts = new Map<number, SummaryPart>();
  for (let i = 0; i * PART_ROWS < rows.length; i++) {
    const slice = rows.slice(i * PART_ROWS, (i + 1) * PART_ROWS);
    parts.set(i, { rows: JSON.stringify(slice), facts: JSON.stringify(slice.map(factsOf)) });
  }
  await deps.summaries.save(parts, parts.size, at);
  const stamp = { today: evaluation.today, at, timeZone: evaluation.settings.timeZone };
  await deps.meta.set(META_SUMMARY, JSON.stringify(stamp), at);
}

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
}

export interface SyncResult {
  outcome: "ok" | "skipped" | "failed";
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

const LEASE_NAME = "sync";
/** Longer than any sync takes; a run that dies frees the lease by itself after this. */
const LEASE_TTL_MS = 5 * 60_000;
const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/** Evaluates with today in 设置 时区, which is only known once the settings were read. */
function evaluateToday(values: Record<string, unknown[][]>, nowMs: number): LedgerEvaluation {
  const first = evaluateLedger({ tabs: values, today: localDate(nowMs, DEFAULT_TIME_ZONE) });
  const today = localDate(nowMs, first.settings.timeZone || DEFAULT_TIME_ZONE);
  return today === first.today ? first : evaluateLedger({ tabs: values, today });
}

/**
 * One sync: read every tab (one batchGet), check and compute every row, give blank rows a 编号,
 * write only changed system cells (re-mapped by 编号 onto the rows as they are just before the
 * write), rewrite 校验问题 and 统计 when their content changed, and keep the history in D1.
 */
export async function runSync(deps: SyncDeps, trigger: string, nowMs: number): Promise<SyncResult> {
  const startedAt = new Date(nowMs).toISOString();
  const runId = await deps.runs.start(trigger, startedAt);
  const holder = `sync-${runId}`;
  const callsBefore = deps.sheets.callCount;
  const base = {
    runId,
    rows: 0,
    cellsWritten: 0,
    problems: 0,
    assignedIds: [],
    heldWrites: 0,
    repairedCells: 0,
    skippedTabs: [],
  };
  if (!(await deps.lease.acquire(LEASE_NAME, holder, LEASE_TTL_MS, nowMs))) {
    const message = "另一次同步正在进行，本次跳过";
    await deps.runs.finish(runId, new Date().toISOString(), {
      ...base,
      outcome: "skipped",
      sheetsCalls: 0,
      error: message,
      summary: null,
    });
    return { ...base, outcome: "skipped", message, sheetsCalls: 0, retryable: false };
  }
  try {
    const read = await readTabs(deps.sheets, SYNC_TABS);
    const evaluation = evaluateToday(read.values, nowMs);
    const ledgerReadable = evaluation.tabs[TAB_NAMES.ledger].readable;
    const newIds = ledgerReadable
      ? await allocateNewIds(evaluation, deps.ids)
      : { byRow: new Map(), renamed: new Map() };
    const [snapshots, outstanding] = await Promise.all([
      deps.snapshots.loadAll(),
      deps.inbox.outstanding(1000),
    ]);
    // Problems found outside the rows: submissions that could not be placed, and recipients that
    // no notice could reach (so a statutory reminder is never dropped silently).
    const extraProblems = [...inboxProblems(outstanding), ...noticeRecipientProblems(evaluation)];
    const plan: SyncWritePlan = planSyncWrites({
      evaluation,
      read,
      newIds,
      snapshots,
      extraProblems,
    });
    const written = await writeSyncPlan(deps, plan, read, read.values[TAB_NAMES.ledger] ?? []);
    const history = plan.history(written.assignedRows);
    await deps.snapshots.apply({
      ...history,
      audits: [...history.audits, ...restoredChanges(written.restored)],
      seenAt: startedAt,
      syncId: runId,
    });
    await saveSummary(deps, evaluation, written.assignedRows, newIds.byRow, startedAt);
    await deps.meta.set(META_ID_FORMAT, evaluation.idFormat.source, startedAt);
    const problems = JSON.stringify(plan.problems);
    if ((await deps.meta.get(META_SYNC_PROBLEMS)) !== problems)
      await deps.meta.set(META_SYNC_PROBLEMS, problems, startedAt);
    const cached = CACHED_TABS.filter((t) => read.values[t] !== undefined).map((t) => [
      t,
      read.values[t] ?? [],
    ]);
    await deps.tabCache.save(Object.fromEntries(cached), startedAt);
    const requeued = await requeueOutstanding(deps.intakeQueue, outstanding, nowMs);
    const result = {
      ...base,
      rows: evaluation.rows.filter((r) => !r.blank).length,
      cellsWritten: written.cellsWritten,
      problems: plan.problemCount,
      assignedIds: written.assignedIds,
      heldWrites: written.held.length,
      repairedCells: written.restored.length,
      skippedTabs: plan.skippedTabs,
      sheetsCalls: deps.sheets.callCount - callsBefore,
    };
    const summary = {
      today: evaluation.today,
      held: written.held.slice(0, 50),
      skippedTabs: plan.skippedTabs,
      requeuedSubmissions: requeued,
      repairedCells: written.restored.length,
    };
    await deps.runs.finish(runId, new Date().toISOString(), {
      ...result,
      outcome: "ok",
      error: null,
      summary,
    });
    return { ...result, outcome: "ok", message: "同步完成", retryable: false };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const retryable =
      typeof error === "object" && error !== null && "retryable" in error && error.retryable === true;
    const sheetsCalls = deps.sheets.callCount - callsBefore;
    await deps.runs.finish(runId, new Date().toISOString(), {
      ...base,
      outcome: "failed",
      sheetsCalls,
      error: message,
      summary: null,
    });
    return { ...base, outcome: "failed", message, sheetsCalls, retryable };
  } finally {
    await deps.lease.release(LEASE_NAME, holder);
  }
}
