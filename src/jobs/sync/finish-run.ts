import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { digestOf } from "../../digest";
import { isDuplicatedId } from "../../domain/evaluate-chunk";
import { assessmentTable, committeeScores } from "../../domain/evaluation/assessment-view";
import type { SheetsClient } from "../../sheets/client";
import type { Inbox } from "../../store/inbox";
import {
  META_DUPLICATE_IDS,
  META_ID_FORMAT,
  META_NOTICE_TEMPLATE_PROBLEMS,
  META_SUMMARY,
  META_SYNC_PROBLEMS,
  type MetaStore,
} from "../../store/meta";
import type { Objections } from "../../store/objections";
import type { SnapshotStore } from "../../store/snapshots";
import type { SummaryStore } from "../../store/summary-store";
import type { TabCache } from "../../store/tab-cache";
import { rowsWithIds } from "../ledger-view";
import { assessmentsOf } from "./finish-figures";
import { loadFinishLedger } from "./finish-ledger";
import { FINISH_META_KEYS, readStamp } from "./finish-meta";
import { finishProblems, foundWhileSending } from "./finish-problems";
import { differingReplies, recentReplies, requeueOutstanding, settleObjections } from "./inbox-followup";
import { markVanished, renumberedAdvices } from "./mark-vanished";
import { nextStamp } from "./next-stamp";
import { META_PRESENT } from "./present-snapshots";
import { seenOnce } from "./seen-once";
import type { ChunkResult, SyncContext } from "./sync-context";
import { systemTabRewrite, type TabRewrite, type UnwrittenTabs, writeSystemTabs } from "./system-tab-rewrite";
import { problemsTabValues } from "./tabs";
import { isTooBig } from "./too-big";
import { finishInputs, partsDigestOf, unchangedSinceLastRun } from "./unchanged-since-last-run";

export interface FinishDeps {
  sheets: SheetsClient;
  meta: MetaStore;
  snapshots: SnapshotStore;
  summaries: SummaryStore;
  tabCache: TabCache;
  inbox: Inbox;
  intakeQueue: Queue<unknown>;
  /** Units' open objections, listed in 校验问题 (deps built before objections existed have none). */
  objections?: Pick<Objections, "open" | "decideMany">;
}

export interface FinishOutcome {
  rows: number;
  problems: number;
  cellsWritten: number;
  /** Rows moved while the chunks ran (a chunk saw one twice or not at all): vanishings not trusted this time. */
  incomplete: boolean;
  /**
   * The run was incomplete and the finish published nothing (holdIfMoved): the system tabs, the
   * stamp and the pages' figures stay the last complete run's, for a run started at once.
   */
  held: boolean;
  requeued: number;
  /**
   * The summary version whose figures are due: the overview's and the records' figures
   * (saveOverviewFigures, saveRecordFigures), the year reports (saveSummaryReports) and the export's
   * whole file are worked out again, each a step of its own (each about as much CPU as the rest of
   * the finish). Null when nothing changed since the last finish and every figure of its summary is
   * stored.
   */
  figuresDue: string | null;
  /**
   * System tabs the finish could not rewrite because Google kept failing (past the client's
   * retries) and why, in staff's words; they are written by the next run. Absent when all were written.
   */
  unwrittenTabs?: UnwrittenTabs;
}

/**
 * The end of a sync run (its own invocation): the statistics and the problems of the whole ledger
 * from what the chunks stored, 校验问题, 统计 and 单位测评 rewritten when they changed (one values.batchUpdate,
 * the grids grown first when too short), vanished suggestions marked, the dashboard's data
 * stamped with a new version when anything changed, and stored submissions not yet in the sheet
 * queued again. The pages' figures, the year reports and the export's whole file follow in steps of
 * their own (figuresDue).
 */
