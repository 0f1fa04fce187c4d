import { matchHeaders } from "../../../sheets-schema/header-map";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { noticeLogTab } from "../../../sheets-schema/tabs";
import { maskSecret } from "../../channels/robot-address";
import { noticeLogRows } from "../../domain/notices/log-rows";
import { quoteSheet } from "../../sheets/a1";
import type { SheetsClient } from "../../sheets/client";
import type { StoredNotice } from "../../store/outbox";
import { appendRowsOnce } from "../sheet-writes/append-rows-once";
import { type LedgerColumns, readRowsHolding } from "../sheet-writes/ledger-columns";
import type { NoticeDeps } from "./notice-deps";
import { localDateTime, officeClock } from "./office-clock";
import { writeLastNotices } from "./write-last-notice";

export type FlushResult =
  | {
      outcome: "ok";
      logged: number;
      lastNotices: number;
      held: number;
      sheetsCalls: number;
      /** More outcomes wait than one flush writes: the log step queues the next (log-step.ts). */
      more: boolean;
    }
  | { outcome: "busy" }
  | { outcome: "failed"; message: string };

const LEASE_NAME = "notice-log";
const LEASE_TTL_MS = 2 * 60_000;
/**
 * Outcomes written per flush; more wait for the next step, queued at once (log-step.ts). Its CPU grows
 * with the outcomes (their rows placed, copied and checked by 编号): 10 read 3–5 ms in the bench, 78
 * read 21–36, so 20 keep a flush within the Free plan's 10 ms; 500 (a first run's e-mails, or ten
 * robots' bundles) made one flush of well over 100 ms.
 */
export const FLUSH_LIMIT = 20;

function outcomeRows(
  outcomes: readonly StoredNotice[],
  timeZone: string,
  columns: Parameters<typeof noticeLogRows>[1],
) {
  return noticeLogRows(
    outcomes.map((n) => ({
      localTime: localDateTime(Date.parse(n.finishedAt ?? n.plannedAt), timeZone),
      suggestionId: n.suggestionId,
      type: n.type,
      // A 周报接收人 is named by its robot address, whose key posts into the group: all staff read 通知记录.
      recipient: maskSecret(n.recipient),
      channel: n.channel,
      state: n.status,
      title: n.title,
      error: n.lastError && n.status === "失败" ? n.lastError : null,
    })),
    columns,
  );
}

const blankCell = (cell: unknown) => cell === "" || cell === null || cell === undefined;

/**
 * 通知记录's header row, and whether a row follows it: as read with the ledger's columns, or alone
 * when they were not read.
 */
async function logTop(
  sheets: SheetsClient,
  ledger: LedgerColumns | null,
  range: string,
): Promise<{ header: unknown[]; rowsBelow: boolean }> {
  const values = (ledger ? ledger.also[0] : (await sheets.batchGet([range]))[0]?.values) as
    | unknown[][]
    | undefined;
  return { header: values?.[0] ?? [], rowsBelow: !(values?.[1] ?? []).every(blankCell) };
}

/**
 * Writes finished notices to the sheet with a fixed number of calls however many there are: for
 * 最近通知, two reads of the ledger (a few columns of every row and 通知记录's header, then the rows of
 * the notices' 编号) and one checked write (re-mapped by 编号 onto the rows as they are now); one
 * values.append for every new 通知记录 row (its header read alone when no notice was sent). One
 * flush at a time (lease), so two consumers never log the same outcome twice.
 */
export async function flushNoticeLog(
  deps: Pick<NoticeDeps, "lease" | "meta" | "noticeOutbox" | "sheets" | "tabCache">,
  nowMs: number,
): Promise<FlushResult> {
  const holder = `notice-log-${crypto.randomUUID()}`;
  if (!(await deps.lease.acquire(LEASE_NAME, holder, LEASE_TTL_MS, nowMs))) return { outcome: "busy" };
  const callsBefore = deps.sheets.callCount;
  try {
    // One more than is written: whether another flush is needed, with no query of its own.
    const waiting = await deps.noticeOutbox.unlogged(FLUSH_LIMIT + 1);
    const more = waiting.length > FLUSH_LIMIT;
    const outcomes = waiting.slice(0, FLUSH_LIMIT);
    if (outcomes.length === 0)
      return { outcome: "ok", logged: 0, lastNotices: 0, held: 0, sheetsCalls: 0, more: false };
    const { timeZone } = await officeClock(deps.tabCache, nowMs);
    // The header and the row under it: whether the tab holds any notice yet (see appendRowsOnce).
    const logHeader = `${quoteSheet(TAB_NAMES.noticeLog)}!1:2`;
    const sentIds = [
      ...new Set(
        outcomes.filter((n) => n.status === "已发送" && n.suggestionId).map((n) => n.suggestionId as string),
      ),
    ];
    // 通知记录's header comes with the ledger's columns when 最近通知 is to be written: one read less.
    const ledger = sentIds.length > 0 ? await readRowsHolding(deps, sentIds, [], [logHeader]) : null;
    const { header, rowsBelow } = await logTop(deps.sheets, ledger, logHeader);
    const last = await writeLastNotices(deps, ledger?.rows ?? [], sentIds, timeZone);
    const emptyTab = header.every(blankCell);
    const match = matchHeaders(noticeLogTab, emptyTab ? noticeLogTab.columns.map((c) => c.header) : header);
    if (!match.ok) {
      const reasons = match.problems.map((p) => p.message).join("；");
      return {
        outcome: "failed",
        message: `『${TAB_NAMES.noticeLog}』表头无法识别，通知结果暂未写入：${reasons}`,
      };
    }
    const rows = outcomeRows(outcomes, timeZone, match.columns);
    // A tab left without its header gets it back with the first rows.
    const values = emptyTab ? [noticeLogTab.columns.map((c) => c.header), ...rows] : rows;
    // The first notices fill the rows `sheet:init` formatted (时间 as a date and time): inserted under
    // the header they took its bold and no date format, and every row after copied theirs.
    await appendRowsOnce(deps.sheets, TAB_NAMES.noticeLog, values, { overwrite: !rowsBelow });
    await deps.noticeOutbox.markLogged(outcomes.map((n) => n.id));
    return {
      outcome: "ok",
      logged: outcomes.length,
      lastNotices: last.written,
      held: last.held,
      sheetsCalls: deps.sheets.callCount - callsBefore,
      more,
    };
  } catch (error) {
    return { outcome: "failed", message: error instanceof Error ? error.message : String(error) };
  } finally {
    await deps.lease.release(LEASE_NAME, holder);
  }
}
