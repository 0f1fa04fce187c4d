import { answerProblems } from "../../domain/intake/answer-limits";
import { type InboxForm, isWebhookForm } from "../../domain/intake/inbox-forms";
import { actorLabel, type Capability } from "../../domain/links/capability";
import { type LetterKind, letterKey, letterUrl } from "../../domain/links/letters";
import type { Submission } from "../../intake/body";
import type { LinkSettings } from "../../links/link-settings";
import type { InboxEntry } from "../../store/inbox";
import type { LetterMeta, LetterStore } from "../../store/letters";
import { acceptSubmission, type IntakeDeps } from "../intake/accept-submission";

export interface LinkSubmitDeps extends IntakeDeps {
  letters: LetterStore | null;
  linkSettings: LinkSettings | null;
}

export type LinkSubmitResult =
  | { kind: "accepted" | "repeated"; entry: InboxEntry }
  | { kind: "invalid"; message: string }
  | { kind: "unavailable"; message: string };

export const LETTERS_UNAVAILABLE = "答复函上传暂不可用：请稍后重试，或把答复函交代表工委";
/** A reply that names an uploaded 答复函 other than its own form's. */
export const LETTER_MISMATCH = "答复函与本次答复不符：请重新选择文件上传";

/** A page's one-time form id as an inbox submission id: the same form posted twice is one entry. */
export function linkSubmissionId(nonce: string): string {
  return `link-${nonce}`;
}

/**
 * A 答复函, already checked (size, magic bytes): received with the form (stored with the
 * submission), or uploaded by itself just before (the reply form's script) under this
 * submission's own key, which the page found stored.
 */
export type CheckedLetter =
  | { readonly kind: LetterKind; readonly body: Blob }
  | { readonly kind: LetterKind; readonly storedKey: string };

/** What a stored 答复函 carries: its type, its suggestion, who sent it and in which submission. */
export function letterMeta(
  link: Capability,
  kind: LetterKind,
  suggestionId: string,
  submissionId: string,
): LetterMeta {
  return { contentType: kind.contentType, suggestionId, uploadedBy: actorLabel(link), submissionId };
}

/**
 * A submission from a personal-link page, through the same D1 inbox and queue as the signed form
 * webhooks (so it reaches the sheet exactly once, placed by 编号), remembering the link that sent it.
 * A form posted again (a double tap, a reload) finds its first entry and stores nothing new: the
 * 答复函 is stored only for a first submission, under a key of its own.
 */
export async function submitFromLink(
  deps: LinkSubmitDeps,
  link: Capability,
  form: InboxForm,
  nonce: string,
  answers: Submission["answers"],
  nowMs: number,
  letter: CheckedLetter | null = null,
): Promise<LinkSubmitResult> {
  const submissionId = linkSubmissionId(nonce);
  const existing = await deps.inbox.find(form, submissionId);
  if (existing) {
    // Another recipient cannot reuse a form id to see or overwrite someone else's entry.
    if (existing.actor?.name !== link.recipient || existing.actor.kind !== link.kind)
      return { kind: "invalid", message: "表单已失效：请刷新页面后重新提交" };
    return { kind: "repeated", entry: existing };
  }
  // The link's own forms were checked by their tab's rules already (links/practice-forms).
  const problems = isWebhookForm(form) ? answerProblems(form, answers) : [];
  if (problems.length > 0) return { kind: "invalid", message: problems.map((p) => p.message).join("；") };
  const cells = { ...answers };
  if (letter) {
    if (!deps.letters || !deps.linkSettings) return { kind: "unavailable", message: LETTERS_UNAVAILABLE };
    const suggestionId = String(answers.编号 ?? "");
    const key = letterKey(suggestionId, submissionId, letter.kind.ext);
    if ("storedKey" in letter) {
      // Only the letter uploaded for this very form (its suggestion, its one-time id) is taken.
      if (letter.storedKey !== key) return { kind: "invalid", message: LETTER_MISMATCH };
    } else {
      await deps.letters.put(key, letter.body, letterMeta(link, letter.kind, suggestionId, submissionId));
    }
    cells.答复函 = letterUrl(deps.linkSettings.publicUrl, key);
  }
  const result = await acceptSubmission(
    deps,
    form,
    { submissionId, submittedAt: new Date(nowMs).toISOString(), answers: cells },
    nowMs,
    { kind: link.kind, name: link.recipient, linkId: link.id },
  );
  if (result.kind === "invalid") return { kind: "invalid", message: result.message };
  return result;
}
