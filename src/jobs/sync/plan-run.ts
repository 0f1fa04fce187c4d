import type { TabDef } from "../../../sheets-schema/columns";
import { matchHeaders } from "../../../sheets-schema/header-map";
import { DEFAULT_TIME_ZONE } from "../../../sheets-schema/settings";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { assessmentTab, ledgerTab, problemsTab, statisticsTab } from "../../../sheets-schema/tabs";
import { indexIdColumns } from "../../domain/evaluate-chunk";
import { tabProblems } from "../../domain/ledger-context";
import { PRACTICE_RECORD_TABS } from "../../domain/practice/practice-index";
import { practiceSinceSetting } from "../../domain/practice/practice-since";
import { type Problem, tabProblem } from "../../domain/problems";
import { missingTabReason } from "../../domain/read-tab";
import {
  clearedIdColumn,
  clearedIdsProblem,
  clearedIdsReason,
  type IdHold,
  idHoldOf,
  idHoldText,
} from "../../domain/sync/cleared-ids";
import { emptiedLedger, emptiedLedgerProblem, emptiedLedgerReason } from "../../domain/sync/emptied-ledger";
import { problemsOf } from "../../domain/sync/held-tabs";
import { idFloors, idFormatRow, unlikeIdsProblem } from "../../domain/sync/id-floors";
import { type LedgerHold, ledgerHoldText, missingLedgerReason } from "../../domain/sync/lost-ledger";
import { cellText } from "../../domain/sync/row-identity";
import { checkSheet, type SheetSwitch } from "../../domain/sync/switched-sheet";
import type { SheetsClient } from "../../sheets/client";
import type { IdAllocator } from "../../store/id-allocator";
import type { MetaStore } from "../../store/meta";
import type { TabCache } from "../../store/tab-cache";
import { BASE_CACHED_TABS } from "../ledger-view";
import { localDate } from "../local-time";
import { ledgerHeaderOf, META_LEDGER_HEADER } from "../sheet-writes/ledger-columns";
import { CHUNK_ROWS } from "./chunk-rows";
import {
  contextText,
  keptPlanFor,
  keptPlanText,
  META_PLAN_KEPT,
  type PlanRest,
  type RunFields,
} from "./plan-kept";
import {
  firstRequests,
  ID_HEADERS,
  MERGES_CALLS,
  readFirst,
  readLedgerMerges,
  sameIndexColumns,
  TAIL_MARGIN,
  tailsEnd,
  wholeIndexRequests,
} from "./plan-reads";
import { META_PRESENT, presentCountOf } from "./present-snapshots";
import { type RangesRead, readRanges } from "./read-sheet";
import { digestOfTexts, readSmallTabs, rememberSmallTabs, tabTexts, withArrangementSeen } from "./small-tabs";
import type { SyncContext } from "./sync-context";

export { CHUNK_ROWS };

/** The last row of the 编号 and 审查结果 columns, as the last plan read them. */
const META_ID_END = "ledger_id_end";
/** The last plan held the ledger for a cleared 编号 column (idHoldText; "" or absent: it did not). */
const META_ID_HOLD = "ledger_id_hold";
/**
 * The last plan found 建议台账 lost (ledgerHoldText: the tab missing, or its rows all but gone), or ""
 * when it read it: 恢复 says then why one suggestion at a time cannot help, instead of "still there".
 */
export const META_LEDGER_HOLD = "ledger_lost_hold";
/**
 * The spreadsheet D1's history belongs to (its ID): recorded by the first plan that read a sheet,
 * replaced only by staff's 确认改用新表格 (sheet-switch.ts). A plan under another SPREADSHEET_ID holds.
 */
export const META_SPREADSHEET = "spreadsheet_id";
/** Tabs a sheet may lack (added by later issues; `sheet:init` adds them): the sync works without them. */
const OPTIONAL_TABS: ReadonlySet<string> = new Set([
  TAB_NAMES.leaders,
  ...PRACTICE_RECORD_TABS,
  TAB_NAMES.assessment,
]);

export interface PlanDeps {
  sheets: SheetsClient;
  ids: IdAllocator;
  tabCache: TabCache;
  meta: MetaStore;
}

function headerProblems(
  tab: string,
  problems: readonly { column: string | null; level: Problem["level"]; message: string }[],
) {
  return problems.map((p) => ({
    tab,
    row: 1,
    column: p.column,
    level: p.level,
    message: p.message,
    id: null,
  }));
}

