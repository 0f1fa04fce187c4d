import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { digestOf } from "../../digest";
import { arrangementMissingMessage } from "../../domain/calendar-fallback";
import { assessmentTable, committeeScores } from "../../domain/evaluation/assessment-view";
import { addUpFigures, PAGE_ONLY_SHARES } from "../../domain/figures/part-figures";
import { hash53 } from "../../domain/hash";
import { buildLedgerContext } from "../../domain/ledger-context";
import { noticeRecipientProblems } from "../../domain/notices/recipient-problems";
import { orderPracticeProblems } from "../../domain/practice/practice-problems";
import { type Problem, ProblemSink } from "../../domain/problems";
import { ledgerFromSummary } from "../../domain/summary/ledger-summary";
import { mergeProblems } from "../../domain/sync/merge-problems";
import { removedRowProblems } from "../../domain/sync/plan-history";
import { blockRange, planTabRewrite } from "../../domain/sync/plan-tab-rewrite";
import { type SheetsClient, SheetsError } from "../../sheets/client";
import type { Inbox, InboxEntry } from "../../store/inbox";
import {
  META_DUPLICATE_IDS,
  META_ID_FORMAT,
  META_REMOVAL_CONFIRMED,
  META_SUMMARY,
  META_SYNC_PROBLEMS,
  type MetaStore,
} from "../../store/meta";
import type { Objections } from "../../store/objections";
import { figuresStoredFor } from "../../store/page-figures";
import type { SnapshotStore } from "../../store/snapshots";
import type { SummaryStore } from "../../store/summary-store";
import type { TabCache } from "../../store/tab-cache";
import { BASE_CACHED_TABS, rowsWithIds } from "../ledger-view";
import { NOTHING_TO_CHECK, serviceFailureText } from "../sheet-writes/service-failure";
import { assessmentsOf } from "./finish-figures";
import { inboxProblems, objectionProblems, requeueOutstanding, settleReassigned } from "./inbox-followup";
import { META_PRESENT } from "./present-snapshots";
import { seenOnce } from "./seen-once";
import { parseStamp, type SummaryStamp } from "./summary-stamp";
import { type ChunkResult, leftSheetAsIs, problemsDigestOf, type SyncContext } from "./sync-context";
import { problemsTabValues } from "./tabs";

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

export interface UnwrittenTabs {
  tabs: string[];
  reason: string;
}

/** Extra rows a growing system tab gets at once, so a longer problem list does not grow it every sync. */
const GRID_HEADROOM = 500;
const META_TAB_WRITTEN = "system_tab_written:";
const SYSTEM_TABS = [TAB_NAMES.problems, TAB_NAMES.statistics, TAB_NAMES.assessment] as const;

/** What the last sync wrote to a system tab: how many rows, and a digest of them. */
interface TabWritten {
  rows: number;
  digest: string;
}

const tabWrittenKey = (tab: string) => `${META_TAB_WRITTEN}${tab}`;

/**
 * The small facts the finish compares its work with, read in one query at its start: the summary's
 * stamp, what the last sync wrote to each system tab, the 编号 typed twice and the 编号格式 it stored.
 * The sync's problems themselves (100 KB and more) are not read: the stamp holds their digest.
 */
const FINISH_META_KEYS = [
  META_SUMMARY,
  ...SYSTEM_TABS.map(tabWrittenKey),
  META_DUPLICATE_IDS,
  META_ID_FORMAT,
  META_PRESENT,
  META_REMOVAL_CONFIRMED,
] as const;
type FinishMeta = ReadonlyMap<string, string>;

function lastWritten(stored: FinishMeta, tab: string): TabWritten | null {
  const raw = stored.get(tabWrittenKey(tab));
  if (!raw?.startsWith("{")) return null;
  return JSON.parse(raw) as TabWritten;
}

const partsDigestOf = (versions: { text: string }) => `p${hash53(versions.text)}`;

