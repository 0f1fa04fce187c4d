import type { PracticeForm } from "../links/practice-forms";
import type { FormKind } from "./map-answers";

/**
 * What the D1 inbox holds: the three forms of the signed webhooks (a suggestion, a reply, a rating,
 * each written into 建议台账), and what units send through their personal links besides: a row
 * for 沟通记录, 延期申请 or 协办意见, and an objection to an assignment (异议, kept in D1 for staff
 * to decide; no tab of the contract holds it), and a lead unit's 落实情况 report (报送落实情况, written
 * into 建议台账's 落实情况 and 备注).
 */
export const LINK_ONLY_FORMS = ["contact", "extension", "co-opinion", "objection", "progress"] as const;
export type LinkOnlyForm = (typeof LINK_ONLY_FORMS)[number];
export type InboxForm = FormKind | LinkOnlyForm;

/** How the pages and 校验问题 name an inbox entry's form. */
export const FORM_NAMES: Record<InboxForm, string> = {
  suggestion: "建议",
  reply: "答复",
  rating: "测评",
  opinion: "民意",
  contact: "沟通记录",
  extension: "延期申请",
  "co-opinion": "协办意见",
  objection: "交办异议",
  progress: "落实情况报送",
};

/** A form whose entry becomes a row of one of practice.md's tabs. */
export function isPracticeForm(form: InboxForm): form is PracticeForm {
  return form === "contact" || form === "extension" || form === "co-opinion";
}

/**
 * A form of the webhooks (and of the reply, rating and suggestion pages) whose answers mapAnswers
 * reads: cells of 建议台账, or of 民意 for an opinion.
 */
export function isWebhookForm(form: InboxForm): form is FormKind {
  return !(LINK_ONLY_FORMS as readonly string[]).includes(form);
}

/** A form whose entry fills cells of 建议台账 (a new suggestion, a reply, a rating, a 落实情况 report). */
export function isLedgerForm(form: InboxForm): form is Exclude<FormKind, "opinion"> | "progress" {
  return (isWebhookForm(form) && form !== "opinion") || form === "progress";
}

/**
 * How staff are told which submission is meant: its 编号, or its 提交号 where it has none (a 民意,
 * or a new suggestion not numbered yet), as /problems and the /healthz alarm name it.
 */
export function submissionRef(entry: { suggestionId: string; submissionId: string }): string {
  return entry.suggestionId ? `编号 ${entry.suggestionId}` : `提交号 ${entry.submissionId}`;
}
