import type { LedgerStatus } from "../../../sheets-schema/enums";
import { type LedgerRecord, ledgerStaffColumns } from "../../../sheets-schema/tabs/ledger";
import { rawText } from "../dashboard/cell-text";
import type { Deadline } from "../deadlines";
import type { LedgerRowEvaluation } from "../evaluate-ledger-rows";
import { PRACTICE_FACTS } from "../practice/practice-facts";
import type { Problem } from "../problems";
import { hasCountedError } from "../statistics-items";

/**
 * One ledger row as the sync last evaluated it, with what the dashboard, the exports and notice
 * planning read of it: the parsed record, the computed status and due dates, the row's problems,
 * and the text of cells the rules could not read. A structural subset of LedgerRowEvaluation, so
 * the same dashboard code works on a fresh evaluation and on rows loaded from D1.
 */
export interface SummaryRow {
  readonly rowNumber: number;
  readonly id: string | null;
  readonly blank: false;
  readonly record: LedgerRecord;
  readonly computed: {
    readonly status: LedgerStatus | "";
    readonly dueDate: string;
    readonly problems: string;
  };
  readonly firstDeadline: Pick<Deadline, "due" | "explanation"> | null;
  readonly secondDeadline: Pick<Deadline, "due" | "explanation"> | null;
  readonly problems: readonly Problem[];
  /** Header → the cell as typed, for cells that held something unusable. */
  readonly unreadable: Readonly<Record<string, string>>;
  /** PRACTICE_FACTS flags the sync worked out from 沟通记录 and 延期申请 (0 = none). */
  readonly practice: number;
}

/** The stored form: short keys, blank fields left out (a summary of 2,000 rows stays small). */
export interface StoredSummaryRow {
  n: number;
  i?: string;
  r: Partial<Record<string, unknown>>;
  s?: string;
  d?: string;
  p?: string;
  f?: [string, string];
  g?: [string, string];
  q?: Problem[];
  u?: Record<string, string>;
  /** PRACTICE_FACTS flags, left out when 0. */
  x?: number;
  /**
   * 1: the row's long values are stored apart from its part (long-texts.ts rowsApart); the store
   * puts them back, and drops the mark, before a row is read.
   */
  t?: 1;
}

/**
 * Every field at its blank value: the prototype of loaded records. Not frozen (a frozen prototype
 * would forbid a record its own value), but its empty lists are, so nobody appends to a shared one.
 */
const BLANK_RECORD: Readonly<Record<string, unknown>> = Object.fromEntries(
  ledgerStaffColumns.map((c) => [c.key, Array.isArray(c.cell.blank) ? Object.freeze([]) : c.cell.blank]),
);

/**
 * The record fields the dashboard's lists and figures read. Pages load only these ("facts"), a
 * third of a row's size: every page parses every row, so the bytes matter (Free plan: 10 ms CPU).
 */
export const FACT_KEYS = [
  "id",
  "title",
  "leadDeputy",
  "coSigners",
  "leadUnit",
  "coUnits",
  "category",
  "review",
  "isKey",
  "supervisor",
  "submittedOn",
  "assignedOn",
  "repliedOn",
  "secondRepliedOn",
  "replyClass",
  "rating",
  "secondRating",
  "followUp",
  // The unit assessment (单位测评) and the commendations: the second round, B-class 落实情况, the
  // suggestions carried over (跨年督办) and those marked 优秀建议.
  "reassignedOn",
  "secondReplyClass",
  "implementation",
  "crossYear",
  "excellent",
] as const;

/**
 * Facts the year report reads (届次, 来源, 落实情况, the second round's class, 跨年督办, 优秀建议),
 * stored after the practice flags so that facts stored by an older build read them as blank instead
 * of misreading the flags; left out when blank at the end of a tuple (most rows have none of them).
 */
export const REPORT_FACT_KEYS = [
  "session",
  "source",
  "implementation",
  "secondReplyClass",
  "crossYear",
  "excellent",
] as const;

/**
 * Every fact after the practice flags: the report's, then 领办领导 for the leader's page (a list of
 * the suggestions a leader leads), then 测评日期 (a carried-over suggestion's rating counts in the
 * 单位测评 of the year it was given: eventDates), then 回访意见 (the year report's 已填写回访意见K件,
 * a sample's progress). Blank ones at the end of a tuple are left out.
 */
export const TAIL_FACT_KEYS = [...REPORT_FACT_KEYS, "handlingLeader", "ratedOn", "followUpNotes"] as const;

const DATE_KEYS: ReadonlySet<string> = new Set(
  ledgerStaffColumns.filter((c) => c.cell.kind === "date").map((c) => c.key),
);