/** A run's context (parsed when first asked for), its JSON text as D1 stores it, and its chunks. */
export interface PlannedRun {
  readonly context: () => SyncContext;
  readonly text: string;
  readonly chunks: number;
}

/** The plan held before reading the sheet: SPREADSHEET_ID names another spreadsheet than D1's history. */
export interface HeldForSwitch {
  readonly switched: SheetSwitch;
}

/**
 * A sync run's plan, from one read whatever the ledger's size: the small tabs and every header
 * row, the ledger's 编号 and 审查结果 whole (a few short cells a row) and the tails of its other
 * required columns (a second read when staff moved those columns since the last plan). From
 * them: today in 设置 时区, the 编号 index every chunk checks its rows against, where the data ends
 * and how it splits into chunks, and each year's 编号 sequence raised above the numbers staff typed.
 *
 * Most runs (one every ten minutes) get Google's answer byte for byte as the last plan did: the
 * last plan then stands, kept in D1 with its context's text, and only the run's own fields (its
 * start, its day) are new. Nothing is parsed, stored or checked.
 */
export async function planRun(
  deps: PlanDeps & { buildId: string },
  trigger: string,
  nowMs: number,
): Promise<PlannedRun | HeldForSwitch> {
  const callsBefore = deps.sheets.callCount;
  // With how many suggestions the last finish left present, whether the last plan held the ledger
  // for a cleared 编号 column (the guard against one), and which spreadsheet D1's history is of,
  // in the same query.
  const stored = await deps.meta.getMany([
    META_LEDGER_HEADER,
    META_ID_END,
    META_PLAN_KEPT,
    META_PRESENT,
    META_ID_HOLD,
    META_LEDGER_HOLD,
    META_SPREADSHEET,
  ]);
  // Before any read or write: nothing of another ledger reaches D1, nothing of D1's reaches it.
  const sheet = checkSheet(stored.get(META_SPREADSHEET), deps.sheets.spreadsheetId);
  if (sheet.kind === "switched") return { switched: sheet.switched };
  const lastHeader = ledgerHeaderOf(stored.get(META_LEDGER_HEADER));
  const lastIdEnd = Number(stored.get(META_ID_END) ?? 0) || 0;
  const tailFrom = lastIdEnd > 0 ? Math.max(2, lastIdEnd + 1 - TAIL_MARGIN) : 1;
  const requests = firstRequests(lastHeader, tailFrom);
  // What else the plan depends on: its rules (the build) and the ranges it asks for.
  const inputs = JSON.stringify([deps.buildId, requests]);
  const keptRaw = stored.get(META_PLAN_KEPT);
  const kept = keptPlanFor(keptRaw, inputs);
  const [{ digest: answer, read: first, headerOnly }, ledgerMerges] = await Promise.all([
    readFirst(deps.sheets, requests, kept?.answer, tailFrom),
    readLedgerMerges(deps.sheets),
  ]);
  const started = { trigger, startedMs: nowMs, ledgerMerges };
  // Recorded once the sheet answered (a first SPREADSHEET_ID mistyped records nothing): one write,
  // once for the office, on its first sync or the first after this build.
  if (sheet.kind === "record")
    await deps.meta.set(META_SPREADSHEET, deps.sheets.spreadsheetId, new Date(nowMs).toISOString());
  if (first === null) {
    // Only an answer equal to the kept one is left unparsed; without it, stop rather than plan nothing.
    if (!kept) throw new Error("sync plan: an unparsed answer without a kept plan");
    const run: RunFields = {
      ...started,
      today: localDate(nowMs, kept.timeZone || DEFAULT_TIME_ZONE),
      tabsChanged: false,
      planCalls: deps.sheets.callCount - callsBefore,
    };
    // Parsed only by a step that needs it on this isolate (the practice step, when it runs here).
    let context: SyncContext | null = null;
    return {
      context: () => {
        context ??= { ...(JSON.parse(kept.rest) as PlanRest), ...run };
        return context;
      },
      text: contextText(run, kept.rest),
      chunks: kept.chunks,
    };
  }
  const at = new Date(nowMs).toISOString();
  // The kept plan goes before D1's copy of the small tabs changes: should this invocation end
  // between the two, a later answer equal to the kept one must not pass for the copy D1 then holds.
  if (keptRaw) await deps.meta.set(META_PLAN_KEPT, "", at);
  const planned = await planFromRead(
    deps,
    first,
    {
      lastHeader: headerOnly ? null : lastHeader,
      lastIdEnd,
      tailFrom,
      presentBefore: presentCountOf(stored.get(META_PRESENT)),
      idHold: { text: stored.get(META_ID_HOLD) ?? "", hold: idHoldOf(stored.get(META_ID_HOLD)) },
      ledgerHold: stored.get(META_LEDGER_HOLD) ?? "",
    },
    nowMs,
  );
  const planCalls = deps.sheets.callCount - callsBefore;
  const { today, tabsChanged, ...rest } = planned;
  const restText = JSON.stringify(rest);
  // Kept last, after the header, the 编号 column's end and the 编号 floors it stands for are stored
  // (a later run that reuses it raises no floor). A plan that read twice (staff moved its columns,
  // a tab missing) depends on more than this answer; the merges' call is made by every run.
  if (answer !== null && planCalls === 1 + MERGES_CALLS)
    await deps.meta.set(
      META_PLAN_KEPT,
      keptPlanText({ answer, inputs, timeZone: rest.timeZone, chunks: rest.chunkStarts.length }, restText),
      at,
    );
  const run: RunFields = { ...started, today, tabsChanged, planCalls };
  const context: SyncContext = { ...planned, ...run };
  return { context: () => context, text: contextText(run, restText), chunks: rest.chunkStarts.length };
}

