import type { TabDef } from "../../sheets-schema/columns";
import { type ColumnMap, matchHeaders } from "../../sheets-schema/header-map";
import type { Settings } from "../../sheets-schema/settings";
import { TAB_NAMES, type TabName } from "../../sheets-schema/tab-names";
import {
  assessmentTab,
  type DeputyRecord,
  type LeaderRecord,
  type LedgerRecord,
  ledgerTab,
  noticeLogTab,
  problemsTab,
  statisticsTab,
  type UnitRecord,
} from "../../sheets-schema/tabs";
import type { Calendar, HolidayOverride } from "./calendar";
import { arrangementMissingMessages } from "./calendar-fallback";
import { isIsoDate } from "./civil-date";
import type { Directory } from "./directory";
import {
  evaluateLedgerRows,
  indexIds,
  type LedgerRowEvaluation,
  provisionalDueOf,
} from "./evaluate-ledger-rows";
import {
  checkCommittee,
  checkOpinions,
  evaluationProblems,
  readEvaluationTabs,
} from "./evaluation/evaluation-tabs";
import { buildLedgerContext, tabProblems } from "./ledger-context";
import type { IdFormat } from "./numbering";
import { checkPracticeRows, unownedPracticeProblems } from "./practice/check-practice-rows";
import type { PracticeIndex } from "./practice/practice-index";
import { orderPracticeProblems } from "./practice/practice-problems";
import { practiceSinceSetting, withPracticeSinceProblem } from "./practice/practice-since";
import { type Problem, ProblemSink } from "./problems";
import { openTab, type TabRead, type TabRows } from "./read-tab";
import type { ResolvedTemplate } from "./read-templates";
import type { StatisticsResult } from "./statistics";
import { statisticsOfRows } from "./statistics-items";

export type { LedgerRowEvaluation } from "./evaluate-ledger-rows";

export interface LedgerInput {
  /** Raw values per tab name from values.batchGet (UNFORMATTED_VALUE + SERIAL_NUMBER), header row first. */
  readonly tabs: Readonly<Partial<Record<string, unknown>>>;
  /** Local date in 设置 时区 (ISO "YYYY-MM-DD"). */
  readonly today: string;
  /** 编号 handed out before (e.g. remembered in D1) that must never be handed out again. */
  readonly issuedIds?: readonly string[];
}

/** Whether a tab could be read; nothing may be written into a tab that is not readable. */
export interface TabStatus {
  readonly readable: boolean;
  readonly reason: string | null;
  readonly columns: ColumnMap | null;
}

export interface LedgerEvaluation {
  readonly today: string;
  readonly todayIsWorkingDay: boolean;
  readonly tabs: Readonly<Record<TabName, TabStatus>>;
  readonly settings: Settings;
  readonly idFormat: IdFormat;
  readonly units: Directory<UnitRecord>;
  readonly deputies: Directory<DeputyRecord>;
  readonly leaders: Directory<LeaderRecord>;
  readonly templates: readonly ResolvedTemplate[];
  /** 沟通记录, 延期申请 and 协办意见 by 编号. */
  practice(only?: ReadonlySet<string>): PracticeIndex;
  readonly holidays: readonly HolidayOverride[];
  readonly calendar: Calendar;
  /** Years needed (deadlines, today) whose arrangement is unknown: weekends-only fallback used. */
  readonly unknownYears: readonly number[];
  readonly rows: readonly LedgerRowEvaluation[];
  readonly statistics: StatisticsResult;
  /** Every problem, tab by tab in sheet order: the 校验问题 tab. */
  readonly problems: readonly Problem[];
}

function statusOf(read: Omit<TabRead<unknown>, "rows">): TabStatus {
  return { readable: read.readable, reason: read.reason, columns: read.columns };
}

const allProblems = tabProblems;

/** System tabs are only written: their header rows are matched (when the caller read them), rows are not parsed. */
function systemTabStatus(input: LedgerInput, tab: TabDef): { status: TabStatus; problems: Problem[] } {
  if (!(tab.name in input.tabs))
    return { status: { readable: false, reason: "未读取", columns: null }, problems: [] };
  const values = input.tabs[tab.name];
  const match = matchHeaders(tab, Array.isArray(values) ? values[0] : undefined);
  const problems = match.problems.map((p) => ({
    tab: tab.name,
    row: 1,
    column: p.column,
    level: p.level,
    message: p.message,
    id: null,
  }));
  if (match.ok) return { status: { readable: true, reason: null, columns: match.columns }, problems };
  const reason = problems.find((p) => p.level === "错误")?.message ?? "表头无法识别";
  return { status: { readable: false, reason, columns: null }, problems };
}

/**
 * The whole ledger in one call: reads every tab, checks every rule, computes 编号, 办理期限, 台账状态
 * and 校验问题 for each 建议台账 row, and the statistics. No Worker path runs it: the sync evaluates
 * a chunk of rows per queued step (evaluate-chunk.ts → evaluate-ledger-rows.ts, the same checks);
 * the tests, the sample snapshot and bench/parse-rows.ts use this whole-ledger form. Never throws on
 * sheet content; only a `today` that is not an ISO date (a caller bug) is rejected.
 */
