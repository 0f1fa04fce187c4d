import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { LedgerContext } from "../ledger-context";
import { PRACTICE_RECORD_TABS } from "../practice/practice-index";
import { type Problem, tabProblem } from "../problems";
import { missingTabReason, type TabRead } from "../read-tab";

/**
 * The small tabs whose last read stays in force while the sheet's copy cannot be read, as with a
 * deleted tab: an emptied 承办单位 or 代表 would find every unit and deputy "not in the list" and
 * drop every notice, an emptied 设置 would turn 即将到期天数, 编号格式 and the rest back to the
 * defaults, an emptied 节假日 would move deadlines off the 调休 days, an emptied 通知模板 would send
 * every notice the office turned off (启用 = 否) in the built-in words, an emptied 领导 would stop
 * every leader's 交办通知 and 逾期催办. 承办单位, 代表, 设置 and 通知模板 are held also when only
 * their header is left where the last read had rows (the header typed back after select all →
 * Delete): an office always has units and deputies, and one that set 设置 or its templates up does
 * not drop every row at once (to go back to the built-in texts it deletes the rows it changed, not
 * the ones that turn notices off). 节假日 may well be cleared of a past year's days, and an office may
 * stop keeping its leaders in 领导 (practice.md: they are then looked up among 代表 and 周报接收人),
 * each one still named in 校验问题 where it cannot be reached.
 */
const HOLDABLE = [
  { tab: TAB_NAMES.units, read: "units", heldEmpty: true },
  { tab: TAB_NAMES.deputies, read: "deputies", heldEmpty: true },
  { tab: TAB_NAMES.settings, read: "settings", heldEmpty: true },
  { tab: TAB_NAMES.holidays, read: "holidays", heldEmpty: false },
  { tab: TAB_NAMES.templates, read: "templates", heldEmpty: true },
  { tab: TAB_NAMES.leaders, read: "leaders", heldEmpty: false },
] as const;

type Holdable = (typeof HOLDABLE)[number];

/** A small tab read from the last sync's copy, and the one 错误 that says so. */
export interface HeldTab {
  readonly tab: string;
  readonly problem: Problem;
}

const dataRows = (read: TabRead<unknown>) => read.rows.reduce((n, r) => n + (r.blank ? 0 : 1), 0);

/**
 * 领导 deleted from a sheet that had it: the context reads a missing 领导 as an empty list (a sheet
 * from before practice.md never had one), so it is told by the spreadsheet's tab titles: the tabs
 * `sheet:init` adds with it are there and it is not. A sheet with none of them is an older one,
 * which costs no D1 load on every sync.
 */
const leadersDeleted = (titles: readonly string[]) =>
  titles.length > 0 &&
  !titles.includes(TAB_NAMES.leaders) &&
  PRACTICE_RECORD_TABS.some((tab) => titles.includes(tab));

/** Why the tab's sheet copy is set aside when a tab is missing that the context reads as empty. */
const deletedReason = (def: Holdable, titles: readonly string[]) =>
  def.tab === TAB_NAMES.leaders && leadersDeleted(titles) ? missingTabReason(def.tab, titles) : null;

/** Deleted, unreadable now (missing, no header, a header 错误) or, where that counts, rows all gone. */
const suspect = (def: Holdable, now: TabRead<unknown>, titles: readonly string[]) =>
  deletedReason(def, titles) !== null || !now.readable || (def.heldEmpty && dataRows(now) === 0);

/**
 * The tabs of the context built from the sheet as read (`titles`: the spreadsheet's tab titles)
 * that may need the last read instead (names, for one D1 load of those alone; none on an ordinary
 * sync).
 */
export function tabsToHold(now: LedgerContext, titles: readonly string[] = []): string[] {
  return HOLDABLE.filter((def) => suspect(def, now.reads[def.read], titles)).map((def) => def.tab);
}

/**
 * Of those tabs, the ones the last read can stand in for (`last`: the context built with the
 * last read of each of them): it was readable and held rows (a tab the office never filled in is
 * told as it is now).
 */
export function heldTabs(now: LedgerContext, last: LedgerContext, titles: readonly string[] = []): HeldTab[] {
  const held: HeldTab[] = [];
  for (const def of HOLDABLE) {
    const read = now.reads[def.read];
    const before = last.reads[def.read];
    const rows = before.readable ? dataRows(before) : 0;
    if (!suspect(def, read, titles) || rows === 0) continue;
    const deleted = deletedReason(def, titles);
    const problem = deleted
      ? tabProblem(def.tab, "错误", `${deleted}${meanwhile(def.tab, rows)}`)
      : heldProblem(def.tab, read, rows);
    held.push({ tab: def.tab, problem });
  }
  return held;
}

/** What the sync does meanwhile, after what staff are to mend. */
const meanwhile = (tab: string, rows: number) =>
  `；改好之前，系统沿用上次同步读到的『${tab}』（${rows} 行），校验、页面和提醒照旧按它进行`;

/**
 * The tab's one 错误: its own (missing, header) with what the sync does meanwhile, or, for rows
 * all gone under the header, how to get them back.
 */
function heldProblem(tab: string, now: TabRead<unknown>, rows: number): Problem {
  const own = now.problems.find((p) => p.level === "错误");
  if (own) return { ...own, message: `${own.message}${meanwhile(tab, rows)}` };
  return {
    tab,
    row: null,
    column: null,
    level: "错误",
    id: null,
    message:
      `『${tab}』只有表头、没有数据（上次同步时有 ${rows} 行）：如果是误删（例如选中后按了删除），` +
      `请用“撤销”或“文件 → 版本记录”恢复${meanwhile(tab, rows)}`,
  };
}

/**
 * A tab's problems for 校验问题: a held tab's one 错误 (the rows of the last read were told at
 * their own sync, and their row numbers may no longer be where the sheet has them), else all of them.
 */
export function problemsOf(
  tab: string,
  read: TabRead<unknown>,
  held: readonly HeldTab[],
  all: (read: TabRead<unknown>) => Problem[],
): Problem[] {
  const hold = held.find((h) => h.tab === tab);
  return hold ? [hold.problem] : all(read);
}
