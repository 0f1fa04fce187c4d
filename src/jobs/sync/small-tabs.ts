import { digestOf } from "../../digest";
import { buildCalendar } from "../../domain/calendar";
import { ARRANGEMENT_SEEN_TAB, nextArrangementSeen, readArrangementSeen } from "../../domain/calendar-seen";
import { buildLedgerContext, type LedgerContext } from "../../domain/ledger-context";
import { type HeldTab, heldTabs, tabsToHold } from "../../domain/sync/held-tabs";
import type { TabCache } from "../../store/tab-cache";
import { baseTabsContext } from "../ledger-view";

/**
 * Tabs as read, each turned into JSON once: D1 stores that text and a digest may be taken of it
 * (a county's 沟通记录 and the rest are hundreds of kilobytes; stringifying them twice was a
 * millisecond or two of the practice step's CPU).
 */
export function tabTexts(tabs: Readonly<Record<string, unknown[][]>>): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [name, rows] of Object.entries(tabs)) texts[name] = JSON.stringify(rows);
  return texts;
}

/** The digest of JSON.stringify(tabs), from their texts. */
export function digestOfTexts(texts: Readonly<Record<string, string>>): Promise<string> {
  const entries = Object.entries(texts).map(([name, text]) => `${JSON.stringify(name)}:${text}`);
  return digestOf(`{${entries.join(",")}}`);
}

/**
 * The small tabs as the plan read them (`read`: a missing tab left out), with the last read D1
 * keeps in place of each tab held (heldTabs: missing, emptied or its header broken), and their
 * context. The last reads are loaded only when a tab looks so (one D1 query, never on an
 * ordinary sync); the context is then built again from the tabs in force.
 */
export async function readSmallTabs(
  tabCache: TabCache,
  read: Readonly<Record<string, unknown[][]>>,
  titles: readonly string[] = [],
): Promise<{ tabs: Record<string, unknown[][]>; context: LedgerContext; held: HeldTab[] }> {
  const now = buildLedgerContext(read, titles);
  const names = tabsToHold(now, titles);
  if (names.length === 0) return { tabs: { ...read }, context: now, held: [] };
  const last = await tabCache.load(names);
  const held = heldTabs(now, buildLedgerContext({ ...read, ...last }, titles), titles);
  if (held.length === 0) return { tabs: { ...read }, context: now, held };
  const tabs: Record<string, unknown[][]> = { ...read };
  for (const { tab } of held) tabs[tab] = last[tab] ?? [];
  return { tabs, context: buildLedgerContext(tabs, titles), held };
}

/**
 * The small tabs with the days the years' 放假安排 were first seen (calendar-seen.ts: D1's last
 * copy, one query, with a year first seen now dated `today`), and their context's calendar with
 * them: what the chunks, the pages and the notices build the calendar from.
 */
export async function withArrangementSeen(
  tabCache: TabCache,
  tabs: Record<string, unknown[][]>,
  context: LedgerContext,
  today: string,
): Promise<{ tabs: Record<string, unknown[][]>; context: LedgerContext }> {
  const kept = (await tabCache.load([ARRANGEMENT_SEEN_TAB]))[ARRANGEMENT_SEEN_TAB];
  const rows = nextArrangementSeen(kept, context.calendar.knownYears(), today);
  const calendar = buildCalendar(context.holidays, readArrangementSeen(rows));
  return { tabs: { ...tabs, [ARRANGEMENT_SEEN_TAB]: rows }, context: { ...context, calendar } };
}

/**
 * The small tabs' context, built once per isolate for the tabs a run's plan read (their digest):
 * a run's steps usually land on the same isolate one after another, and reading and checking five
 * tabs again costs a millisecond or two.
 */
let last: { digest: string; context: LedgerContext } | null = null;

/** Keeps the context the plan built from the tabs it read. */
export function rememberSmallTabs(digest: string, context: LedgerContext): void {
  last = { digest, context };
}

export async function smallTabsContext(
  tabCache: TabCache,
  digest: string | undefined,
): Promise<LedgerContext> {
  if (digest !== undefined && last?.digest === digest) return last.context;
  // Another isolate planned the run: the tabs as D1 holds them, built once per isolate and version.
  const context = await baseTabsContext(tabCache);
  if (digest !== undefined) last = { digest, context };
  return context;
}
