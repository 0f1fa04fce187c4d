import { NOT_KEPT } from "../../domain/practice/check-practice-rows";
import { type IdsMissing, idsMissing, idsMissingRestoreMessage } from "../../domain/sync/cleared-ids";
import {
  type NotWrittenCell,
  notWrittenAdvice,
  notWrittenCells,
  restoreNote,
} from "../../domain/sync/extra-columns";
import { heldLedgerRestoreMessage, ledgerHoldOf } from "../../domain/sync/lost-ledger";
import type { Snapshot } from "../../domain/sync/plan-history";
import { renumberedAdvice, sameTitleAndDeputy } from "../../domain/sync/renumbered";
import { cellText } from "../../domain/sync/row-identity";
import { type CallOptions, type SheetsClient, SheetsError } from "../../sheets/client";
import type { Lease } from "../../store/lease";
import { META_SUMMARY, type MetaStore } from "../../store/meta";
import type { SnapshotStore } from "../../store/snapshots";
import { insertLedgerRows } from "../sheet-writes/insert-ledger-rows";
import { readLedgerColumns } from "../sheet-writes/ledger-columns";
import { localDayIn } from "./mark-vanished";
import { META_LEDGER_HOLD } from "./plan-run";
import { parseStamp } from "./summary-stamp";

export type RestoreResult =
  | {
      ok: true;
      id: string;
      row: number;
      /** What staff are told, in Chinese: where the row is, and any kept value it could not write. */
      message: string;
      /** Kept values whose column the ledger no longer has (an office's own column deleted): not written. */
      notWritten: NotWrittenCell[];
    }
  | {
      ok: false;
      code:
        | "not_found"
        | "not_removed"
        | "in_sheet"
        | "already_restored"
        | "renumbered"
        | "ids_missing"
        | "ledger_held"
        | "busy"
        | "sheets_quota"
        | "sheets_failed";
      message: string;
      row?: number | null;
      /** Google refused for now (quota, a 5xx, the network): the same click later may succeed. */
      retryable?: boolean;
    };

/** What a click may safely do again: the next restore reads the sheet first, so no row is added twice. */
const AGAIN = "（再次恢复时系统会先查看表格，已补回的行不会重复添加）";

/** Google refused a call of a restore: the claim is freed by then, and what staff should do. */
export interface SheetsRefusal {
  ok: false;
  code: "sheets_quota" | "sheets_failed";
  message: string;
  /** The same click later may succeed (quota, a 5xx, the network). */
  retryable: boolean;
}

/**
 * What Google's refusal of a restore tells staff, in Chinese, of `what` (`编号 2026-040`, `这 20 条建议`).
 * A 429 is the per-minute quota, which a click a minute later finds renewed.
 */
export function sheetsRefusal(what: string, error: SheetsError): SheetsRefusal {
  if (error.httpStatus === 429)
    return {
      ok: false,
      code: "sheets_quota",
      retryable: true,
      message: `Google 表格每分钟的读写次数已用完，${what}这次没有恢复：请一分钟后再点“恢复”${AGAIN}`,
    };
  if (error.retryable)
    return {
      ok: false,
      code: "sheets_failed",
      retryable: true,
      message: `Google 表格暂时出错，${what}这次没有恢复：请几分钟后再点“恢复”${AGAIN}`,
    };
  return {
    ok: false,
    code: "sheets_failed",
    retryable: false,
    message: `${what}没有恢复：${error.hint}${AGAIN}`,
  };
}

/**
 * A restore is a click staff wait on: Google's 429 (the per-minute quota) ends it at the first
 * refusal, its reads and its write alike, and staff are told to click again in a minute. Retrying
 * kept them 9–12 s on the page for the same answer. Google refuses a 429 before doing anything, so
 * nothing is half written; the claim is freed below and the next click reads the sheet first.
 */
export const AT_ONCE_ON_QUOTA: CallOptions = { failOnQuota: true };

export interface RestoreDeps {
  sheets: SheetsClient;
  snapshots: SnapshotStore;
  lease: Lease;
  meta: MetaStore;
}

/**
 * Rows of the ledger holding this 编号 now, and the rows that hold the snapshot's 标题 and 领衔代表
 * under another 编号 (the suggestion renumbered: a row whose 编号 staff cleared, or typed over);
 * and whether most rows have no 编号 (idsMissing). A read of three columns, not the whole tab (a
 * 2,000-row ledger's 30 columns would take the invocation's CPU).
 */
async function rowsNow(
  deps: RestoreDeps,
  id: string,
  snapshot: Snapshot,
): Promise<{ holding: number[]; renumbered: { row: number; id: string }[]; missing: IdsMissing | null }> {
  const read = await readLedgerColumns(deps, ["编号", "标题", "领衔代表"], [], "data", AT_ONCE_ON_QUOTA);
  const [idAt, titleAt, deputyAt] = ["编号", "标题", "领衔代表"].map((h) => read.header.indexOf(h));
  const holding: number[] = [];
  const renumbered: { row: number; id: string }[] = [];
  for (let i = 1; i < read.rows.length; i++) {
    const row = read.rows[i] ?? [];
    const rowId = cellText(row[idAt as number]);
    if (rowId === id) holding.push(i + 1);
    else if (sameTitleAndDeputy(snapshot, row[titleAt as number], row[deputyAt as number]))
      renumbered.push({ row: i + 1, id: rowId });
  }
  return { holding, renumbered, missing: idsMissing(read.rows, read.header) };
}

/** When the sync first saw this 编号 (null for a blank one, or one it never saw). */
async function firstSeen(deps: RestoreDeps, id: string): Promise<string | null> {
  return id ? ((await deps.snapshots.load(id))?.firstSeenAt ?? null) : null;
}