/**
 * What the finish works from besides the stored parts: the plan's problems (headers, small tabs,
 * settings), the chunks' problems (each chunk's digest of them), the small and practice tabs' digest and the tabs skipped or
 * missing. A renamed optional header or a mended practice row can change these and no part, so
 * "nothing changed" compares them too.
 */
function finishInputs(
  context: SyncContext,
  results: readonly ChunkResult[],
  outstanding: readonly InboxEntry[],
  stored: FinishMeta,
): Promise<string> {
  return digestOf(
    JSON.stringify([
      // A deletion confirmed on the dashboard takes its problem out of 校验问题.
      stored.get(META_REMOVAL_CONFIRMED) ?? null,
      context.tabsDigest,
      context.planProblems,
      context.ledgerMerges ?? [],
      context.skippedTabs,
      context.missingTabs,
      context.ledgerSkipped,
      results.map((r) => r.problemsDigest ?? problemsDigestOf(r)),
      // What the submissions not in the sheet put in 校验问题 (a reply to a 编号 not in the ledger
      // can wait for days): the same ones leave the finish's work as it was.
      inboxProblems(outstanding),
    ]),
  );
}

const readStamp = (stored: FinishMeta): SummaryStamp => parseStamp(stored.get(META_SUMMARY));

/**
 * A chunk whose stored part is the one the last finish worked from: reused, or checked and found
 * with nothing to write, hold or put back, no 编号 to hand out, and a part equal to the stored one.
 * The sync after a staff edit is like this: it checks the edited chunk once more (the run before
 * wrote its system cells) and finds it settled.
 */
function asStored(result: ChunkResult): boolean {
  return result.reused || (!result.partChanged && leftSheetAsIs(result));
}

/**
 * Nothing the finish works out can differ from the last finish that completed: every chunk's part
 * is as stored (asStored) and the stored parts are the ones it added up, its other inputs
 * (finishInputs: the submissions waiting to go into the sheet among them), the small tabs and the
 * day are the same, no part was dropped, and the system tabs still hold the rows it wrote. Most
 * syncs of a day are like this, also while a reply to a 编号 not in the ledger waits for staff.
 */
async function unchangedSinceLastRun(
  deps: FinishDeps,
  context: SyncContext,
  results: readonly ChunkResult[],
  stored: FinishMeta,
  inputs: string,
): Promise<boolean> {
  if (context.ledgerSkipped !== null || context.tabsChanged) return false;
  if (results.length !== context.chunkStarts.length || !results.every(asStored)) return false;
  const stamp = readStamp(stored);
  if (stamp.today !== context.today || stamp.timeZone !== context.timeZone || stamp.problems === undefined)
    return false;
  if (stamp.inputsDigest !== inputs) return false;
  const asWritten = SYSTEM_TABS.every(
    (tab) =>
      context.skippedTabs.some((s) => s.tab === tab) ||
      context.missingTabs.includes(tab) ||
      lastWritten(stored, tab)?.rows === (context.systemRows[tab] ?? 0),
  );
  if (!asWritten) return false;
  const [parts, figures] = await Promise.all([
    deps.summaries.versions(),
    figuresStoredFor(deps.meta, stamp.version),
  ]);
  // The parts the last finish added up (after one that failed, the chunks' parts are as stored but
  // no finish has added them up), and figures of the summary the pages show (a build before them stored none).
  return parts.count === context.chunkStarts.length && partsDigestOf(parts) === stamp.partsDigest && figures;
}

function calendarProblems(results: readonly ChunkResult[]): readonly Problem[] {
  const years = [...new Set(results.flatMap((r) => r.unknownYears))].sort((a, b) => a - b);
  if (years.length === 0) return [];
  const sink = new ProblemSink(TAB_NAMES.holidays);
  sink.warn(null, arrangementMissingMessage(years));
  return sink.list;
}

interface TabRewrite {
  tab: string;
  range: string;
  values: (string | number)[][];
  /** The entry that records it (META_TAB_WRITTEN), stored once the write has succeeded. */
  written: readonly [string, string];
}