export async function finishRun(
  deps: FinishDeps,
  context: SyncContext,
  results: readonly ChunkResult[],
  nowMs: number,
  /**
   * When rows moved while the chunks ran, publish nothing (held): the chunks' parts then mix rows
   * read before and after a sort, and 统计, the pages and the 督办周报 would count some
   * suggestions twice and miss others until the next sync.
   */
  options: { holdIfMoved?: boolean } = {},
): Promise<FinishOutcome> {
  const at = new Date(nowMs).toISOString();
  // The open objections in the same round as the stored facts (one indexed query, objections_open):
  // a unit's objection or staff's decision on it changes 校验问题 with no cell of the sheet changed.
  const [stored, outstanding, openObjections] = await Promise.all([
    deps.meta.getMany(FINISH_META_KEYS),
    deps.inbox.outstanding(1000),
    deps.objections?.open() ?? [],
  ]);
  const inputs = await finishInputs(context, results, outstanding, stored, openObjections);
  const stamp = readStamp(stored);
  if (await unchangedSinceLastRun(deps, context, results, stored, inputs))
    return {
      rows: results.reduce((n, r) => n + r.rows, 0),
      problems: stamp.problems ?? 0,
      cellsWritten: 0,
      incomplete: false,
      held: false,
      // Nothing accepted is lost: what waits is queued again whether or not the figures changed.
      requeued: await requeueOutstanding(deps.intakeQueue, outstanding, nowMs),
      figuresDue: null,
    };
  const idKeys = Object.keys(context.ids);
  const incomplete = context.ledgerSkipped === null && !seenOnce(context, results, idKeys);
  if (incomplete && options.holdIfMoved)
    return {
      rows: results.reduce((n, r) => n + r.rows, 0),
      problems: stamp.problems ?? 0,
      cellsWritten: 0,
      incomplete,
      held: true,
      requeued: await requeueOutstanding(deps.intakeQueue, outstanding, nowMs),
      figuresDue: null,
    };
  // Replies written lately to suggestions that got two (differingReplies): one statement, usually
  // empty. A reply writes its row, so a finish that stops above (nothing changed) has none new.
  const [{ storedParts, tabs, shares, view, lastReadProblems }, replies] = await Promise.all([
    loadFinishLedger(deps, context, at),
    recentReplies(deps.inbox, nowMs),
  ]);
  // Only a run that saw the whole ledger may conclude a unit was reassigned or round 1 replied.
  const objections =
    deps.objections && context.ledgerSkipped === null && !incomplete
      ? await settleObjections(
          { objections: deps.objections, snapshots: deps.snapshots },
          openObjections,
          shares
            ? await rowsWithIds(
                deps.summaries,
                openObjections.map((o) => o.suggestionId),
              )
            : view.rows,
          at,
        )
      : openObjections;
  const present =
    context.ledgerSkipped === null && !incomplete
      ? await markVanished(deps, stored, [...idKeys, ...results.flatMap((r) => r.assignedIds)], at)
      : null;
  const removed = context.ledgerSkipped === null ? await deps.snapshots.removed() : [];
  // Their rows as the chunks stored them (one more read, only when there are such replies).
  const differing = differingReplies(
    replies,
    replies.length > 0 && shares
      ? await rowsWithIds(
          deps.summaries,
          replies.map((r) => r.entry.suggestionId),
        )
      : view.rows,
    context.timeZone,
  );
  const renumbered = await renumberedAdvices(deps.snapshots, removed, context.timeZone);
  const problems = finishProblems(
    context,
    results,
    removed,
    renumbered,
    outstanding,
    objections,
    shares,
    view,
    lastReadProblems,
    foundWhileSending(stored.get(META_NOTICE_TEMPLATE_PROBLEMS)),
    differing,
  );
  const committee = committeeScores(tabs[TAB_NAMES.committee]);
  const assessments = shares?.assessments(committee) ?? assessmentsOf(view, committee);
  const problemsJson = JSON.stringify(problems);
  const problemsDigest = await digestOf(problemsJson);
  const problemsValues = problemsTabValues(problems);
  const writes = (
    await Promise.all([
      // 校验问题's rows follow from its header and the problems alone (problemsTabValues).
      systemTabRewrite(
        context,
        stored,
        TAB_NAMES.problems,
        problemsValues,
        `${problemsValues[0]?.join("\t")}\n${problemsDigest}`,
      ),
      systemTabRewrite(context, stored, TAB_NAMES.statistics, view.statistics.tabValues),
      systemTabRewrite(context, stored, TAB_NAMES.assessment, assessmentTable(assessments)),
    ])
  ).filter((w): w is TabRewrite => w !== null);
  const unwrittenTabs = writes.length > 0 ? await writeSystemTabs(deps, context, writes, at) : null;
  const cellsWritten = unwrittenTabs
    ? 0
    : writes.reduce((n, w) => n + w.values.reduce((m, row) => m + row.length, 0), 0);
  const problemsChanged = stamp.problemsDigest !== problemsDigest;
  const changed = results.some((r) => r.partChanged) || problemsChanged;
  const newStamp = nextStamp(
    context,
    stamp,
    {
      changed,
      problems: problems.length,
      errors: problems.reduce((n, p) => n + (p.level === "错误" ? 1 : 0), 0),
      problemsDigest,
      partsDigest: partsDigestOf(storedParts),
      // What the next sync will find open: the objections this finish settled are not among them.
      inputsDigest:
        objections.length === openObjections.length
          ? inputs
          : await finishInputs(context, results, outstanding, stored, objections),
      misnamedUnits: view.statistics.misnamedUnits,
    },
    at,
  );
  const duplicateIds = idKeys.filter((id) => isDuplicatedId(context.ids, id));
  const smallValues: (readonly [string, string])[] = [
    [META_ID_FORMAT, context.idFormat],
    [META_DUPLICATE_IDS, JSON.stringify(duplicateIds)],
    ...(present === null ? [] : [[META_PRESENT, present] as const]),
  ];
  // The problems and the stamp that names them in one transaction (pages read the problems as the
  // stamp says), with the small values that changed. A long list is kept in pieces (setMany).
  await deps.meta
    .setMany(
      [
        ...(problemsChanged ? [[META_SYNC_PROBLEMS, problemsJson] as const] : []),
        ...(newStamp ? [[META_SUMMARY, JSON.stringify(newStamp)] as const] : []),
        ...smallValues.filter(([key, value]) => stored.get(key) !== value),
      ],
      at,
    )
    .catch((error: unknown) => {
      throw isTooBig(error)
        ? problemsTooBigError(problems.length, problemsJson.length, !unwrittenTabs)
        : error;
    });
  const requeued = await requeueOutstanding(deps.intakeQueue, outstanding, nowMs);
  return {
    rows: results.reduce((n, r) => n + r.rows, 0),
    problems: problems.length,
    cellsWritten,
    incomplete,
    held: false,
    requeued,
    figuresDue: (newStamp ?? stamp).version as string,
    ...(unwrittenTabs ? { unwrittenTabs } : {}),
  };
}

/**
 * The problems D1 refused to keep even in pieces (tens of thousands, or D1 refusing a value): the
 * list named, and what staff can do, in place of D1's words. `written`: 校验问题 in the sheet holds
 * them already (the finish writes it before it stores them).
 */
function problemsTooBigError(count: number, chars: number, written: boolean): Error {
  const where = written ? `表格中的『${TAB_NAMES.problems}』表已写入这些问题，` : "";
  return new Error(
    `本次检查出的校验问题太多（${count} 条，约 ${(chars / 1_000_000).toFixed(1)} 百万字符），超出数据库能存的上限，看板上的问题列表和统计没有更新：${where}请先改正其中条数最多的几类问题（多为整列填错或误粘贴），再同步；不处理的话之后每次同步都会停在这里`,
  );
}
