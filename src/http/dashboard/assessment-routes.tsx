import { Hono } from "hono";
import type { AppEnv } from "../../app";
import { commendations, DEFAULT_TOP } from "../../domain/evaluation/commendations";
import { HttpError } from "../errors";
import { AssessmentPage, CommendationsPage } from "./assessment-page";
import { sendPage } from "./layout";
import { loadAssessment } from "./load-assessment";

/** `?top=` of the commendations draft: 1–50, DEFAULT_TOP when absent. */
function parseTop(raw: string | undefined): number {
  const text = (raw ?? "").trim();
  if (text === "") return DEFAULT_TOP;
  if (!/^\d{1,2}$/.test(text) || Number(text) < 1 || Number(text) > 50)
    throw new HttpError(400, "invalid_top", `先进单位名次须为 1–50 的整数，收到“${text.slice(0, 20)}”`);
  return Number(text);
}

/** 单位测评 (ranking and breakdowns) and the draft commendations for the 主任会议. */
export const assessmentRoutes = new Hono<AppEnv>()
  .get("/assessment", async (c) => {
    const { base, assessment, years, settings } = await loadAssessment(c);
    return sendPage(c, <AssessmentPage data={{ assessment, years, ...settings }} frame={base.frame} />);
  })
  .get("/assessment/commendations", async (c) => {
    const top = parseTop(c.req.query("top"));
    const { base, assessment, years, excellent } = await loadAssessment(c);
    return sendPage(
      c,
      <CommendationsPage
        data={commendations(assessment, top, excellent)}
        years={years}
        frame={base.frame}
        isUnit={base.isUnit}
      />,
    );
  });
