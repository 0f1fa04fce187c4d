import { Hono } from "hono";
import type { AppEnv } from "../../app";
import { visitFormEntries, visitProgress } from "../../domain/dashboard/sampling";
import { loadRow } from "../../domain/summary/summary-row";
import { baseTabsContext } from "../../jobs/ledger-view";
import { loadRowsWithIds } from "../../store/rows-with-ids";
import { HttpError } from "../errors";
import { sendPage } from "./layout";
import { loadFrame } from "./load-view";
import { findSample } from "./sampling-actions";
import { VISIT_FORM_CSS, VISIT_FORM_CSS_PATH, VisitFormPage } from "./visit-form-page";

/**
 * /sampling/:id/visit-form, the 回访登记表 of a sample (draft or confirmed), and its stylesheet. The
 * drawn suggestions' rows whole (D1 picks them by 编号: one batch), 代表 and 承办单位 from the small
 * tabs' context the isolate keeps: a few D1 queries whatever the sample's size, no Sheets call.
 * Staff only (behind the sign-in, as every dashboard page); the page holds phone numbers, so no
 * cache keeps it and no search engine lists it.
 */
export const visitFormRoutes = new Hono<AppEnv>()
  // Public as every /assets file (sign-in.tsx isPublicPath): a stylesheet, no data.
  .get(VISIT_FORM_CSS_PATH, (c) =>
    c.body(VISIT_FORM_CSS, 200, {
      "content-type": "text/css; charset=utf-8",
      "cache-control": "public, max-age=3600",
    }),
  )
  .get("/sampling/:id/visit-form", async (c) => {
    const base = await loadFrame(c);
    const sample = await findSample(base, c.req.param("id"));
    if (sample.status === "已作废")
      throw new HttpError(
        409,
        "sample_discarded",
        `第 ${sample.id} 次抽样已作废，不能打印回访登记表：请打开“抽样回访”中有效的抽样`,
      );
    const drawn = sample.strata.flatMap((s) => s.drawn.map((id) => ({ id, unit: s.unit })));
    const ids = drawn.map((d) => d.id);
    const [stored, context] = await Promise.all([
      loadRowsWithIds(c.env.DB, ids),
      baseTabsContext(base.deps.tabCache),
    ]);
    const rows = stored.map(loadRow);
    c.header("Cache-Control", "private, no-store");
    c.header("X-Robots-Tag", "noindex, nofollow");
    return sendPage(
      c,
      <VisitFormPage
        sample={sample}
        entries={visitFormEntries(drawn, rows, context)}
        progress={visitProgress(ids, rows)}
        frame={base.frame}
      />,
    );
  });
