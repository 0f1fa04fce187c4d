import type { Context } from "hono";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { AppEnv } from "../../app";
import { parseYear } from "../../domain/dashboard/sample-request";
import type { SuggestionRef } from "../../domain/dashboard/suggestion-ref";
import { defaultYearOf, withYear, type YearReport } from "../../domain/dashboard/year-report";
import {
  asOfRefused,
  noYearEndCopy,
  YEAR_END,
  yearEndWithoutYear,
} from "../../domain/dashboard/year-report-as-of";
import type { Assessment } from "../../domain/evaluation/assessment";
import { assessmentYears, assessYear, committeeScores } from "../../domain/evaluation/assessment-view";
import { excellentSuggestions } from "../../domain/evaluation/commendations";
import {
  loadFigures,
  loadStoredReport,
  loadYearEndAssessment,
  type PageFigures,
} from "../../store/page-figures";
import { HttpError } from "../errors";
import { loadDashboard, loadFrame, type PageBase } from "./load-view";

export interface AssessmentView {
  readonly base: PageBase;
  readonly assessment: Assessment;
  /** Years to choose from (latest first), the shown one included. */
  readonly years: readonly number[];
  /** 设置 测评权重 and 测评等次, as the page states them. */
  readonly settings: PageFigures["assessmentSettings"];
  /** The year's 优秀建议 (the commendations draft lists them). */
  readonly excellent: readonly SuggestionRef[];
  /**
   * With `?asOf=year-end`, the year's 单位测评 above is its year-end copy: `asOf`, the day it was
   * kept; `report`, the year's report kept that day (what was then still open; null: none). Null:
   * today's figures.
   */
  readonly yearEnd: { readonly asOf: string; readonly report: YearReport | null } | null;
}

/**
 * One year's 单位测评 for a page or an export: as the last sync's finish worked it out (the 单位测评
 * tab's), or from the stored rows and the cached 常委会测评 for a year it did not (one with no
 * suggestions) or before its figures are current. Never the sheet. `?year=` picks the year; the
 * year /report opens on otherwise (defaultYearOf; the stored default report, saveYearReports).
 * With `?asOf=year-end`, the year's 单位测评 as kept at its end (page-figures.ts savePageFigures).
 */
export async function loadAssessment(c: Context<AppEnv>): Promise<AssessmentView> {
  const year = parseYear(c.req.query("year"));
  if (!year.ok) throw new HttpError(400, year.code, year.message);
  const asOf = c.req.query("asOf") ?? "";
  if (asOf !== "" && asOf !== YEAR_END) throw new HttpError(400, "invalid_as_of", asOfRefused(asOf));
  const base = await loadFrame(c);
  if (asOf === YEAR_END) return loadYearEnd(base, year.value);
  const stored = await loadFigures(base.deps.meta, base.summaryVersion, "assessments");
  if (stored) {
    const years = stored.assessments.map((a) => a.year);
    // The year /report opens on (defaultYearOf's rule): not the latest with a unit assessed, which
    // the first suggestion of a new year, or a suggestion carried over into it, already gives one.
    // Undefined until the finish has stored the reports: then from the rows below.
    const chosen =
      year.value ?? (await loadStoredReport(base.deps.meta, base.summaryVersion, null))?.report.year;
    const assessment = stored.assessments.find((a) => a.year === chosen);
    const excellent = stored.excellent?.[String(chosen)];
    if (assessment && excellent)
      return { base, assessment, years, settings: stored.assessmentSettings, excellent, yearEnd: null };
  }
  const d = await loadDashboard(c, { base });
  const cached = await d.deps.tabCache.load([TAB_NAMES.committee]);
  const years = assessmentYears(d.evaluation);
  const chosen = year.value ?? defaultYearOf(d.evaluation.rows) ?? Number(d.frame.today.slice(0, 4));
  const shown = withYear(years, chosen);
  const assessment = assessYear(d.evaluation, chosen, committeeScores(cached[TAB_NAMES.committee]));
  const { assessmentWeights: weights, assessmentGrades: grades } = d.evaluation.settings;
  return {
    base,
    assessment,
    years: shown,
    settings: { weights, grades },
    excellent: excellentSuggestions(d.evaluation, chosen),
    yearEnd: null,
  };
}

/** `?year=Y&asOf=year-end`: the copy kept at Y's end (one query), or why there is none. */
async function loadYearEnd(base: PageBase, year: number | null): Promise<AssessmentView> {
  const today = base.frame.today;
  if (year === null)
    throw new HttpError(400, "year_end_without_year", yearEndWithoutYear("/assessment", today));
  const found = await loadYearEndAssessment(base.deps.meta, year);
  if (!found) throw new HttpError(404, "no_year_end_copy", noYearEndCopy("/assessment", year, today));
  const { kept, report } = found;
  const years = withYear(kept.years, year);
  const { assessment, settings, excellent } = kept;
  return { base, assessment, years, settings, excellent, yearEnd: { asOf: kept.asOf, report } };
}
