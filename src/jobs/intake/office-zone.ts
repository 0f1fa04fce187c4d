import { DEFAULT_TIME_ZONE } from "../../../sheets-schema/settings";
import { parseStamp } from "../sync/summary-stamp";

/**
 * The office's time zone for dating a submission: 设置 时区 as the last sync read it, from the stamp
 * it stored with its summary (META_SUMMARY, as the personal links and the dashboard read it), so
 * that intake needs no read of the sheet. Asia/Shanghai before any sync, as 设置 itself defaults.
 */
export function stampedTimeZone(stampText: string | null | undefined): string {
  return parseStamp(stampText).timeZone || DEFAULT_TIME_ZONE;
}
