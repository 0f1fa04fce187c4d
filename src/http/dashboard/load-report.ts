import type { Context } from "hono";
import type { AppEnv } from "../../app";
import { reportFiguresOf } from "../../domain/dashboard/report-figures";
import { parseYear } from "../../domain/dashboard/sample-request";
import { defaultYearOf, reportYears, withYear, type YearReport } from "../../domain/dashboard/year-report";
import {
  asOfRefused,
  noYearEndCopy,
  YEAR_END,
  type YearEndCopy,
  yearEndWithoutYear,
} from "../../domain/dashboard/year-report-as-of";
import { idsHeldIn, workOutYearReports } from "../../jobs/year-report";
import { loadStoredReportAndYearEnd, loadYearEndReport } from "../../store/page-figures";
import { HttpError } from "../errors";
import { loadDashboard, loadFrame, type PageBase } from "./load-view";

export interface LoadedReport {
  readonly report: YearReport;
  /** Years with suggestions, and the chosen one, latest first (the page's year picker). */
  readonly years: readonly number[];
  readonly base: PageBase;
  /**
   * The year's report as kept at the year's end (`asOf`: the day kept), null when none was kept;
   * `shown`: the report above is that copy (`?asOf=year-end`), not today's figures.
   */
  readonly yearEnd: (YearEndCopy & { readonly shown: boolean }) | null;
}

/**
 * The year report of `?year=` (when absent defaultYearOf, as the finish stores its default: the latest year with a suggestion of its own replied to, else assigned): as the last sync's
 * finish worked it out, or from the stored rows (workOutYearReports) for a year it did not (one
 * with no suggestions) or before its reports are current. With `?asOf=year-end`, the year's
 * report as kept at its end (page-figures.ts yearEndCopies). No evaluation, no Sheets call.
 */
export async function loadYearReport(c: Context<AppEnv>): Promise<LoadedReport> {
  const year = parseYear(c.req.query("year"));
  if (!year.ok) throw new HttpError(400, year.code, year.message);
  const asOf = c.req.query("asOf") ?? "";
  if (asOf !== "" && asOf !== YEAR_END) throw new HttpError(400, "invalid_as_of", asOfRefused(asOf));
  const base = await loadFrame(c);
  if (asOf === YEAR_END) return loadYearEnd(base, year.value);
  const { stored, yearEndOf } = await loadStoredReportAndYearEnd(
    base.deps.meta,
    base.summaryVersion,
    year.value ?? null,
  );
  const withYearEnd = (report: YearReport, years: readonly number[]): LoadedReport => {
    const kept = yearEndOf(report.year);
    return { report, years, base, yearEnd: kept ? { year: report.year, asOf: kept, shown: false } : null };
  };
  if (stored) return withYearEnd(stored.report, stored.years);
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
  const shown = withYear(years, chosen);
  return withYearEnd(report, shown);
}

/** `?year=Y&asOf=year-end`: the copy kept at Y's end (one query), or why there is none. */
async function loadYearEnd(base: PageBase, year: number | null): Promise<LoadedReport> {
  if (year === null)
    throw new HttpError(400, "year_end_without_year", yearEndWithoutYear("/report", base.frame.today));
  const kept = await loadYearEndReport(base.deps.meta, year);
  if (kept) {
    const years = withYear(kept.years, year);
    return { report: kept.report, years, base, yearEnd: { year, asOf: kept.asOf, shown: true } };
  }
  throw new HttpError(404, "no_year_end_copy", noYearEndCopy("/report", year, base.frame.today));
}
