import { httpStatusHint, type RobotKind, redirectHint, robotErrorHint } from "./failure-hints";
import { maskAddressesIn, maskSecret } from "./robot-address";
import { type DeliveryResult, delivered, failed } from "./types";

/** A robot that has not answered after this long is treated as a network failure (retried). */
export const REQUEST_TIMEOUT_MS = 15_000;

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpReply {
  readonly status: number;
  readonly text: string;
  /** The body parsed as JSON, or null when it is not JSON. */
  readonly json: unknown;
  readonly retryAfterSeconds?: number;
  /** Where a 3xx answer points (resolved, secrets masked), for the hint staff read. */
  readonly location?: string;
}

function retryAfter(response: Response): number | undefined {
  const value = response.headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/** Where a redirect points, as staff may see it; undefined when the answer names nowhere readable. */
function redirectTarget(response: Response, url: string): string | undefined {
  const location = response.headers.get("location");
  if (!location) return undefined;
  try {
    return maskSecret(new URL(location, url).toString());
  } catch {
    return undefined;
  }
}

/**
 * POSTs a body; a network error or timeout comes back as a retryable failure, never thrown.
 *
 * Redirects are not followed: fetch would follow a 301/302 as a GET without the body (Fetch
 * standard, workerd alike), so the receiver would get nothing while the notice counted as sent.
 * The 3xx itself comes back (workerd and Node give the real status and Location; a browser's
 * fetch would give an "opaqueredirect" of status 0) and statusFailure refuses it.
 */
export async function post(
  fetchFn: FetchLike,
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<HttpReply | DeliveryResult> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    // The platform's words may quote the address, key and all: staff read this in 通知记录.
    const message = maskAddressesIn(error instanceof Error ? error.message : String(error));
    // A robot that took the connection but never answered is not one that could not be reached:
    // staff then check the robot's side rather than the address's spelling.
    if (error instanceof Error && error.name === "TimeoutError")
      return failed(
        true,
        `机器人地址 ${REQUEST_TIMEOUT_MS / 1000} 秒内没有答复（超时，${message}）：系统会稍后自动重试；一直如此的，请确认该机器人还能用`,
      );
    return failed(
      true,
      `连不上机器人地址，网络出错（${message}）：系统会稍后自动重试；一直如此的，请核对地址是否写对`,
    );
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return {
    status: response.status,
    text,
    json,
    retryAfterSeconds: retryAfter(response),
    location: redirectTarget(response, url),
  };
}

export function postJson(
  fetchFn: FetchLike,
  url: string,
  payload: unknown,
  headers: Record<string, string> = {},
) {
  return post(fetchFn, url, JSON.stringify(payload), { "content-type": "application/json", ...headers });
}

export function isReply(value: HttpReply | DeliveryResult): value is HttpReply {
  return "text" in value;
}

/**
 * The HTTP status alone: 2xx passes (null), 408/425/429 and 5xx are worth retrying, any other 4xx
 * (wrong address, refused) will fail the same way again, and so does a redirect (3xx, or status 0
 * for an opaque one): only a new address mends it. `place` names where the address was typed, for
 * the hint staff read.
 */
export function statusFailure(reply: HttpReply, place: string): DeliveryResult | null {
  if (reply.status >= 200 && reply.status < 300) return null;
  // What is left below 400 is a redirect (a 3xx, or an opaque one of status 0).
  if (reply.status < 400)
    return failed(false, redirectHint(reply.status, reply.location, place), reply.status || null);
  const retryable =
    reply.status === 408 || reply.status === 425 || reply.status === 429 || reply.status >= 500;
  // A short plain-text answer may say why; an HTML error page says nothing useful.
  const text = reply.text.replace(/\s+/g, " ").trim();
  const snippet = text.startsWith("<") ? "" : text.slice(0, 120);
  return failed(
    retryable,
    httpStatusHint(reply.status, snippet, place),
    reply.status,
    reply.retryAfterSeconds,
  );
}

/** The numeric error code a robot put in its JSON reply under `field`, or null. */
export function jsonCode(json: unknown, field: string): number | null {
  if (typeof json !== "object" || json === null || !(field in json)) return null;
  const value = (json as Record<string, unknown>)[field];
  return typeof value === "number" ? value : null;
}

export function jsonText(json: unknown, field: string): string {
  if (typeof json !== "object" || json === null) return "";
  const value = (json as Record<string, unknown>)[field];
  return typeof value === "string" ? value : "";
}

/** Where a robot puts its result in the JSON reply (the first field present wins). */
export interface RobotReplyShape {
  readonly robot: string;
  readonly kind: RobotKind;
  readonly codeFields: readonly string[];
  readonly messageFields: readonly string[];
  /**
   * For a refusal worth another try (the robot's own rate limit, a busy server), the seconds to wait
   * first: a rate limit lasts a while (钉钉 bans a robot for 10 minutes), and a try within it is
   * refused again and spends one of the notice's few retries. 0 leaves the wait to the backoff;
   * null: the refusal would come again, no retry.
   */
  readonly retryWait: (code: number, message: string) => number | null;
}

/**
 * Reads a group robot's answer: the HTTP status first, then its own JSON code (0 = delivered).
 * A reply that cannot be read is retried; a refusal is retried only for the robot's rate limits.
 */
export function robotOutcome(
  reply: HttpReply | DeliveryResult,
  shape: RobotReplyShape,
  place: string,
): DeliveryResult {
  if (!isReply(reply)) return reply;
  const byStatus = statusFailure(reply, place);
  if (byStatus) return byStatus;
  let code: number | null = null;
  for (const field of shape.codeFields) code ??= jsonCode(reply.json, field);
  if (code === 0) return delivered(reply.status);
  if (code === null)
    return failed(
      true,
      `${shape.robot}的回复无法识别（${reply.text.slice(0, 120)}）：系统会稍后自动重试；一直如此的，请核对${place}是否为${shape.robot}的地址，渠道是否选对`,
      reply.status,
    );
  const text = shape.messageFields.map((f) => jsonText(reply.json, f)).find(Boolean) ?? "";
  const wait = shape.retryWait(code, text);
  // A Retry-After the robot sent with it may ask for longer still.
  const seconds = wait === null ? 0 : Math.max(wait, reply.retryAfterSeconds ?? 0);
  return failed(
    wait !== null,
    robotErrorHint(shape.kind, code, text, place),
    reply.status,
    seconds > 0 ? seconds : undefined,
  );
}
