import { deputyRecords } from "../../domain/dashboard/deputy-records";
import { computeOverview, overviewAsShown } from "../../domain/dashboard/overview";
import { reportFiguresOf } from "../../domain/dashboard/report-figures";
import { drawableOf, duplicatedIds, samplingCounts } from "../../domain/dashboard/sample-candidates";
import type { ReportFigures } from "../../domain/dashboard/year-report";
import type { Assessment, CommitteeScore } from "../../domain/evaluation/assessment";
import { assessmentYears, assessYear } from "../../domain/evaluation/assessment-view";
import { excellentSuggestions } from "../../domain/evaluation/commendations";
import type { LedgerFigures } from "../../domain/figures/part-figures";
import type { EvaluatedLedger } from "../../domain/summary/evaluated";

/*
 * The figures the sync's finish works out: from the parts' shares added up (LedgerFigures), or,
 * while a part stored by an older build has none, from every row's facts as before.
 */

/** 单位测评 of every year that has suggestions (latest first), 常委会测评 folded in, from the rows. */
export function assessmentsOf(view: EvaluatedLedger, committee: readonly CommitteeScore[]): Assessment[] {
  return assessmentYears(view).map((year) => assessYear(view, year, committee));
}

/**
 * The year reports' figures: the parts' shares added up (the years' 单位测评 as worked out above),
 * else every row.
 */
export function reportFigures(
  shares: LedgerFigures | null,
  view: EvaluatedLedger,
  assessments: readonly Assessment[],
): ReportFigures {
  if (!shares) return reportFiguresOf(view);
  return {
    ...shares.reports,
    assessment: (year) => assessments.find((a) => a.year === year) ?? { year, rows: [], excluded: 0 },
  };
}

/**
 * The page figures the parts' shares add up to; worked out from every row when a share is missing
 * (a part stored by an older build). Both ways give the same figures (test/unit/figures).
 */
export function sharedFigures(
  shares: LedgerFigures | null,
  view: EvaluatedLedger,
  assessments: readonly Assessment[],
) {
  const years = assessments.map((a) => a.year);
  if (shares)
    return {
      overview: shares.overview(view),
      deputies: shares.deputies(),
      excellent: shares.excellent(years),
      sampling: shares.sampling(),
      drawable: shares.drawable(),
    };
  return {
    overview: overviewAsShown(computeOverview(view)),
    deputies: deputyRecords(view),
    excellent: Object.fromEntries(years.map((year) => [year, excellentSuggestions(view, year)])),
    sampling: samplingCounts(view),
    drawable: drawableOf(view.rows, duplicatedIds(view.rows)),
  };
}
