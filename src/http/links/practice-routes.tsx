import type { Context } from "hono";
import type { AppEnv } from "../../app";
import { FORM_NAMES } from "../../domain/intake/inbox-forms";
import type { LinkAction } from "../../domain/links/capability";
import type { FormRefusal, FormResult } from "../../domain/links/forms";
import { repeatedCoOpinion } from "../../domain/links/practice-actions";
import {
  checkContactForm,
  checkCoOpinionForm,
  checkExtensionForm,
  checkObjectionForm,
  type PracticeRow,
} from "../../domain/links/practice-forms";
import type { Relation } from "../../domain/links/recipient-rows";
import type { ObjectionCells } from "../../jobs/intake/apply-objections";
import { linkSubmissionId, submitFromLink } from "../../jobs/links/submit";
import { sentBackTo } from "./action-forms";
import { linkSuggestion, loadLinkContext } from "./link-context";
import { suggestionPath } from "./link-ui";
import { loadOwnView, nonceOf, renderSuggestion, requireOpen, textValues } from "./suggestion-page";
import { loadUnitExtras, UNIT_ACTIONS, type UnitAction } from "./unit-actions";
import { readForm } from "./upload";

/** The capability each of the unit's actions needs. */
const CAPABILITY: Record<UnitAction, LinkAction> = {
  extension: "extend",
  contact: "contact",
  "co-opinion": "co-opinion",
  objection: "object",
};

/** Whose action it is: a unit without that role on the suggestion is refused (403), others wait (409). */
const ROLE_OK: Record<UnitAction, (relation: Relation) => boolean> = {
  extension: (r) => r === "lead",
  contact: (r) => r === "lead" || r === "co",
  "co-opinion": (r) => r === "co",
  objection: (r) => r === "lead" || r === "co",
};

/** What the suggestion's page says after each action (`?done=<action>`, `?done=<action>-again`). */
export const PRACTICE_DONE: Record<string, string> = {
  extension: "延期申请已提交，将写入『延期申请』表，由代表工委审批；审批结果会通知本单位。",
  contact: "沟通记录已保存，将写入『沟通记录』表。",
  "co-opinion": "协办意见已送达，将写入『协办意见』表；主办单位可在其专属页面查看。",
  objection:
    "异议已提交代表工委，将列入校验问题和督办看板，由代表工委决定改交或维持交办；决定之前，请照常办理。",
  ...Object.fromEntries(
    UNIT_ACTIONS.map((a) => [`${a}-again`, `这份${FORM_NAMES[a]}已经提交过，没有重复提交。`]),
  ),
};

/**
 * A unit's 延期申请, 沟通记录, 协办意见 or 异议 from its suggestion's page: the link must offer the
 * action and the unit hold the role (else 403), the action must be open now (else 409), the form
 * must pass the tab's rules (else 400 with the form and what to fix), and then it goes through the
 * D1 inbox and the intake queue like every submission. The same form posted again is the first one.
 */
export async function practiceAction(c: Context<AppEnv>, action: UnitAction): Promise<Response> {
  const ctx = await loadLinkContext(c, CAPABILITY[action]);
  const { id, item } = await linkSuggestion(ctx, c);
  const fields = await readForm(c.req.raw);
  const nonce = nonceOf(fields);
  const repeated = await ctx.deps.inbox.find(action, linkSubmissionId(nonce));
  const page = suggestionPath(ctx.base, id);
  if (repeated?.actor?.name === ctx.link.recipient && repeated.actor.kind === ctx.link.kind)
    return c.redirect(sentBackTo(`${page}?done=${action}-again`), 303);
  const { record, sent } = await loadOwnView(ctx, item);
  const extras = await loadUnitExtras(ctx, item, record, sent);
  requireOpen(extras.checks[action], ROLE_OK[action](item.relation));
  const back = (errors: readonly string[], fieldErrors: FormRefusal["fields"] = {}) =>
    renderSuggestion(c, ctx, item, {
      status: 400,
      unitStates: { [action]: { nonce, values: textValues(fields), errors, fieldErrors } },
    });
  let answers: Record<string, string | number>;
  let warnings: readonly string[] = [];
  if (action === "objection") {
    const form = checkObjectionForm(fields, ctx.link.recipient);
    if (!form.ok) return back(form.errors, form.fields);
    const cells: ObjectionCells = {
      编号: id,
      承办单位: ctx.link.recipient,
      承办身份: item.relation === "lead" ? "主办" : "协办",
      交办日期: record.assignedOn ?? "",
      提出日期: ctx.today,
      异议期限: extras.objectionDeadline ?? "",
      ...form.value,
    };
    answers = { ...cells };
  } else {
    const check: Record<typeof action, typeof checkContactForm> = {
      extension: checkExtensionForm,
      contact: checkContactForm,
      "co-opinion": checkCoOpinionForm,
    };
    const form: FormResult<PracticeRow> = check[action](fields, extras.formContext);
    if (!form.ok) return back(form.errors, form.fields);
    // The same opinion again (a Back press resends the text under a new one-time id): not a row more.
    const repeat =
      action === "co-opinion"
        ? repeatedCoOpinion(String(form.value.cells.内容摘要 ?? ""), ctx.link.recipient, extras.ownOpinions)
        : null;
    if (repeat) return back([repeat], { 内容摘要: [repeat] });
    answers = { ...form.value.cells };
    warnings = form.value.warnings;
  }
  const result = await submitFromLink(ctx.deps, ctx.link, action, nonce, answers, ctx.nowMs);
  if (result.kind === "invalid" || result.kind === "unavailable") return back([result.message]);
  // Sent: back to the page (a reload does not post again), unless the unit must read a 提醒 first.
  if (warnings.length === 0) return c.redirect(sentBackTo(`${page}?done=${action}`), 303);
  return renderSuggestion(c, ctx, item, { done: PRACTICE_DONE[action] ?? null, warnings });
}
