import { settingDefs } from "../../../sheets-schema/settings";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { SettingRecord } from "../../../sheets-schema/tabs/config-tabs";
import { nameKey } from "../directory";
import type { IdFormat } from "../numbering";
import type { Problem } from "../problems";
import type { TabRead } from "../read-tab";

/** The ledger's 编号 that read like the format's output but are written otherwise (2025001). */
export interface UnlikeIds {
  readonly count: number;
  /** The first of them the plan met, named in the 提醒. */
  readonly example: string;
}

/**
 * Each year's highest sequence among the ledger's 编号 (year 0 when the format has no {年}),
 * counting those written otherwise than the format (format.parseAlike: 2025001 for
 * `{年}-{序号:3}`), so the next number handed out never reads like one the ledger holds. One pass
 * over the 编号 the plan reads anyway; the second parse runs only for an id the format refused.
 */
export function idFloors(
  format: IdFormat,
  ids: readonly string[],
): { floors: Map<number, number>; unlike: UnlikeIds | null } {
  const floors = new Map<number, number>();
  let count = 0;
  let example = "";
  for (const id of ids) {
    let parsed = format.parse(id);
    if (!parsed) {
      parsed = format.parseAlike(id);
      if (!parsed) continue;
      if (count === 0) example = id.trim();
      count += 1;
    }
    const year = format.hasYear ? (parsed.year ?? 0) : 0;
    floors.set(year, Math.max(floors.get(year) ?? 0, parsed.seq));
  }
  return { floors, unlike: count > 0 ? { count, example } : null };
}

const ID_FORMAT_ITEM = nameKey(settingDefs.find((def) => def.key === "idFormat")?.item ?? "编号格式");

/** The 设置 row whose 项目 is 编号格式 (the first, as readSettings uses), or null when there is none. */
export function idFormatRow(read: TabRead<unknown>): number | null {
  // buildLedgerContext reads 设置 with settingsTab: its records are SettingRecord.
  const rows = read.rows as readonly { rowNumber: number; blank: boolean; record: SettingRecord }[];
  for (const row of rows)
    if (!row.blank && row.record.item && nameKey(row.record.item) === ID_FORMAT_ITEM) return row.rowNumber;
  return null;
}

/**
 * One 提醒 a sync for all the 编号 written otherwise than 编号格式: on the 设置 row of 编号格式 (its
 * 值), or on the tab when the row is missing (the default format in use). New numbers follow on
 * from theirs (idFloors) but are written in the format, so two writings stand side by side until
 * staff set the format the office uses.
 */
export function unlikeIdsProblem(format: IdFormat, unlike: UnlikeIds, settingsRow: number | null): Problem {
  const parsed = format.parseAlike(unlike.example);
  const asFormat = parsed ? format.format(parsed.year ?? 0, parsed.seq) : "";
  const suggested = format.sourceLike(unlike.example) ?? format.source;
  const fix =
    settingsRow === null
      ? `请在『${TAB_NAMES.settings}』中添加一行：项目填 编号格式，值填 ${suggested}`
      : `请把本行的值改为 ${suggested}`;
  const message =
    `『${TAB_NAMES.ledger}』中有 ${unlike.count} 个编号的写法与编号格式 ${format.source} 不同` +
    `（如 ${unlike.example}${asFormat ? `，按编号格式应写作 ${asFormat}` : ""}）：` +
    `新编号会接着这些编号的序号往下编，不会重号，但仍按编号格式书写，两种写法会同时出现。` +
    `如本单位一直这样编号，${fix}`;
  return {
    tab: TAB_NAMES.settings,
    row: settingsRow,
    column: settingsRow === null ? null : "值",
    level: "提醒",
    message,
    id: null,
  };
}
