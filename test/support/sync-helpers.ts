import { env } from "cloudflare:workers";
import { createDeps, type Deps } from "../../src/deps";
import { clearTokenCache } from "../../src/sheets/token";

const FAST_RETRY = { budgetMs: 10_000, baseDelayMs: 5, maxDelayMs: 100, maxAttempts: 10 };

/** Deps for one spreadsheet of the emulator, with short backoff so tests stay quick. */
export function depsFor(spreadsheetId: string): Deps {
  return createDeps({ ...env, SPREADSHEET_ID: spreadsheetId }, { retry: FAST_RETRY });
}

/** D1 storage is shared by the tests of one file: each test starts from empty tables. */
export async function resetDatabase(): Promise<void> {
  clearTokenCache();
  await env.DB.batch(
    [
      "leases",
      "id_sequences",
      "suggestions",
      "audit_trail",
      "sync_runs",
      "inbox",
      "tab_cache",
      "meta",
      "notices",
      "notice_attempts",
      "summary_parts",
      "sync_chunks",
      "sync_claims",
      "samples",
      "personal_links",
    ].map((t) => env.DB.prepare(`DELETE FROM ${t}`)),
  );
}
