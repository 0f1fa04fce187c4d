import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { duplicatedIds } from "../../domain/dashboard/sample-candidates";
import { unitScoreboard } from "../../domain/dashboard/scoreboard";
import { reportYears } from "../../domain/dashboard/year-report";
import { committeeScores } from "../../domain/evaluation/assessment-view";
import { addUpFigures, FINISH_ONLY_SHARES } from "../../domain/figures/part-figures";
import { buildLedgerContext } from "../../domain/ledger-context";
import { digestFigures } from "../../domain/notices/digest";
import { noticeRows } from "../../domain/notices/plan";
import { ledgerFromSummary } from "../../domain/summary/ledger-summary";
import { META_SUMMARY, type MetaStore } from "../../store/meta";
import { figuresStoredFor, savePageFigures } from "../../store/page-figures";
import type { SummaryStore } from "../../store/summary-store";
import type { TabCache } from "../../store/tab-cache";
import { BASE_CACHED_TABS } from "../ledger-view";
import { workOutYearReports } from "../year-report";
import { assessmentsOf, reportFigures, sharedFigures } from "./finish-figures";
import { parseStamp } from "./summary-stamp";

export interface FiguresDeps {
  meta: MetaStore;
  summaries: SummaryStore;
  tabCache: TabCache;
}

/**
 * The pages' figures (overview, scoreboard, deputies' records, 回访 candidates, the 督办周报's
 * figures, each year's report) of the summary a finish stamped `version`, worked out once for every
 * isolate that serves those pages. A step of its own after the finish: the two together are more
 * CPU than one Workers Free invocation has. Until it has run the pages work out what they show
 * from the stored rows, as before any finish of this build.
 *
 * Does nothing when the stamp names another version (a newer finish queued its own step) or when
 * figures of this one are stored (a second delivery). True when it stored them.
 */
export async function saveSummaryFigures(
  deps: FiguresDeps,
  version: string,
  nowMs: number,
): Promise<boolean> {
  const stamp = parseStamp(await deps.meta.get(META_SUMMARY));
  if (stamp.version !== version || stamp.today === undefined) return false;
  if (await figuresStoredFor(deps.meta, version)) return false;
  const today = stamp.today;
  const [figureTexts, tabs] = await Promise.all([
    deps.summaries.loadFigures(FINISH_ONLY_SHARES),
    deps.tabCache.load([...BASE_CACHED_TABS, TAB_NAMES.committee]),
  ]);
  const context = buildLedgerContext(tabs);
  const shares = figureTexts && addUpFigures(figureTexts, { ...context, today });
  // Every row's facts only while a part has no share (stored by an older build).
  const facts = shares ? [] : await deps.summaries.loadFacts();
  const view = ledgerFromSummary({
    rows: facts,
    tabs,
    today,
    problems: [],
    context,
    statistics: shares?.statistics,
  });
  const committee = committeeScores(tabs[TAB_NAMES.committee]);
  const assessments = shares?.assessments(committee) ?? assessmentsOf(view, committee);
  const shared = sharedFigures(shares, view, assessments);
  // The overview counts 校验问题 as the finish wrote them (not read here: 100 KB and more).
  const problems = stamp.problems ?? 0;
  const errors = stamp.errors ?? 0;
  return savePageFigures(
    deps.meta,
    version,
    async () => ({
      figures: {
        ...shared,
        overview: { ...shared.overview, problems: { errors, warnings: problems - errors } },
        units: unitScoreboard(view),
        assessments,
        assessmentSettings: {
          weights: view.settings.assessmentWeights,
          grades: view.settings.assessmentGrades,
        },
      },
      // The rows a notice may name, as the notices run picks them (a 编号 on two rows is left out).
      digest:
        shares?.digest() ??
        digestFigures(noticeRows(view.rows, duplicatedIds(view.rows)), view.statistics.total),
      reports: await workOutYearReports(
        deps.tabCache,
        reportFigures(shares, view, assessments),
        shares?.reportYears() ?? reportYears(view),
      ),
    }),
    new Date(nowMs).toISOString(),
  );
}
