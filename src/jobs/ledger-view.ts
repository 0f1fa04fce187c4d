import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ARRANGEMENT_SEEN_TAB } from "../domain/calendar-seen";
import { buildLedgerContext, type LedgerContext, withPracticeTabs } from "../domain/ledger-context";
import { PRACTICE_RECORD_TABS } from "../domain/practice/practice-index";
import type { Problem } from "../domain/problems";
import type { EvaluatedLedger } from "../domain/summary/evaluated";
import { ledgerFromSummary } from "../domain/summary/ledger-summary";
import { loadFacts, type SummaryRow } from "../domain/summary/summary-row";
import type { Snapshot } from "../domain/sync/plan-history";
import { META_SUMMARY, META_SYNC_PROBLEMS, type MetaStore } from "../store/meta";
import type { SnapshotStore } from "../store/snapshots";
import type { SummaryStore } from "../store/summary-store";
import type { TabCache } from "../store/tab-cache";

/**
 * The small tabs every page and job reads (from D1). The sync keeps 沟通记录, 延期申请 and 协办意见
 * there too (a row per event: larger, so only the jobs and pages that show them load them).
 */
export const BASE_CACHED_TABS = [
  TAB_NAMES.units,
  TAB_NAMES.deputies,
  TAB_NAMES.leaders,
  TAB_NAMES.settings,
  TAB_NAMES.templates,
  TAB_NAMES.holidays,
];

/**
 * The small tabs' context (设置, the calendar, the directories, the templates) as the sync stored
 * them, built once per isolate while their versions stay the same (one D1 lookup of the versions,
 * no rows): a notices run's twenty parts and a personal link's pages each read, parsed and built
 * it again (about 2.5 ms of a profiled notices part), though a sync rarely changes these tabs.
 */
let lastBase: { version: string; context: LedgerContext } | null = null;

/**
 * BASE_CACHED_TABS and the days the years' 放假安排 were first seen (kept by the plan, no sheet tab):
 * what every ledger context is built from, so that each keeps the deadlines told 暂定 (keptAsTold).
 */
export const CONTEXT_CACHED_TABS = [...BASE_CACHED_TABS, ARRANGEMENT_SEEN_TAB];

export async function baseTabsContext(cache: TabCache): Promise<LedgerContext> {
  const kept = lastBase;
  if (kept && kept.version === (await cache.versionOf(CONTEXT_CACHED_TABS))) return kept.context;
  // The tabs with the key they are of (a save between two reads cannot pair them wrongly).
  const { version, tabs } = await cache.loadWithVersion(CONTEXT_CACHED_TABS);
  const context = buildLedgerContext(tabs);
  lastBase = { version, context };
  return context;
}

/** The small tabs' context, with 沟通记录, 延期申请 and 协办意见 whole or of some 编号 when asked. */
async function contextWith(
  cache: TabCache,
  practice: boolean | { readonly ids: readonly string[] } | undefined,
): Promise<LedgerContext> {
  if (!practice) return baseTabsContext(cache);
  const [base, rows] = await Promise.all([
    baseTabsContext(cache),
    practice === true
      ? cache.load(PRACTICE_RECORD_TABS)
      : cache.loadRowsOf(PRACTICE_RECORD_TABS, practice.ids),
  ]);
  return withPracticeTabs(base, rows);
}

export interface LedgerView {
  /** The ledger as the last sync evaluated it: every row the sheet held, duplicates included. */
  evaluation: EvaluatedLedger & { rows: readonly SummaryRow[] };
  /** Suggestions that vanished from the sheet (restorable). */
  removed: Snapshot[];
  /** When the sync that stored it ran (ISO), null before the first sync. */
  syncedAt: string | null;
}

type Evaluated = EvaluatedLedger & { rows: readonly SummaryRow[] };

/**
 * The last view this isolate built, by detail: rebuilt only when the sync stamps a new version
 * (it does so only when something a page shows changed). A leader's clicks through the dashboard
 * then parse the rows once, not on every page (each page has 10 ms of CPU on the Free plan).
 * The rows are frozen: a page that sorted them in place would reorder every later page.
 */
const memo = new Map<string, { version: string; evaluation: Evaluated }>();

interface Stamp {
  today: string;
  at: string;
  version?: string;
}