/**
 * The office's local date of an instant, in the 设置 时区 the last sync stamped (as the dashboard's
 * pages and 校验问题 date them): read only when restore is refused for a renumbered suggestion.
 */
async function officeDay(meta: MetaStore): Promise<(iso: string) => string> {
  return localDayIn(parseStamp(await meta.get(META_SUMMARY)).timeZone ?? "");
}

/** The ledger held as lost (its tab missing, its rows all but gone): a restore refused with why and what helps. */
export interface LedgerHeld {
  ok: false;
  code: "ledger_held";
  message: string;
  retryable: false;
}

/**
 * Whether the last sync plan held 建议台账 as lost. Then no suggestion is marked vanished (so "still
 * in the ledger" would be false) and a row put back one at a time restores nothing of the ledger.
 */
export async function ledgerHeld(meta: MetaStore): Promise<LedgerHeld | null> {
  const hold = ledgerHoldOf(await meta.get(META_LEDGER_HOLD));
  return hold
    ? { ok: false, code: "ledger_held", message: heldLedgerRestoreMessage(hold), retryable: false }
    : null;
}

/**
 * Puts a suggestion that vanished from the sheet back, from its last snapshot: one row added
 * exactly once under the current headers (its staff columns and the office's own columns, 附加列,
 * by header; a kept value whose column is gone is named in the answer), so the next sync
 * recomputes the rest. The restore is claimed in D1 first: parallel or repeated clicks add one
 * row at most, and a 编号 still (or again) in the sheet is never added twice.
 */
export async function restoreSuggestion(
  deps: RestoreDeps,
  id: string,
  nowMs: number,
  by: string | null,
): Promise<RestoreResult> {
  // Before the claim: while held, nothing is claimed, read or written.
  const held = await ledgerHeld(deps.meta);
  if (held) return held;
  const at = new Date(nowMs).toISOString();
  const claim = await deps.snapshots.claimRestore(id, at, by);
  if (!claim.ok) {
    if (claim.reason === "not_found")
      return {
        ok: false,
        code: "not_found",
        message: `没有编号为 ${id} 的建议记录，无法恢复：请核对编号${NOT_KEPT}`,
      };
    if (claim.reason === "not_removed")
      return { ok: false, code: "not_removed", message: `编号 ${id} 仍在『建议台账』中，无需恢复` };
    const where = claim.row ? `第 ${claim.row} 行` : "表格";
    return {
      ok: false,
      code: "already_restored",
      message: `编号 ${id} 已在恢复中或已恢复到${where}，无需再次恢复`,
      row: claim.row,
    };
  }
  try {
    const snapshot = await deps.snapshots.load(id);
    if (!snapshot) throw new Error(`没有编号为 ${id} 的建议记录`);
    const { holding, renumbered, missing } = await rowsNow(deps, id, snapshot);
    if (holding.length > 0) {
      await deps.snapshots.restored(id, holding[0] as number);
      return {
        ok: false,
        code: "in_sheet",
        message: `编号 ${id} 已在『建议台账』第 ${holding.join("、")} 行，无需恢复（下次同步后不再显示为消失）`,
        row: holding[0] as number,
      };
    }
    // The 编号 column cleared: a row put back now would be the one numbered row, and its title may
    // match an unnumbered row that is itself (renumbered would send staff the wrong way).
    if (missing) {
      await deps.snapshots.releaseRestore(id);
      return {
        ok: false,
        code: "ids_missing",
        message: idsMissingRestoreMessage(missing, `编号 ${id} `),
        retryable: false,
      };
    }
    // Restoring would put the same suggestion in the ledger twice, counted and reminded twice.
    const same = renumbered[0];
    if (same) {
      await deps.snapshots.releaseRestore(id);
      const [presentSince, localDay] = await Promise.all([firstSeen(deps, same.id), officeDay(deps.meta)]);
      return {
        ok: false,
        code: "renumbered",
        message: renumberedAdvice(snapshot, same, presentSince, localDay),
        row: same.row,
      };
    }
    // Placed on the insert's own read, taken under the write lock: rows a form added (or staff
    // deleted) since this read would make its last row stale.
    // The office's own columns first: a contract column of the same name keeps the staff value.
    const cells = { ...snapshot.extraValues, ...snapshot.staffValues };
    const result = await insertLedgerRows(
      deps,
      [{ id, title: cellText(snapshot.staffValues.标题), cells }],
      undefined,
      AT_ONCE_ON_QUOTA,
    );
    if (result.outcome === "busy") {
      await deps.snapshots.releaseRestore(id);
      return { ok: false, code: "busy", message: "表格正在写入，请稍后再点“恢复”" };
    }
    const row = result.inserted.get(id) ?? result.alreadyThere.get(id) ?? 0;
    const notWritten = notWrittenCells(cells, result.header);
    await deps.snapshots.restored(id, row);
    await deps.snapshots.record(
      [
        {
          suggestionId: id,
          column: "编号",
          oldValue: null,
          newValue: id,
          source: "dashboard",
          actor: by,
          note: restoreNote(row, notWritten, false),
        },
      ],
      at,
    );
    const message = `编号 ${id} 已恢复到『建议台账』第 ${row} 行${notWrittenAdvice(row, notWritten)}`;
    return { ok: true, id, row, message, notWritten };
  } catch (error) {
    // Freed whatever failed: a row a lost answer put in the sheet is found by the next click's read.
    await deps.snapshots.releaseRestore(id);
    if (error instanceof SheetsError) return sheetsRefusal(`编号 ${id} `, error);
    throw error;
  }
}
