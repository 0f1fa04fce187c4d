import type { Context } from "hono";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { AppEnv } from "../../app";
import { COMMITTEE_TAB, OPINIONS_TAB } from "../../domain/dashboard/report-practice";
import { parseYear } from "../../domain/dashboard/sample-request";
import { reportYears, rowsOfYear, type YearReport, yearReport } from "../../domain/dashboard/year-report";
import { HttpError } from "../errors";
import { type Dashboard, loadDashboard } from "./load-view";

export interface LoadedReport {
  readonly report: YearReport;
  /** Years with suggestions, and the chosen one, latest first (the page's year picker). */
  readonly years: readonly number[];
  readonly dashboard: Dashboard;
}

/**
 * The year report of `?year=` (the latest year with suggestions when absent) from what the sync
 * stored: the rows' facts, D1's counts of the year's 沟通记录 (the Worker never parses that tab
 * here), and the 民意 and 常委会测评 tabs when the sheet keeps them. No evaluation, no Sheets call.
 */
export async function loadYearReport(c: Context<AppEnv>): Promise<LoadedReport> {
  const year = parseYear(c.req.query("year"));
  if (!year.ok) throw new HttpError(400, year.code, year.message);
  const d = await loadDashboard(c);
  const years = reportYears(d.evaluation);
  const chosen = year.value ?? years[0] ?? Number(d.frame.today.slice(0, 4));
  const ids = rowsOfYear(d.evaluation, chosen).flatMap((r) => (r.id ? [r.id] : []));
  const [groups, tabs] = await Promise.all([
    d.deps.tabCache.countRowsOf(TAB_NAMES.contacts, "编号", ids, ["阶段", "方式", "代表参加"]),
    d.deps.tabCache.load([OPINIONS_TAB, COMMITTEE_TAB]),
  ]);
  const report = yearReport(d.evaluation, chosen, {
    contactGroups:
      groups?.map((g) => ({
        stage: g.values[0] ?? "",
        method: g.values[1] ?? "",
        joined: g.values[2] ?? "",
        count: g.count,
      })) ?? null,
    opinions: tabs[OPINIONS_TAB],
    committee: tabs[COMMITTEE_TAB],
    // Issue 14 part A: the 单位测评 ranking of the year and the count of rows the statistics leave
    // out for an 错误 go here; the page, the exports and the .docx show them when they are given.
    assessment: null,
    excludedForErrors: null,
  });
  const shown = years.includes(chosen) ? years : [...years, chosen].sort((a, b) => b - a);
  return { report, years: shown, dashboard: d };
}
