import type { RestoreResult } from "../jobs/sync/restore";
import type { RestoreManyResult } from "../jobs/sync/restore-many";
import type { RetryPolicy } from "../sheets/retry";
import { HttpError } from "./errors";

/**
 * Google's retries for a 恢复 click: a few seconds, not a job's 25 s. A per-minute quota is not
 * renewed by waiting 20 s in a request staff are staring at; they are told to click again instead.
 */
export const CLICK_RETRY: RetryPolicy = {
  budgetMs: 4_000,
  baseDelayMs: 500,
  maxDelayMs: 2_000,
  maxAttempts: 4,
};

/** A seconds count staff and clients can wait before the same click (Google's quota is per minute). */
const QUOTA_RETRY_AFTER_S = "60";
const FAILED_RETRY_AFTER_S = "30";

type Refused = Extract<RestoreResult, { ok: false }> | Extract<RestoreManyResult, { ok: false }>;

/** The HTTP error of a refused restore, one for the API and the dashboard's 恢复 buttons alike. */
export function restoreError(result: Refused): HttpError {
  const details = { row: "row" in result ? (result.row ?? null) : null };
  if (result.code === "too_many") return new HttpError(413, result.code, result.message, details);
  if (result.code === "not_found") return new HttpError(404, result.code, result.message, details);
  if (result.code === "busy") return new HttpError(503, result.code, result.message, details);
  if (result.code === "sheets_quota")
    return new HttpError(429, result.code, result.message, details, { "Retry-After": QUOTA_RETRY_AFTER_S });
  if (result.code === "sheets_failed")
    return result.retryable
      ? new HttpError(503, result.code, result.message, details, { "Retry-After": FAILED_RETRY_AFTER_S })
      : new HttpError(502, result.code, result.message, details);
  return new HttpError(409, result.code, result.message, details);
}
