import { type Settings, settingDefs } from "../../../sheets-schema/settings";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { SettingRecord } from "../../../sheets-schema/tabs/config-tabs";
import { nameKey } from "../directory";
import type { Problem } from "../problems";
import type { TabRead } from "../read-tab";

/**
 * 设置 启用日期: the first day the office recorded 沟通记录 and 协办意见 in jianyi. A ledger imported
 * with years of replies holds rounds handled before then, whose contacts and co-units' opinions
 * were never recorded here: those rounds are not checked against the two tabs (no 提醒, no 沟通提醒
 * or 协办提醒) and count in no 沟通率, rather than burying the office's real problems.
 */

/**
 * Whether a round 交办 on `start` (round 1: 交办日期; round 2: 二次交办日期) is checked against
 * 沟通记录 and 协办意见. Empty 启用日期 (the default) checks every round; so does a round without a
 * date, as before. One string comparison: ISO dates order as text.
 */
export function practiceChecked(
  start: string | null | undefined,
  practiceSince: string | undefined,
): boolean {
  return !practiceSince || !start || start >= practiceSince;
}

/** 启用日期 as a sync uses it, and the 设置 row it came from (null: not found there). */
export interface PracticeSinceSetting {
  readonly date: string;
  readonly row: number | null;
}

const ITEM = nameKey(settingDefs.find((def) => def.key === "practiceSince")?.item ?? "启用日期");

/**
 * 启用日期 as `settings` use it, with its 设置 row (the first row of the 项目, as readSettings takes
 * it); null when it is empty or was refused (an unreadable 值 has its 错误 and counts as empty).
 */
export function practiceSinceSetting(
  settings: Pick<Settings, "practiceSince">,
  read: TabRead<unknown>,
): PracticeSinceSetting | null {
  if (!settings.practiceSince) return null;
  // buildLedgerContext reads 设置 with settingsTab: its records are SettingRecord.
  const rows = read.rows as readonly { rowNumber: number; blank: boolean; record: SettingRecord }[];
  const row = rows.find((r) => !r.blank && r.record.item && nameKey(r.record.item) === ITEM);
  return { date: settings.practiceSince, row: row?.rowNumber ?? null };
}

/**
 * 设置's problems with a 提醒 on the 启用日期 row (in row order) when the date is after `today`: a
 * typo (2027 for 2026) would silently exempt every suggestion 交办 until then. The date is still
 * used: the rounds an office means to exempt (before the day it meant) are before the typo's day too,
 * and ignoring it would bury the office in 提醒 of rounds it never recorded; the 提醒 names the cost.
 * Said where `today` is the run's own day (the sync's finish, evaluateLedger), not in a plan a later
 * day may reuse, so it goes once the day arrives.
 */
export function withPracticeSinceProblem(
  problems: readonly Problem[],
  setting: PracticeSinceSetting | null | undefined,
  today: string,
): Problem[] {
  if (!setting || setting.date <= today) return [...problems];
  const problem: Problem = {
    tab: TAB_NAMES.settings,
    row: setting.row,
    column: setting.row === null ? null : "值",
    level: "提醒",
    message: practiceSinceLaterMessage(setting.date, today),
    id: null,
  };
  const row = setting.row;
  const at = row === null ? -1 : problems.findIndex((p) => p.row !== null && p.row > row);
  const list = [...problems];
  list.splice(at < 0 ? list.length : at, 0, problem);
  return list;
}

export function practiceSinceLaterMessage(date: string, today: string): string {
  return `启用日期 ${date} 晚于今天（${today}）：在这一天之前交办的建议都不检查办前联系、面商和协办意见，不发沟通提醒、协办提醒，也不计入沟通率。如是笔误请改正`;
}
