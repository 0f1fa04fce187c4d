import { buildLedgerContext, withPracticeTabs } from "../../domain/ledger-context";
import { checkPracticeRows, unownedPracticeProblems } from "../../domain/practice/check-practice-rows";
import { PRACTICE_RECORD_TABS } from "../../domain/practice/practice-index";
import { missingPracticeTabs } from "../../domain/practice/practice-problems";
import { BASE_CACHED_TABS } from "../ledger-view";
import { digestOf } from "./chunk-input";
import type { PlanDeps } from "./plan-run";
import { readRanges } from "./read-sheet";
import type { SyncContext } from "./sync-context";

/**
 * A run's second step: 沟通记录, 延期申请 and 协办意见, a row per event all year (thousands in a
 * county's December), read whole, kept in D1 for the chunks and pages, and folded into the run's
 * digest of the small tabs (a changed contact checks its suggestion's chunk again). Their rows of
 * a suggestion are checked by the chunk holding it; this step reports only the rows of none.
 * Its own invocation: parsing and storing them costs as much as the whole plan.
 */
export async function readPracticeTabs(
  deps: PlanDeps,
  context: Omit<SyncContext, "planCalls">,
  nowMs: number,
): Promise<Omit<SyncContext, "planCalls">> {
  const read = await readRanges(
    deps.sheets,
    PRACTICE_RECORD_TABS.map((tab) => ({ key: tab, tab, a1: "" })),
  );
  const tabs = Object.fromEntries(
    PRACTICE_RECORD_TABS.filter((t) => read.values[t]).map((t) => [t, read.values[t] ?? []]),
  );
  const changed = (await deps.tabCache.save(tabs, new Date(nowMs).toISOString())) > 0;
  const small = buildLedgerContext(await deps.tabCache.load(BASE_CACHED_TABS));
  const ledger = withPracticeTabs(small, tabs);
  const ids = context.ledgerSkipped === null ? context.ids : null;
  const knownId = ids ? (id: string) => Object.hasOwn(ids, id) : null;
  const unowned = ledger.practice(knownId ? (id) => !knownId(id) : undefined);
  checkPracticeRows(unowned, {
    today: context.today,
    calendar: ledger.calendar,
    extensionReviewDays: ledger.settings.extensionReviewDays,
    knownId,
  });
  return {
    ...context,
    tabsDigest: await digestOf(`${context.tabsDigest}\n${JSON.stringify(tabs)}`),
    tabsChanged: context.tabsChanged || changed,
    planProblems: {
      ...context.planProblems,
      smallTabs: [
        ...context.planProblems.smallTabs,
        ...missingPracticeTabs([...context.missingTabs, ...read.missingTabs]),
      ],
      practiceTabs: unownedPracticeProblems(unowned, () => false),
    },
    practiceRead: true,
  };
}
