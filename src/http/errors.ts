import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** An error with the HTTP status and stable code the project's one error shape carries. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After on a 429 or 503. */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export interface ErrorBody {
  error: { code: string; message: string; requestId: string; details?: unknown };
}

/** The one `onError`: every failure leaves as `{ error: { code, message, requestId } }`. */
export function renderError(err: Error, c: Context): Response {
  const requestId = (c.get("requestId" as never) as string | undefined) ?? "unknown";
  if (err instanceof HttpError) {
    const body: ErrorBody = {
      error: { code: err.code, message: err.message, requestId, details: err.details },
    };
    return c.json(body, err.status, err.headers);
  }
  if (err instanceof HTTPException) {
    const body: ErrorBody = { error: { code: "http_error", message: err.message, requestId } };
    return c.json(body, err.status);
  }
  console.error(JSON.stringify({ level: "error", requestId, message: err.message, stack: err.stack }));
  const body: ErrorBody = { error: { code: "internal", message: "服务器内部错误，请稍后重试", requestId } };
  return c.json(body, 500);
}