export function evaluateLedger(input: LedgerInput): LedgerEvaluation {
  const { today } = input;
  if (!isIsoDate(today))
    throw new RangeError(`evaluateLedger: today must be YYYY-MM-DD, got ${String(today)}`);
  const context = buildLedgerContext(input.tabs);
  const { settings, idFormat, holidays, calendar, units, deputies, leaders, templates } = context;
  const {
    settings: settingsRead,
    holidays: holidaysRead,
    units: unitsRead,
    deputies: deputiesRead,
    leaders: leadersRead,
    templates: templatesRead,
  } = context.reads;
  const practice = context.practice();
  // Each row is parsed as it is checked (openTab), after a first pass that indexes the 编号.
  const ledgerRead: TabRows<LedgerRecord> = openTab(ledgerTab, input.tabs[TAB_NAMES.ledger]);
  const { idRows, byId, mergedIn } = indexIds(ledgerRead);
  const refs = {
    deputies,
    units,
    leaders,
    categories: settings.categories,
    categorySet: new Set(settings.categories),
    idRows,
    byId,
    mergedIn,
  };
  checkPracticeRows(practice, {
    today,
    calendar,
    extensionReviewDays: settings.extensionReviewDays,
    knownId: ledgerRead.readable ? (id) => idRows.has(id) : null,
  });
  const rows = evaluateLedgerRows(ledgerRead, {
    today,
    calendar,
    idFormat,
    secondRoundPeriod: settings.secondRoundPeriod,
    dueSoonDays: settings.dueSoonDays,
    practiceSince: settings.practiceSince,
    refs,
    issuedIds: input.issuedIds ?? [],
    practice,
  });
  // A practice row is reported with its suggestion, as the sync's chunks do; the rest here.
  const practiceProblems = orderPracticeProblems(
    unownedPracticeProblems(practice, (id) => ledgerRead.readable && idRows.has(id)),
    rows.flatMap((r) => r.relatedProblems),
  );
  // 民意 and 常委会测评 (practice.md's evaluation), checked as the sync's plan checks them.
  const evaluationReads = readEvaluationTabs(input.tabs);
  const evaluationContext = {
    today,
    deputies,
    units,
    knownId: ledgerRead.readable ? (id: string) => idRows.has(id) : null,
    weights: settings.assessmentWeights,
  };
  checkOpinions(evaluationReads.opinions, evaluationContext);
  checkCommittee(evaluationReads.committee, evaluationContext);
  const todayIsWorkingDay = calendar.isWorkingDay(today);
  const unknownYears = calendar.unknownYearsUsed();
  const calendarProblems = new ProblemSink(TAB_NAMES.holidays);
  for (const message of arrangementMissingMessages([
    { unknownYears, provisionalDue: provisionalDueOf(rows) },
  ]))
    calendarProblems.warn(null, message);
  const statistics = statisticsOfRows(rows, {
    today,
    units,
    categories: settings.categories,
  });
  const system = [noticeLogTab, problemsTab, statisticsTab, assessmentTab].map((tab) =>
    systemTabStatus(input, tab),
  );
  const problems: Problem[] = [
    ...ledgerRead.problems,
    ...rows.flatMap((r) => r.problems),
    ...allProblems(unitsRead),
    ...allProblems(deputiesRead),
    ...allProblems(leadersRead),
    ...practiceProblems,
    ...evaluationProblems(evaluationReads),
    ...allProblems(templatesRead),
    ...allProblems(holidaysRead),
    ...calendarProblems.list,
    ...withPracticeSinceProblem(
      allProblems(settingsRead),
      practiceSinceSetting(settings, settingsRead),
      today,
    ),
    ...system.flatMap((s) => s.problems),
  ];
  const tabs: Record<TabName, TabStatus> = {
    [TAB_NAMES.ledger]: statusOf(ledgerRead),
    [TAB_NAMES.units]: statusOf(unitsRead),
    [TAB_NAMES.deputies]: statusOf(deputiesRead),
    [TAB_NAMES.leaders]: statusOf(leadersRead),
    [TAB_NAMES.contacts]: statusOf(practice.contacts.read),
    [TAB_NAMES.extensions]: statusOf(practice.extensions.read),
    [TAB_NAMES.coOpinions]: statusOf(practice.coOpinions.read),
    [TAB_NAMES.opinions]: statusOf(evaluationReads.opinions),
    [TAB_NAMES.committee]: statusOf(evaluationReads.committee),
    [TAB_NAMES.templates]: statusOf(templatesRead),
    [TAB_NAMES.holidays]: statusOf(holidaysRead),
    [TAB_NAMES.settings]: statusOf(settingsRead),
    [TAB_NAMES.noticeLog]: (system[0] as { status: TabStatus }).status,
    [TAB_NAMES.problems]: (system[1] as { status: TabStatus }).status,
    [TAB_NAMES.statistics]: (system[2] as { status: TabStatus }).status,
    [TAB_NAMES.assessment]: (system[3] as { status: TabStatus }).status,
  };
  return {
    today,
    todayIsWorkingDay,
    tabs,
    settings,
    idFormat,
    units,
    deputies,
    leaders,
    templates,
    practice: (only) => (only ? context.practice(only) : practice),
    holidays,
    calendar,
    unknownYears,
    rows,
    statistics,
    problems,
  };
}
