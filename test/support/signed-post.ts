import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { app } from "../../src/app";
import { signBody } from "../../src/intake/signature";
import { quietQueue } from "./quiet-queue";

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
 * Bytes are sent and signed as they are (a body with a BOM); anything else as JSON text. The
 * submission is stored and queued nowhere (quiet-queue.ts): the test applies it itself, and the
 * Worker's own intake consumer does not apply it meanwhile, at a moment of its own, from another test.
 */
export async function postForm(
  form: keyof typeof FORM_SECRETS,
  body: unknown,
  options: SignedPostOptions = {},
): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await app.fetch(
    await signedFormRequest(form, body, options),
    { ...env, INTAKE_QUEUE: quietQueue },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
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

/** How many submissions the D1 inbox holds (a refused form adds none). */
export async function inboxCount(): Promise<number> {
  return (await env.DB.prepare("SELECT count(*) AS n FROM inbox").first<{ n: number }>())?.n ?? -1;
}

/** The error a refused form answers with: its code, the message staff read and the fields named. */
export async function errorOf(response: Response) {
  return (
    (await response.json()) as { error: { code: string; message: string; details?: { field: string }[] } }
  ).error;
}
