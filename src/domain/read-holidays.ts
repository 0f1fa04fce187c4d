import type { HolidayRecord } from "../../sheets-schema/tabs/config-tabs";
import type { HolidayOverride } from "./calendar";
import type { TabRead } from "./read-tab";

/**
 * Reads 节假日 into calendar overrides. Rows with a bad 日期 or 类型 already carry their cell
 * problem and are left out; a date written twice keeps its first row.
 */
export function readHolidays(read: TabRead<HolidayRecord>): HolidayOverride[] {
  const seen = new Map<string, number>();
  const overrides: HolidayOverride[] = [];
  for (const row of read.rows) {
    const { date, kind, note } = row.record;
    if (row.blank || !date || !kind) continue;
    const earlier = seen.get(date);
    if (earlier !== undefined) {
      row.problems.error("日期", `日期 ${date} 在第 ${earlier} 行已经写过：每个日期只写一行，本行被忽略`);
      continue;
    }
    seen.set(date, row.rowNumber);
    overrides.push({ date, rest: kind === "休", note });
  }
  return overrides;
}
