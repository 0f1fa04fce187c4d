import type { Context } from "hono";
import type { AppEnv } from "../../app";
import { reportFiguresOf } from "../../domain/dashboard/report-figures";
import { parseYear } from "../../domain/dashboard/sample-request";
import { defaultYearOf, reportYears, type YearReport } from "../../domain/dashboard/year-report";
import { idsHeldIn, workOutYearReports } from "../../jobs/year-report";
import { loadStoredReport } from "../../store/page-figures";
import { HttpError } from "../errors";
import { loadDashboard, loadFrame, type PageBase } from "./load-view";

export interface LoadedReport {
  readonly report: YearReport;
  /** Years with suggestions, and the chosen one, latest first (the page's year picker). */
  readonly years: readonly number[];
  readonly base: PageBase;
}

/**
 * The year report of `?year=` (when absent defaultYearOf, as the finish stores its default: the latest year with a suggestion of its own replied to, else assigned): as the last sync's
 * finish worked it out, or from the stored rows (workOutYearReports) for a year it did not (one
 * with no suggestions) or before its reports are current. No evaluation, no Sheets call.
 */
export async function loadYearReport(c: Context<AppEnv>): Promise<LoadedReport> {
  const year = parseYear(c.req.query("year"));
  if (!year.ok) throw new HttpError(400, year.code, year.message);
  const base = await loadFrame(c);
  const stored = await loadStoredReport(base.deps.meta, base.summaryVersion, year.value ?? null);
  if (stored) return { report: stored.report, years: stored.years, base };
  const d = await loadDashboard(c, { base });
  const years = reportYears(d.evaluation);
  const chosen = year.value ?? defaultYearOf(d.evaluation.rows) ?? Number(d.frame.today.slice(0, 4));
  const [report] = await workOutYearReports(
    d.deps.tabCache,
    reportFiguresOf(d.evaluation),
    [chosen],
    idsHeldIn(d.evaluation.rows),
  );
  if (!report) throw new Error("workOutYearReports gives one report per year asked for");
  const shown = years.includes(chosen) ? years : [...years, chosen].sort((a, b) => b - a);
  return { report, years: shown, base };
}
