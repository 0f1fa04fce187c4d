import { deputyRecords } from "../../domain/dashboard/deputy-records";
import { computeOverview, type OverviewFigures, overviewAsShown } from "../../domain/dashboard/overview";
import { reportFiguresOf } from "../../domain/dashboard/report-figures";
import { drawableOf, duplicatedIds, samplingCounts } from "../../domain/dashboard/sample-candidates";
import { type ReportFigures, reportYears } from "../../domain/dashboard/year-report";
import type { Assessment, CommitteeScore } from "../../domain/evaluation/assessment";
import { assessmentYears, assessYear } from "../../domain/evaluation/assessment-view";
import { excellentSuggestions } from "../../domain/evaluation/commendations";
import type { LedgerFigures } from "../../domain/figures/part-figures";
import type { EvaluatedLedger } from "../../domain/summary/evaluated";
import type { SummaryStamp } from "./summary-stamp";

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
 * The overview's figures the parts' shares add up to; worked out from every row when a share is
 * missing (a part stored by an older build). Both ways give the same figures (test/unit/figures).
 * It counts 校验问题 as the finish wrote them (`stamp`; not read here: 100 KB and more).
 */
export function overviewFigures(
  shares: LedgerFigures | null,
  view: EvaluatedLedger,
  stamp: Pick<SummaryStamp, "problems" | "errors">,
): OverviewFigures {
  const overview = shares ? shares.overview(view) : overviewAsShown(computeOverview(view));
  const problems = stamp.problems ?? 0;
  const errors = stamp.errors ?? 0;
  return { ...overview, problems: { errors, warnings: problems - errors } };
}

/**
 * The deputies' records (of every year, and of each year apart), 单位测评 with 优秀建议, and the 回访
 * candidates, from the shares or every row.
 */
export function recordFigures(
  shares: LedgerFigures | null,
  view: EvaluatedLedger,
  assessments: Assessment[],
) {
  const years = assessments.map((a) => a.year);
  if (shares)
    return {
      assessments,
      deputies: shares.deputies(),
      deputyYears: shares.deputyYears(),
      excellent: shares.excellent(years),
      sampling: shares.sampling(),
      drawable: shares.drawable(),
    };
  return {
    assessments,
    deputies: deputyRecords(view),
    deputyYears: Object.fromEntries(reportYears(view).map((year) => [year, deputyRecords(view, year)])),
    excellent: Object.fromEntries(years.map((year) => [year, excellentSuggestions(view, year)])),
    sampling: samplingCounts(view),
    drawable: drawableOf(view.rows, duplicatedIds(view.rows)),
  };
}
