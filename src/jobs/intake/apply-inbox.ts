import { matchHeaders } from "../../../sheets-schema/header-map";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { ledgerTab } from "../../../sheets-schema/tabs";
import { isLedgerForm } from "../../domain/intake/inbox-forms";
import { type StoredDues, storedDues } from "../../domain/intake/late-reply";
import { SENDER_CELL } from "../../domain/intake/map-answers";
import type { UnitLookup } from "../../domain/intake/sender-check";
import { actorLabel } from "../../domain/links/capability";
import { loadFacts } from "../../domain/summary/summary-row";
import type { FieldChange } from "../../domain/sync/plan-history";
import type { PlacedWrite, PlannedWrite } from "../../domain/sync/remap";
import { cellText, rowKeyString } from "../../domain/sync/row-identity";
import { CONFIRM_SWITCH_LABEL, sheetSwitchSeen } from "../../domain/sync/switched-sheet";
import type { SheetsClient } from "../../sheets/client";
import type { Inbox, InboxEntry, InboxMark } from "../../store/inbox";
import type { Lease } from "../../store/lease";
import { META_SUMMARY, type MetaStore } from "../../store/meta";
import type { Objections } from "../../store/objections";
import type { SnapshotStore } from "../../store/snapshots";
import type { SummaryStore } from "../../store/summary-store";
import type { TabCache } from "../../store/tab-cache";
import { baseTabsContext } from "../ledger-view";
import { insertLedgerRows } from "../sheet-writes/insert-ledger-rows";
import { readRowsHolding } from "../sheet-writes/ledger-columns";
import { restoredChanges } from "../sheet-writes/restored-changes";
import { writeLedgerCells } from "../sheet-writes/write-ledger-cells";
import { pendingSwitch } from "../sync/sheet-switch";
import type { IntakeMessage } from "./accept-submission";
import { applyObjections } from "./apply-objections";
import { applyOpinions } from "./apply-opinions";
import { applyPracticeEntries } from "./apply-practice";
import { stampedTimeZone } from "./office-zone";
import { type ApplyPlan, type EntryLines, planApply } from "./plan-apply";
import { recordWriteFailure } from "./write-failure";

export interface ApplyDeps {
  sheets: SheetsClient;
  inbox: Inbox;
  lease: Lease;
  meta: MetaStore;
  snapshots: Pick<SnapshotStore, "record">;
  objections: Objections;
  /** The ledger as the last sync evaluated it: the 办理期限 it computed, for a late reply's 备注 line. */
  summaries: Pick<SummaryStore, "loadFactsWithIds">;
  /** The small tabs the last sync stored: 承办单位, whose 原名称 a reply's 答复单位 may be. */
  tabCache: TabCache;
}

export type ApplyResult =
  | {
      outcome: "ok";
      appended: number;
      updated: number;
      unmatched: number;
      /** Replies to a round the deputy already rated: kept, not written, listed in 校验问题. */
      refused: number;
      /** Ratings of a round with no reply yet: kept, retried, listed in 校验问题 until the reply lands. */
      awaitingReply: number;
      alreadyThere: number;
      /** Rows added to 沟通记录, 延期申请 and 协办意见; objections recorded for staff. */
      practiceRows: number;
      objections: number;
      sheetsCalls: number;
    }
  | { outcome: "busy" }
  | { outcome: "failed"; retryable: boolean; message: string };

const LEASE_NAME = "intake";
const LEASE_TTL_MS = 2 * 60_000;

/** Where an entry came from, as the history tells it: a form (its submission id) or a personal link. */
function sourceOf(entry: InboxEntry): Pick<FieldChange, "source" | "actor"> {
  if (!entry.actor) return { source: "form", actor: entry.submissionId };
  const { kind, name, linkId } = entry.actor;
  return { source: "link", actor: actorLabel({ kind, recipient: name, id: linkId }) };
}

const writeKey = (w: PlannedWrite) => `${rowKeyString(w.key)}|${w.header}|${w.appendLine ? w.value : ""}`;

