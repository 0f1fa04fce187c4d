import type { ColumnDef, RecordOf, TabDef } from "../../../sheets-schema/columns";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import {
  type ContactRecord,
  type CoOpinionRecord,
  contactsTab,
  coOpinionsTab,
  type ExtensionRecord,
  extensionsTab,
} from "../../../sheets-schema/tabs/practice-tabs";
import type { Directory } from "../directory";
import { type ParsedRow, readTab, type TabRead } from "../read-tab";

/** What the index asks of 承办单位: the unit a former name (原名称) now is (Directory.renamed). */
export type RenamedUnits = Pick<Directory<unknown>, "renamed">;

/** The tabs practice.md keeps per suggestion (one row per event, tied by 编号). */
export const PRACTICE_RECORD_TABS = [TAB_NAMES.contacts, TAB_NAMES.extensions, TAB_NAMES.coOpinions] as const;

/** Raw values of those tabs (header row first), as read or cached; a tab left out was not loaded. */
export type PracticeTabs = Readonly<Partial<Record<string, unknown>>>;

/** One practice tab: whether it could be read, its rows, and its rows of one suggestion. */
export interface PracticeTab<R> {
  /** The tab was loaded and its headers matched: its rules and notices apply. */
  readonly available: boolean;
  readonly read: TabRead<R>;
  /** Rows of a 编号, in sheet order (a Map lookup). */
  of(id: string): readonly ParsedRow<R>[];
}

export interface PracticeIndex {
  readonly contacts: PracticeTab<ContactRecord>;
  readonly extensions: PracticeTab<ExtensionRecord>;
  readonly coOpinions: PracticeTab<CoOpinionRecord>;
}

/**
 * What a 编号 without practice rows looks up: one shared empty list, typed read-only but not
 * frozen. Looping over a frozen array with for…of took V8's generic iterator path, an iterator
 * and a result object per loop; every suggestion's checks loop over three such lists, and that
 * garbage (3.5 of 21.5 MB per evaluation of 10,000 rows) made young collections, each copying
 * the rows already checked, more frequent.
 */
const NONE: readonly never[] = [];

/** Which rows of the practice tabs to parse, by their 编号 as typed: a set, or a test. */
export type PracticeFilter = ReadonlySet<string> | ((id: string) => boolean);

function indexTab<Cols extends readonly ColumnDef[]>(
  tab: TabDef<string, Cols>,
  values: unknown,
  only: PracticeFilter | undefined,
  units: RenamedUnits | undefined,
): PracticeTab<RecordOf<Cols>> {
  const keep =
    only === undefined ? undefined : typeof only === "function" ? only : (id: string) => only.has(id);
  // A practice tab an older sheet lacks is not an error of the ledger: its rules simply do not
  // apply (the plan says once that `sheet:init` adds it).
  const read: TabRead<RecordOf<Cols>> =
    values === undefined || values === null
      ? { tab: tab.name, readable: false, reason: "未读取", columns: null, rows: [], problems: [] }
      : readTab(tab, values, "staff", 2, keep ? { key: "id", keep } : undefined);
  const byId = new Map<string, ParsedRow<RecordOf<Cols>>[]>();
  for (const row of read.rows) {
    const id = (row.record as { id?: unknown }).id;
    if (row.blank || typeof id !== "string" || id === "") continue;
    if (units) currentUnit(row.record as { unit?: unknown }, units);
    const list = byId.get(id);
    if (list) list.push(row);
    else byId.set(id, [row]);
  }
  return { available: read.readable, read, of: (id) => byId.get(id) ?? NONE };
}

/**
 * 机构改革: a row naming its unit by a former name (承办单位's 原名称) is read as the current unit's, as
 * the ledger's 主办单位 and 协办单位 are (check-ledger-refs): the contacts recorded under 区城管局 are
 * 区城市管理局's for its 沟通率 and 沟通提醒. The parsed copy only; the sheet keeps what was typed.
 */
function currentUnit(record: { unit?: unknown }, units: RenamedUnits): void {
  if (typeof record.unit !== "string" || record.unit === "") return;
  const current = units.renamed(record.unit);
  if (current) record.unit = current.name;
}

/**
 * Reads 沟通记录, 延期申请 and 协办意见 and indexes their rows by 编号, once per invocation, so the
 * rules and notices of a suggestion look its rows up in O(1). With `only`, just the rows of those
 * 编号 are parsed (a sync chunk's own suggestions; the plan's rows of no suggestion). With `units`,
 * a unit named by a former name is read as its current name (currentUnit).
 */
export function buildPracticeIndex(
  tabs: PracticeTabs,
  only?: PracticeFilter,
  units?: RenamedUnits,
): PracticeIndex {
  return {
    contacts: indexTab(contactsTab, tabs[TAB_NAMES.contacts], only, units),
    extensions: indexTab(extensionsTab, tabs[TAB_NAMES.extensions], only, units),
    coOpinions: indexTab(coOpinionsTab, tabs[TAB_NAMES.coOpinions], only, units),
  };
}