/** Stores the plan's lost-ledger hold when it changed: a query only on the runs that find or end one. */
async function storeLedgerHold(deps: PlanDeps, was: string, hold: LedgerHold | null, nowMs: number) {
  const text = ledgerHoldText(hold);
  if (text !== was) await deps.meta.set(META_LEDGER_HOLD, text, new Date(nowMs).toISOString());
}

/** Every cell of these rows is blank (a column or rows as Google returned them). */
const allBlank = (rows: readonly (readonly unknown[] | undefined)[]) =>
  rows.every((row) => (row ?? []).every((cell) => cellText(cell) === ""));

/** The plan from its first read (a second one when staff moved the index columns). */
async function planFromRead(
  deps: PlanDeps,
  first: RangesRead,
  last: {
    lastHeader: string[] | null;
    lastIdEnd: number;
    tailFrom: number;
    presentBefore: number;
    /** The stored META_ID_HOLD as text (to tell a change) and read. */
    idHold: { text: string; hold: IdHold | null };
    /** The stored META_LEDGER_HOLD as text (to tell a change). */
    ledgerHold: string;
  },
  nowMs: number,
): Promise<PlanRest & Pick<RunFields, "today" | "tabsChanged">> {
  const { lastHeader, lastIdEnd, tailFrom, presentBefore, idHold, ledgerHold } = last;
  const read = Object.fromEntries(
    BASE_CACHED_TABS.filter((t) => first.values[t]).map((t) => [t, first.values[t] ?? []]),
  );
  // A tab missing, emptied or with a broken header gives way to its last read (held), which D1 keeps.
  const small = await readSmallTabs(deps.tabCache, read, first.titles);
  const held = small.held;
  const today = localDate(nowMs, small.context.settings.timeZone || DEFAULT_TIME_ZONE);
  // With the day each year's 放假安排 was first seen: deadlines told 暂定 before it stay (keptAsTold).
  const { tabs, context } = await withArrangementSeen(deps.tabCache, small.tabs, small.context, today);
  const texts = tabTexts(tabs);
  const tabsDigest = await digestOfTexts(texts);
  const toSave = Object.fromEntries(Object.entries(texts).filter(([t]) => !held.some((h) => h.tab === t)));
  const tabsChanged = (await deps.tabCache.save(toSave, new Date(nowMs).toISOString())) > 0;
  rememberSmallTabs(tabsDigest, context);
  const own = (tab: string, read: Parameters<typeof tabProblems>[0]) =>
    problemsOf(tab, read, held, tabProblems);
  const planProblems = {
    ledgerHeader: [] as Problem[],
    smallTabs: [
      ...own(TAB_NAMES.units, context.reads.units),
      ...own(TAB_NAMES.deputies, context.reads.deputies),
      ...own(TAB_NAMES.leaders, context.reads.leaders),
    ],
    practiceTabs: [] as Problem[],
    configTabs: [
      ...own(TAB_NAMES.templates, context.reads.templates),
      ...own(TAB_NAMES.holidays, context.reads.holidays),
    ],
    settings: own(TAB_NAMES.settings, context.reads.settings),
    systemTabs: [] as Problem[],
  };
  // 领导 and the practice tabs are optional (an older sheet works without them): not "skipped".
  // A held tab is skipped too (its sheet copy is not read), with what the sync uses meanwhile.
  const skippedTabs: SyncContext["skippedTabs"] = [
    ...first.missingTabs
      .filter((tab) => !OPTIONAL_TABS.has(tab) && !held.some((h) => h.tab === tab))
      .map((tab) => ({ tab, reason: missingTabReason(tab, first.titles) })),
    ...held.map((h) => ({ tab: h.tab, reason: h.problem.message })),
  ];
  const systemGrid: Record<string, number> = {};
  const systemRows: Record<string, number> = {};
  const systemTabs: readonly TabDef[] = [problemsTab, statisticsTab, assessmentTab];
  for (const systemTab of systemTabs) {
    const header = first.values[`${systemTab.name}-header`];
    if (!header) continue;
    const match = matchHeaders(systemTab, header[0]);
    planProblems.systemTabs.push(...headerProblems(systemTab.name, match.problems));
    const empty = header.length === 0;
    if (!match.ok && !empty)
      skippedTabs.push({
        tab: systemTab.name,
        reason: match.problems.find((p) => p.level === "错误")?.message ?? "表头无法识别",
      });
    systemGrid[systemTab.name] = first.grid[`${systemTab.name}-column`]?.rows ?? Number.POSITIVE_INFINITY;
    systemRows[systemTab.name] = first.values[`${systemTab.name}-column`]?.length ?? 0;
  }

  const base = {
    today,
    planProblems,
    systemGrid,
    systemRows,
    skippedTabs,
    tabsChanged,
    tabsDigest,
    smallTabsDigest: tabsDigest,
    // A held 领导 is not "not there yet": its 错误 says what the sync uses meanwhile.
    missingTabs: first.missingTabs.filter(
      (tab) => OPTIONAL_TABS.has(tab) && !held.some((h) => h.tab === tab),
    ),
    timeZone: context.settings.timeZone,
    idFormat: context.idFormat.source,
    practiceSince: practiceSinceSetting(context.settings, context.reads.settings),
  };
  const headerRow = first.values["ledger-header"];
  if (!headerRow) {
    // Said in 校验问题 too, where staff look (not only on the dashboard's banner).
    planProblems.ledgerHeader.push(tabProblem(TAB_NAMES.ledger, "错误", missingLedgerReason(first.titles)));
    await storeLedgerHold(deps, ledgerHold, { kind: "missing", rows: 0, present: presentBefore }, nowMs);
    return {
      ...base,
      header: null,
      ledgerSkipped: `缺少工作表『${TAB_NAMES.ledger}』`,
      lastRow: 1,
      chunkStarts: [],
      ids: {},
    };
  }
  const header = (headerRow[0] ?? []).map((c) => cellText(c));
  const match = matchHeaders(ledgerTab, header, headerRow.slice(1));
  planProblems.ledgerHeader.push(...headerProblems(TAB_NAMES.ledger, match.problems));
  if (!match.ok) {
    const reason = match.problems.find((p) => p.level === "错误")?.message ?? "表头无法识别";
    skippedTabs.push({ tab: TAB_NAMES.ledger, reason });
    // Select all → Delete takes the header too: with no 编号 left where the last plan read them, the
    // ledger is lost as an emptied one is (the header's own 错误 says how to get it back).
    const ids = first.values.编号;
    const cleared = presentBefore > 0 && ids !== undefined && allBlank(ids) && allBlank(headerRow);
    await storeLedgerHold(
      deps,
      ledgerHold,
      cleared ? { kind: "emptied", rows: 0, present: presentBefore } : null,
      nowMs,
    );
    return { ...base, header, ledgerSkipped: reason, lastRow: 1, chunkStarts: [], ids: {} };
  }
  // The first plan, or one after staff moved these columns, reads them where the header has them now:
  // the tails only past the 编号 column's end, in a call after it (2,000 titles, half the read, were
  // parsed to find that a county's data ends where its 编号 end).
  const moved = !lastHeader || !sameIndexColumns(lastHeader, header);
  const index = moved ? await readRanges(deps.sheets, wholeIndexRequests(header)) : first;
  const column = (h: string) => (index.values[h] ?? []).map((row) => row[0]);
  const idEnd = Math.max(...ID_HEADERS.map((h) => column(h).length));
  const gridRows = index.grid.编号?.rows ?? Number.POSITIVE_INFINITY;
  const tailsRead = moved ? Number.POSITIVE_INFINITY : tailFrom;
  const lastRow = Math.max(1, idEnd, await tailsEnd(deps.sheets, header, index, tailsRead, idEnd, gridRows));
  const ids = indexIdColumns(column("编号"), column("审查结果"), {
    mergedInto: column("并入编号"),
    isKey: column("重点建议"),
    supervisor: column("督办领导"),
    handlingLeader: column("领办领导"),
  });
  const idKeys = Object.keys(ids);
  // Rows all but gone first: their 编号 went with them, which is not a cleared 编号 column.
  const emptied = emptiedLedger({ dataRows: lastRow - 1, presentBefore }, idHold.hold);
  const cleared = emptied
    ? null
    : clearedIdColumn(
        {
          dataRows: lastRow - 1,
          numberedRows: numberedRows(column("编号")),
          sheetIds: idKeys.length,
          presentBefore,
        },
        idHold.hold,
      );
  const metaChanges: [string, string][] = [];
  if (moved || lastHeader.join("\t") !== header.join("\t"))
    metaChanges.push([META_LEDGER_HEADER, JSON.stringify(header)]);
  if (idEnd !== lastIdEnd) metaChanges.push([META_ID_END, String(idEnd)]);
  // The hold goes with the plan's other small values (one batch): the next plan keeps holding a
  // column pasted back in part, against the count from before the clearing (clearedIdColumn).
  const holdText = cleared ? idHoldText(cleared) : emptied ? idHold.text : "";
  if (holdText !== idHold.text) metaChanges.push([META_ID_HOLD, holdText]);
  const lostText = ledgerHoldText(
    emptied ? { kind: "emptied", rows: emptied.dataRows, present: emptied.presentBefore } : null,
  );
  if (lostText !== ledgerHold) metaChanges.push([META_LEDGER_HOLD, lostText]);
  await deps.meta.setMany(metaChanges, new Date(nowMs).toISOString());
  const { floors, unlike } = idFloors(context.idFormat, idKeys);
  await deps.ids.raiseFloors(floors);
  const hold = emptied
    ? { reason: emptiedLedgerReason(emptied), problem: emptiedLedgerProblem(emptied) }
    : cleared
      ? { reason: clearedIdsReason(cleared), problem: clearedIdsProblem(cleared) }
      : null;
  if (hold) {
    // Not read at all, as with a header missing: no row numbered, no 编号 marked vanished, and the
    // pages, figures and notices go on from the last ledger read (a row without its 编号 would lose
    // its approved extension and its notices' keys).
    const { reason } = hold;
    planProblems.ledgerHeader.push(hold.problem);
    skippedTabs.push({ tab: TAB_NAMES.ledger, reason });
    return { ...base, header, ledgerSkipped: reason, lastRow: 1, chunkStarts: [], ids: {} };
  }
  // Said once a sync on 设置 (not on each of the rows, which the office means as they are).
  if (unlike) {
    const row = idFormatRow(context.reads.settings);
    const problem = unlikeIdsProblem(context.idFormat, unlike, row);
    const at = planProblems.settings.findIndex((p) => row === null || (p.row !== null && p.row > row));
    planProblems.settings.splice(at < 0 ? planProblems.settings.length : at, 0, problem);
  }
  const chunkStarts: number[] = [];
  for (let row = 2; row <= lastRow; row += CHUNK_ROWS) chunkStarts.push(row);
  return { ...base, header, ledgerSkipped: null, lastRow, chunkStarts, ids };
}

/** Rows below the header with anything in the 编号 column as read (typed, if unreadable: not blank). */
function numberedRows(idColumn: readonly unknown[]): number {
  let n = 0;
  for (let i = 1; i < idColumn.length; i++) if (cellText(idColumn[i]) !== "") n++;
  return n;
}