function isBlankValue(value: unknown, blank: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return value === blank;
}

/**
 * What unreadableCells needs of each staff column, worked out once: the sync stores 200 rows a
 * chunk, and each row looked these up column by column.
 */
const UNREADABLE_COLUMNS = ledgerStaffColumns
  .filter((c) => c.cell.kind !== "yesNo")
  .map((c) => ({ key: c.key, header: c.header, blank: c.cell.blank, isDate: DATE_KEYS.has(c.key) }));

/** Cells that failed to parse, as staff typed them (the column header as key). */
function unreadableCells(
  row: LedgerRowEvaluation,
  indexOf: Partial<Record<string, number>>,
): Record<string, string> | null {
  let out: Record<string, string> | null = null;
  const record = row.record as unknown as Record<string, unknown>;
  for (const column of UNREADABLE_COLUMNS) {
    const at = indexOf[column.key];
    if (at === undefined || !isBlankValue(record[column.key], column.blank)) continue;
    const text = rawText(row.raw[at], column.isDate);
    if (text === "") continue;
    out ??= {};
    out[column.header] = text;
  }
  return out;
}

const TITLE_HEADER = ledgerStaffColumns.find((c) => c.key === "title")?.header ?? "标题";

/** BLANK_RECORD's entries, listed once (not once per stored row). */
const BLANK_ENTRIES = Object.entries(BLANK_RECORD);

/** The stored form of an evaluated (non-blank) row. */
export function storeRow(
  row: LedgerRowEvaluation,
  indexOf: Partial<Record<string, number>>,
): StoredSummaryRow {
  const r: Record<string, unknown> = {};
  const record = row.record as unknown as Record<string, unknown>;
  for (const [key, blank] of BLANK_ENTRIES) {
    const value = record[key];
    if (!isBlankValue(value, blank)) r[key] = value;
  }
  const stored: StoredSummaryRow = { n: row.rowNumber, r };
  if (row.id) stored.i = row.id;
  if (row.computed.status) stored.s = row.computed.status;
  if (row.computed.dueDate) stored.d = row.computed.dueDate;
  if (row.computed.problems) stored.p = row.computed.problems;
  if (row.firstDeadline) stored.f = [row.firstDeadline.due, row.firstDeadline.explanation];
  if (row.secondDeadline) stored.g = [row.secondDeadline.due, row.secondDeadline.explanation];
  if (row.problems.length > 0) stored.q = [...row.problems];
  const unreadable = unreadableCells(row, indexOf);
  if (unreadable) {
    stored.u = unreadable;
    // A 标题 the rules refuse (over TITLE_MAX characters: an 错误) still names the suggestion: every
    // list, page, link and search reads the record's title, and a blank one made it nameless there.
    const title = unreadable[TITLE_HEADER];
    if (title !== undefined && !r.title) r.title = title;
  }
  const flags = (row.practice ?? 0) | (hasCountedError(row.problems) ? PRACTICE_FACTS.countedError : 0);
  if (flags) stored.x = flags;
  return stored;
}

/**
 * A row's facts as a flat array (no key repeated per row: half the bytes of an object, and a page
 * parses every row): [row number, 编号, status, due, round-1 due, problem count, ...FACT_KEYS values,
 * practice flags, ...TAIL_FACT_KEYS values up to the last one filled]. Later additions come after
 * the earlier ones, so facts stored before them read as 0 or blank.
 */
export type FactTuple = [number, string | null, string, string, string, number, ...unknown[]];

const FACT_HEAD = 6;

/** A stored row's facts. */
export function factsOf(stored: StoredSummaryRow): FactTuple {
  const tuple: FactTuple = [
    stored.n,
    stored.i ?? null,
    stored.s ?? "",
    stored.d ?? "",
    stored.f?.[0] ?? "",
    stored.q?.length ?? 0,
  ];
  for (const key of FACT_KEYS) tuple.push(key in stored.r ? stored.r[key] : null);
  tuple.push(stored.x ?? 0);
  const tail = TAIL_FACT_KEYS.map((key) => (key in stored.r ? stored.r[key] : null));
  while (tail.length > 0 && tail[tail.length - 1] === null) tail.pop();
  tuple.push(...tail);
  return tuple;
}

/** Lists only count a row's problems; the messages stay in the whole row. */
const COUNTED: Problem = { tab: "", row: null, column: null, level: "提醒", message: "", id: null };

