import { digestOf } from "../../digest";
import { blockRange, planTabRewrite } from "../../domain/sync/plan-tab-rewrite";
import { type SheetsClient, SheetsError } from "../../sheets/client";
import type { MetaStore } from "../../store/meta";
import { NOTHING_TO_CHECK, serviceFailureText } from "../sheet-writes/service-failure";
import { type FinishMeta, lastWritten, type TabWritten, tabWrittenKey } from "./finish-meta";
import type { SyncContext } from "./sync-context";

/*
 * How a finish puts 校验问题, 统计 and 单位测评 into the sheet: only the tabs whose content changed,
 * in one values.batchUpdate, and what it does when Google keeps failing (the run still finishes,
 * and the tabs left unwritten are named for staff and rewritten by the next run).
 */

/** Extra rows a growing system tab gets at once, so a longer problem list does not grow it every sync. */
const GRID_HEADROOM = 500;

export interface UnwrittenTabs {
  tabs: string[];
  reason: string;
}

export interface TabRewrite {
  tab: string;
  range: string;
  values: (string | number)[][];
  /** The entry that records it (META_TAB_WRITTEN), stored once the write has succeeded. */
  written: readonly [string, string];
}

/**
 * A system tab's new content, written only when it differs from what the last sync wrote there or
 * from the number of rows the tab holds now (a person cleared or added rows): one block from A1
 * that also blanks rows left over from a longer earlier content.
 */
export async function systemTabRewrite(
  context: SyncContext,
  stored: FinishMeta,
  tab: string,
  desired: (string | number)[][],
  /** A digest of what `desired` is made from alone, when the caller has one: spares writing it out. */
  madeFrom?: string,
): Promise<TabRewrite | null> {
  if (context.skippedTabs.some((s) => s.tab === tab) || context.missingTabs.includes(tab)) return null;
  const digest = madeFrom ?? (await digestOf(JSON.stringify(desired)));
  const written: TabWritten = { rows: desired.length, digest };
  const last = lastWritten(stored, tab);
  const held = context.systemRows[tab] ?? 0;
  if (last?.digest === written.digest && held === desired.length) return null;
  const padded = planTabRewrite(
    tab,
    Array.from({ length: held }, () => ["x"]),
    desired,
  );
  if (!padded) return null;
  return {
    tab,
    range: blockRange(tab, padded.values[0]?.length ?? 1, padded.values.length),
    values: padded.values,
    written: [tabWrittenKey(tab), JSON.stringify(written)],
  };
}

/**
 * Rewrites the system tabs that changed (one values.batchUpdate, the grids grown first when too
 * short) and records each as written. When Google keeps failing past the client's retries (a 5xx,
 * its per-minute limit, a lost connection), the run still finishes: the problems, the figures and
 * the pages are D1's and are stored, and only these tabs of the sheet wait for the next run, which
 * rewrites them because their records are cleared here. Returns what was left and why, else null.
 */
export async function writeSystemTabs(
  deps: { sheets: SheetsClient; meta: MetaStore },
  context: SyncContext,
  writes: readonly TabRewrite[],
  at: string,
): Promise<UnwrittenTabs | null> {
  try {
    await growGrids(deps.sheets, context, writes);
    await deps.sheets.batchUpdateValues(
      writes.map(({ range, values }) => ({ range, values })),
      "RAW",
    );
  } catch (error) {
    if (!(error instanceof SheetsError) || !error.retryable) throw error;
    // Cleared, not left as the last run wrote them: the next finish would take a tab holding as
    // many rows as recorded for written, and skip it (unchangedSinceLastRun).
    await deps.meta.setMany(
      writes.map((w) => [w.written[0], ""] as const),
      at,
    );
    const tabs = writes.map((w) => w.tab);
    const named = tabs.map((t) => `『${t}』`).join("");
    return {
      tabs,
      reason: `${serviceFailureText(error)}，${named}本次未能更新，下次同步会再写；${NOTHING_TO_CHECK}`,
    };
  }
  // Recorded only once written: a write that failed (the end of the invocation) is made again by
  // the step's retry, where a record stored first would have passed it for done.
  await deps.meta.setMany(
    writes.map((w) => w.written),
    at,
  );
  return null;
}

/** Appends rows to a system tab whose grid is shorter than its new content (values writes never grow a grid). */
async function growGrids(
  sheets: SheetsClient,
  context: SyncContext,
  writes: readonly { range: string; values: unknown[][] }[],
): Promise<void> {
  const short = writes.flatMap((w) => {
    const tab = w.range.slice(1, w.range.indexOf("'!")).replaceAll("''", "'");
    const have = context.systemGrid[tab] ?? Number.POSITIVE_INFINITY;
    return w.values.length > have ? [{ tab, length: w.values.length - have + GRID_HEADROOM }] : [];
  });
  if (short.length === 0) return;
  const spreadsheet = await sheets.getSpreadsheet({ fields: "sheets.properties(sheetId,title)" });
  const requests = short.flatMap(({ tab, length }) => {
    const sheetId = spreadsheet.sheets?.find((s) => s.properties?.title === tab)?.properties?.sheetId;
    return typeof sheetId === "number" ? [{ appendDimension: { sheetId, dimension: "ROWS", length } }] : [];
  });
  if (requests.length > 0) await sheets.batchUpdate(requests);
}
