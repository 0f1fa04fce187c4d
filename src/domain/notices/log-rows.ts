import type { Channel, NoticeState, NoticeType } from "../../../sheets-schema/enums";
import type { ColumnMap } from "../../../sheets-schema/header-map";
import { serialFromIso } from "../civil-date";

/** One outcome for the 通知记录 tab. */
export interface NoticeOutcome {
  /** Local date and time of the outcome, "YYYY-MM-DD HH:mm". */
  readonly localTime: string;
  readonly suggestionId: string | null;
  readonly type: NoticeType;
  readonly recipient: string;
  readonly channel: Channel;
  readonly state: NoticeState;
  readonly title: string;
  readonly error: string | null;
}

const MINUTES_PER_DAY = 1440;

/** "2026-03-02 09:05" → the sheet serial with the time as its fraction (shown with the column's format). */
export function dateTimeSerial(localTime: string): number | string {
  const serial = serialFromIso(localTime.slice(0, 10));
  const hours = Number(localTime.slice(11, 13));
  const minutes = Number(localTime.slice(14, 16));
  if (Number.isNaN(serial) || Number.isNaN(hours) || Number.isNaN(minutes)) return localTime;
  return serial + (hours * 60 + minutes) / MINUTES_PER_DAY;
}

/**
 * 通知记录 rows (时间 · 编号 · 通知类型 · 接收方 · 渠道 · 状态 · 摘要 · 错误) laid out under the tab's
 * header as it is now: columns are found by header, never by position.
 */
export function noticeLogRows(outcomes: readonly NoticeOutcome[], columns: ColumnMap): (string | number)[][] {
  const width = Math.max(...Object.values(columns.indexOf).map((i) => (i ?? 0) + 1), 0);
  return outcomes.map((o) => {
    const values: Record<string, string | number> = {
      time: dateTimeSerial(o.localTime),
      id: o.suggestionId ?? "",
      type: o.type,
      recipient: o.recipient,
      channel: o.channel,
      state: o.state,
      summary: o.title,
      error: o.error ?? "",
    };
    const row: (string | number)[] = Array.from({ length: width }, () => "");
    for (const [key, value] of Object.entries(values)) {
      const index = columns.indexOf[key];
      if (index !== undefined) row[index] = value;
    }
    return row;
  });
}
