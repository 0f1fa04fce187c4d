import { type Context, Hono } from "hono";
import type { AppEnv } from "../app";
import { toCsv } from "../domain/dashboard/csv";
import { LEDGER_EXPORT_HEADER } from "../domain/dashboard/ledger-export";
import { parseYear } from "../domain/dashboard/sample-request";
import { scoreboardTable, unitScoreboard } from "../domain/dashboard/scoreboard";
import { reportYears, yearReport, yearReportJson, yearReportTable } from "../domain/dashboard/year-report";
import { assessmentTable } from "../domain/evaluation/assessment-view";
import { loadAssessment } from "./dashboard/load-assessment";
import { loadDashboard, loadFrame } from "./dashboard/load-view";
import { HttpError } from "./errors";

/** An attachment with an ASCII fallback name and the Chinese name (RFC 6266 / 5987). */
function attachment(ascii: string, chinese: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`;
}

function csv(c: Context<AppEnv>, text: string, ascii: string, chinese: string): Response {
  return c.body(text, 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": attachment(ascii, chinese),
  });
}

async function reportFor(c: Context<AppEnv>) {
  const year = parseYear(c.req.query("year"));
  if (!year.ok) throw new HttpError(400, year.code, year.message);
  const d = await loadDashboard(c);
  const chosen = year.value ?? reportYears(d.evaluation)[0] ?? Number(d.frame.today.slice(0, 4));
  return yearReport(d.evaluation, chosen);
}

/**
 * /exports: CSV (UTF-8 with BOM, so Excel and WPS open Chinese correctly) of the ledger with its
 * computed columns and of the unit scoreboard; the year report as CSV and JSON. Errors are JSON.
 */
export const exportsRoutes = new Hono<AppEnv>()
  // The rows' lines were written by the sync with each part (days left as of its day): joined here.
  .get("/ledger.csv", async (c) => {
    const d = await loadFrame(c);
    const today = d.frame.today;
    const text = `${toCsv([LEDGER_EXPORT_HEADER])}${await d.deps.summaries.loadCsv()}`;
    return csv(c, text, `ledger-${today}.csv`, `建议台账-${today}.csv`);
  })
  .get("/units.csv", async (c) => {
    const d = await loadDashboard(c);
    const today = d.frame.today;
    const table = scoreboardTable(unitScoreboard(d.evaluation));
    return csv(c, toCsv(table), `units-${today}.csv`, `承办单位办理情况-${today}.csv`);
  })
  .get("/assessment.csv", async (c) => {
    const { d, assessment } = await loadAssessment(c);
    const name = `${assessment.year}年度承办单位测评-${d.frame.today}.csv`;
    return csv(c, toCsv(assessmentTable([assessment])), `assessment-${assessment.year}.csv`, name);
  })
  .get("/report.csv", async (c) => {
    const report = await reportFor(c);
    const name = `${report.year}年代表建议办理情况-${report.today}.csv`;
    return csv(c, toCsv(yearReportTable(report)), `report-${report.year}.csv`, name);
  })
  .get("/report.json", async (c) => c.json(yearReportJson(await reportFor(c))));
