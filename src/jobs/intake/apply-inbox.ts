import { matchHeaders } from "../../../sheets-schema/header-map";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { ledgerTab } from "../../../sheets-schema/tabs";
import { groupRowWrites } from "../../domain/sync/group-writes";
import { quoteSheet } from "../../sheets/a1";
import type { SheetsClient } from "../../sheets/client";
import { SheetsError } from "../../sheets/client";
import type { Inbox, InboxEntry } from "../../store/inbox";
import type { Lease } from "../../store/lease";
import type { IntakeMessage } from "./accept-submission";
import { planApply } from "./plan-apply";

export interface ApplyDeps {
  sheets: SheetsClient;
  inbox: Inbox;
  lease: Lease;
}

export type ApplyResult =
  | {
      outcome: "ok";
      appended: number;
      updated: number;
      unmatched: number;
      alreadyThere: number;
      sheetsCalls: number;
    }
  | { outcome: "busy" }
  | { outcome: "failed"; retryable: boolean; message: string };

const LEASE_NAME = "intake";

function describeFailure(error: unknown, message: string): string {
  return error instanceof SheetsError ? `${error.hint}（${message}）` : message;
}
const LEASE_TTL_MS = 2 * 60_000;

/**
 * Applies a batch of inbox entries to the ledger with a constant number of Sheets calls: one read,
 * one values.append (INSERT_ROWS) for all new suggestions, one values.batchUpdate for all replies
 * and ratings, all RAW. One batch at a time (lease), so two consumers never append the same entry.
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
    entries = (await deps.inbox.load(keys)).filter((e) => e.status !== "applied");
    if (entries.length === 0)
      return { outcome: "ok", appended: 0, updated: 0, unmatched: 0, alreadyThere: 0, sheetsCalls: 0 };
    const ledger = ((await deps.sheets.get(quoteSheet(TAB_NAMES.ledger))).values ?? []) as unknown[][];
    const match = matchHeaders(ledgerTab, ledger[0]);
    if (!match.ok) {
      const message = `『${TAB_NAMES.ledger}』表头无法识别：${match.problems.map((p) => p.message).join("；")}`;
      await deps.inbox.mark(entries, "failed", at, message);
      return { outcome: "failed", retryable: true, message };
    }
    const plan = planApply(entries, ledger, match.columns);
    if (plan.appendRows.length > 0) {
      await deps.sheets.append(`${quoteSheet(TAB_NAMES.ledger)}!A1`, plan.appendRows, {
        insertDataOption: "INSERT_ROWS",
        valueInputOption: "RAW",
      });
    }
    if (plan.writes.length > 0)
      await deps.sheets.batchUpdateValues(groupRowWrites(TAB_NAMES.ledger, plan.writes), "RAW");
    await deps.inbox.mark([...plan.appended, ...plan.updated, ...plan.alreadyThere], "applied", at, null);
    await deps.inbox.mark(plan.unmatched, "unmatched", at, "编号不在台账中");
    return {
      outcome: "ok",
      appended: plan.appended.length,
      updated: plan.updated.length,
      unmatched: plan.unmatched.length,
      alreadyThere: plan.alreadyThere.length,
      sheetsCalls: deps.sheets.callCount - callsBefore,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const retryable =
      typeof error === "object" && error !== null && "retryable" in error && error.retryable === true;
    // A permanent failure (the sheet unshared, a header gone) is recorded for staff to see; the
    // entries stay outstanding, so the sync after the fix queues them again.
    if (!retryable) await deps.inbox.mark(entries, "failed", at, describeFailure(error, message));
    return { outcome: "failed", retryable, message };
  } finally {
    await deps.lease.release(LEASE_NAME, holder);
  }
}
