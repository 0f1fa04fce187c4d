import type { TabDef } from "../../../sheets-schema/columns";
import { matchHeaders } from "../../../sheets-schema/header-map";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { assessmentTab, ledgerTab, problemsTab, statisticsTab } from "../../../sheets-schema/tabs";
import { columnLetter } from "../../domain/a1";
import { indexIdColumns } from "../../domain/evaluate-chunk";
import { buildLedgerContext, tabProblems } from "../../domain/ledger-context";
import { PRACTICE_RECORD_TABS } from "../../domain/practice/practice-index";
import type { Problem } from "../../domain/problems";
import { cellText } from "../../domain/sync/row-identity";
import type { SheetsClient } from "../../sheets/client";
import type { IdAllocator } from "../../store/id-allocator";
import type { MetaStore } from "../../store/meta";
import type { TabCache } from "../../store/tab-cache";
import { BASE_CACHED_TABS } from "../ledger-view";
import { localDate } from "../local-time";
import { lastLedgerHeader, META_LEDGER_HEADER } from "../sheet-writes/ledger-columns";
import { CHUNK_ROWS } from "./chunk-rows";
import { type RangeRequest, readRanges } from "./read-sheet";
import { rememberSmallTabs, tabTexts } from "./small-tabs";
import type { SyncContext } from "./sync-context";

export { CHUNK_ROWS };

const DEFAULT_TIME_ZONE = "Asia/Shanghai";
/** The ledger columns the plan reads whole: what a part needs to know of the rest, and where data ends. */
const INDEX_HEADERS = ["编号", "审查结果", "标题", "领衔代表", "提出日期"] as const;
const SYSTEM_TABS = [TAB_NAMES.problems, TAB_NAMES.statistics, TAB_NAMES.assessment] as const;
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

/** The index columns' whole-column ranges, where `header` has them (keys are the headers). */
function indexRequests(header: readonly string[]): RangeRequest[] {
  return INDEX_HEADERS.flatMap((h) => {
    const c = header.indexOf(h);
    return c < 0 ? [] : [{ key: h, tab: TAB_NAMES.ledger, a1: `${columnLetter(c)}:${columnLetter(c)}` }];
  });
}

/**
 * The first read: the small tabs whole, the header rows, the system tabs' first column (their
 * length), and the index columns where the last plan found them; only when staff moved one of
 * those since does the plan need a second read.
 */
function firstRequests(lastHeader: readonly string[] | null): RangeRequest[] {
  return [
    ...BASE_CACHED_TABS.map((tab) => ({ key: tab, tab, a1: "" })),
    { key: "ledger-header", tab: TAB_NAMES.ledger, a1: "1:1" },
    ...SYSTEM_TABS.flatMap((tab) => [
      { key: `${tab}-header`, tab, a1: "1:1" },
      { key: `${tab}-column`, tab, a1: "A:A" },
    ]),
    ...(lastHeader ? indexRequests(lastHeader) : []),
  ];
}

const sameIndexColumns = (a: readonly string[], b: readonly string[]) =>
  INDEX_HEADERS.every((h) => a.indexOf(h) === b.indexOf(h));

/**
 * A sync run's plan, from two reads whatever the ledger's size: the small tabs and every header
 * row, then the ledger's 编号, 审查结果 and required columns whole (a few short cells a row). From
 * them: today in 设置 时区, the 编号 index every chunk checks its rows against, where the data ends
 * and how it splits into chunks, and each year's 编号 sequence raised above the numbers staff typed.
 */
