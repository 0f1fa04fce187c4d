import type { Context } from "hono";
import type { AppEnv } from "../../app";
import type { FormRefusal } from "../../domain/links/forms";
import { checkProgressForm, progressCheck } from "../../domain/links/progress-report";
import { linkSubmissionId, submitFromLink } from "../../jobs/links/submit";
import { sentBackTo } from "./action-forms";
import { linkSuggestion, loadLinkContext } from "./link-context";
import { suggestionPath } from "./link-ui";
import { nonceOf, renderSuggestion, requireOpen, textValues } from "./suggestion-page";
import { readForm } from "./upload";

/** What the suggestion's page says after a report (`?done=progress`, `?done=progress-again`). */
export const PROGRESS_DONE: Record<string, string> = {
  progress:
    "落实情况已报送，正在写入台账的落实情况和备注；选“已落实”的，下次同步后该建议办结，不再发送跟踪提醒。",
  "progress-again": "这份落实情况已经报送过，没有重复提交。",
};

/**
 * The lead unit's 报送落实情况 from its suggestion's page: a unit's link that may reply (else 403), the
 * suggestion 跟踪落实 as of the last sync and the unit its 主办单位 (else 403/409), the form valid (else
 * 400 with the form and what to fix); then through the D1 inbox and the intake queue like a reply,
 * which writes 落实情况 and a 备注 line. The same form posted again is the first one.
 */
export async function progressAction(c: Context<AppEnv>): Promise<Response> {
  // A report answers the unit's own reply: the link's right to reply carries it.
  const ctx = await loadLinkContext(c, "reply");
  const { id, item } = await linkSuggestion(ctx, c);
  const fields = await readForm(c.req.raw);
  const nonce = nonceOf(fields);
  const page = suggestionPath(ctx.base, id);
  const repeated = await ctx.deps.inbox.find("progress", linkSubmissionId(nonce));
  if (repeated?.actor?.name === ctx.link.recipient && repeated.actor.kind === ctx.link.kind)
    return c.redirect(sentBackTo(`${page}?done=progress-again`), 303);
  // 台账状态 is among the row's stored facts: no read of the whole row is needed to check.
  requireOpen(progressCheck(item.row, item.relation), item.relation === "lead");
  const back = (errors: readonly string[], fieldErrors: FormRefusal["fields"] = {}) =>
    renderSuggestion(c, ctx, item, {
      status: 400,
      progressState: { nonce, values: textValues(fields), errors, fieldErrors },
    });
  const form = checkProgressForm(fields);
  if (!form.ok) return back(form.errors, form.fields);
  const result = await submitFromLink(
    ctx.deps,
    ctx.link,
    "progress",
    nonce,
    { 编号: id, ...form.value },
    ctx.nowMs,
  );
  if (result.kind === "invalid" || result.kind === "unavailable") return back([result.message]);
  return c.redirect(sentBackTo(`${page}?done=progress`), 303);
}