/**
 * The batch's own write that a confirmed write carried, or null for a write the batch never planned:
 * a repair putting back a cell that a sort or an inserted row made one of its values overwrite
 * (restoredChanges records that once, as 系统修复; crediting it to a form told the wrongly hit
 * suggestion's history that a form changed its reply, in another unit's words). A write placed again
 * after a misplaced round is a copy (verifyCapture's): it carries its cell's first value (`was`, and
 * `base` for a line to add), which a repair never does, and is found by its row, column and line.
 */
function ownWrite(
  planned: PlannedWrite,
  entryOf: ReadonlyMap<PlannedWrite, InboxEntry>,
  byKey: ReadonlyMap<string, PlannedWrite>,
): PlannedWrite | null {
  if (entryOf.has(planned)) return planned;
  return planned.was !== undefined ? (byKey.get(writeKey(planned)) ?? null) : null;
}

/**
 * The history of what the forms and links wrote: a new suggestion, or each cell a reply or rating
 * filled in on its own suggestion's row. Nothing else the write confirmed is a form's change.
 */
function formChanges(plan: ApplyPlan, confirmed: readonly PlacedWrite[]): FieldChange[] {
  const created: FieldChange[] = plan.appended.map((e) => ({
    suggestionId: e.suggestionId,
    column: "编号",
    oldValue: null,
    newValue: e.suggestionId,
    ...sourceOf(e),
    note: e.actor ? "通过个人链接提出的新建议" : "表单提交的新建议",
  }));
  const entryOf = new Map<PlannedWrite, InboxEntry>();
  for (const [entry, writes] of plan.writesOf) for (const w of writes) entryOf.set(w, entry);
  const byKey = new Map([...entryOf.keys()].map((w) => [writeKey(w), w]));
  const filled: FieldChange[] = confirmed.flatMap((p) => {
    const planned = ownWrite(p.planned, entryOf, byKey);
    if (!planned) return [];
    const by = plan.linesBy.get(planned) ?? [];
    if (by.length > 0) return joinedLineChanges(p, by);
    const entry = entryOf.get(planned);
    if (!entry) return [];
    return [
      {
        suggestionId: p.key.kind === "id" ? p.key.id : "",
        column: p.header,
        oldValue: p.was || null,
        newValue: String(p.value),
        ...sourceOf(entry),
      },
    ];
  });
  return [...created, ...filled];
}

/**
 * The history of one 备注 write that joined the lines of a batch's submissions (planApply): a change
 * for each submission that brought a line, adding its own lines to the text before, so the timeline
 * names who brought every line (the whole write credited to the batch's last submission claimed the
 * others' lines for it, or a line it only repeated). The last change ends on what the cell now holds.
 */
function joinedLineChanges(p: PlacedWrite, by: readonly EntryLines[]): FieldChange[] {
  let text = p.was ?? "";
  return by.map(({ entry, lines }, i) => {
    const added = lines.join("\n");
    const next = i === by.length - 1 ? String(p.value) : text ? `${text}\n${added}` : added;
    const change: FieldChange = {
      suggestionId: p.key.kind === "id" ? p.key.id : "",
      column: p.header,
      oldValue: text || null,
      newValue: next,
      ...sourceOf(entry),
    };
    text = next;
    return change;
  });
}

/**
 * The column planning reads of every row besides 编号 when the batch adds suggestions: whether this
 * very suggestion is in already (its 编号 and 标题). Replies and ratings need only the rows holding
 * their 编号, read whole (二次交办日期 and the rest): a county's 2,000 titles, 95 KB of Google's
 * answer, were read and parsed for a batch of one reply.
 */
const NEW_ROW_HEADERS = ["标题"];

/**
 * The 办理期限 the last sync computed for the suggestions the batch's replies answer (late-reply.ts):
 * one D1 read for the batch, none without a reply. Parts of an older build without an index answer
 * nothing: the rows' 办理期限 cells are read then, as before.
 */
async function lastSyncDues(
  deps: Pick<ApplyDeps, "summaries">,
  entries: readonly InboxEntry[],
): Promise<Map<string, StoredDues>> {
  const ids = [...new Set(entries.filter((e) => e.form === "reply").map((e) => e.suggestionId))];
  if (ids.length === 0) return new Map();
  return storedDues(((await deps.summaries.loadFactsWithIds(ids)) ?? []).map(loadFacts));
}

