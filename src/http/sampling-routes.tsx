import { type Context, Hono } from "hono";
import type { AppEnv } from "../app";
import { createDeps } from "../deps";
import { candidatesIn } from "../domain/dashboard/sample-candidates";
import { parseSampleRequest, type SampleRequest } from "../domain/dashboard/sample-request";
import { rowsWithIds } from "../jobs/ledger-view";
import type { StoredSample } from "../store/samples";
import { sendPage } from "./dashboard/layout";
import { loadDrawable, loadFrame, loadSamplingCounts, type PageBase } from "./dashboard/load-view";
import { confirmSample, drawAndStore, findSample, sampleView } from "./dashboard/sampling-actions";
import { SamplePage, SamplingPage } from "./dashboard/sampling-page";
import { HttpError } from "./errors";

const RECENT_SAMPLES = 50;

/** A draw from the suggestions that may be drawn, as the last sync stored them (no row is read). */
async function draw(c: Context<AppEnv>, request: SampleRequest) {
  const base = await loadFrame(c);
  return drawAndStore(base, await loadDrawable(c, base), request);
}

/** A sample's drawn suggestions as they are now (their rows only), and whether it is reproducible. */
async function viewOf(c: Context<AppEnv>, base: PageBase, sample: StoredSample) {
  const [drawable, rows] = await Promise.all([
    loadDrawable(c, base),
    rowsWithIds(
      base.deps.summaries,
      sample.strata.flatMap((s) => s.drawn),
    ),
  ]);
  return sampleView(base, drawable, rows, sample);
}

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
    const sample = await draw(c, requestFrom(await c.req.parseBody()));
    return c.redirect(`/sampling/${sample.id}`, 303);
  })
  .get("/sampling/:id", async (c) => {
    const base = await loadFrame(c);
    const sample = await findSample(base, c.req.param("id"));
    const { drawn, reproducible } = await viewOf(c, base, sample);
    return sendPage(
      c,
      <SamplePage
        sample={sample}
        drawn={drawn}
        reproducible={reproducible}
        frame={base.frame}
        isUnit={base.isUnit}
      />,
    );
  })
  .post("/sampling/:id/confirm", async (c) => {
    // Confirming writes 回访 = 是 by 编号 in the sheet: no stored row is read.
    const d = await loadFrame(c);
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
    const sample = await draw(c, requestFrom(await jsonBody(c)));
    return c.json({ sample }, 201);
  })
  .get("/samples/:id", async (c) => {
    const base = await loadFrame(c);
    const sample = await findSample(base, c.req.param("id"));
    return c.json({ sample, ...(await viewOf(c, base, sample)) });
  })
  .post("/samples/:id/confirm", async (c) => {
    const d = await loadFrame(c);
    const sample = await confirmSample(d, await findSample(d, c.req.param("id")));
    return c.json({ sample });
  });
