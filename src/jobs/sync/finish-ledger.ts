import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { addUpFigures, type LedgerFigures, PAGE_ONLY_SHARES } from "../../domain/figures/part-figures";
import { buildLedgerContext } from "../../domain/ledger-context";
import { ledgerFromSummary } from "../../domain/summary/ledger-summary";
import { META_SYNC_PROBLEMS, type MetaStore } from "../../store/meta";
import type { SummaryStore } from "../../store/summary-store";
import type { TabCache } from "../../store/tab-cache";
import { CONTEXT_CACHED_TABS } from "../ledger-view";
import { type LastRead, lastReadProblems } from "./finish-problems";
import type { SyncContext } from "./sync-context";

/*
 * The whole ledger as a finish sees it: the chunks' stored parts added up (not the rows read again,
 * which is more CPU than the finish has), with the small tabs read in the same round of D1 queries
 * (and, while the ledger is skipped, the last 校验问题 stored). The units' open objections the
 * finish reads at its start (finishInputs compares them).
 */

export interface FinishLedger {
  /** The stored parts' versions, those past the last chunk dropped. */
  storedParts: { count: number; text: string };
  tabs: Record<string, unknown[][]>;
  /** The parts' shares added up; null while a part stored by an older build has none. */
  shares: LedgerFigures | null;
  view: ReturnType<typeof ledgerFromSummary>;
  /** While the ledger is skipped, what the last read's chunks said (lastReadProblems); else nothing. */
  lastReadProblems: LastRead;
}

export async function loadFinishLedger(
  deps: {
    summaries: SummaryStore;
    tabCache: TabCache;
    meta: Pick<MetaStore, "getLarge">;
  },
  context: SyncContext,
  at: string,
): Promise<FinishLedger> {
  // Without the groups only the steps after it add up (the pages' figures and the year reports).
  const partsNow = () =>
    Promise.all([deps.summaries.versions(), deps.summaries.loadFigures(PAGE_ONLY_SHARES)]);
  const ledgerRead = context.ledgerSkipped === null;
  const [parts, tabs, storedProblems] = await Promise.all([
    partsNow(),
    deps.tabCache.load([...CONTEXT_CACHED_TABS, TAB_NAMES.committee]),
    // Only while skipped: a run that reads the ledger has its chunks' problems.
    ledgerRead ? null : deps.meta.getLarge(META_SYNC_PROBLEMS),
  ]);
  let [storedParts, figureTexts] = parts;
  // Parts past the last chunk (the ledger got shorter) are dropped, and the rest read again. Not
  // while the ledger was skipped (a header missing or repeated): it was not read, so its rows are
  // as the last run that read it left them, and the figures, 统计, 单位测评, the pages and the
  // notices go on from those rather than from an empty ledger until staff mend the header.
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
  return {
    storedParts,
    tabs,
    shares,
    view,
    lastReadProblems: lastReadProblems(storedProblems),
  };
}
