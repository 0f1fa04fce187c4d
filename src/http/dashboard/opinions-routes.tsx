import { Hono } from "hono";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { AppEnv } from "../../app";
import { parseYear } from "../../domain/dashboard/sample-request";
import { convertedIds, opinionRows, summarizeOpinions } from "../../domain/evaluation/opinions";
import { conversionRefusal, convertOpinion, deputyDirectory } from "../../jobs/opinions/convert-opinion";
import { HttpError } from "../errors";
import { sendPage } from "./layout";
import { loadFrame } from "./load-view";
import { type OpinionsNotice, OpinionsPage } from "./opinions-page";

const KEY = /^[0-9a-f]{16}$/;
const ID = /^[\p{L}\p{N}\-_/]{1,40}$/u;

/**
 * 民意: the list from the sync's cached copy (one D1 read), counted as the year report counts it
 * (summarizeOpinions): the 建议编号 of converted rows are asked of the stored ledger's index at
 * once (idsHeld, one more D1 read only when some row is converted); and “转化为建议”.
 */
export const opinionsRoutes = new Hono<AppEnv>()
  .get("/opinions", async (c) => {
    const year = parseYear(c.req.query("year"));
    if (!year.ok) throw new HttpError(400, year.code, year.message);
    const base = await loadFrame(c);
    const cached = await base.deps.tabCache.load([TAB_NAMES.opinions, TAB_NAMES.deputies]);
    const rows = opinionRows(cached[TAB_NAMES.opinions]);
    const ids = convertedIds(rows);
    const held = ids.length > 0 ? await base.deps.summaries.idsHeld(ids) : null;
    const knownId = held ? (id: string) => held.has(id) : null;
    const data = summarizeOpinions(rows, year.value, knownId, base.frame.today);
    // The post's own check, against 代表 as the last sync cached it: a row it would refuse gets
    // the reason instead of a button.
    const deputies = deputyDirectory(cached[TAB_NAMES.deputies]);
    const converted = c.req.query("converted") ?? "";
    const notice: OpinionsNotice | null = ID.test(converted)
      ? { kind: c.req.query("already") === "1" ? "already" : "converted", id: converted }
      : null;
    return sendPage(
      c,
      <OpinionsPage
        data={data}
        year={year.value}
        notice={notice}
        refusalOf={(r) => conversionRefusal(r, deputies)}
        frame={base.frame}
      />,
    );
  })
  .post("/opinions/convert", async (c) => {
    const form = await c.req.parseBody();
    const key = typeof form.key === "string" ? form.key : "";
    const row = Number(form.row);
    if (!KEY.test(key) || !Number.isInteger(row) || row < 2)
      throw new HttpError(400, "invalid_opinion", "请从『民意』页面点击“转化为建议”");
    const base = await loadFrame(c);
    const result = await convertOpinion(base.deps, { key, row }, base.frame.today, base.nowMs);
    if (result.kind === "gone") throw new HttpError(409, "opinion_changed", result.message);
    const already = result.kind === "already" ? "&already=1" : "";
    return c.redirect(`/opinions?converted=${encodeURIComponent(result.id)}${already}`, 303);
  });
