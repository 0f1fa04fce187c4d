import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { Assessment } from "../../domain/evaluation/assessment";
import { committeeScores } from "../../domain/evaluation/assessment-view";
import { addUpFigures, type LedgerFigures, type PartFigures } from "../../domain/figures/part-figures";
import { buildLedgerContext } from "../../domain/ledger-context";
import type { EvaluatedLedger } from "../../domain/summary/evaluated";
import { ledgerFromSummary } from "../../domain/summary/ledger-summary";
import { META_SUMMARY, type MetaStore } from "../../store/meta";
import type { SummaryStore } from "../../store/summary-store";
import type { TabCache } from "../../store/tab-cache";
import { CONTEXT_CACHED_TABS } from "../ledger-view";
import { assessmentsOf } from "./finish-figures";
import { parseStamp, type SummaryStamp } from "./summary-stamp";

export interface SummarySharesDeps {
  meta: MetaStore;
  summaries: SummaryStore;
  tabCache: TabCache;
}

/** The stamp of the finish that stored `version`, with its day; null when a newer finish replaced it. */
export async function stampOf(
  meta: MetaStore,
  version: string,
): Promise<(SummaryStamp & { today: string }) | null> {
  const stamp = parseStamp(await meta.get(META_SUMMARY));
  return stamp.version === version && stamp.today !== undefined ? { ...stamp, today: stamp.today } : null;
}

/** What a step after the finish works its figures out from. */
export interface AddedUp {
  /** The parts' shares added up; null while a part stored by an older build has none. */
  shares: LedgerFigures | null;
  /** The ledger without rows, or with every row's facts when `shares` is null. */
  view: EvaluatedLedger;
  /** 单位测评 of every year with suggestions, latest first, 常委会测评 folded in (worked out once asked). */
  assessments(): Assessment[];
}

/**
 * The parts' shares added up, but the groups of `leaveOut` (D1 leaves them out: the step neither
 * parses nor adds them up), with the small tabs of the day `today`; every row's facts only while
 * a part has no share.
 */
export async function loadAddedUp(
  deps: SummarySharesDeps,
  today: string,
  leaveOut: readonly (keyof PartFigures)[],
): Promise<AddedUp> {
  const [figureTexts, tabs] = await Promise.all([
    deps.summaries.loadFigures(leaveOut),
    deps.tabCache.load([...CONTEXT_CACHED_TABS, TAB_NAMES.committee]),
  ]);
  const context = buildLedgerContext(tabs);
  const shares = figureTexts && addUpFigures(figureTexts, { ...context, today });
  const facts = shares ? [] : await deps.summaries.loadFacts();
  const view = ledgerFromSummary({
    rows: facts,
    tabs,
    today,
    problems: [],
    context,
    // Added up only when a step asks for 统计 (the year reports' step leaves it out and never does).
    statistics: shares ? () => shares.statistics : undefined,
  });
  let assessments: Assessment[] | undefined;
  const assessmentsOnce = () => {
    if (assessments) return assessments;
    const committee = committeeScores(tabs[TAB_NAMES.committee]);
    assessments = shares?.assessments(committee) ?? assessmentsOf(view, committee);
    return assessments;
  };
  return { shares, view, assessments: assessmentsOnce };
}
