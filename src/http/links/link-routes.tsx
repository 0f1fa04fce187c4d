import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../../app";
import { deputyDetail } from "../../domain/dashboard/deputy-records";
import { allows } from "../../domain/links/capability";
import { checkRatingForm, checkReplyForm, checkSuggestionForm, one } from "../../domain/links/forms";
import { letterKey, letterKeySuggestion } from "../../domain/links/letters";
import type { RecipientRow } from "../../domain/links/recipient-rows";
import { earlierOfDeputy, repeatedMessage } from "../../domain/links/repeated-suggestion";
import { unitFiguresOf } from "../../domain/links/unit-figures";
import { LETTERS_UNAVAILABLE, letterMeta, linkSubmissionId, submitFromLink } from "../../jobs/links/submit";
import { urgeFromLink } from "../../jobs/links/urge";
import { localDate } from "../../jobs/local-time";
import { loadWholeRow } from "../../jobs/whole-row";
import { sendPage } from "../dashboard/layout";
import { HttpError } from "../errors";
import { type FormState, freshForm, REPLY_VERSION_FIELD, sentBackTo } from "./action-forms";
import { loadCoOpinionStates } from "./co-opinions";
import { deputyRecordRoute } from "./deputy-record-page";
import { ratedAnotherReply, replyAsItStands } from "./deputy-reply";
import { currentYear, DeputyHome, LeaderHome, UnitHome } from "./home-pages";
import { letterResponse } from "./letter-response";
import { receiveLetter } from "./letter-upload";
import { type LinkContext, linkSuggestion, loadLinkContext, mineById } from "./link-context";
import { linkGate } from "./link-gate";
import { suggestionPath } from "./link-ui";
import { PRACTICE_DONE, practiceAction } from "./practice-routes";
import { PROGRESS_DONE, progressAction } from "./progress-route";
import { SuggestPage } from "./suggest-page";
import {
  actionCheck,
  leaderMarks,
  nonceOf,
  renderSuggestion,
  requireOpen,
  sentAbout,
  sentMarks,
  textValues,
} from "./suggestion-page";
import { unitQuery } from "./unit-home-parts";
import {
  checkLetter,
  checkUploadedLetter,
  type LetterCheck,
  readForm,
  readReplyForm,
  tooLargeMessage,
} from "./upload";

const DONE: Record<string, string> = {
  reply: "答复已提交，正在写入台账；领衔代表会收到答复告知。",
  rating: "测评已提交，谢谢您！",
  urge: "催办通知已发出。",
  "urge-again": "您今天已经催办过这条建议，没有重复发送；如仍未答复，明天可以再次催办。",
  ...PRACTICE_DONE,
  ...PROGRESS_DONE,
};

/**
 * How many of the holder's last submissions its home page reads: what it sent since the last sync
 * (every 10 minutes) is far fewer; a unit sends more kinds of forms (its 协办 lists read them too).
 */
const SENT_LATELY = { unit: 50, deputy: 20 } as const;

function doneMessage(c: Context<AppEnv>): string | null {
  const done = c.req.query("done");
  if (done === "suggest")
    return `建议已提交，编号 ${c.req.query("id") ?? ""}。代表工委审查后将交有关单位办理，进展会通过通知告诉您。`;
  return done ? (DONE[done] ?? null) : null;
}

/**
 * A unit's reply (or its correction) is open now, as its page says (actionCheck): the row as of the
 * last sync, a reply the unit sent since (the form is then a correction), and for a correction no
 * rating of this round received since (the inbox has it before the next sync brings it into the row).
 */
async function requireReplyOpen(
  ctx: Pick<LinkContext, "deps" | "timeZone" | "view" | "link" | "today">,
  item: RecipientRow,
): Promise<void> {
  requireOpen(await actionCheck(ctx, "unit", item, await sentAbout(ctx, item)), item.relation === "lead");
}

/**
 * The pages and forms a personal link opens (`/l/<token>/…`); linkGate checks every request. One
 * pattern: hono's `/l/:token/*` matches the bare `/l/:token` too, and a second one for it had the
 * gate run (and count against the link's rate limit) twice on every view of a link's home page.
 */
