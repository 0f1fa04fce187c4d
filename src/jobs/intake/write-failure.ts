import { SheetsError, SheetsNetworkError } from "../../sheets/client";
import type { Inbox, InboxEntry } from "../../store/inbox";
import { serviceFailureText } from "../sheet-writes/service-failure";

/** A batch's write that failed, as the queue consumer and staff are told it. */
export interface WriteFailure {
  outcome: "failed";
  /** Google's for now (429, 5xx, no answer): the queue retries it, the entries stay pending. */
  retryable: boolean;
  message: string;
}

/**
 * Records why a batch's write to its tab failed, on the entries it was writing, and says whether to
 * retry. One worth retrying (Google's per-minute limit, its 5xx, a lost connection) leaves them
 * pending, with the try counted and its cause kept (inbox.noteRetry): waiting in the sender's name,
 * queued again by every sync, and after 15 minutes named on /problems and by /healthz. Any other
 * (the sheet unshared, a bad request) marks them failed with its Chinese cause, for staff to mend:
 * listed in 校验问题, and queued again by the sync after the fix.
 */
export async function recordWriteFailure(
  inbox: Pick<Inbox, "mark" | "noteRetry">,
  entries: readonly InboxEntry[],
  error: unknown,
  at: string,
): Promise<WriteFailure> {
  const message = error instanceof Error ? error.message : String(error);
  const retryable =
    typeof error === "object" && error !== null && "retryable" in error && error.retryable === true;
  if (!retryable) {
    await inbox.mark(entries, "failed", at, message);
    return { outcome: "failed", retryable, message };
  }
  // Google's side in staff's words, its own words in brackets (the pages show the part before).
  const why =
    error instanceof SheetsError && !(error instanceof SheetsNetworkError)
      ? `${serviceFailureText(error)}，将自动重试（${error.detail}）`
      : message;
  await inbox.noteRetry(entries, why);
  return { outcome: "failed", retryable, message };
}
