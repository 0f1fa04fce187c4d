import { Hono } from "hono";
import type { AppEnv } from "../app";
import { createDeps } from "../deps";
import { candidatesIn } from "../domain/dashboard/sample-candidates";
import { parseSampleRequest, type SampleRequest } from "../domain/dashboard/sample-request";
import { sendPage } from "./dashboard/layout";
import { loadDashboard, loadFrame, loadSamplingCounts } from "./dashboard/load-view";
import { confirmSample, drawAndStore, findSample, sampleView } from "./dashboard/sampling-actions";
import { SamplePage, SamplingPage } from "./dashboard/sampling-page";
import { HttpError } from "./errors";

const RECENT_SAMPLES = 50;

function requestFrom(fields: Record<string, unknown>): SampleRequest {
  const parsed = parseSampleRequest(fields);
  if (!parsed.ok)
    throw new HttpError(400, parsed.code, parsed.message, [{ field: parsed.field, message: parsed.message }]);
  return parsed.value;
}

/** /sampling: the form, a draw (POST, then 303 to the sample), a sample, and its confirmation. */
export const samplingRoutes = new Hono<AppEnv>()
  .get("/sampling", async (c) => {
    const base = await loadFrame(c);
    const [counts, samples] = await Promise.all([
      loadSamplingCounts(c, base),
      base.deps.samples.list(RECENT_SAMPLES),
    ]);
    const thisYear = Number(base.frame.today.slice(0, 4));
    const defaultYear = counts.years.includes(thisYear) ? thisYear : (counts.years[0] ?? null);
    return sendPage(
      c,
      <SamplingPage
        years={counts.years}
        defaultYear={defaultYear}
        candidates={candidatesIn(counts, defaultYear)}
        samples={samples}
        frame={base.frame}
      />,
    );
  })
  .post("/sampling", async (c) => {
    const request = requestFrom(await c.req.parseBody());
    const sample = await drawAndStore(await loadDashboard(c), request);
    return c.redirect(`/sampling/${sample.id}`, 303);
  })
  .get("/sampling/:id", async (c) => {
    const d = await loadDashboard(c);
    const sample = await findSample(d, c.req.param("id"));
    const { drawn, reproducible } = sampleView(d, sample);
    return sendPage(
      c,
      <SamplePage sample={sample} drawn={drawn} reproducible={reproducible} frame={d.frame} />,
    );
  })
  .post("/sampling/:id/confirm", async (c) => {
    const d = await loadDashboard(c);
    const sample = await findSample(d, c.req.param("id"));
    // A second click on the button just shows the confirmed sample again.
    if (sample.status === "待确认") await confirmSample(d, sample);
    return c.redirect(`/sampling/${sample.id}`, 303);
  });

async function jsonBody(c: { req: { json(): Promise<unknown> } }): Promise<Record<string, unknown>> {
  try {
    const body = await c.req.json();
    if (body && typeof body === "object" && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // fall through to the one error below
  }
  throw new HttpError(400, "invalid_json", '请求体须为 JSON 对象，如 {"mode":"share","amount":30}');
}

/** /api/samples: the same as JSON, for scripts. */
export const samplingApiRoutes = new Hono<AppEnv>()
  // The list reads the samples only: no row of the ledger.
  .get("/samples", async (c) => c.json({ samples: await createDeps(c.env).samples.list(RECENT_SAMPLES) }))
  .post("/samples", async (c) => {
    const request = requestFrom(await jsonBody(c));
    const sample = await drawAndStore(await loadDashboard(c), request);
    return c.json({ sample }, 201);
  })
  .get("/samples/:id", async (c) => {
    const d = await loadDashboard(c);
    const sample = await findSample(d, c.req.param("id"));
    return c.json({ sample, ...sampleView(d, sample) });
  })
  .post("/samples/:id/confirm", async (c) => {
    const d = await loadDashboard(c);
    const sample = await confirmSample(d, await findSample(d, c.req.param("id")));
    return c.json({ sample });
  });