/**
 * 承办单位 as the last sync stored it, when a reply of the batch names its unit (答复单位) and so is
 * checked against its row's 主办单位 (sender-check): the tab cache's small tabs, built once per
 * isolate while they stay the same (one D1 lookup of their versions). None for any other batch.
 */
async function unitDirectory(
  deps: Pick<ApplyDeps, "tabCache">,
  entries: readonly InboxEntry[],
): Promise<UnitLookup | undefined> {
  const named = entries.some(
    (e) => e.form === "reply" && !e.actor && cellText(e.cells[SENDER_CELL.reply]) !== "",
  );
  return named ? (await baseTabsContext(deps.tabCache)).units : undefined;
}

/**
 * Applies a batch of inbox entries with a constant number of Sheets calls. To the ledger: one read,
 * one atomic insert of every new suggestion (exactly once, formatted like the rows around it), and
 * one checked write of every reply and rating, each placed on the row holding its 编号. To
 * practice.md's tabs: one read and one append per tab (apply-practice). Objections go to D1 only.
 * One batch at a time (lease), so two consumers never add the same entry.
 */
export async function applyInbox(
  deps: ApplyDeps,
  keys: readonly IntakeMessage[],
  nowMs: number,
): Promise<ApplyResult> {
  const holder = `intake-${crypto.randomUUID()}`;
  if (!(await deps.lease.acquire(LEASE_NAME, holder, LEASE_TTL_MS, nowMs))) return { outcome: "busy" };
  const callsBefore = deps.sheets.callCount;
  const at = new Date(nowMs).toISOString();
  let entries: InboxEntry[] = [];
  try {
    // Written already, or voided by staff (a message still in flight must not write it after all).
    const [stored, switched] = await Promise.all([
      deps.inbox.load(keys),
      pendingSwitch(deps.meta, deps.sheets.spreadsheetId),
    ]);
    const loaded = stored.filter((e) => e.status !== "applied" && e.status !== "discarded");
    if (switched && loaded.length > 0) {
      // SPREADSHEET_ID names another spreadsheet than the history's: a reply placed there by its
      // 编号 could land on another ledger's suggestion. Kept until staff confirm; the sync after
      // that queues them again (finish-run's outstanding).
      const message = `暂未写入：${sheetSwitchSeen(switched)}，等工作人员在看板上“${CONFIRM_SWITCH_LABEL}”后写入`;
      await deps.inbox.markEach(
        loaded.map((entry) => ({ entry, error: message })),
        "pending",
        at,
      );
      return { outcome: "failed", retryable: false, message };
    }
    // Rows of other tabs first (民意; 沟通记录, 延期申请, 协办意见; objections kept in D1), a constant
    // number of calls each, then the ledger's own entries.
    const opinions = await applyOpinions(
      deps,
      loaded.filter((e) => e.form === "opinion"),
      at,
    );
    if (opinions.outcome === "failed" && opinions.retryable) return opinions;
    const objections = await applyObjections(deps, loaded, at);
    const practice = await applyPracticeEntries(deps, loaded, at);
    const extra = {
      practiceRows: practice.applied.length,
      objections: objections.length,
    };
    const practiceFailure = practice.failed.find((f) => f.retryable);
    entries = loaded.filter((e) => isLedgerForm(e.form));
    if (entries.length === 0) {
      if (practiceFailure) return { outcome: "failed", retryable: true, message: practiceFailure.message };
      const sheetsCalls = deps.sheets.callCount - callsBefore;
      const fromOpinions = opinions.outcome === "ok" ? opinions : { appended: 0, alreadyThere: 0 };
      return {
        outcome: "ok",
        appended: fromOpinions.appended,
        updated: 0,
        unmatched: 0,
        refused: 0,
        awaitingReply: 0,
        alreadyThere: fromOpinions.alreadyThere,
        ...extra,
        sheetsCalls,
      };
    }
    const ids = entries.filter((e) => e.form !== "suggestion").map((e) => e.suggestionId);
    // New rows go after the last row with data; replies and ratings only need the rows' 编号.
    const adds = entries.some((e) => e.form === "suggestion");
    // 设置 时区, in which a reply's or report's 备注 line dates it: one read for the batch, none for
    // new suggestions alone (their cells were dated as they came).
    const [read, dues, stamp, units] = await Promise.all([
      readRowsHolding(deps, ids, adds ? NEW_ROW_HEADERS : [], [], adds ? "data" : "编号"),
      lastSyncDues(deps, entries),
      ids.length > 0 ? deps.meta.get(META_SUMMARY) : null,
      unitDirectory(deps, entries),
    ]);
    let ledger = read.rows;
    const match = matchHeaders(ledgerTab, ledger[0]);
    if (!match.ok) {
      const message = `『${TAB_NAMES.ledger}』表头无法识别：${match.problems.map((p) => p.message).join("；")}`;
      await deps.inbox.mark(entries, "failed", at, message);
      return { outcome: "failed", retryable: true, message };
    }
    const plan = planApply(entries, ledger, match.columns, dues, stampedTimeZone(stamp), units);
    if (plan.newRows.length > 0) {
      const inserted = await insertLedgerRows(deps, plan.newRows, read);
      if (inserted.outcome === "busy") return { outcome: "busy" };
      await deps.inbox.mark(plan.appended, "applied", at, null);
      // The writes below are placed on a read that shows the rows just added.
      if (plan.writes.length > 0) ledger = (await readRowsHolding(deps, ids)).rows;
    }
    await deps.inbox.mark(plan.alreadyThere, "applied", at, null);
    const written = await writeLedgerCells(deps, plan.writes, ledger);
    await deps.snapshots.record(
      [...formChanges(plan, written.confirmed), ...restoredChanges(written.restored)],
      at,
    );
    const held = new Map(written.held.map((h) => [writeKey(h.write), h.reason]));
    const updated: InboxEntry[] = [];
    const waiting: InboxMark[] = [];
    for (const [entry, writes] of plan.writesOf) {
      // Each reason once: a reply's cells are held together, usually for the same reason.
      const reasons = new Set(writes.map((w) => held.get(writeKey(w))).filter((r) => r !== undefined));
      if (reasons.size === 0) updated.push(entry);
      else waiting.push({ entry, error: `暂未写入：${[...reasons].join("；")}` });
    }
    // One statement per status, each entry with its own reason: a batch of 50 (the queue's most)
    // stays within the Free plan's 50 D1 queries an invocation.
    await deps.inbox.markEach(waiting, "pending", at);
    await deps.inbox.mark(updated, "applied", at, null);
    await deps.inbox.markEach(
      plan.unmatched.map(({ entry, reason }) => ({ entry, error: reason })),
      "unmatched",
      at,
    );
    // Failed, not applied: the sync lists each in 校验问题 with its reason and queues it again, so a
    // reply that came before staff typed 二次交办日期 still lands in round 2 once they do.
    // A rating before its reply waits the same way: listed (作废 beside it), queued again by each
    // sync, and written by the first try after the reply is in the sheet.
    await deps.inbox.markEach(
      [...plan.refused, ...plan.awaitingReply].map(({ entry, reason }) => ({ entry, error: reason })),
      "failed",
      at,
    );
    if (waiting.length > 0) {
      return {
        outcome: "failed",
        retryable: true,
        message: `${waiting.length} 条答复或测评暂未写入，稍后重试`,
      };
    }
    if (practiceFailure) return { outcome: "failed", retryable: true, message: practiceFailure.message };
    return {
      outcome: "ok",
      appended: plan.appended.length,
      updated: updated.length,
      unmatched: plan.unmatched.length,
      refused: plan.refused.length,
      awaitingReply: plan.awaitingReply.length,
      alreadyThere: plan.alreadyThere.length,
      ...extra,
      sheetsCalls: deps.sheets.callCount - callsBefore,
    };
  } catch (error) {
    // Pending with the try counted when Google's failure is worth retrying, failed for staff to see
    // otherwise (the sheet unshared): outstanding either way, so a sync queues them again.
    return await recordWriteFailure(deps.inbox, entries, error, at);
  } finally {
    await deps.lease.release(LEASE_NAME, holder);
  }
}
