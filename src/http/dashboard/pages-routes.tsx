import { type Context, Hono } from "hono";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { AppEnv } from "../../app";
import {
  type DeputyRecordRow,
  deputyDetail,
  deputyRecords,
  deputyRecordsCsv,
} from "../../domain/dashboard/deputy-records";
import { joinedContacts } from "../../domain/dashboard/practice-timeline";
import { parseYear } from "../../domain/dashboard/sample-request";
import { suggestionRows } from "../../domain/dashboard/suggestion-ref";
import { yearOfRow } from "../../domain/dashboard/year-report";
import { nameKey } from "../../domain/directory";
import { opinionRows } from "../../domain/evaluation/opinions";
import { mentionKey } from "../../domain/links/recipient-rows";
import { buildPracticeIndex } from "../../domain/practice/practice-index";
import { ledgerFromSummary } from "../../domain/summary/ledger-summary";
import { baseTabsContext } from "../../jobs/ledger-view";
import { loadDeputyYear } from "../../store/page-figures";
import { HttpError } from "../errors";
import { csv } from "../exports-routes";
import { FORM_DRAFT_JS } from "../links/form-draft-script";
import { LETTER_UPLOAD_JS } from "../links/letter-upload-script";
import { decidedMessage } from "./decisions-card";
import { DeputiesPage, DeputyPage } from "./deputies-page";
import { eraseFromPage, erasePage } from "./erase-page";
import { sendPage } from "./layout";
import { loadYearReport } from "./load-report";
import { loadUnitDetail } from "./load-unit";
import {
  loadCalendar,
  loadDeputyRecords,
  loadFrame,
  loadLedgerYears,
  loadMentioning,
  loadOverview,
  loadScoreboard,
  type PageBase,
} from "./load-view";
import { OverviewPage } from "./overview-page";
import { PRINT_JS } from "./print-script";
import { ReportPage } from "./report-page";
import { REPORT_CSS } from "./report-styles";
import { APP_CSS } from "./styles";
import { TABLES_JS } from "./table-script";
import { UnitPage, UnitsPage } from "./units-page";

const CSS_HEADERS = {
  "content-type": "text/css; charset=utf-8",
  "cache-control": "public, max-age=3600",
};

const JS_HEADERS = { ...CSS_HEADERS, "content-type": "text/javascript; charset=utf-8" };

/**
 * The stylesheets and the scripts (the reply form's upload, the link forms' draft keeper, the 打印 buttons, the wide tables' hint) are public (the
 * sign-in error page needs a stylesheet) and cached for an hour; the report's own stylesheet (its
 * print layout) is loaded by the report page only.
 */
export const assetRoutes = new Hono<AppEnv>()
  .get("/assets/app.css", (c) => c.body(APP_CSS, 200, CSS_HEADERS))
  .get("/assets/report.css", (c) => c.body(REPORT_CSS, 200, CSS_HEADERS))
  .get("/assets/letter-upload.js", (c) => c.body(LETTER_UPLOAD_JS, 200, JS_HEADERS))
  .get("/assets/form-draft.js", (c) => c.body(FORM_DRAFT_JS, 200, JS_HEADERS))
  .get("/assets/print.js", (c) => c.body(PRINT_JS, 200, JS_HEADERS))
  .get("/assets/tables.js", (c) => c.body(TABLES_JS, 200, JS_HEADERS));

/** `?year=` as /suggestions and the year report read it (blank or 全部 = every year); a bad one is a 400. */
function yearAsked(raw: string | undefined): number | null {
  const year = parseYear(raw);
  if (!year.ok) throw new HttpError(400, year.code, year.message);
  return year.value;
}

/** More suggestions than any office submits in a year: D1's list then gives the whole year at once. */
const WHOLE_YEAR = 1_000_000;

/**
 * The deputies' records of `year` (null: every year), as the last sync's finish stored them (one
 * value a year). Else (a year without suggestions, a sync still finishing) worked out from that
 * year's rows alone: D1 picks their facts as the suggestions list's 年度 filter does (rows with a
 * 编号, 年 of 提出日期), a thousand rows' worth of parsing in a busy year.
 */
async function recordsOf(
  c: Context<AppEnv>,
  base: PageBase,
  year: number | null,
): Promise<readonly DeputyRecordRow[]> {
  if (year === null) return loadDeputyRecords(c, base);
  const stored = await loadDeputyYear(base.deps.meta, base.summaryVersion, year);
  if (stored) return stored;
  const [listed, context] = await Promise.all([
    base.deps.summaries.listFacts({ status: null, text: "", year, offset: 0, limit: WHOLE_YEAR }),
    baseTabsContext(base.deps.tabCache),
  ]);
  const today = base.summaryToday ?? base.frame.today;
  const evaluation = ledgerFromSummary({ rows: listed.rows, context, today, problems: [] });
  return deputyRecords(evaluation, year);
}

