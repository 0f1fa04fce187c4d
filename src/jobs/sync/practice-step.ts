import { digestOf } from "../../digest";
import { dayHorizon, standsOn } from "../../domain/day-horizon";
import {
  checkEvaluationTabs,
  EVALUATION_TABS,
  missingEvaluationTabs,
} from "../../domain/evaluation/evaluation-tabs";
import { withPracticeTabs } from "../../domain/ledger-context";
import { checkPracticeRows, unownedPracticeProblems } from "../../domain/practice/check-practice-rows";
import { PRACTICE_RECORD_TABS } from "../../domain/practice/practice-index";
import { missingPracticeTabs } from "../../domain/practice/practice-problems";
import type { Problem } from "../../domain/problems";
import { tabTooBigError } from "../../store/tab-cache";
import { type AskedIds, answersAsBefore, recordingKnownId } from "./asked-ids";
import type { PlanDeps } from "./plan-run";
import { readRangesIfChanged } from "./read-sheet";
import { digestOfTexts, smallTabsContext, tabTexts } from "./small-tabs";
import type { SyncContext } from "./sync-context";
import { isTooBig } from "./too-big";

/** What the practice step changes in a run's context. */
export type PracticeRead = Pick<
  SyncContext,
  "tabsDigest" | "tabsChanged" | "planProblems" | "missingTabs" | "practiceRead"
>;

/** The step's own findings, kept with the answer they came from (meta PRACTICE_STEP_KEPT). */
interface PracticeFindings {
  tabsDigest: string;
  missingTabs: string[];
  practiceTabs: Problem[];
  evaluationTabs: Problem[];
}

interface KeptFindings {
  /** Google's answer (batchGetIfChanged's digest) and what else the findings depend on, the day aside. */
  answer: string;
  inputs: string;
  /**
   * The inputs but the ledger's 编号 (baseDigest), and the inputs the findings were checked under,
   * which names the 编号 that check asked about (PRACTICE_STEP_ASKED). Absent when kept by a build
   * before them.
   */
  base?: string;
  checkedUnder?: string;
  /**
   * The day they were checked on, and the last day they hold through (null: any later day), see
   * DayHorizon. Absent when kept by a build before them (whose inputs held the day).
   */
  checkedOn?: string;
  through?: string | null;
  /** What names the tabs as D1 holds them, see storeTabs (absent when kept by a build before it). */
  tabs?: string;
  findings: PracticeFindings;
}

const PRACTICE_STEP_KEPT = "practice_step_kept";

/** The 编号 the last check asked the ledger about (AskedIds), and the inputs it was checked under. */
interface KeptAsked extends AskedIds {
  checkedUnder: string;
}

const PRACTICE_STEP_ASKED = "practice_step_asked";

/**
 * A run's second step: 沟通记录, 延期申请 and 协办意见, a row per event all year (thousands in a
 * county's December), read whole, kept in D1 for the chunks and pages, and folded into the run's
 * digest of the small tabs (a changed contact checks its suggestion's chunk again). Their rows of
 * a suggestion are checked by the chunk holding it; this step reports only the rows of none.
 * Its own invocation: parsing and storing them costs as much as the whole plan. 民意 and 常委会测评
 * (issue 14) are read, cached and checked here too: the finish folds 常委会测评 into 单位测评.
 *
 * Most runs (one every ten minutes) find these tabs as the last run did: when Google's answer is
 * byte for byte the last one and the step's other inputs (the small tabs, the ledger's 编号) are
 * too, the last run's findings stand, and the answer is neither parsed, stored nor checked. A new
 * day is such a run too, unless a finding of the last check would read otherwise on it (a date
 * still in the future, a 延期申请 coming due for review: see DayHorizon): a day's first sync
 * parsed the whole answer only to find the same problems. So is a run whose ledger gained or lost
 * 编号 that no row of these tabs names (new suggestions, most often): the check reads the ledger
 * only by asking whether a 编号 is in it, and the 编号 it asked about are kept with its findings.
 */
