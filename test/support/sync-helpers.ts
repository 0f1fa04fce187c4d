import { env } from "cloudflare:workers";
import { createDeps, type Deps } from "../../src/deps";
import { buildTimeline } from "../../src/domain/dashboard/timeline";
import { clearTokenCache } from "../../src/sheets/token";
import { quietQueue } from "./quiet-queue";

const FAST_RETRY = { budgetMs: 10_000, baseDelayMs: 5, maxDelayMs: 100, maxAttempts: 10 };

/**
 * Deps for one spreadsheet of the emulator, with short backoff so tests stay quick. What a sync
 * queues for intake again goes nowhere (quiet-queue.ts): tests apply submissions themselves.
 * `db`: another binding in place of env.DB (a metered one, to count queries).
 */
export function depsFor(spreadsheetId: string, db: D1Database = env.DB): Deps {
  return createDeps(
    { ...env, DB: db, SPREADSHEET_ID: spreadsheetId, INTAKE_QUEUE: quietQueue },
    { retry: FAST_RETRY },
  );
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
      "tab_rows",
      "meta",
      "notices",
      "notice_attempts",
      "summary_parts",
      "part_shares",
      "list_entries",
      "sync_chunks",
      "sync_claims",
      "samples",
      "personal_links",
    ].map((t) => env.DB.prepare(`DELETE FROM ${t}`)),
  );
}

/**
 * Runs `work` with a column every stored part has removed, as parts stored by a build before it
 * are (pages then read every row's facts), and puts the column back afterwards.
 */
export async function withoutPartColumn<T>(column: "row_index" | "refs", work: () => Promise<T>): Promise<T> {
  const saved = await env.DB.prepare(`SELECT part, ${column} AS value FROM summary_parts`).all<{
    part: number;
    value: string;
  }>();
  await env.DB.prepare(`UPDATE summary_parts SET ${column} = NULL`).run();
  try {
    return await work();
  } finally {
    if (saved.results.length > 0)
      await env.DB.batch(
        saved.results.map((r) =>
          env.DB.prepare(`UPDATE summary_parts SET ${column} = ?2 WHERE part = ?1`).bind(r.part, r.value),
        ),
      );
  }
}

/** Runs `work` with every stored part's index removed (see withoutPartColumn). */
export const withoutPartIndexes = <T>(work: () => Promise<T>): Promise<T> =>
  withoutPartColumn("row_index", work);

/**
 * The deps of a sync, counting how often the tabs that include `tab` are stored in D1 (the step
 * parsed its read); with `failSave`, the invocation ends right after that save lands.
 */
export function countingTabSaves(
  spreadsheetId: string,
  tab: string,
  options: { failSave?: boolean; buildId?: string } = {},
): { deps: Deps; stored: string[][] } {
  const deps = depsFor(spreadsheetId);
  if (options.buildId) deps.buildId = options.buildId;
  const stored: string[][] = [];
  const save = deps.tabCache.save.bind(deps.tabCache);
  deps.tabCache.save = async (texts, at) => {
    if (!(tab in texts)) return save(texts, at);
    stored.push(Object.keys(texts));
    const changed = await save(texts, at);
    // The copy landed in D1; the invocation ends before anything after it.
    if (options.failSave) throw new Error("invocation ended");
    return changed;
  };
  return { deps, stored };
}

/** The inbox's entries, as the intake queue's messages name them. */
export async function inboxKeys() {
  const { results } = await env.DB.prepare("SELECT form, submission_id AS submissionId FROM inbox").all<{
    form: "reply" | "rating";
    submissionId: string;
  }>();
  return results;
}

/** A suggestion's history on sheet `spreadsheetId`, as its dashboard page shows it. */
export async function timelineOf(spreadsheetId: string, id: string) {
  return buildTimeline(await depsFor(spreadsheetId).snapshots.history(id), []);
}
