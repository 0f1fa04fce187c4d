import { Hono } from "hono";
import type { AppEnv } from "../../app";
import type { YearReport } from "../../domain/dashboard/year-report";
import { pendingRounds, reportAwaiting } from "../../domain/dashboard/year-report-as-of";
import { commendations, DEFAULT_TOP } from "../../domain/evaluation/commendations";
import { loadStoredReportAndYearEnd } from "../../store/page-figures";
import { HttpError } from "../errors";
import { type AssessmentAsOf, AssessmentPage, CommendationsPage } from "./assessment-page";
import { sendPage } from "./layout";
import { type AssessmentView, loadAssessment } from "./load-assessment";
import { syncedAtOf } from "./report-page";

/** `?top=` of the commendations draft: 1–50, DEFAULT_TOP when absent. */
function parseTop(raw: string | undefined): number {
  const text = (raw ?? "").trim();
  if (text === "") return DEFAULT_TOP;
  if (!/^\d{1,2}$/.test(text) || Number(text) < 1 || Number(text) > 50)
    throw new HttpError(400, "invalid_top", `先进单位名次须为 1–50 的整数，收到“${text.slice(0, 20)}”`);
  return Number(text);
}

/** What was still open in a year's report (null: not known). */
const openIn = (report: YearReport | null) =>
  report ? { pending: pendingRounds(report.overall), awaiting: reportAwaiting(report) } : { pending: null };

/**
 * As of when a year's ranking is counted: the stored summary's day and the frame's last sync. Once
 * the year is over, how many of its suggestions are still within their 办理期限 (they move the
 * ranking as they fall due) comes from the year's stored report, and whether the year's 单位测评
 * was kept at its end from the same meta read; before then the year's not being over says enough,
 * and nothing more is read. The year-end copy (`?asOf=year-end`): the day it was kept, and what
 * its year's report kept that day had still open.
 */
export async function assessmentAsOf(view: AssessmentView): Promise<AssessmentAsOf> {
  const { base, yearEnd } = view;
  const year = view.assessment.year;
  if (yearEnd)
    return {
      year,
      today: yearEnd.asOf,
      syncedAt: null,
      ...openIn(yearEnd.report),
      yearEndCopy: { year, asOf: yearEnd.asOf, shown: true },
    };
  const today = base.summaryToday ?? base.frame.today;
  const read =
    today > `${year}-12-31`
      ? await loadStoredReportAndYearEnd(base.deps.meta, base.summaryVersion, year, "assessments")
      : null;
  const kept = read?.yearEndOf(year) ?? null;
  return {
    year,
    today,
    syncedAt: syncedAtOf(base.frame),
    ...openIn(read?.stored?.report ?? null),
    yearEndCopy: kept ? { year, asOf: kept, shown: false } : null,
  };
}

/** 单位测评 (ranking and breakdowns) and the draft commendations for the 主任会议. */
export const assessmentRoutes = new Hono<AppEnv>()
  .get("/assessment", async (c) => {
    const view = await loadAssessment(c);
    const { base, assessment, years, settings } = view;
    const asOf = await assessmentAsOf(view);
    return sendPage(
      c,
      <AssessmentPage data={{ assessment, years, ...settings }} frame={base.frame} asOf={asOf} />,
    );
  })
  .get("/assessment/commendations", async (c) => {
    const top = parseTop(c.req.query("top"));
    const view = await loadAssessment(c);
    const { base, assessment, years, excellent } = view;
    const asOf = await assessmentAsOf(view);
    return sendPage(
      c,
      <CommendationsPage
        data={commendations(assessment, top, excellent)}
        years={years}
        frame={base.frame}
        isUnit={base.isUnit}
        asOf={asOf}
      />,
    );
  });