export async function readPracticeTabs(
  deps: PlanDeps & { buildId: string },
  context: Omit<SyncContext, "planCalls">,
  nowMs: number,
): Promise<PracticeRead> {
  const names = [...PRACTICE_RECORD_TABS, ...EVALUATION_TABS];
  const ids = context.ledgerSkipped === null ? context.ids : null;
  const kept = await keptFindings(deps);
  const base = await baseDigest(deps.buildId, context);
  const inputs = await inputsDigest(base, ids);
  const same = await standingFindings(deps, kept, { base, inputs, ids, today: context.today });
  const { digest: answer, read } = await readRangesIfChanged(
    deps.sheets,
    names.map((tab) => ({ key: tab, tab, a1: "" })),
    same?.answer,
  );
  const at = new Date(nowMs).toISOString();
  if (read === null) {
    // Only an answer equal to the kept one is left unparsed; without it, stop rather than store nothing.
    if (!same) throw new Error("practice step: an unparsed answer without kept findings");
    // Standing for other 编号: kept under these, so that the next run finds them as they are.
    if (same.inputs !== inputs)
      await deps.meta.set(PRACTICE_STEP_KEPT, JSON.stringify({ ...same, inputs } satisfies KeptFindings), at);
    return practiceRead(context, same.findings, false);
  }

  const tabs = Object.fromEntries(names.filter((t) => read.values[t]).map((t) => [t, read.values[t] ?? []]));
  const stored = await storeTabs(deps, tabs, answer, kept, at);
  const tabsDigest = await digestOf(`${context.tabsDigest}\n${stored.tabs}`);
  const small = await smallTabsContext(deps.tabCache, context.smallTabsDigest);
  const ledger = withPracticeTabs(small, tabs);
  const recorder = ids ? recordingKnownId(ids) : null;
  const knownId = recorder?.knownId ?? null;
  const unowned = ledger.practice(knownId ? (id) => !knownId(id) : undefined);
  const horizon = dayHorizon();
  checkPracticeRows(unowned, {
    today: context.today,
    calendar: ledger.calendar,
    extensionReviewDays: ledger.settings.extensionReviewDays,
    knownId,
    horizon,
  });
  const findings: PracticeFindings = {
    tabsDigest,
    missingTabs: read.missingTabs,
    practiceTabs: unownedPracticeProblems(unowned, () => false),
    evaluationTabs: checkEvaluationTabs(tabs, {
      today: context.today,
      deputies: ledger.deputies,
      units: ledger.units,
      knownId,
      weights: ledger.settings.assessmentWeights,
      horizon,
    }),
  };
  // An answer read in two calls (a tab missing) has no digest to compare the next one with. The
  // findings and the 编号 they asked about are written in one batch: one without the other is never read.
  if (answer !== null) {
    const keep: KeptFindings = {
      answer,
      inputs,
      base,
      checkedUnder: inputs,
      checkedOn: context.today,
      through: horizon.through,
      tabs: stored.tabs,
      findings,
    };
    const asked: KeptAsked = { checkedUnder: inputs, ...(recorder?.asked() ?? { known: [], unknown: [] }) };
    await deps.meta.setMany(
      [
        [PRACTICE_STEP_ASKED, JSON.stringify(asked)],
        [PRACTICE_STEP_KEPT, JSON.stringify(keep)],
      ],
      at,
    );
  }
  return practiceRead(context, findings, stored.changed);
}

/**
 * D1's copy of the tabs brought up to this answer, and what names their content: the answer's own
 * digest (Google's bytes; only an answer read in two calls, a tab missing, has none, and the tabs'
 * texts are digested then). An answer equal to the kept one (the same tabs on a new day, or under a
 * new build) is the copy D1 holds already: it is neither turned into text nor stored again, which
 * was most of the step's CPU on those runs (a county's 沟通记录 and the rest are a megabyte of
 * JSON, and the digest took a UTF-8 copy of it). A grid grown with no value in it names the tabs
 * anew, so the chunks are checked once more: a rare and harmless cost.
 */
async function storeTabs(
  deps: PlanDeps,
  tabs: Record<string, unknown[][]>,
  answer: string | null,
  kept: KeptFindings | null,
  at: string,
): Promise<{ tabs: string; changed: boolean }> {
  if (answer !== null && kept?.answer === answer && kept.tabs !== undefined)
    return { tabs: kept.tabs, changed: false };
  const texts = tabTexts(tabs);
  // The kept findings go before D1's copy of the tabs changes: should this invocation end between
  // the two, a later answer equal to the kept one must not pass for the copy D1 then holds.
  if (kept) await deps.meta.set(PRACTICE_STEP_KEPT, "", at);
  const changed = (await saveTabs(deps, texts, tabs, at)) > 0;
  return { tabs: answer ?? (await digestOfTexts(texts)), changed };
}

