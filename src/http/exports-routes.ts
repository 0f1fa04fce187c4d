import { type Context, Hono } from "hono";
import type { AppEnv } from "../app";
import { toCsv } from "../domain/dashboard/csv";
import { LEDGER_EXPORT_HEAD } from "../domain/dashboard/ledger-export";
import { reportDocx } from "../domain/dashboard/report-docx";
import { visitListTable } from "../domain/dashboard/sampling";
import { scoreboardTable } from "../domain/dashboard/scoreboard";
import { asOfLine, YEAR_END } from "../domain/dashboard/year-report-as-of";
import { yearReportJson, yearReportTable } from "../domain/dashboard/year-report-export";
import { assessmentTable } from "../domain/evaluation/assessment-view";
import { filtersNothing, listFilterOf, type SuggestionsFilter } from "./dashboard/list-filter";
import { loadAssessment } from "./dashboard/load-assessment";
import { loadYearReport } from "./dashboard/load-report";
import { loadFrame, loadScoreboard } from "./dashboard/load-view";
import { syncedAtOf } from "./dashboard/report-page";
import { visitList } from "./dashboard/sample-page";
import { findSample } from "./dashboard/sampling-actions";
import { HttpError } from "./errors";
import { loadSampleList } from "./sampling-routes";

/** An attachment with an ASCII fallback name and the Chinese name (RFC 6266 / 5987). */
function attachment(ascii: string, chinese: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`;
}

/**
 * The names of the export of a filtered list, saying what it holds: 建议台账-2026年-已逾期-2026-12-07.csv.
 * A search's text loses the characters a file name cannot hold (Windows').
 */
function ledgerFileNames(filter: SuggestionsFilter, today: string): { ascii: string; chinese: string } {
  const searched = filter.text.replace(/[\\/:*?"<>|\s]+/g, "_");
  const parts = [
    filter.year === null ? null : `${filter.year}年`,
    filter.status,
    searched ? `含“${searched}”` : null,
  ].filter(Boolean);
  const ascii = [filter.year ?? "all", filter.status || filter.text ? "filtered" : null].filter(Boolean);
  return {
    ascii: `ledger-${ascii.join("-")}-${today}.csv`,
    chinese: `建议台账-${parts.join("-")}-${today}.csv`,
  };
}

/** A CSV file to download, named `ascii` for old clients and `chinese` for the others. */
export function csv(
  c: Context<AppEnv>,
  text: string | ReadableStream | Uint8Array<ArrayBuffer>,
  ascii: string,
  chinese: string,
): Response {
  return c.body(text, 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": attachment(ascii, chinese),
  });
}

/**
 * The report `?year=` asks for, and with `?asOf=year-end` its year-end copy: then `kept` is its
 * as-of line (“统计截至 2027-01-01（年末数字）”), which each export says.
 */
async function reportFor(c: Context<AppEnv>) {
  const loaded = await loadYearReport(c);
  const copy = loaded.yearEnd?.shown ? loaded.yearEnd : null;
  const kept = copy ? asOfLine({ today: copy.asOf, syncedAt: null, yearEnd: copy.year }, (d) => d) : null;
  return { ...loaded, kept };
}

/**
 * /exports: CSV (UTF-8 with BOM, so Excel and WPS open Chinese correctly) of the ledger with its
 * computed columns, of the unit scoreboard and of a sample's list for the visiting team; the year
 * report as CSV, JSON and a Word draft (.docx). Errors are JSON.
 */
export const exportsRoutes = new Hono<AppEnv>()
  // The rows' lines were written by the sync with each part (days left as of its day): streamed
  // here from R2 (the whole file the finish joined, or each part's copy) or D1, so a megabyte of
  // ledger costs the Worker no strings.
  // With the suggestions list's filters (?year=&status=&q=, read as the list reads them): the rows
  // that list shows, every page of it, in its order, each line cut from the same stored bytes.
  .get("/ledger.csv", async (c) => {
    const filter = listFilterOf((name) => c.req.query(name));
    const d = await loadFrame(c);
    const today = d.frame.today;
    if (filtersNothing(filter)) {
      const body = await d.deps.summaries.streamCsv(LEDGER_EXPORT_HEAD);
      return csv(c, body, `ledger-${today}.csv`, `建议台账-${today}.csv`);
    }
    const body = await d.deps.summaries.csvOf(LEDGER_EXPORT_HEAD, filter);
    const names = ledgerFileNames(filter, today);
    return csv(c, body, names.ascii, names.chinese);
  })
  .get("/units.csv", async (c) => {
    const base = await loadFrame(c);
    const today = base.frame.today;
    const table = scoreboardTable(await loadScoreboard(c, base));
    return csv(c, toCsv(table), `units-${today}.csv`, `承办单位办理情况-${today}.csv`);
  })
  // With `?asOf=year-end` the year's 单位测评 as kept at its end, saying so on its last line.
  .get("/assessment.csv", async (c) => {
    const { base, assessment, yearEnd } = await loadAssessment(c);
    const table = assessmentTable([assessment]);
    const year = assessment.year;
    if (yearEnd)
      table.push([`统计口径：${asOfLine({ today: yearEnd.asOf, syncedAt: null, yearEnd: year }, (d) => d)}`]);
    const kept = yearEnd ? "-年末数字" : "";
    const name = `${year}年度承办单位测评${kept}-${yearEnd?.asOf ?? base.frame.today}.csv`;
    return csv(c, toCsv(table), `assessment-${year}${yearEnd ? "-year-end" : ""}.csv`, name);
  })
  // A sample's list to hand to the team that visits the deputies (抽样回访): the page's table.
  .get("/samples/:file{[0-9]+\\.csv}", async (c) => {
    const base = await loadFrame(c);
    const sample = await findSample(base, c.req.param("file").slice(0, -".csv".length));
    // A discarded draft's list is no one's to visit (its page offers no CSV either).
    if (sample.status === "已作废")
      throw new HttpError(
        409,
        "sample_discarded",
        `第 ${sample.id} 次抽样已作废，没有回访名单：请下载有效的抽样的名单`,
      );
    const { drawn, replies, units } = await loadSampleList(c, base, sample);
    const table = visitListTable(visitList(sample, drawn, replies, units));
    const today = base.frame.today;
    const name = `${sample.year === null ? "" : `${sample.year}年度`}抽样回访名单（第${sample.id}次抽样）-${today}.csv`;
    return csv(c, toCsv(table), `sample-${sample.id}-${today}.csv`, name);
  })
  .get("/report.csv", async (c) => {
    const { report, kept } = await reportFor(c);
    const table = yearReportTable(report);
    // The year-end copy says so under 统计日期 (the second line after 年度).
    if (kept) table.splice(3, 0, ["统计口径", kept]);
    const name = `${report.year}年代表建议办理情况${kept ? "-年末数字" : ""}-${report.today}.csv`;
    return csv(c, toCsv(table), `report-${report.year}${kept ? "-year-end" : ""}.csv`, name);
  })
  .get("/report.json", async (c) => {
    const { report, kept } = await reportFor(c);
    return c.json({ ...yearReportJson(report), ...(kept ? { asOf: YEAR_END, asOfLine: kept } : {}) });
  })
  // The Word draft of the 代表建议办理情况报告: the same figures, laid out as an official document.
  .get("/report.docx", async (c) => {
    const { report, base, yearEnd } = await reportFor(c);
    const copy = yearEnd?.shown ? yearEnd : null;
    const bytes = reportDocx(report, new Date(), copy ? null : syncedAtOf(base.frame), copy !== null);
    return c.body(bytes, 200, {
      "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": attachment(
        `report-${report.year}${copy ? "-year-end" : ""}.docx`,
        `关于${report.year}年代表建议办理情况的报告（初稿${copy ? "，年末数字" : ""}）.docx`,
      ),
    });
  });
