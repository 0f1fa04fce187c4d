import { type Context, Hono } from "hono";
import type { AppEnv } from "../app";
import { createDeps } from "../deps";
import {
  type ConfirmedVisit,
  poolFigures,
  storedVisits,
  visitedIds,
  visitsTakenBack,
} from "../domain/dashboard/sample-candidates";
import {
  AT_LEAST_ONE,
  parseSampleRequest,
  parseYear,
  REPLIED_FROM,
  REPLIED_TO,
  type SampleRequest,
} from "../domain/dashboard/sample-request";
import {
  type LatestReply,
  latestReply,
  visitProgress,
  visitProgressText,
} from "../domain/dashboard/sampling";
import type { EvaluatedRow } from "../domain/summary/evaluated";
import { baseTabsContext, rowsWithIds } from "../jobs/ledger-view";
import type { StoredSample } from "../store/samples";
import { sendPage } from "./dashboard/layout";
import { loadDrawable, loadFrame, loadSamplingCounts, type PageBase } from "./dashboard/load-view";
import { SamplePage } from "./dashboard/sample-page";
import {
  confirmSample,
  discardReasonFrom,
  discardReplaced,
  discardSample,
  drawAndStore,
  findSample,
  overlapOf,
  type Refusal,
  readSinceOf,
  sampleView,
} from "./dashboard/sampling-actions";
import type { FieldError, SamplingForm } from "./dashboard/sampling-form";
import { SamplingPage } from "./dashboard/sampling-page";
import { HttpError } from "./errors";

const RECENT_SAMPLES = 50;

type Pool = Awaited<ReturnType<typeof loadPool>>;

/**
 * The suggestions that may be drawn (as the last sync stored them), those confirmed samples visited
 * (`confirmed`), and of those the ones still visited (`inEffect`: less those staff set back to 否
 * in the sheet since, visitsTakenBack).
 */
async function loadPool(base: PageBase, c: Context<AppEnv>) {
  const [drawable, confirmed] = await Promise.all([
    loadDrawable(c, base),
    base.deps.samples.confirmedVisits(),
  ]);
  const back = visitsTakenBack(storedVisits(drawable), confirmed, readSinceOf(base));
  const inEffect: ReadonlyMap<string, ConfirmedVisit> =
    back.size === 0 ? confirmed : new Map([...confirmed].filter(([id]) => !back.has(id)));
  return { drawable, confirmed, inEffect };
}

/** A draw from the suggestions that may be drawn, as the last sync stored them (no row is read). */
async function draw(base: PageBase, { drawable, inEffect }: Pool, request: SampleRequest) {
  return drawAndStore(base, drawable, inEffect, request);
}

/** A sample's drawn suggestions as they are now (their rows only), and whether it is reproducible. */
async function viewOf(c: Context<AppEnv>, base: PageBase, sample: StoredSample) {
  const [{ drawable, confirmed }, rows] = await Promise.all([
    loadPool(base, c),
    rowsWithIds(
      base.deps.summaries,
      sample.strata.flatMap((s) => s.drawn),
    ),
  ]);
  return { rows, ...sampleView(base, drawable, rows, sample, confirmed) };
}

/** The latest reply of each 编号 among `rows` (the drawn ones' rows). */
function repliesOf(rows: readonly EvaluatedRow[]): Map<string, LatestReply> {
  return new Map(rows.filter((r) => !r.blank && r.id).map((r) => [r.id as string, latestReply(r.record)]));
}

/**
 * What a sample's page and the list handed to the visiting team show: the drawn suggestions as they
 * are now, their latest replies, and 承办单位's names in tab order (the small tabs' context, built
 * once per isolate and tab version: one D1 lookup of the versions when nothing changed).
 */
export async function loadSampleList(c: Context<AppEnv>, base: PageBase, sample: StoredSample) {
  const [{ rows, drawn, reproducible }, context] = await Promise.all([
    viewOf(c, base, sample),
    baseTabsContext(base.deps.tabCache),
  ]);
  return {
    drawn,
    reproducible,
    replies: repliesOf(rows),
    units: context.units.entries.map((e) => e.name),
    progress: visitProgressText(
      visitProgress(
        sample.strata.flatMap((s) => s.drawn),
        rows,
      ),
    ),
  };
}

