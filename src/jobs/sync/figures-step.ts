import { duplicatedIds } from "../../domain/dashboard/sample-candidates";
import { unitScoreboard } from "../../domain/dashboard/scoreboard";
import { reportYears } from "../../domain/dashboard/year-report";
import { LEFT_OUT_BY_STEP } from "../../domain/figures/part-figures";
import { digestFigures } from "../../domain/notices/digest";
import { noticeRows } from "../../domain/notices/plan";
import { savePageFigures, saveYearReports } from "../../store/page-figures";
import { workOutYearReports } from "../year-report";
import { overviewFigures, recordFigures, reportFigures } from "./finish-figures";
import { loadAddedUp, type SummarySharesDeps, stampOf } from "./summary-shares";
import type { SummaryStamp } from "./summary-stamp";

/*
 * The steps after a finish that stored a new summary: the overview's figures, the records' (the
 * scoreboard, the deputies' records, 单位测评, 回访 candidates), then each year's report. Steps of
 * their own: with the finish they are more CPU than one Workers Free invocation has, and each reads
 * only its groups of the parts' shares. Until they have run the pages work out what they show from
 * the stored rows, as before any finish of this build. None is claimed: each does nothing when the
 * stamp names another version (a newer finish queued its own steps) or when every figure of this
 * one is stored (a second delivery). Each is true when it stored its figures.
 */

type FigureStep = (deps: SummarySharesDeps, version: string, nowMs: number) => Promise<boolean>;

/** A step that saves (at `at`) what it works out for the summary's stamp, unless a newer finish replaced it. */
function ofStampedSummary(
  save: (
    deps: SummarySharesDeps,
    version: string,
    stamp: SummaryStamp & { today: string },
    at: string,
  ) => Promise<boolean>,
): FigureStep {
  return async (deps, version, nowMs) => {
    const stamp = await stampOf(deps.meta, version);
    return stamp !== null && save(deps, version, stamp, new Date(nowMs).toISOString());
  };
}

/** The overview's figures and the 督办周报's of the summary a finish stamped `version`. */
export const saveOverviewFigures = ofStampedSummary((deps, version, stamp, at) =>
  savePageFigures(
    deps.meta,
    version,
    ["overview"],
    async () => {
      const { shares, view } = await loadAddedUp(deps, stamp.today, LEFT_OUT_BY_STEP.overview);
      return {
        figures: { overview: overviewFigures(shares, view, stamp) },
        // Listed: the rows a notice may name, as the notices run picks them (a 编号 on two rows is
        // left out); counted per 台账状态: every row, as the overview above counts them.
        digest:
          shares?.digest() ??
          digestFigures(noticeRows(view.rows, duplicatedIds(view.rows)), view.statistics.total, view.rows),
      };
    },
    at,
  ),
);

/**
 * The scoreboard, the deputies' records, 单位测评 and the 回访 candidates of that summary, with the
 * year-end copy of each earlier year's 单位测评 not kept yet (savePageFigures).
 */
export const saveRecordFigures = ofStampedSummary((deps, version, stamp, at) =>
  savePageFigures(
    deps.meta,
    version,
    ["units", "deputies", "assessments", "sampling", "draw"],
    async () => {
      const { shares, view, assessments } = await loadAddedUp(deps, stamp.today, LEFT_OUT_BY_STEP.records);
      const { deputyYears, ...records } = recordFigures(shares, view, assessments());
      return {
        figures: {
          ...records,
          units: unitScoreboard(view),
          assessmentSettings: {
            weights: view.settings.assessmentWeights,
            grades: view.settings.assessmentGrades,
          },
        },
        deputyYears,
        // A run in a later year than some of these: each such year's 单位测评 is kept as it stands
        // (once: the 表彰 is decided on the year-end figures, the ranking keeps moving after).
        today: stamp.today,
      };
    },
    at,
  ),
);

/**
 * Each year's report (page, CSV, JSON, Word draft) of that summary, from the parts' shares of the
 * reports and 单位测评, with 沟通记录, 民意 and 常委会测评; then the mark that says every figure of
 * the summary is stored.
 */
export const saveSummaryReports = ofStampedSummary((deps, version, stamp, at) =>
  saveYearReports(
    deps.meta,
    version,
    async () => {
      const { shares, view, assessments } = await loadAddedUp(deps, stamp.today, LEFT_OUT_BY_STEP.reports);
      return workOutYearReports(
        deps.tabCache,
        reportFigures(shares, view, assessments()),
        shares?.reportYears() ?? reportYears(view),
        (ids) => deps.summaries.idsHeld(ids),
      );
    },
    at,
  ),
);

/** The steps in the order they run (the reports' last: it writes the mark), each by its message's name. */
export const FIGURE_STEPS = [
  ["figures", saveOverviewFigures],
  ["records", saveRecordFigures],
  ["reports", saveSummaryReports],
] as const satisfies readonly (readonly [string, FigureStep])[];

export type FigureStepName = (typeof FIGURE_STEPS)[number][0];
