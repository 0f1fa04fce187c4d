import type { ColumnDef, TabDef } from "../../sheets-schema/columns";
import type { Settings } from "../../sheets-schema/settings";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import {
  type DeputyRecord,
  deputiesTab,
  holidaysTab,
  type LeaderRecord,
  leadersTab,
  settingsTab,
  templatesTab,
  type UnitRecord,
  unitsTab,
} from "../../sheets-schema/tabs";
import { buildCalendar, type Calendar, type HolidayOverride } from "./calendar";
import { ARRANGEMENT_SEEN_TAB, readArrangementSeen } from "./calendar-seen";
import { buildDirectory, type Directory } from "./directory";
import type { IdFormat } from "./numbering";
import {
  buildPracticeIndex,
  PRACTICE_RECORD_TABS,
  type PracticeFilter,
  type PracticeIndex,
  type PracticeTabs,
} from "./practice/practice-index";
import type { Problem } from "./problems";
import { readHolidays } from "./read-holidays";
import { readSettings } from "./read-settings";
import { readTab, type TabRead } from "./read-tab";
import { type ResolvedTemplate, readTemplates } from "./read-templates";

/** The small staff tabs the ledger is checked against, read and built once per evaluation. */
export interface LedgerContext {
  readonly settings: Settings;
  readonly idFormat: IdFormat;
  readonly holidays: readonly HolidayOverride[];
  readonly calendar: Calendar;
  readonly units: Directory<UnitRecord>;
  readonly deputies: Directory<DeputyRecord>;
  /** 领导: 督办领导 and 领办领导 are looked up here first (an older sheet has no such tab: empty). */
  readonly leaders: Directory<LeaderRecord>;
  readonly templates: readonly ResolvedTemplate[];
  /** Raw values of 沟通记录, 延期申请 and 协办意见 as given (left out when the caller did not load them). */
  readonly practiceTabs: PracticeTabs;
  /**
   * Those tabs indexed by 编号, every row parsed on first use (pages that never ask pay nothing);
   * with `only`, just the rows of those 编号 (a suggestion's page).
   */
  practice(only?: PracticeFilter): PracticeIndex;
  /** How each small tab read (readability, header map, its problems). */
  readonly reads: {
    readonly settings: TabRead<unknown>;
    readonly holidays: TabRead<unknown>;
    readonly units: TabRead<unknown>;
    readonly deputies: TabRead<unknown>;
    readonly leaders: TabRead<unknown>;
    readonly templates: TabRead<unknown>;
  };
}

/**
 * Reads 设置, 节假日, 承办单位, 代表, 领导 and 通知模板 (raw values, header row first) into the context every
 * ledger row is checked with. A few hundred rows at most: cheap enough to do in every invocation
 * that needs it (each sync chunk, each dashboard page) from the copy the sync keeps in D1.
 */
/** Only the 设置 tab's settings (a page that needs nothing else of the small tabs). */
export function settingsOf(tabs: Readonly<Partial<Record<string, unknown>>>): Settings {
  return readSettings(readTab(settingsTab, tabs[TAB_NAMES.settings])).settings;
}

export function buildLedgerContext(
  tabs: Readonly<Partial<Record<string, unknown>>>,
  /** The spreadsheet's tab titles, when the caller has them: a missing tab's problem names a renamed one. */
  titles: readonly string[] = [],
): LedgerContext {
  const read = <Cols extends readonly ColumnDef[]>(tab: TabDef<string, Cols>, values: unknown) =>
    readTab(tab, values, "staff", 2, undefined, titles);
  const settingsRead = read(settingsTab, tabs[TAB_NAMES.settings]);
  const { settings, idFormat } = readSettings(settingsRead);
  const holidaysRead = read(holidaysTab, tabs[TAB_NAMES.holidays]);
  const holidays = readHolidays(holidaysRead);
  const unitsRead = read(unitsTab, tabs[TAB_NAMES.units]);
  const deputiesRead = read(deputiesTab, tabs[TAB_NAMES.deputies]);
  const templatesRead = read(templatesTab, tabs[TAB_NAMES.templates]);
  // 领导 is new (practice.md): a sheet without it reads as an empty list, not a missing tab.
  const leaderValues = tabs[TAB_NAMES.leaders] ?? [leadersTab.columns.map((c) => c.header)];
  const leadersRead = readTab(leadersTab, leaderValues);
  const practiceTabs: Record<string, unknown> = {};
  for (const name of PRACTICE_RECORD_TABS) if (tabs[name] !== undefined) practiceTabs[name] = tabs[name];
  let practice: PracticeIndex | null = null;
  const units = buildDirectory(unitsRead, "单位");
  return {
    settings,
    idFormat,
    holidays,
    // With the days the years' arrangements were first seen, when the sync kept them (calendar-seen.ts).
    calendar: buildCalendar(holidays, readArrangementSeen(tabs[ARRANGEMENT_SEEN_TAB])),
    units,
    deputies: buildDirectory(deputiesRead, "代表"),
    leaders: buildDirectory(leadersRead, "领导"),
    templates: readTemplates(templatesRead),
    practiceTabs,
    practice(only) {
      if (only) return buildPracticeIndex(practiceTabs, only, units);
      practice ??= buildPracticeIndex(practiceTabs, undefined, units);
      return practice;
    },
    reads: {
      settings: settingsRead,
      holidays: holidaysRead,
      units: unitsRead,
      deputies: deputiesRead,
      leaders: leadersRead,
      templates: templatesRead,
    },
  };
}

/**
 * The same small-tab context with other rows of 沟通记录, 延期申请 and 协办意见 (a sync chunk's
 * own suggestions' rows): the calendar, directories and templates are shared, not read again.
 */
export function withPracticeTabs(
  base: LedgerContext,
  tabs: Readonly<Partial<Record<string, unknown>>>,
): LedgerContext {
  const practiceTabs: Record<string, unknown> = {};
  for (const name of PRACTICE_RECORD_TABS) if (tabs[name] !== undefined) practiceTabs[name] = tabs[name];
  let practice: PracticeIndex | null = null;
  return {
    ...base,
    practiceTabs,
    practice(only) {
      if (only) return buildPracticeIndex(practiceTabs, only, base.units);
      practice ??= buildPracticeIndex(practiceTabs, undefined, base.units);
      return practice;
    },
  };
}

/** A tab's own problems and its rows' problems, in sheet order. */
export function tabProblems(read: TabRead<unknown>): Problem[] {
  const list = [...read.problems];
  for (const row of read.rows) list.push(...row.problems.list);
  return list;
}
