import type { TabDef } from "../../../sheets-schema/columns";
import { matchHeaders } from "../../../sheets-schema/header-map";
import { isPracticeForm } from "../../domain/intake/inbox-forms";
import { actorLabel } from "../../domain/links/capability";
import { PRACTICE_TAB_OF, practiceRowSummary } from "../../domain/links/practice-forms";
import type { FieldChange } from "../../domain/sync/plan-history";
import { cellText } from "../../domain/sync/row-identity";
import { quoteSheet } from "../../sheets/a1";
import { type CellValue, type SheetsClient, SheetsError } from "../../sheets/client";
import type { Inbox, InboxEntry } from "../../store/inbox";
import type { SnapshotStore } from "../../store/snapshots";
import { appendRowsOnce } from "../sheet-writes/append-rows-once";

export interface PracticeApplyDeps {
  sheets: SheetsClient;
  inbox: Inbox;
  snapshots: Pick<SnapshotStore, "record">;
}

/** What became of a batch's 沟通记录, 延期申请 and 协办意见 rows. */
export interface PracticeApplyResult {
  applied: InboxEntry[];
  /** Rows that could not go (marked in the inbox with why); retryable ones are tried again. */
  failed: { entries: InboxEntry[]; message: string; retryable: boolean }[];
}

interface TabBatch {
  readonly tab: TabDef;
  readonly entries: InboxEntry[];
}

function groupByTab(entries: readonly InboxEntry[]): TabBatch[] {
  const groups = new Map<string, TabBatch>();
  for (const entry of entries) {
    if (!isPracticeForm(entry.form)) continue;
    const tab = PRACTICE_TAB_OF[entry.form];
    const group = groups.get(tab.name) ?? { tab, entries: [] };
    group.entries.push(entry);
    groups.set(tab.name, group);
  }
  return [...groups.values()];
}

/**
 * The tabs whole, in one values.batchGet; a tab that cannot be read (deleted, renamed) is null, found
 * by reading the tabs one by one only when the batch was refused.
 */
async function readTabs(sheets: SheetsClient, names: readonly string[]): Promise<(unknown[][] | null)[]> {
  try {
    const ranges = await sheets.batchGet(names.map(quoteSheet));
    return ranges.map((r) => (r.values ?? []) as unknown[][]);
  } catch (error) {
    if (!(error instanceof SheetsError) || error.retryable) throw error;
    if (names.length === 1) return [null];
  }
  const out: (unknown[][] | null)[] = [];
  for (const name of names) out.push(...(await readTabs(sheets, [name])));
  return out;
}

/** The entry's row at the places the tab's header puts its columns (columns the tab lacks are left out). */
function rowOf(
  entry: InboxEntry,
  tab: TabDef,
  indexOf: Readonly<Partial<Record<string, number>>>,
): CellValue[] {
  const row: CellValue[] = [];
  for (const column of tab.columns) {
    const at = indexOf[column.key];
    if (at === undefined) continue;
    while (row.length < at) row.push("");
    row[at] = entry.cells[column.header] ?? "";
  }
  return row;
}

/** Whether the tab already holds this entry's row (its cells, where it has them; staff may have added the rest). */
function takeIfPresent(row: readonly CellValue[], present: unknown[][]): boolean {
  const filled = row.flatMap((value, i) => (cellText(value) === "" ? [] : [i]));
  const at = present.findIndex((r) => filled.every((i) => cellText(r[i]) === cellText(row[i])));
  if (at < 0) return false;
  present.splice(at, 1);
  return true;
}

const blankRow = (row: readonly unknown[]) => row.every((cell) => cellText(cell) === "");

/**
 * Appends the rows units sent through their links to 沟通记录, 延期申请 and 协办意见, each exactly
 * once: one read of the tabs (their headers place the columns), one append per tab. Before an
 * append, the entries are marked as sent; an entry marked by an earlier attempt (the Worker may have
 * died after Google added its row) is first looked for in the tab, and sent only if it is not there.
 * The history names the unit and its link.
 */
export async function applyPracticeEntries(
  deps: PracticeApplyDeps,
  entries: readonly InboxEntry[],
  at: string,
): Promise<PracticeApplyResult> {
  const result: PracticeApplyResult = { applied: [], failed: [] };
  const batches = groupByTab(entries);
  if (batches.length === 0) return result;
  let tabs: (unknown[][] | null)[];
  try {
    tabs = await readTabs(
      deps.sheets,
      batches.map((b) => b.tab.name),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result.failed.push({ entries: batches.flatMap((b) => b.entries), message, retryable: true });
    return result;
  }
  const changes: FieldChange[] = [];
  for (const [i, { tab, entries: mine }] of batches.entries()) {
    const values = tabs[i];
    if (!values) {
      const message = `表格中找不到『${tab.name}』工作表：请运行 npm run sheet:init 补齐，补齐后系统会自动补写`;
      result.failed.push({ entries: mine, message, retryable: false });
      continue;
    }
    const match = matchHeaders(tab, values[0]);
    if (!match.ok) {
      const why = match.problems.map((p) => p.message).join("；");
      result.failed.push({ entries: mine, message: `『${tab.name}』表头无法识别：${why}`, retryable: false });
      continue;
    }
    const present = values.slice(1);
    const rows: CellValue[][] = [];
    const sent: InboxEntry[] = [];
    const done: InboxEntry[] = [];
    for (const entry of mine) {
      const row = rowOf(entry, tab, match.columns.indexOf);
      if (entry.sentAt && takeIfPresent(row, present)) done.push(entry);
      else {
        rows.push(row);
        sent.push(entry);
      }
    }
    try {
      if (rows.length > 0) {
        await deps.inbox.markSent(sent, at);
        await appendRowsOnce(deps.sheets, tab.name, rows, { overwrite: values.slice(1).every(blankRow) });
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryable = error instanceof SheetsError ? error.retryable : true;
      result.failed.push({ entries: sent, message, retryable });
      result.applied.push(...done);
      continue;
    }
    result.applied.push(...sent, ...done);
    for (const entry of sent) {
      if (!isPracticeForm(entry.form)) continue;
      changes.push({
        suggestionId: entry.suggestionId,
        column: tab.name,
        oldValue: null,
        newValue: practiceRowSummary(entry.form, entry.cells),
        source: "link",
        actor: entry.actor
          ? actorLabel({ kind: entry.actor.kind, recipient: entry.actor.name, id: entry.actor.linkId })
          : null,
      });
    }
  }
  await deps.inbox.mark(result.applied, "applied", at, null);
  // A passing failure leaves the entry pending (the queue tries again); a lasting one is shown to
  // staff in 校验问题 until they fix the tab, and the sync queues it again then.
  for (const f of result.failed)
    await deps.inbox.mark(f.entries, f.retryable ? "pending" : "failed", at, f.message);
  if (changes.length > 0) await deps.snapshots.record(changes, at);
  return result;
}