/**
 * The ledger as the last sync evaluated it, from D1 (the stored rows and the cached small tabs).
 * Dashboard pages and notice planning use this instead of reading the sheet or checking every row
 * again: a leader refreshing a page spends no Sheets quota and a small part of an evaluation's CPU.
 * It is as fresh as the last sync; `fallbackToday` serves before the first one.
 */
export async function loadLedgerView(
  deps: { snapshots: SnapshotStore; tabCache: TabCache; summaries: SummaryStore; meta: MetaStore },
  fallbackToday: string,
  /** "facts" (lists and figures: a third of the bytes) or "whole" (every field, the long texts too). */
  detail: "facts" | "whole" = "facts",
  /**
   * Also load 沟通记录, 延期申请 and 协办意见: all of them (notice planning), or only the rows of
   * some 编号 (a suggestion's page; D1 picks them).
   */
  options: {
    practice?: boolean | { readonly ids: readonly string[] };
    /**
     * Also load the sync's problems (default true). Notice planning does not show them, and their
     * JSON (a few hundred problems, 100 KB and more) is a large part of a load's CPU.
     */
    problems?: boolean;
  } = {},
): Promise<LedgerView> {
  const [summary, removed] = await Promise.all([deps.meta.get(META_SUMMARY), deps.snapshots.removed()]);
  const stamp = summary ? (JSON.parse(summary) as Stamp) : null;
  // A suggestion's page loads only its own practice rows: not worth keeping.
  const withProblems = options.problems !== false;
  const key =
    typeof options.practice === "object"
      ? null
      : `${detail}${options.practice ? "+practice" : ""}${withProblems ? "" : "-problems"}`;
  const cached = key === null ? undefined : memo.get(key);
  if (stamp?.version && cached?.version === stamp.version)
    return { evaluation: cached.evaluation, removed, syncedAt: stamp.at };
  const [rows, context, problems] = await Promise.all([
    detail === "whole" ? deps.summaries.loadAll() : deps.summaries.loadFacts(),
    contextWith(deps.tabCache, options.practice),
    withProblems ? deps.meta.getLarge(META_SYNC_PROBLEMS) : null,
  ]);
  const built = ledgerFromSummary({
    rows,
    context,
    today: stamp?.today ?? fallbackToday,
    problems: problems ? (JSON.parse(problems) as Problem[]) : [],
  });
  // Frozen in place, not spread into a copy: a copy would read the statistics, which are summed only
  // when a page asks for them.
  Object.freeze(built.rows);
  const evaluation: Evaluated = built;
  if (stamp?.version && key !== null) memo.set(key, { version: stamp.version, evaluation });
  return { evaluation, removed, syncedAt: stamp?.at ?? null };
}

/** The ledger as a personal link sees it: the rows that mention its recipient, and the small tabs. */
export type RecipientView = Pick<LedgerView, "evaluation" | "syncedAt">;

/**
 * The ledger cut to the rows that mention one recipient (a mentionKey), for a personal link's
 * page: D1 picks them from each part's index, so the page parses a unit's hundred rows or a
 * deputy's few instead of the facts of all 2,000. Everything else a link page reads (settings,
 * calendar, directories, a deputy's record) comes from the small tabs or from those rows. The
 * sync's problems are not loaded (no link page shows them). Before a sync has indexed every part
 * (a build before the index), it cuts the full view instead.
 */
export async function loadRecipientView(
  deps: { tabCache: TabCache; summaries: SummaryStore },
  /** The summary's stamp (META_SUMMARY), parsed; null before the first sync. */
  stamp: Partial<Stamp> | null,
  fallbackToday: string,
  key: string,
): Promise<RecipientView | null> {
  const [rows, context] = await Promise.all([
    deps.summaries.loadFactsMentioning(key),
    baseTabsContext(deps.tabCache),
  ]);
  if (!rows) return null;
  const evaluation = ledgerFromSummary({
    rows,
    context,
    today: stamp?.today ?? fallbackToday,
    problems: [],
  });
  Object.freeze(evaluation.rows);
  return { evaluation, syncedAt: stamp?.at ?? null };
}

/**
 * The stored rows that hold these 编号, in sheet order: D1 picks them by each part's index (every
 * row while a part stored by an older build has none). For a job or page about a few suggestions.
 */
export async function rowsWithIds(summaries: SummaryStore, ids: readonly string[]): Promise<SummaryRow[]> {
  if (ids.length === 0) return [];
  const facts = (await summaries.loadFactsWithIds(ids)) ?? (await summaries.loadFacts());
  return facts.map(loadFacts);
}
