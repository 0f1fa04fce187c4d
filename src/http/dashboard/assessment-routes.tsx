import { Hono } from "hono";
import type { AppEnv } from "../../app";
import { type AsOf, pendingRounds, reportAwaiting } from "../../domain/dashboard/year-report-as-of";
import { commendations, DEFAULT_TOP } from "../../domain/evaluation/commendations";
import { loadStoredReport } from "../../store/page-figures";
import { HttpError } from "../errors";
import { AssessmentPage, CommendationsPage } from "./assessment-page";
import { sendPage } from "./layout";
import { loadAssessment } from "./load-assessment";
import type { PageBase } from "./load-view";
import { syncedAtOf } from "./report-page";

/** `?top=` of the commendations draft: 1–50, DEFAULT_TOP when absent. */
function parseTop(raw: string | undefined): number {
  const text = (raw ?? "").trim();
  if (text === "") return DEFAULT_TOP;
  if (!/^\d{1,2}$/.test(text) || Number(text) < 1 || Number(text) > 50)
    throw new HttpError(400, "invalid_top", `先进单位名次须为 1–50 的整数，收到“${text.slice(0, 20)}”`);
  return Number(text);
}

/**
 * As of when a year's ranking is counted: the stored summary's day and the frame's last sync. Once
 * the year is over, how many of its suggestions are still within their 办理期限 (they move the
 * ranking as they fall due) comes from the year's stored report, one meta read; before then the
 * year's not being over says enough, and nothing more is read.
 */
export async function assessmentAsOf(base: PageBase, year: number): Promise<AsOf> {
  const today = base.summaryToday ?? base.frame.today;
  const stored =
    today > `${year}-12-31` ? await loadStoredReport(base.deps.meta, base.summaryVersion, year) : null;
  return {
    year,
    today,
    syncedAt: syncedAtOf(base.frame),
    pending: stored ? pendingRounds(stored.report.overall) : null,
    ...(stored ? { awaiting: reportAwaiting(stored.report) } : {}),
  };
}

/** 单位测评 (ranking and breakdowns) and the draft commendations for the 主任会议. */
export const assessmentRoutes = new Hono<AppEnv>()
  .get("/assessment", async (c) => {
    const { base, assessment, years, settings } = await loadAssessment(c);
    const asOf = await assessmentAsOf(base, assessment.year);
    return sendPage(
      c,
      <AssessmentPage data={{ assessment, years, ...settings }} frame={base.frame} asOf={asOf} />,
    );
  })
  .get("/assessment/commendations", async (c) => {
    const top = parseTop(c.req.query("top"));
    const { base, assessment, years, excellent } = await loadAssessment(c);
    const asOf = await assessmentAsOf(base, assessment.year);
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