export async function planRun(
  deps: PlanDeps,
  trigger: string,
  nowMs: number,
): Promise<Omit<SyncContext, "planCalls">> {
  const lastHeader = await lastLedgerHeader(deps.meta);
  const first = await readRanges(deps.sheets, firstRequests(lastHeader));
  const tabs = Object.fromEntries(
    BASE_CACHED_TABS.filter((t) => first.values[t]).map((t) => [t, first.values[t] ?? []]),
  );
  const { texts, digest: tabsDigest } = await tabTexts(tabs);
  const tabsChanged = (await deps.tabCache.save(texts, new Date(nowMs).toISOString())) > 0;
  const context = buildLedgerContext(tabs);
  rememberSmallTabs(tabsDigest, context);
  const today = localDate(nowMs, context.settings.timeZone || DEFAULT_TIME_ZONE);
  const planProblems = {
    ledgerHeader: [] as Problem[],
    smallTabs: [
      ...tabProblems(context.reads.units),
      ...tabProblems(context.reads.deputies),
      ...tabProblems(context.reads.leaders),
    ],
    practiceTabs: [] as Problem[],
    configTabs: [...tabProblems(context.reads.templates), ...tabProblems(context.reads.holidays)],
    settings: tabProblems(context.reads.settings),
    systemTabs: [] as Problem[],
  };
  // 领导 and the practice tabs are optional (an older sheet works without them): not "skipped".
  const skippedTabs: SyncContext["skippedTabs"] = first.missingTabs
    .filter((tab) => !OPTIONAL_TABS.has(tab))
    .map((tab) => ({ tab, reason: `缺少工作表『${tab}』：请运行 npm run sheet:init 补齐` }));
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
    trigger,
    startedMs: nowMs,
    today,
    planProblems,
    systemGrid,
    systemRows,
    skippedTabs,
    tabsChanged,
    tabsDigest,
    smallTabsDigest: tabsDigest,
    missingTabs: first.missingTabs.filter((tab) => OPTIONAL_TABS.has(tab)),
    timeZone: context.settings.timeZone,
    idFormat: context.idFormat.source,
  };
  const headerRow = first.values["ledger-header"];
  if (!headerRow) {
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
  const match = matchHeaders(ledgerTab, header);
  planProblems.ledgerHeader.push(...headerProblems(TAB_NAMES.ledger, match.problems));
  if (!match.ok) {
    const reason = match.problems.find((p) => p.level === "错误")?.message ?? "表头无法识别";
    skippedTabs.push({ tab: TAB_NAMES.ledger, reason });
    return { ...base, header, ledgerSkipped: reason, lastRow: 1, chunkStarts: [], ids: {} };
  }
  const moved = !lastHeader || !sameIndexColumns(lastHeader, header);
  const index = moved ? await readRanges(deps.sheets, indexRequests(header)) : first;
  if (moved || lastHeader.join("\t") !== header.join("\t"))
    await deps.meta.set(META_LEDGER_HEADER, JSON.stringify(header), new Date(nowMs).toISOString());
  const column = (h: string) => (index.values[h] ?? []).map((row) => row[0]);
  const lastRow = Math.max(1, ...INDEX_HEADERS.map((h) => column(h).length));
  const ids = indexIdColumns(column("编号"), column("审查结果"));
  await raiseFloors(deps.ids, context.idFormat, Object.keys(ids));
  const chunkStarts: number[] = [];
  for (let row = 2; row <= lastRow; row += CHUNK_ROWS) chunkStarts.push(row);
  return { ...base, header, ledgerSkipped: null, lastRow, chunkStarts, ids };
}

/** Raises each year's sequence above the numbers staff typed, so no number is handed out twice. */
async function raiseFloors(
  allocator: IdAllocator,
  format: ReturnType<typeof buildLedgerContext>["idFormat"],
  ids: readonly string[],
): Promise<void> {
  const floors = new Map<number, number>();
  for (const id of ids) {
    const parsed = format.parse(id);
    if (!parsed) continue;
    const year = format.hasYear ? (parsed.year ?? 0) : 0;
    floors.set(year, Math.max(floors.get(year) ?? 0, parsed.seq));
  }
  for (const [year, floor] of floors) await allocator.raiseFloor(year, floor);
}
