import { exports } from "cloudflare:workers";
import { signBody } from "../../src/intake/signature";

export const FORM_SECRETS = {
  suggestion: "test-suggestion-secret",
  reply: "test-reply-secret",
  rating: "test-rating-secret",
  opinion: "test-opinion-secret",
} as const;

export interface SignedPostOptions {
  secret?: string;
  timestamp?: number;
  contentType?: string;
  /** Sign this text but send `body` (a tampered request). */
  signedText?: string;
}

/**
 * POSTs a form submission to the Worker, signed the way the Apps Script and curl examples sign.
 * Bytes are sent and signed as they are (a body with a BOM); anything else as JSON text.
 */
export async function postForm(
  form: keyof typeof FORM_SECRETS,
  body: unknown,
  options: SignedPostOptions = {},
) {
  return exports.default.fetch(await signedFormRequest(form, body, options));
}

/** The signed request postForm sends, for tests that hand it to the app with an env of their own. */
export async function signedFormRequest(
  form: keyof typeof FORM_SECRETS,
  body: unknown,
  options: SignedPostOptions = {},
): Promise<Request> {
  const text = typeof body === "string" || body instanceof Uint8Array ? body : JSON.stringify(body);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = await signBody(
    options.secret ?? FORM_SECRETS[form],
    timestamp,
    options.signedText ?? text,
  );
  return new Request(`http://jianyi.test/hooks/forms/${form}`, {
    method: "POST",
    headers: {
      "content-type": options.contentType ?? "application/json",
      "x-jianyi-timestamp": timestamp,
      "x-jianyi-signature": signature,
    },
    body: text,
  });
}

export function suggestion(submissionId: string, answers: Record<string, unknown>) {
  return { submissionId, submittedAt: "2026-11-26T09:30:00+08:00", answers };
}
