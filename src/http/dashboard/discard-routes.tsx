import { type Context, Hono } from "hono";
import type { AppEnv } from "../../app";
import { createDeps } from "../../deps";
import { FORM_NAMES, type InboxForm } from "../../domain/intake/inbox-forms";
import type { InboxEntry } from "../../store/inbox";
import { actorOf } from "../actor";
import { HttpError } from "../errors";
import { DiscardPage } from "./discard-page";
import { sendPage } from "./layout";
import { loadFrame } from "./load-view";

function submissionOf(c: Context<AppEnv>): { form: InboxForm; submissionId: string } {
  const form = c.req.param("form") ?? "";
  if (!(form in FORM_NAMES)) throw new HttpError(404, "unknown_form", `没有“${form}”这种提交`);
  return { form: form as InboxForm, submissionId: c.req.param("submissionId") ?? "" };
}

async function entryOf(c: Context<AppEnv>): Promise<InboxEntry> {
  const { form, submissionId } = submissionOf(c);
  const entry = await createDeps(c.env).inbox.find(form, submissionId);
  if (!entry)
    throw new HttpError(404, "unknown_submission", `没有提交号为“${submissionId}”的${FORM_NAMES[form]}提交`);
  return entry;
}

/** 作废 of a submission the sync could not place: a confirmation page, then the POST that voids it. */
export const discardRoutes = new Hono<AppEnv>()
  .get("/submissions/:form/:submissionId/discard", async (c) => {
    const entry = await entryOf(c);
    const d = await loadFrame(c);
    return sendPage(c, <DiscardPage entry={entry} frame={d.frame} />);
  })
  .post("/submissions/:form/:submissionId/discard", async (c) => {
    const { form, submissionId } = submissionOf(c);
    const deps = createDeps(c.env);
    const at = new Date().toISOString();
    const by = actorOf(c).label;
    const voided = await deps.inbox.discard(form, submissionId, at, `${by}于 ${at} 作废`);
    if (!voided)
      throw new HttpError(
        409,
        "not_waiting",
        `提交号 ${submissionId} 不是等待写入的提交（已写入、正在写入或已作废）：无需作废`,
      );
    if (voided.suggestionId)
      await deps.snapshots.record(
        [
          {
            suggestionId: voided.suggestionId,
            column: `${FORM_NAMES[form]}提交`,
            oldValue: submissionId,
            newValue: null,
            source: "dashboard",
            actor: by,
            note: `作废未能写入表格的${FORM_NAMES[form]}提交（提交号 ${submissionId}）`,
          },
        ],
        at,
      );
    return c.redirect(`/problems?discarded=${encodeURIComponent(submissionId)}`, 303);
  });
