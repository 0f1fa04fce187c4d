import { matchHeaders } from "../../../sheets-schema/header-map";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { ledgerTab } from "../../../sheets-schema/tabs";
import { lastNoticeTexts } from "../../domain/notices/last-notice";
import { groupRowWrites } from "../../domain/sync/group-writes";
import { type PlannedWrite, remapWrites } from "../../domain/sync/remap";
import { cellText } from "../../domain/sync/row-identity";
import type { SheetsClient } from "../../sheets/client";
import type { NoticeOutbox } from "../../store/outbox";
import { localDate } from "../local-time";

const HEADER = "最近通知";

/**
 * Writes 最近通知 for these 编号, recomputed from every notice sent about them. Rows are found by
 * 编号 in the ledger as just read (remapWrites), so a sort never sends a value to another row; a
 * 编号 held by two rows is skipped (the sync reports it). Unchanged cells are not written.
 */
export async function writeLastNotices(
  deps: { noticeOutbox: NoticeOutbox; sheets: SheetsClient },
  suggestionIds: readonly string[],
  ledger: readonly unknown[][],
  timeZone: string,
): Promise<{ written: number; held: number }> {
  if (suggestionIds.length === 0) return { written: 0, held: 0 };
  const match = matchHeaders(ledgerTab, ledger[0]);
  if (!match.ok || match.columns.indexOf.lastNotice === undefined)
    return { written: 0, held: suggestionIds.length };
  const column = match.columns.indexOf.lastNotice;
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
  const { placed, held } = remapWrites(writes, ledger, { idHeader: "编号", staffHeaders: [] });
  const changed = placed.filter((p) => cellText(ledger[p.row - 1]?.[column]) !== p.value);
  if (changed.length > 0)
    await deps.sheets.batchUpdateValues(groupRowWrites(TAB_NAMES.ledger, changed), "RAW");
  return { written: changed.length, held: held.length };
}