/**
 * The tabs into D1. A tab too large even in pieces is refused by the cache with its name
 * (tabTooBigError); should D1 itself refuse a value (SQLITE_TOOBIG), the largest tab is named the
 * same way rather than D1's words, which name none.
 */
async function saveTabs(
  deps: PlanDeps,
  texts: Record<string, string>,
  tabs: Record<string, unknown[][]>,
  at: string,
): Promise<number> {
  try {
    return await deps.tabCache.save(texts, at, tabs);
  } catch (error) {
    if (!isTooBig(error)) throw error;
    const [name, text] = Object.entries(texts).sort((a, b) => b[1].length - a[1].length)[0] ?? ["", ""];
    throw tabTooBigError(name, Math.max((tabs[name]?.length ?? 1) - 1, 0), text.length);
  }
}

async function keptFindings(deps: PlanDeps): Promise<KeptFindings | null> {
  // In pieces when its findings are many (thousands of rows naming no suggestion): MetaStore.
  const raw = await deps.meta.getLarge(PRACTICE_STEP_KEPT);
  return raw?.startsWith("{") ? (JSON.parse(raw) as KeptFindings) : null;
}

/**
 * The kept findings when they stand for this run: kept under its inputs, or under the same inputs
 * but the ledger's 编号 when each 编号 their check asked about is in the ledger or not as it was
 * then (PRACTICE_STEP_ASKED, read only in that case: a few thousand 编号); and on a day they hold
 * through (stands). Whether Google's answer is the same is for the read to tell.
 */
async function standingFindings(
  deps: PlanDeps,
  kept: KeptFindings | null,
  run: { base: string; inputs: string; ids: SyncContext["ids"] | null; today: string },
): Promise<KeptFindings | null> {
  if (!kept || !stands(kept, run.today)) return null;
  if (kept.inputs === run.inputs) return kept;
  if (run.ids === null || kept.base !== run.base || kept.checkedUnder === undefined) return null;
  const raw = await deps.meta.get(PRACTICE_STEP_ASKED);
  const asked = raw?.startsWith("{") ? (JSON.parse(raw) as KeptAsked) : null;
  return asked?.checkedUnder === kept.checkedUnder && answersAsBefore(asked, run.ids) ? kept : null;
}

/** Whether kept findings stand today: checked on a day that their horizon reaches (DayHorizon). */
function stands(kept: KeptFindings, today: string): boolean {
  return (
    kept.checkedOn !== undefined &&
    kept.through !== undefined &&
    standsOn(today, kept.checkedOn, kept.through)
  );
}

/**
 * What the findings depend on besides the tabs, the day (see stands) and the ledger's 编号: the
 * build (its rules), the small tabs' digest (units, deputies, the calendar, 设置) and whether the
 * ledger could be read.
 */
async function baseDigest(buildId: string, context: Omit<SyncContext, "planCalls">): Promise<string> {
  return `b${await digestOf(
    JSON.stringify([
      buildId,
      context.tabsDigest,
      context.smallTabsDigest ?? null,
      context.ledgerSkipped === null,
    ]),
  )}`;
}

/**
 * The base inputs and which 编号 the ledger holds (a row of none). SHA-1 (native), not hash53: in
 * a fresh isolate hash53's first long text runs before V8 has compiled its loop, about 2–5 ms for
 * these 24 KB (profiled in bench/cold-start.ts quiet), where SHA-1 takes a fraction of that.
 */
async function inputsDigest(base: string, ids: SyncContext["ids"] | null): Promise<string> {
  return `i${await digestOf(JSON.stringify([base, ids ? Object.keys(ids) : null]))}`;
}

function practiceRead(
  context: Omit<SyncContext, "planCalls">,
  findings: PracticeFindings,
  changed: boolean,
): PracticeRead {
  const missing = [...context.missingTabs, ...findings.missingTabs];
  return {
    tabsDigest: findings.tabsDigest,
    tabsChanged: context.tabsChanged || changed,
    planProblems: {
      ...context.planProblems,
      smallTabs: [
        ...context.planProblems.smallTabs,
        ...missingPracticeTabs(missing),
        ...missingEvaluationTabs(missing),
      ],
      practiceTabs: findings.practiceTabs,
      evaluationTabs: findings.evaluationTabs,
    },
    missingTabs: [...new Set(missing)],
    practiceRead: true,
  };
}