/** A row's counted problems, one shared (frozen) list per count: most rows have none or a few. */
const countedLists: (readonly Problem[])[] = [];
function countedProblems(count: number): readonly Problem[] {
  countedLists[count] ??= Object.freeze(new Array<Problem>(count).fill(COUNTED));
  return countedLists[count] as readonly Problem[];
}

const TUPLE = Symbol("facts");

/**
 * A record read straight from a row's facts tuple: one getter per fact on a shared prototype whose
 * own prototype holds the blank fields. Loading 2,000 rows then makes 2,000 two-field objects
 * instead of copying thirty values into each: the first view of any list after a sync does this,
 * within the Free plan's 10 ms.
 */
class FactRecord {
  readonly [TUPLE]: readonly unknown[];
  constructor(tuple: readonly unknown[]) {
    this[TUPLE] = tuple;
  }
}
Object.setPrototypeOf(FactRecord.prototype, BLANK_RECORD);

/** Where each fact sits in a tuple, the tail's place first (as a tail value overrides a head one). */
const FACT_INDICES = new Map<string, number[]>();
const TAIL_AT = FACT_HEAD + FACT_KEYS.length + 1;
for (const [k, key] of TAIL_FACT_KEYS.entries()) FACT_INDICES.set(key, [TAIL_AT + k]);
for (const [k, key] of FACT_KEYS.entries())
  FACT_INDICES.set(key, [...(FACT_INDICES.get(key) ?? []), FACT_HEAD + k]);

for (const [key, indices] of FACT_INDICES) {
  const blank = BLANK_RECORD[key];
  const [first, second] = indices as [number, number | undefined];
  Object.defineProperty(FactRecord.prototype, key, {
    enumerable: true,
    get(this: FactRecord) {
      const tuple = this[TUPLE];
      const value = tuple[first] ?? (second === undefined ? undefined : tuple[second]);
      return value === null || value === undefined ? blank : value;
    },
  });
}

/**
 * Where a fact sits in a stored tuple (for D1 queries that pick rows by it): 编号 and 台账状态 in
 * the head, a record field at its place among FACT_KEYS.
 */
export const FACT_PLACES = {
  id: 1,
  status: 2,
  title: FACT_HEAD + FACT_KEYS.indexOf("title"),
  leadDeputy: FACT_HEAD + FACT_KEYS.indexOf("leadDeputy"),
  coSigners: FACT_HEAD + FACT_KEYS.indexOf("coSigners"),
  leadUnit: FACT_HEAD + FACT_KEYS.indexOf("leadUnit"),
  coUnits: FACT_HEAD + FACT_KEYS.indexOf("coUnits"),
  supervisor: FACT_HEAD + FACT_KEYS.indexOf("supervisor"),
  submittedOn: FACT_HEAD + FACT_KEYS.indexOf("submittedOn"),
  // After FACT_KEYS and the practice flags.
  handlingLeader: FACT_HEAD + FACT_KEYS.length + 1 + TAIL_FACT_KEYS.indexOf("handlingLeader"),
} as const;

/** A row's facts back as a SummaryRow (the fields outside FACT_KEYS read blank). */
export function loadFacts(tuple: readonly unknown[]): SummaryRow {
  const firstDue = tuple[4] as string;
  return {
    rowNumber: tuple[0] as number,
    id: (tuple[1] as string | null) ?? null,
    blank: false,
    record: new FactRecord(tuple) as unknown as LedgerRecord,
    computed: { status: tuple[2] as LedgerStatus | "", dueDate: tuple[3] as string, problems: "" },
    firstDeadline: firstDue ? { due: firstDue, explanation: "" } : null,
    secondDeadline: null,
    problems: countedProblems(tuple[5] as number),
    unreadable: {},
    practice: (tuple[FACT_HEAD + FACT_KEYS.length] as number | undefined) ?? 0,
  };
}

/** A stored row back as a SummaryRow. */
export function loadRow(stored: StoredSummaryRow): SummaryRow {
  const deadline = (d: [string, string] | undefined) => (d ? { due: d[0], explanation: d[1] } : null);
  return {
    rowNumber: stored.n,
    id: stored.i ?? null,
    blank: false,
    // Blank fields come from the shared default (a prototype), not copied into each row.
    record: Object.assign(Object.create(BLANK_RECORD), stored.r) as LedgerRecord,
    computed: {
      status: (stored.s ?? "") as LedgerStatus | "",
      dueDate: stored.d ?? "",
      problems: stored.p ?? "",
    },
    firstDeadline: deadline(stored.f),
    secondDeadline: deadline(stored.g),
    problems: stored.q ?? [],
    unreadable: stored.u ?? {},
    practice: stored.x ?? 0,
  };
}