/** A sample's page (`list`: its list loaded already, else loaded here). */
async function samplePage(
  c: Context<AppEnv>,
  base: PageBase,
  sample: StoredSample,
  status: 200 | 409,
  list?: Awaited<ReturnType<typeof loadSampleList>>,
) {
  const { drawn, reproducible, replies, units, progress } = list ?? (await loadSampleList(c, base, sample));
  return sendPage(
    c,
    <SamplePage
      sample={sample}
      drawn={drawn}
      reproducible={reproducible}
      frame={base.frame}
      isUnit={base.isUnit}
      units={units}
      replies={replies}
      progress={progress}
    />,
    status,
  );
}

function requestFrom(fields: Record<string, unknown>): SampleRequest {
  const parsed = parseSampleRequest(fields);
  if (!parsed.ok)
    throw new HttpError(400, parsed.code, parsed.message, [{ field: parsed.field, message: parsed.message }]);
  return parsed.value;
}

const isRefusal = (drawn: StoredSample | Refusal): drawn is Refusal => "code" in drawn;

/** The form's fields as posted (strings only: a file field has no place here). */
function formFrom(body: Record<string, unknown>): SamplingForm {
  const text = (key: string) => (typeof body[key] === "string" ? (body[key] as string) : "");
  return {
    year: text("year"),
    mode: text("mode"),
    amount: text("amount"),
    seed: text("seed"),
    repliedFrom: text(REPLIED_FROM),
    repliedTo: text(REPLIED_TO),
    // An unticked box is not posted at all.
    atLeastOne: text(AT_LEAST_ONE),
  };
}

/** The form's values as a request, for the figures it states (null: not one yet, e.g. a bad field). */
function requestOf(form: SamplingForm): SampleRequest | null {
  const parsed = parseSampleRequest({ ...form });
  return parsed.ok ? parsed.value : null;
}

/**
 * The sampling form: blank (the current year, 30%, no 答复日期 range, 每个主办单位至少抽 1 件) or as
 * posted with the reason a draw was refused next to its field, so nothing chosen has to be chosen
 * again.
 */
async function formPage(
  c: Context<AppEnv>,
  base: PageBase,
  posted: { form: SamplingForm; error: FieldError; status: 400 | 409; pool: Pool } | null,
) {
  const [counts, samples, { drawable, confirmed, inEffect }] = await Promise.all([
    loadSamplingCounts(c, base),
    base.deps.samples.list(RECENT_SAMPLES),
    // A refused draw loaded these already: a page stays at a handful of D1 queries.
    posted?.pool ?? loadPool(base, c),
  ]);
  const thisYear = Number(base.frame.today.slice(0, 4));
  const defaultYear = counts.years.includes(thisYear) ? thisYear : (counts.years[0] ?? null);
  const form = posted?.form ?? {
    year: defaultYear === null ? "" : String(defaultYear),
    mode: "share",
    amount: "30",
    seed: "",
    repliedFrom: "",
    repliedTo: "",
    // On for a new draw: a unit with one or two replies would otherwise never be visited.
    atLeastOne: "1",
  };
  const chosen = parseYear(form.year);
  const poolYear = chosen.ok ? chosen.value : defaultYear;
  const asked = requestOf(form);
  return sendPage(
    c,
    <SamplingPage
      years={counts.years}
      form={form}
      poolYear={poolYear}
      pool={poolFigures(drawable, poolYear, visitedIds(drawable, inEffect.keys()), {
        range: asked?.replied,
        confirmed: new Set(confirmed.keys()),
      })}
      asked={asked}
      error={posted?.error ?? null}
      samples={samples}
      frame={base.frame}
    />,
    posted?.status ?? 200,
  );
}

