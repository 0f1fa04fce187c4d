import {
  checkEvaluationTabs,
  EVALUATION_TABS,
  missingEvaluationTabs,
} from "../../domain/evaluation/evaluation-tabs";
import { withPracticeTabs } from "../../domain/ledger-context";
import { checkPracticeRows, unownedPracticeProblems } from "../../domain/practice/check-practice-rows";
import { PRACTICE_RECORD_TABS } from "../../domain/practice/practice-index";
import { missingPracticeTabs } from "../../domain/practice/practice-problems";
import type { PlanDeps } from "./plan-run";
import { readRanges } from "./read-sheet";
import { smallTabsContext, tabTexts } from "./small-tabs";
import type { SyncContext } from "./sync-context";

/** What the practice step changes in a run's context. */
export type PracticeRead = Pick<
  SyncContext,
  "tabsDigest" | "tabsChanged" | "planProblems" | "missingTabs" | "practiceRead"
>;

/**
 * A run's second step: 沟通记录, 延期申请 and 协办意见, a row per event all year (thousands in a
 * county's December), read whole, kept in D1 for the chunks and pages, and folded into the run's
 * digest of the small tabs (a changed contact checks its suggestion's chunk again). Their rows of
 * a suggestion are checked by the chunk holding it; this step reports only the rows of none.
 * Its own invocation: parsing and storing them costs as much as the whole plan. 民意 and 常委会测评
 * (issue 14) are read, cached and checked here too: the finish folds 常委会测评 into 单位测评.
 */
export async function readPracticeTabs(
  deps: PlanDeps,
  context: Omit<SyncContext, "planCalls">,
  nowMs: number,
): Promise<PracticeRead> {
  const names = [...PRACTICE_RECORD_TABS, ...EVALUATION_TABS];
  const read = await readRanges(
    deps.sheets,
    names.map((tab) => ({ key: tab, tab, a1: "" })),
  );
  const tabs = Object.fromEntries(names.filter((t) => read.values[t]).map((t) => [t, read.values[t] ?? []]));
  const { texts, digest: tabsDigest } = await tabTexts(tabs, context.tabsDigest);
  const changed = (await deps.tabCache.save(texts, new Date(nowMs).toISOString())) > 0;
  const small = await smallTabsContext(deps.tabCache, context.smallTabsDigest);
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
  const evaluationTabs = checkEvaluationTabs(tabs, {
    today: context.today,
    deputies: ledger.deputies,
    units: ledger.units,
    knownId,
    weights: ledger.settings.assessmentWeights,
  });
  const missing = [...context.missingTabs, ...read.missingTabs];
  return {
    tabsDigest,
    tabsChanged: context.tabsChanged || changed,
    planProblems: {
      ...context.planProblems,
      smallTabs: [
        ...context.planProblems.smallTabs,
        ...missingPracticeTabs(missing),
        ...missingEvaluationTabs(missing),
      ],
      practiceTabs: unownedPracticeProblems(unowned, () => false),
      evaluationTabs,
    },
    missingTabs: [...new Set(missing)],
    practiceRead: true,
  };
}