/**
 * A system tab's new content, written only when it differs from what the last sync wrote there or
 * from the number of rows the tab holds now (a person cleared or added rows): one block from A1
 * that also blanks rows left over from a longer earlier content.
 */
async function rewrite(
  context: SyncContext,
  stored: FinishMeta,
  tab: string,
  desired: (string | number)[][],
  /** A digest of what `desired` is made from alone, when the caller has one: spares writing it out. */
  madeFrom?: string,
): Promise<TabRewrite | null> {
  if (context.skippedTabs.some((s) => s.tab === tab) || context.missingTabs.includes(tab)) return null;
  const digest = madeFrom ?? (await digestOf(JSON.stringify(desired)));
  const written: TabWritten = { rows: desired.length, digest };
  const last = lastWritten(stored, tab);
  const held = context.systemRows[tab] ?? 0;
  if (last?.digest === written.digest && held === desired.length) return null;
  const padded = planTabRewrite(
    tab,
    Array.from({ length: held }, () => ["x"]),
    desired,
  );
  if (!padded) return null;
  return {
    tab,
    range: blockRange(tab, padded.values[0]?.length ?? 1, padded.values.length),
    values: padded.values,
    written: [tabWrittenKey(tab), JSON.stringify(written)],
  };
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
  const [stored, outstanding] = await Promise.all([
    deps.meta.getMany(FINISH_META_KEYS),
    deps.inbox.outstanding(1000),
  ]);
  const inputs = await finishInputs(context, results, outstanding, stored);
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
  // Without the groups only the steps after it add up (the pages' figures and the year reports).
  const partsNow = () =>
    Promise.all([deps.summaries.versions(), deps.summaries.loadFigures(PAGE_ONLY_SHARES)]);
  const [parts, tabs, openObjections] = await Promise.all([
    partsNow(),
    deps.tabCache.load([...BASE_CACHED_TABS, TAB_NAMES.committee]),
    deps.objections?.open() ?? [],
  ]);
  let [storedParts, figureTexts] = parts;
  // Parts past the last chunk (the ledger got shorter) are dropped, and the rest read again. Not
  // while the ledger was skipped (a header missing or repeated): it was not read, so its rows are
  // as the last run that read it left them, and the figures, 统计, 单位测评, the pages and the
  // notices go on from those rather than from an empty ledger until staff mend the header.
  const ledgerRead = context.ledgerSkipped === null;
  if (ledgerRead && storedParts.count > context.chunkStarts.length) {
    await deps.summaries.save(new Map(), context.chunkStarts.length, at);
    [storedParts, figureTexts] = await partsNow();
  }
  const partCount = ledgerRead ? context.chunkStarts.length : storedParts.count;
  const ledgerContext = buildLedgerContext(tabs);
  // The parts' shares added up; worked out from the rows while a part stored by an older build has none.
  const shares =
    figureTexts?.length === partCount
      ? addUpFigures(figureTexts, { ...ledgerContext, today: context.today })
      : null;
  // Every row's facts only while a part has no share: the shares say all the figures need.
  const facts = shares ? [] : await deps.summaries.loadFacts();
  const view = ledgerFromSummary({
    rows: facts,
    tabs,
    today: context.today,
    problems: [],
    context: ledgerContext,
    statistics: shares?.statistics,
  });
  // Only a run that saw the whole ledger may conclude a unit was reassigned.
  const objections =
    deps.objections && context.ledgerSkipped === null && !incomplete
      ? await settleReassigned(
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
  const { planProblems } = context;
  const problems: Problem[] = [
    ...planProblems.ledgerHeader,
    ...(context.header ? mergeProblems(context.ledgerMerges ?? [], context.header) : []),
    ...results.flatMap((r) => r.problems),
    ...planProblems.smallTabs,
    // A run planned before practice.md's tabs has none of these (its context is older).
    ...orderPracticeProblems(
      planProblems.practiceTabs ?? [],
      results.flatMap((r) => r.relatedProblems ?? []),
    ),
    ...(planProblems.evaluationTabs ?? []),
    ...(planProblems.configTabs ?? []),
    ...calendarProblems(results),
    ...planProblems.settings,
    ...planProblems.systemTabs,
    ...removedRowProblems(removed, TAB_NAMES.ledger),
    ...inboxProblems(outstanding),
    ...objectionProblems(objections),
    ...(shares?.recipientProblems(view) ?? noticeRecipientProblems(view)),
  ];
  const committee = committeeScores(tabs[TAB_NAMES.committee]);
  const assessments = shares?.assessments(committee) ?? assessmentsOf(view, committee);
  const problemsJson = JSON.stringify(problems);
  const problemsDigest = await digestOf(problemsJson);
  const problemsValues = problemsTabValues(problems);
  const writes = (
    await Promise.all([
      // 校验问题's rows follow from its header and the problems alone (problemsTabValues).
      rewrite(
        context,
        stored,
        TAB_NAMES.problems,
        problemsValues,
        `${problemsValues[0]?.join("\t")}\n${problemsDigest}`,
      ),
      rewrite(context, stored, TAB_NAMES.statistics, view.statistics.tabValues),
      rewrite(context, stored, TAB_NAMES.assessment, assessmentTable(assessments)),
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
      inputsDigest: inputs,
      misnamedUnits: view.statistics.misnamedUnits,
    },
    at,
  );
  const duplicateIds = idKeys.filter((id) => (context.ids[id]?.rows.length ?? 0) > 1);
  const smallValues: (readonly [string, string])[] = [
    [META_ID_FORMAT, context.idFormat],
    [META_DUPLICATE_IDS, JSON.stringify(duplicateIds)],
    ...(present === null ? [] : [[META_PRESENT, present] as const]),
  ];
  // The problems and the stamp that names them in one transaction (pages read the problems as the
  // stamp says), with the small values that changed.
  await deps.meta.setMany(
    [
      ...(problemsChanged ? [[META_SYNC_PROBLEMS, problemsJson] as const] : []),
      ...(newStamp ? [[META_SUMMARY, JSON.stringify(newStamp)] as const] : []),
      ...smallValues.filter(([key, value]) => stored.get(key) !== value),
    ],
    at,
  );
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
 * Rewrites the system tabs that changed (one values.batchUpdate, the grids grown first when too
 * short) and records each as written. When Google keeps failing past the client's retries (a 5xx,
 * its per-minute limit, a lost connection), the run still finishes: the problems, the figures and
 * the pages are D1's and are stored, and only these tabs of the sheet wait for the next run, which
 * rewrites them because their records are cleared here. Returns what was left and why, else null.
 */
async function writeSystemTabs(
  deps: FinishDeps,
  context: SyncContext,
  writes: readonly TabRewrite[],
  at: string,
): Promise<UnwrittenTabs | null> {
  try {
    await growGrids(deps.sheets, context, writes);
    await deps.sheets.batchUpdateValues(
      writes.map(({ range, values }) => ({ range, values })),
      "RAW",
    );
  } catch (error) {
    if (!(error instanceof SheetsError) || !error.retryable) throw error;
    // Cleared, not left as the last run wrote them: the next finish would take a tab holding as
    // many rows as recorded for written, and skip it (unchangedSinceLastRun).
    await deps.meta.setMany(
      writes.map((w) => [w.written[0], ""] as const),
      at,
    );
    const tabs = writes.map((w) => w.tab);
    const named = tabs.map((t) => `『${t}』`).join("");
    return {
      tabs,
      reason: `${serviceFailureText(error)}，${named}本次未能更新，下次同步会再写；${NOTHING_TO_CHECK}`,
    };
  }
  // Recorded only once written: a write that failed (the end of the invocation) is made again by
  // the step's retry, where a record stored first would have passed it for done.
  await deps.meta.setMany(
    writes.map((w) => w.written),
    at,
  );
  return null;
}

/**
 * Marks the suggestions whose snapshot has not vanished but whose 编号 the sheet no longer holds,
 * and gives what to store under META_PRESENT. Only a finish marks snapshots vanished, and only
 * the chunks add or bring one back (for rows they read). So when the sheet holds the 编号 the
 * last such comparison left every present snapshot among, and as many snapshots are present as it
 * left, none was added since and none can be missing from the sheet: a count spares D1 comparing
 * 2,000 编号 on most syncs. The entry is emptied before marking, so a finish that stops halfway
 * leaves no stale one. Null when it stored the entry itself (it marked some), else the entry for
 * the finish's last write (stored there when it changed).
 */
async function markVanished(
  deps: FinishDeps,
  stored: FinishMeta,
  inSheet: readonly string[],
  at: string,
): Promise<string | null> {
  const digest = hash53(JSON.stringify(inSheet));
  const count = await deps.snapshots.presentCount();
  if (stored.get(META_PRESENT) === `${digest}:${count}`) return `${digest}:${count}`;
  const vanished = await deps.snapshots.presentIdsNotIn(inSheet);
  if (vanished.length === 0) return `${digest}:${count}`;
  await deps.meta.set(META_PRESENT, "", at);
  await deps.snapshots.apply({
    upserts: [],
    seen: [],
    audits: [],
    removedIds: vanished,
    seenAt: at,
    syncId: null,
  });
  await deps.meta.set(META_PRESENT, `${digest}:${count - vanished.length}`, at);
  return null;
}

/** Appends rows to a system tab whose grid is shorter than its new content (values writes never grow a grid). */
async function growGrids(
  sheets: SheetsClient,
  context: SyncContext,
  writes: readonly { range: string; values: unknown[][] }[],
): Promise<void> {
  const short = writes.flatMap((w) => {
    const tab = w.range.slice(1, w.range.indexOf("'!")).replaceAll("''", "'");
    const have = context.systemGrid[tab] ?? Number.POSITIVE_INFINITY;
    return w.values.length > have ? [{ tab, length: w.values.length - have + GRID_HEADROOM }] : [];
  });
  if (short.length === 0) return;
  const spreadsheet = await sheets.getSpreadsheet({ fields: "sheets.properties(sheetId,title)" });
  const requests = short.flatMap(({ tab, length }) => {
    const sheetId = spreadsheet.sheets?.find((s) => s.properties?.title === tab)?.properties?.sheetId;
    return typeof sheetId === "number" ? [{ appendDimension: { sheetId, dimension: "ROWS", length } }] : [];
  });
  if (requests.length > 0) await sheets.batchUpdate(requests);
}

/**
 * The stamp pages read first: the day and zone the rows were evaluated for, and a version that
 * changes only when something they show changed (so an isolate may keep what it parsed). Null
 * when the last stamp still holds.
 */
function nextStamp(
  context: SyncContext,
  last: SummaryStamp,
  now: {
    changed: boolean;
    problems: number;
    errors: number;
    problemsDigest: string;
    partsDigest: string;
    inputsDigest: string;
    misnamedUnits: readonly string[];
  },
  at: string,
): SummaryStamp | null {
  const same =
    !now.changed &&
    !context.tabsChanged &&
    last.today === context.today &&
    last.timeZone === context.timeZone &&
    last.problems === now.problems &&
    last.errors === now.errors &&
    last.partsDigest === now.partsDigest &&
    last.inputsDigest === now.inputsDigest &&
    (last.misnamedUnits ?? []).join("\n") === now.misnamedUnits.join("\n");
  if (same && last.version) return null;
  return {
    today: context.today,
    timeZone: context.timeZone,
    at,
    version: crypto.randomUUID(),
    problems: now.problems,
    errors: now.errors,
    problemsDigest: now.problemsDigest,
    partsDigest: now.partsDigest,
    inputsDigest: now.inputsDigest,
    ...(now.misnamedUnits.length > 0 ? { misnamedUnits: [...now.misnamedUnits] } : {}),
  };
}