/** /sampling: the form, a draw (POST, then 303 to the sample), a sample, and its confirmation. */
export const samplingRoutes = new Hono<AppEnv>()
  .get("/sampling", async (c) => formPage(c, await loadFrame(c), null))
  .post("/sampling", async (c) => {
    const body = await c.req.parseBody();
    const form = formFrom(body);
    const base = await loadFrame(c);
    const pool = await loadPool(base, c);
    const parsed = parseSampleRequest({ ...form });
    // 400 as a personal link's forms answer a bad field: the page again, the message by the field.
    if (!parsed.ok) return formPage(c, base, { form, error: parsed, status: 400, pool });
    const drawn = await draw(base, pool, parsed.value);
    if (isRefusal(drawn)) return formPage(c, base, { form, error: drawn, status: drawn.status, pool });
    // 重新抽取 from a draft that cannot be confirmed: that draft is thrown away, naming this one.
    if (typeof body.replaces === "string") await discardReplaced(base, body.replaces, drawn.id);
    return c.redirect(`/sampling/${drawn.id}`, 303);
  })
  .get("/sampling/:id", async (c) => {
    const base = await loadFrame(c);
    const sample = await findSample(base, c.req.param("id"));
    return samplePage(c, base, sample, 200);
  })
  .post("/sampling/:id/confirm", async (c) => {
    // Confirming writes 回访 = 是 by 编号 in the sheet: no stored row is read but the drawn ones'.
    const d = await loadFrame(c);
    const sample = await findSample(d, c.req.param("id"));
    // A second click on the button just shows the confirmed sample again.
    if (sample.status === "已确认") return c.redirect(`/sampling/${sample.id}`, 303);
    const list = await loadSampleList(c, d, sample);
    // Visited since the draw: the page again, with why it cannot be confirmed and what to do.
    if (sample.status === "待确认" && overlapOf(list.drawn).length > 0)
      return samplePage(c, d, sample, 409, list);
    await confirmSample(d, sample, list.drawn);
    return c.redirect(`/sampling/${sample.id}`, 303);
  })
  .post("/sampling/:id/discard", async (c) => {
    const d = await loadFrame(c);
    const sample = await findSample(d, c.req.param("id"));
    const reason = discardReasonFrom((await c.req.parseBody()).reason);
    // A second click on 作废 just shows the discarded sample again.
    if (sample.status !== "已作废") await discardSample(d, sample, reason);
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

/** A JSON object body that may be left out (an empty body reads as {}). */
async function optionalJsonBody(c: { req: { text(): Promise<string> } }): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  return jsonBody({ req: { json: async () => JSON.parse(text) } });
}

/** /api/samples: the same as JSON, for scripts. */
export const samplingApiRoutes = new Hono<AppEnv>()
  // The list reads the samples only: no row of the ledger.
  .get("/samples", async (c) => c.json({ samples: await createDeps(c.env).samples.list(RECENT_SAMPLES) }))
  .post("/samples", async (c) => {
    const request = requestFrom(await jsonBody(c));
    const base = await loadFrame(c);
    const drawn = await draw(base, await loadPool(base, c), request);
    if (isRefusal(drawn)) throw new HttpError(drawn.status, drawn.code, drawn.message);
    return c.json({ sample: drawn }, 201);
  })
  .get("/samples/:id", async (c) => {
    const base = await loadFrame(c);
    const sample = await findSample(base, c.req.param("id"));
    const { drawn, reproducible } = await viewOf(c, base, sample);
    return c.json({ sample, drawn, reproducible });
  })
  .post("/samples/:id/confirm", async (c) => {
    const d = await loadFrame(c);
    const found = await findSample(d, c.req.param("id"));
    // Only a draft needs its suggestions as they are now (to refuse one visited since the draw).
    const drawn = found.status === "待确认" ? (await viewOf(c, d, found)).drawn : [];
    const sample = await confirmSample(d, found, drawn);
    return c.json({ sample });
  })
  // {"reason": "…"} optional; 409 for a sample confirmed or thrown away already.
  .post("/samples/:id/discard", async (c) => {
    const d = await loadFrame(c);
    const found = await findSample(d, c.req.param("id"));
    const reason = discardReasonFrom((await optionalJsonBody(c)).reason);
    return c.json({ sample: await discardSample(d, found, reason) });
  });