export const linkRoutes = new Hono<AppEnv>()
  .use("/l/:token/*", linkGate)
  .get("/l/:token", async (c) => {
    const ctx = await loadLinkContext(c);
    const props = {
      frame: ctx.frame,
      base: ctx.base,
      today: ctx.today,
      mine: ctx.mine,
      calendar: ctx.view.evaluation.calendar,
      done: doneMessage(c),
    };
    // A leader's: the units' replies not in the last sync's ledger yet (one query for the list).
    if (ctx.link.kind === "leader")
      return sendPage(c, <LeaderHome {...props} marks={await leaderMarks(ctx, ctx.mine)} />);
    // What the holder sent lately, read once for the whole page: a reply or rating since the last
    // sync is on its card as on the suggestion's page (sentMarks), not the status it just answered.
    const sent = await ctx.deps.inbox.byActor(
      { kind: ctx.link.kind, name: ctx.link.recipient },
      { limit: SENT_LATELY[ctx.link.kind] },
    );
    const marks = sentMarks(ctx, ctx.mine, sent);
    if (ctx.link.kind === "unit") {
      const coOpinions = await loadCoOpinionStates(ctx, ctx.mine, sent);
      // The unit's line of /units, from the rows the link already read (no query of its own), for
      // the sync's day as /units counts it.
      const { evaluation } = ctx.view;
      const figures = unitFiguresOf(evaluation.rows, ctx.link.recipient, {
        today: evaluation.today,
        units: evaluation.units,
      });
      return sendPage(
        c,
        <UnitHome
          {...props}
          coOpinions={coOpinions}
          marks={marks}
          figures={figures}
          query={unitQuery(c.req.query("q"))}
        />,
      );
    }
    const inLedger = new Set(ctx.mine.map((m) => m.row.id));
    const waiting = sent.filter((e) => e.form === "suggestion" && !inLedger.has(e.suggestionId));
    // The current year's record, as its 履职档案 page (/record) opens on it.
    const year = currentYear(ctx.today);
    return sendPage(
      c,
      <DeputyHome
        {...props}
        year={year}
        record={deputyDetail(ctx.view.evaluation, ctx.link.recipient, year)?.row ?? null}
        waiting={waiting}
        canSubmit={allows(ctx.link, "submit")}
        marks={marks}
      />,
    );
  })
  .get("/l/:token/record", deputyRecordRoute)
  .get("/l/:token/s/:id", async (c) => {
    const ctx = await loadLinkContext(c);
    return renderSuggestion(c, ctx, (await linkSuggestion(ctx, c)).item, { done: doneMessage(c) });
  })
  .post("/l/:token/s/:id/reply", async (c) => {
    const ctx = await loadLinkContext(c, "reply");
    const { id, item } = await linkSuggestion(ctx, c);
    await requireReplyOpen(ctx, item);
    const { fields, file, tooLargeBytes, tooLargeKind } = await readReplyForm(c.req.raw, "答复函");
    const nonce = nonceOf(fields);
    const form = checkReplyForm(fields, ctx.today, item.row.record);
    // Over the limit, the file was never read: the form comes back with what was typed before it.
    const letter: LetterCheck | null =
      tooLargeBytes !== null
        ? { ok: false, status: 413, message: tooLargeMessage(tooLargeBytes, tooLargeKind ?? null) }
        : file
          ? await checkLetter(file)
          : await checkUploadedLetter(ctx.deps.letters, fields, id);
    const errors = [...(form.ok ? [] : form.errors), ...(letter && !letter.ok ? [letter.message] : [])];
    if (!form.ok || (letter && !letter.ok)) {
      const status = letter && !letter.ok ? letter.status : 400;
      const fieldErrors = {
        ...(form.ok ? {} : form.fields),
        ...(letter && !letter.ok ? { 答复函: [letter.message] } : {}),
      };
      const state = { nonce, values: textValues(fields), errors, fieldErrors };
      return renderSuggestion(c, ctx, item, { state, status });
    }
    const result = await submitFromLink(
      ctx.deps,
      ctx.link,
      "reply",
      nonce,
      { 编号: id, ...form.value },
      ctx.nowMs,
      letter?.ok ? letter : null,
    );
    if (result.kind === "invalid" || result.kind === "unavailable") {
      const state = { nonce, values: textValues(fields), errors: [result.message] };
      return renderSuggestion(c, ctx, item, { state, status: result.kind === "invalid" ? 400 : 503 });
    }
    return c.redirect(sentBackTo(`${suggestionPath(ctx.base, id)}?done=reply`), 303);
  })
  // The reply form's script sends the 答复函 here by itself first (no multipart for the Worker to
  // parse: the bytes are piped into R2), then posts the form with the key this answers.
  .put("/l/:token/s/:id/letter", async (c) => {
    // The holder's rows as its pages read them (D1 picks them by the recipient's index, about 300
    // for a unit; one 编号's rows through the parts' index would walk the whole index, 3,000).
    const ctx = await loadLinkContext(c, "reply");
    const { deps, link } = ctx;
    const { id, item } = await linkSuggestion(ctx, c);
    await requireReplyOpen(ctx, item);
    const submissionId = linkSubmissionId(nonceOf({ nonce: c.req.query("nonce") ?? "" }));
    const { letters } = deps;
    if (!letters || !deps.linkSettings) throw new HttpError(503, "letters_unavailable", LETTERS_UNAVAILABLE);
    if (await deps.inbox.find("reply", submissionId))
      throw new HttpError(409, "already_submitted", "这份答复已经提交：请刷新页面查看");
    let key = "";
    await receiveLetter(c.req.raw, c.req.query("name") ?? "", async (kind, body) => {
      key = letterKey(id, submissionId, kind.ext);
      await letters.put(key, body, letterMeta(link, kind, id, submissionId));
    });
    return c.json({ key }, 201);
  })
  .post("/l/:token/s/:id/rating", async (c) => {
    const ctx = await loadLinkContext(c, "rate");
    const { id, item } = await linkSuggestion(ctx, c);
    const fields = await readForm(c.req.raw);
    const nonce = nonceOf(fields);
    // The same form posted again is judged without its own entry, so it answers as the first did.
    const again = linkSubmissionId(nonce);
    const sent = (await sentAbout(ctx, item)).filter((e) => e.submissionId !== again);
    requireOpen(await actionCheck(ctx, "deputy", item, sent), item.relation === "lead");
    // Rated is the reply the form was shown: one the unit corrected since is read first (409, what
    // was typed kept, the page showing the reply as it now stands).
    const whole = await loadWholeRow(ctx.deps.summaries, item.row);
    const stands = await replyAsItStands(ctx, item.row, (whole ?? item.row).record);
    const changed = ratedAnotherReply(stands, one(fields, REPLY_VERSION_FIELD));
    if (changed) {
      const state = { nonce, values: textValues(fields), errors: [changed] };
      return renderSuggestion(c, ctx, item, { state, status: 409 });
    }
    const form = checkRatingForm(fields);
    if (!form.ok) {
      const state = { nonce, values: textValues(fields), errors: form.errors, fieldErrors: form.fields };
      return renderSuggestion(c, ctx, item, { state, status: 400 });
    }
    const result = await submitFromLink(
      ctx.deps,
      ctx.link,
      "rating",
      nonce,
      { 编号: id, 满意度: form.value.满意度, 测评日期: ctx.today, 测评意见: form.value.测评意见 },
      ctx.nowMs,
    );
    if (result.kind === "invalid" || result.kind === "unavailable") {
      const state = { nonce, values: textValues(fields), errors: [result.message] };
      return renderSuggestion(c, ctx, item, { state, status: 400 });
    }
    return c.redirect(sentBackTo(`${suggestionPath(ctx.base, id)}?done=rating`), 303);
  })
  .post("/l/:token/s/:id/urge", async (c) => {
    const ctx = await loadLinkContext(c, "urge");
    const { id, item } = await linkSuggestion(ctx, c);
    // Not once the unit has replied, in the ledger or in the inbox on its way there (actionCheck).
    requireOpen(
      await actionCheck(ctx, "leader", item, []),
      item.relation === "supervisor" || item.relation === "handling",
    );
    const whole = await loadWholeRow(ctx.deps.summaries, item.row);
    const result = await urgeFromLink(ctx.deps, {
      link: ctx.link,
      row: whole ?? item.row,
      relation: item.relation,
      evaluation: ctx.view.evaluation,
      today: ctx.today,
      timeZone: ctx.timeZone,
      nowMs: ctx.nowMs,
    });
    if (!result.ok) throw new HttpError(409, "urge_failed", result.message);
    return c.redirect(`${suggestionPath(ctx.base, id)}?done=${result.repeated ? "urge-again" : "urge"}`, 303);
  })
  .post("/l/:token/s/:id/extension", (c) => practiceAction(c, "extension"))
  .post("/l/:token/s/:id/contact", (c) => practiceAction(c, "contact"))
  .post("/l/:token/s/:id/co-opinion", (c) => practiceAction(c, "co-opinion"))
  .post("/l/:token/s/:id/objection", (c) => practiceAction(c, "objection"))
  .post("/l/:token/s/:id/progress", progressAction)
  .get("/l/:token/suggest", async (c) => {
    const ctx = await loadLinkContext(c, "submit");
    return renderSuggest(c, ctx, freshForm(), [], 200);
  })
  .post("/l/:token/suggest", async (c) => {
    const ctx = await loadLinkContext(c, "submit");
    const fields = await readForm(c.req.raw);
    const nonce = nonceOf(fields);
    const ev = ctx.view.evaluation;
    const names = ev.deputies.entries.map((e) => e.name);
    const form = checkSuggestionForm(fields, ctx.link.recipient, ev.settings.categories, names);
    const picked = Array.isArray(fields.附议代表)
      ? [...fields.附议代表]
      : fields.附议代表
        ? [String(fields.附议代表)]
        : [];
    if (!form.ok) {
      const state = { nonce, values: textValues(fields), errors: form.errors, fieldErrors: form.fields };
      return renderSuggest(c, ctx, state, picked, 400);
    }
    // The same form sent again lands once (submitFromLink); a new form with a title the deputy
    // already submitted (a page reloaded after submitting) would be a second 编号.
    if (!(await ctx.deps.inbox.find("suggestion", linkSubmissionId(nonce)))) {
      const sent = await ctx.deps.inbox.byActor({ kind: "deputy", name: ctx.link.recipient }, { limit: 20 });
      const led = ctx.mine.filter((m) => m.relation === "lead").map((m) => m.row);
      const earlier = earlierOfDeputy(form.value.标题, led, sent, (iso) =>
        localDate(Date.parse(iso), ctx.timeZone),
      );
      if (earlier)
        return renderSuggest(
          c,
          ctx,
          { nonce, values: textValues(fields), errors: [repeatedMessage(earlier)] },
          picked,
          409,
        );
    }
    const result = await submitFromLink(
      ctx.deps,
      ctx.link,
      "suggestion",
      nonce,
      {
        标题: form.value.标题,
        内容摘要: form.value.内容摘要,
        领衔代表: ctx.link.recipient,
        附议代表: form.value.附议代表,
        ...(form.value.类别 ? { 类别: form.value.类别 } : {}),
        提出日期: ctx.today,
      },
      ctx.nowMs,
    );
    if (result.kind === "invalid" || result.kind === "unavailable") {
      return renderSuggest(
        c,
        ctx,
        { nonce, values: textValues(fields), errors: [result.message] },
        picked,
        400,
      );
    }
    return c.redirect(`${ctx.base}?done=suggest&id=${encodeURIComponent(result.entry.suggestionId)}`, 303);
  })
  .get("/l/:token/files/*", async (c) => {
    const ctx = await loadLinkContext(c);
    // The key as stored (its 编号 percent-encoded), from the path exactly as sent.
    const key = new URL(c.req.url).pathname.slice(`${ctx.base}/files/`.length);
    const id = letterKeySuggestion(key);
    if (!id) throw new HttpError(404, "no_letter", "没有这个答复函");
    await mineById(ctx, id);
    return letterResponse(ctx.deps.letters, key, id);
  });

function renderSuggest(
  c: Context<AppEnv>,
  ctx: LinkContext,
  state: FormState,
  coSigners: readonly string[],
  status: ContentfulStatusCode,
): Promise<Response> {
  const ev = ctx.view.evaluation;
  const deputies = ev.deputies.entries
    .filter((e) => e.name !== ctx.link.recipient)
    .map((e) => ({ name: e.name, delegation: e.record.delegation }));
  return sendPage(
    c,
    <SuggestPage
      frame={ctx.frame}
      base={ctx.base}
      state={state}
      categories={ev.settings.categories}
      deputies={deputies}
      coSigners={coSigners}
    />,
    status,
  );
}
