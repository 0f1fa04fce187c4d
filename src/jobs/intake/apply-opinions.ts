import { matchHeaders } from "../../../sheets-schema/header-map";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { opinionsTab } from "../../../sheets-schema/tabs/evaluation-tabs";
import { cellText } from "../../domain/sync/row-identity";
import { quoteSheet } from "../../sheets/a1";
import { type CellValue, type SheetsClient, SheetsError } from "../../sheets/client";
import type { Inbox, InboxEntry } from "../../store/inbox";
import { appendRowsOnce } from "../sheet-writes/append-rows-once";
import { recordWriteFailure } from "./write-failure";

/** The 备注 line that names an opinion's submission: how a retry finds the row already added. */
export function submissionNote(submissionId: string): string {
  return `提交号 ${submissionId}`;
}

export type OpinionsOutcome =
  | { outcome: "ok"; appended: number; alreadyThere: number }
  | { outcome: "failed"; retryable: boolean; message: string };

/**
 * Adds opinions received through /hooks/forms/opinion to 民意, exactly once, in two Sheets calls
 * whatever their number: the tab is read (an opinion whose 提交号 is already in a 备注 was added by
 * an earlier attempt that failed to record it), then the others are appended in one call in the
 * tab's own column order (appendRowsOnce also survives a 5xx that arrives after Google added them).
 * Google's failure is recorded as for the ledger's forms (recordWriteFailure): one worth retrying
 * leaves them pending and counted, not for staff to act on; thrown, it was recorded on none.
 */
export async function applyOpinions(
  deps: { sheets: SheetsClient; inbox: Inbox },
  entries: readonly InboxEntry[],
  at: string,
): Promise<OpinionsOutcome> {
  if (entries.length === 0) return { outcome: "ok", appended: 0, alreadyThere: 0 };
  let values: unknown[][];
  try {
    values = ((await deps.sheets.get(quoteSheet(TAB_NAMES.opinions))).values ?? []) as unknown[][];
  } catch (error) {
    if (error instanceof SheetsError && error.httpStatus === 400) {
      const message = `缺少工作表『${TAB_NAMES.opinions}』：请运行 npm run sheet:init 补齐，补齐后下次同步会再次写入`;
      await deps.inbox.mark(entries, "failed", at, message);
      return { outcome: "failed", retryable: false, message };
    }
    return recordWriteFailure(deps.inbox, entries, error, at);
  }
  const header = (values[0] ?? []).map((c) => cellText(c));
  const match = matchHeaders(opinionsTab, header);
  if (!match.ok) {
    // Staff must put the header back: the queue's retries would only run out into its dead-letter
    // queue. Failed, they wait in D1 (校验问题, /problems) and every sync queues them again.
    const message = `『${TAB_NAMES.opinions}』表头无法识别：${match.problems.map((p) => p.message).join("；")}。请把表头改回（npm run sheet:init -- --check 可列出应有的表头），改好后下次同步会再次写入`;
    await deps.inbox.mark(entries, "failed", at, message);
    return { outcome: "failed", retryable: false, message };
  }
  const notes = header.indexOf("备注");
  const present = notes < 0 ? "" : values.map((row) => cellText(row[notes])).join("\n");
  const already: InboxEntry[] = [];
  const fresh: InboxEntry[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    const mark = submissionNote(e.submissionId);
    if (present.includes(mark)) already.push(e);
    else if (!seen.has(e.submissionId)) {
      seen.add(e.submissionId);
      fresh.push(e);
    }
  }
  const rows: CellValue[][] = fresh.map((e) => {
    const note = [cellText(e.cells.备注), submissionNote(e.submissionId)].filter(Boolean).join("\n");
    const cells: Record<string, CellValue> = { ...e.cells, 备注: note };
    return header.map((h) => cells[h] ?? "");
  });
  try {
    if (rows.length > 0) await appendRowsOnce(deps.sheets, TAB_NAMES.opinions, rows);
  } catch (error) {
    // Those already in 民意 are done; only the ones the append was for wait.
    await deps.inbox.mark(already, "applied", at, null);
    return recordWriteFailure(deps.inbox, fresh, error, at);
  }
  await deps.inbox.mark([...fresh, ...already], "applied", at, null);
  return { outcome: "ok", appended: fresh.length, alreadyThere: already.length };
}
