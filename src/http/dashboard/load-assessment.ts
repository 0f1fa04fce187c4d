import type { Context } from "hono";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { AppEnv } from "../../app";
import { parseYear } from "../../domain/dashboard/sample-request";
import type { Assessment } from "../../domain/evaluation/assessment";
import { assessmentYears, assessYear, committeeScores } from "../../domain/evaluation/assessment-view";
import { HttpError } from "../errors";
import { type Dashboard, loadDashboard } from "./load-view";

export interface AssessmentView {
  readonly d: Dashboard;
  readonly assessment: Assessment;
  /** Years to choose from (latest first), the shown one included. */
  readonly years: readonly number[];
}

/**
 * One year's 单位测评 for a page or an export, from the stored rows and the cached 常委会测评
 * (one small D1 read): never the sheet. `?year=` picks the year; the latest with suggestions otherwise.
 */
export async function loadAssessment(c: Context<AppEnv>): Promise<AssessmentView> {
  const year = parseYear(c.req.query("year"));
  if (!year.ok) throw new HttpError(400, year.code, year.message);
  const d = await loadDashboard(c);
  const cached = await d.deps.tabCache.load([TAB_NAMES.committee]);
  const years = assessmentYears(d.evaluation);
  const chosen = year.value ?? years[0] ?? Number(d.frame.today.slice(0, 4));
  const shown = years.includes(chosen) ? years : [...years, chosen].sort((a, b) => b - a);
  const assessment = assessYear(d.evaluation, chosen, committeeScores(cached[TAB_NAMES.committee]));
  return { d, assessment, years: shown };
}
