import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { missingTabsNotice, type Problem } from "../problems";
import { PRACTICE_RECORD_TABS } from "./practice-index";

const ORDER: ReadonlyMap<string, number> = new Map(PRACTICE_RECORD_TABS.map((tab, i) => [tab, i]));

/**
 * The problems of 沟通记录, 延期申请 and 协办意见 as 校验问题 lists them: tab by tab, in sheet
 * order. They come from two places (the rows alone, and each row against its suggestion, found
 * while the ledger's parts are evaluated), so they are put in order here.
 */
export function orderPracticeProblems(...lists: readonly (readonly Problem[])[]): Problem[] {
  const all = lists.flat();
  return all
    .map((problem, i) => ({ problem, i }))
    .sort(
      (a, b) =>
        (ORDER.get(a.problem.tab) ?? 9) - (ORDER.get(b.problem.tab) ?? 9) ||
        (a.problem.row ?? 0) - (b.problem.row ?? 0) ||
        a.i - b.i,
    )
    .map(({ problem }) => problem);
}

const NEW_TABS = [TAB_NAMES.leaders, ...PRACTICE_RECORD_TABS] as const;

/**
 * One 提醒 naming the tabs of practice.md a sheet does not have yet: the ledger works without
 * them, and `sheet:init` adds them (until then each sync spends two more reads finding out).
 */
export function missingPracticeTabs(missing: readonly string[]): Problem[] {
  return missingTabsNotice(
    NEW_TABS,
    missing,
    "领导名录、三沟通记录、延期申请、协办意见",
    "台账照常同步，这些表的规则暂不适用；请运行 npm run sheet:init 补齐，补齐前每次同步要多读取两次表格",
  );
}