/** Overview, unit scoreboard, deputies' records and the year report: read D1, compute, render. */
export const pagesRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const base = await loadFrame(c);
    const [figures, objections, calendar] = await Promise.all([
      loadOverview(c, base),
      base.deps.objections.open(),
      loadCalendar(base),
    ]);
    return sendPage(
      c,
      <OverviewPage
        figures={figures}
        frame={base.frame}
        objections={objections}
        isUnit={base.isUnit}
        calendar={calendar}
        done={decidedMessage(c.req.query(), base.frame.timeZone)}
      />,
    );
  })
  .get("/units", async (c) => {
    const base = await loadFrame(c);
    return sendPage(c, <UnitsPage board={await loadScoreboard(c, base)} frame={base.frame} />);
  })
  .get("/units/:name", async (c) => {
    const base = await loadFrame(c);
    const name = c.req.param("name");
    const [detail, calendar] = await Promise.all([loadUnitDetail(c, base, name), loadCalendar(base)]);
    if (!detail) throw new HttpError(404, "unknown_unit", `没有承办单位“${name}”：请从承办单位列表中选择`);
    return sendPage(
      c,
      <UnitPage detail={detail} frame={base.frame} isUnit={base.isUnit} calendar={calendar} />,
    );
  })
  .get("/deputies", async (c) => {
    const year = yearAsked(c.req.query("year"));
    const base = await loadFrame(c);
    const [rows, years] = await Promise.all([recordsOf(c, base, year), loadLedgerYears(base)]);
    return sendPage(c, <DeputiesPage rows={rows} year={year} years={years} frame={base.frame} />);
  })
  // The records table as on the page (of the 年度 asked for), for Excel or WPS. Here, not in
  // /exports' module, so the page and its file load the records the same way.
  .get("/exports/deputies.csv", async (c) => {
    const year = yearAsked(c.req.query("year"));
    const base = await loadFrame(c);
    const rows = await recordsOf(c, base, year);
    const of = year === null ? "" : `${year}年度`;
    const today = base.frame.today;
    return csv(
      c,
      deputyRecordsCsv(rows),
      `deputies-${year ?? "all"}-${today}.csv`,
      `${of}代表履职档案-${today}.csv`,
    );
  })
  .get("/deputies/:name", async (c) => {
    const year = yearAsked(c.req.query("year"));
    const base = await loadFrame(c);
    const name = c.req.param("name");
    // The deputy's own rows (led and co-signed) are all the record counts.
    const mentioning = await loadMentioning(c, base, mentionKey("deputy", name));
    const detail = deputyDetail(mentioning, name, year);
    if (!detail) throw new HttpError(404, "unknown_deputy", `没有代表“${name}”：请从代表列表中选择`);
    // 民意 (small) whole, and only the 沟通记录 rows of the deputy's led suggestions.
    const ledIds = detail.led.map((r) => r.id);
    const [opinionsTab, contactsTab] = await Promise.all([
      base.deps.tabCache.load([TAB_NAMES.opinions]),
      base.deps.tabCache.loadRowsOf([TAB_NAMES.contacts], ledIds),
    ]);
    const key = nameKey(detail.row.name);
    const ofYear = (date: string | null | undefined) => year === null || Number(date?.slice(0, 4)) === year;
    const led = suggestionRows(mentioning).filter(
      (r) => nameKey(r.record.leadDeputy) === key && (year === null || yearOfRow(r) === year),
    );
    const practice = {
      // Of the year asked for, by 日期 as the year report counts the opinions received.
      opinions: opinionRows(opinionsTab[TAB_NAMES.opinions]).filter(
        (o) => nameKey(o.record.deputy) === key && ofYear(o.record.date),
      ),
      contacts: joinedContacts(led, buildPracticeIndex(contactsTab, new Set(ledIds))),
    };
    // The view's own 承办单位 (the small tabs it was built with): no read more.
    return sendPage(
      c,
      <DeputyPage detail={detail} practice={practice} year={year} frame={base.frame} isUnit={base.isUnit} />,
    );
  })
  // 清除个人信息 of a person who left (docs/deploy.md §15a), behind a confirmation page.
  .get("/deputies/:name/erase", (c) => erasePage(c, "deputy"))
  .post("/deputies/:name/erase", (c) => eraseFromPage(c, "deputy"))
  .get("/units/:name/erase", (c) => erasePage(c, "unit"))
  .post("/units/:name/erase", (c) => eraseFromPage(c, "unit"))
  .get("/leaders/:name/erase", (c) => erasePage(c, "leader"))
  .post("/leaders/:name/erase", (c) => eraseFromPage(c, "leader"))
  .get("/report", async (c) => {
    const { report, years, base, yearEnd } = await loadYearReport(c);
    return sendPage(c, <ReportPage report={report} years={years} frame={base.frame} yearEnd={yearEnd} />);
  });
