import { matchHeaders } from "../../../sheets-schema/header-map";
import { ledgerTab } from "../../../sheets-schema/tabs";
import { lastNoticeTexts } from "../../domain/notices/last-notice";
import type { PlannedWrite } from "../../domain/sync/remap";
import type { SheetsClient } from "../../sheets/client";
import type { Lease } from "../../store/lease";
import type { MetaStore } from "../../store/meta";
import type { NoticeOutbox } from "../../store/outbox";
import { localDate } from "../local-time";
import { writeLedgerCells } from "../sheet-writes/write-ledger-cells";

const HEADER = "最近通知";

/**
 * Writes 最近通知 for these 编号, recomputed from every notice sent about them. Each value is placed
 * by 编号 on `ledger`, the ledger as just read (readRowsHolding: its 编号 column and these rows, not
 * the whole tab), and checked after it landed (writeLedgerCells), so a sort never leaves it on
 * another row; a 编号 held by two rows is skipped (the sync reports it). Unchanged cells are not written.
 */
export async function writeLastNotices(
  deps: { noticeOutbox: NoticeOutbox; sheets: SheetsClient; lease: Lease; meta: MetaStore },
  ledger: readonly (readonly unknown[])[],
  suggestionIds: readonly string[],
  timeZone: string,
): Promise<{ written: number; held: number }> {
  if (suggestionIds.length === 0) return { written: 0, held: 0 };
  const match = matchHeaders(ledgerTab, ledger[0]);
  if (!match.ok || match.columns.indexOf.lastNotice === undefined)
    return { written: 0, held: suggestionIds.length };
  const sent = await deps.noticeOutbox.sentAbout(suggestionIds);
  const texts = lastNoticeTexts(
    sent.map((n) => ({
      suggestionId: n.suggestionId as string,
      type: n.type,
      recipient: n.recipient,
      sentAt: n.sentAt ?? n.plannedAt,
      sentOn: localDate(Date.parse(n.sentAt ?? n.plannedAt), timeZone),
    })),
  );
  const writes: PlannedWrite[] = [...texts].map(([id, value]) => ({
    key: { kind: "id", id },
    header: HEADER,
    value,
    sourceRow: 0,
  }));
  const result = await writeLedgerCells(deps, writes, ledger);
  return { written: result.cellsWritten, held: result.held.length };
}
