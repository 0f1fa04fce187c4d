import { type CellType, parseCell } from "../../sheets-schema/cells/cell-type";
import type { ColumnMap } from "../../sheets-schema/header-map";
import { type LedgerRecord, ledgerTab } from "../../sheets-schema/tabs/ledger";
import type { ProvisionalDue } from "./calendar-fallback";
import { type MergedLeaders, mergedLeadersOf } from "./check-ledger-leaders";
import type { IdRows } from "./check-ledger-refs";
import { evaluateLedgerRows, type LedgerRowEvaluation, provisionalDueOf } from "./evaluate-ledger-rows";
import type { LedgerContext } from "./ledger-context";
import { alikeIdRows, isAsciiId } from "./numbering";
import { checkPracticeRows } from "./practice/check-practice-rows";
import { buildPracticeIndex } from "./practice/practice-index";
import type { Problem } from "./problems";
import { openTab } from "./read-tab";

/**
 * Every 编号 typed in the ledger with the rows holding it and its 审查结果: what a part of the
 * ledger needs to know of the rest (a 编号 typed twice, a 并入编号 that must exist). Plain JSON,
 * so a sync split across invocations can carry it from its plan to each chunk.
 */
export type IdIndex = Readonly<
  Record<
    string,
    {
      readonly rows: readonly number[];
      readonly review: string;
      /** The rows of every 编号 read alike (2026－240 and 2026-240), when another is (IdRows.alike). */
      readonly alike?: readonly number[];
      /** The 并案 rows merged into this 编号 that carry 重点建议 or leaders (LedgerRefs.mergedIn). */
      readonly merged?: readonly MergedLeaders[];
    }
  >
>;

/** The columns of a merged row its target's check reads (checkMergedLeaders), each as read, header first. */
export interface MergeColumns {
  readonly mergedInto: readonly unknown[];
  readonly isKey: readonly unknown[];
  readonly supervisor: readonly unknown[];
  readonly handlingLeader: readonly unknown[];
}

export interface ChunkInput {
  readonly context: LedgerContext;
  /** The ledger's header row as read. */
  readonly header: readonly unknown[];
  /** Raw rows of the part, `firstRow` being the sheet row of the first. */
  readonly rows: readonly (readonly unknown[])[];
  readonly firstRow: number;
  readonly today: string;
  readonly ids: IdIndex;
  /** 编号 handed out before that must never be proposed again. */
  readonly issuedIds?: readonly string[];
}

export interface ChunkEvaluation {
  /** False when the header cannot be matched: nothing may be written. */
  readonly readable: boolean;
  readonly reason: string | null;
  readonly columns: ColumnMap | null;
  readonly rows: readonly LedgerRowEvaluation[];
  /** The header's problems (first chunk only matters) and every row's problems, in sheet order. */
  readonly headerProblems: readonly Problem[];
  readonly rowProblems: readonly Problem[];
  /** Problems of the 沟通记录, 延期申请 and 协办意见 rows of this part's suggestions. */
  readonly relatedProblems: readonly Problem[];
  /** Years whose holiday arrangement was needed and is unknown. */
  readonly unknownYears: readonly number[];
  /** This part's suggestions with a 暂定 办理期限, per such year (provisionalDueOf): the finish adds them up. */
  readonly provisionalDue: ProvisionalDue;
}

const ID_CELL = ledgerTab.columns.find((c) => c.key === "id")?.cell;
const REVIEW_CELL = ledgerTab.columns.find((c) => c.key === "review")?.cell;
const cellOf = (key: string) =>
  ledgerTab.columns.find((c) => c.key === key)?.cell as CellType<unknown, unknown> | undefined;
const IS_KEY_CELL = cellOf("isKey");
const SUPERVISOR_CELL = cellOf("supervisor");
const HANDLING_CELL = cellOf("handlingLeader");

/** A 编号 (or 并入编号) cell as the ledger reads it: "" when blank or unreadable. */
export function idOfCell(raw: unknown): string {
  return ID_CELL ? (parseCell(ID_CELL, raw).value as string) : "";
}

/**
 * The index's entry of a 编号, its own keys only: the index reaches a step as parsed JSON, whose
 * prototype would answer for a 编号 typed as "toString" or "constructor".
 */
export function idEntry(index: IdIndex, id: string): IdIndex[string] | undefined {
  return Object.hasOwn(index, id) ? index[id] : undefined;
}

/**
 * Whether a 编号 is on more than one row, typed alike (2026-240 twice) or read alike (2026－240 beside
 * 2026-240): a duplicate to fix, held from notices and sampling until then, as its 错误 says.
 */
export function isDuplicatedId(index: IdIndex, id: string): boolean {
  const entry = idEntry(index, id);
  return entry !== undefined && (entry.rows.length > 1 || (entry.alike?.length ?? 0) > 1);
}

/**
 * Builds the 编号 index from the ledger's 编号 and 审查结果 columns as read (header first), each
 * cell parsed as readTab parses it, so the index holds exactly what evaluateLedger would find.
 * With `merges` (the plan reads those columns too), each 编号 also lists the suggestions merged
 * into it that its row is told of (indexIds' mergedIn).
 */
export function indexIdColumns(
  idColumn: readonly unknown[],
  reviewColumn: readonly unknown[],
  merges?: MergeColumns,
): IdIndex {
  // No prototype: a 编号 typed as "constructor" or "__proto__" is a key like any other (with one,
  // "constructor" found Object's own and the plan stopped on it).
  const index: Record<
    string,
    { rows: number[]; review: string; alike?: readonly number[]; merged?: MergedLeaders[] }
  > = Object.create(null);
  if (!ID_CELL || !REVIEW_CELL) return index;
  const nonAscii: string[] = [];
  for (let i = 1; i < idColumn.length; i++) {
    const id = idOfCell(idColumn[i]);
    if (!id) continue;
    const entry = index[id];
    if (entry) entry.rows.push(i + 1);
    else {
      index[id] = { rows: [i + 1], review: String(parseCell(REVIEW_CELL, reviewColumn[i]).value ?? "") };
      if (!isAsciiId(id)) nonAscii.push(id);
    }
  }
  // Kept in the entries (plain JSON), so each part finds another part's 2026－240 beside its
  // 2026-240, and a part whose 编号 gains or loses such a twin is not taken as unchanged.
  for (const [id, rows] of alikeIdRows(nonAscii, (id) => index[id]?.rows)) {
    const entry = index[id];
    if (entry) entry.alike = rows;
  }
  if (merges) indexMerges(index, idColumn, reviewColumn, merges);
  return index;
}

/** Adds to each target's entry the merged rows it is told of, in sheet order (as indexIds' indexMerged). */
function indexMerges(
  index: Record<string, { merged?: MergedLeaders[] }>,
  idColumn: readonly unknown[],
  reviewColumn: readonly unknown[],
  merges: MergeColumns,
): void {
  if (!REVIEW_CELL || !IS_KEY_CELL || !SUPERVISOR_CELL || !HANDLING_CELL) return;
  for (let i = 1; i < merges.mergedInto.length; i++) {
    const target = idOfCell(merges.mergedInto[i]);
    const entry = target && Object.hasOwn(index, target) ? index[target] : undefined;
    // Only the few rows with a 并入编号 are read further.
    if (!entry || parseCell(REVIEW_CELL, reviewColumn[i]).value !== "并案") continue;
    const merged = mergedLeadersOf(idOfCell(idColumn[i]), {
      isKey: parseCell(IS_KEY_CELL, merges.isKey[i]).value === true,
      supervisor: String(parseCell(SUPERVISOR_CELL, merges.supervisor[i]).value ?? ""),
      handlingLeader: String(parseCell(HANDLING_CELL, merges.handlingLeader[i]).value ?? ""),
    });
    if (!merged) continue;
    if (entry.merged) entry.merged.push(merged);
    else entry.merged = [merged];
  }
}

/**
 * Years without a known arrangement that this part's due dates (or today) needed. Taken from the
 * rows, not from the calendar's record of what it was asked: the calendar may serve many chunks.
 */
function unknownYearsOf(
  rows: readonly LedgerRowEvaluation[],
  context: LedgerContext,
  today: string,
): number[] {
  const years = new Set<number>();
  const todayYear = Number(today.slice(0, 4));
  if (!context.calendar.isYearKnown(todayYear)) years.add(todayYear);
  for (const row of rows) {
    for (const year of row.firstDeadline?.unknownYears ?? []) years.add(year);
    for (const year of row.secondDeadline?.unknownYears ?? []) years.add(year);
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * Checks and computes the rows of one part of the ledger, exactly as evaluateLedger would within
 * the whole: references to other rows (duplicates, 并入编号) go through the index of the whole.
 */
export function evaluateChunk(input: ChunkInput): ChunkEvaluation {
  const { context } = input;
  // Each row is parsed as it is checked, after a first pass that reads the part's 编号.
  const read = openTab(ledgerTab, [input.header, ...input.rows], "staff", input.firstRow);
  // Views over the whole ledger's index, not copies of it: a part asks for its own rows' 编号.
  const { ids } = input;
  const entryOf = (id: string) => idEntry(ids, id);
  const keys = () => Object.keys(ids);
  const idRows: IdRows = {
    get: (id) => entryOf(id)?.rows,
    first: (id) => entryOf(id)?.rows[0],
    count: (id) => entryOf(id)?.rows.length ?? 0,
    alike: (id) => entryOf(id)?.alike,
    keys,
  };
  const mergedIn = (id: string) => entryOf(id)?.merged;
  // Of another row only its 审查结果 is read (a 并入编号 pointing at a merged suggestion).
  const byId = { get: (id: string) => entryOf(id) as Pick<LedgerRecord, "review"> | undefined, keys };
  // The practice rows of this part's suggestions only, indexed once: a Map lookup per row.
  const partIds = new Set<string>();
  read.eachValue("id", (id) => {
    if (id) partIds.add(id);
  });
  const practice = buildPracticeIndex(context.practiceTabs, partIds, context.units);
  checkPracticeRows(practice, {
    today: input.today,
    calendar: context.calendar,
    extensionReviewDays: context.settings.extensionReviewDays,
    knownId: null,
  });
  const rows = read.readable
    ? evaluateLedgerRows(read, {
        today: input.today,
        calendar: context.calendar,
        idFormat: context.idFormat,
        secondRoundPeriod: context.settings.secondRoundPeriod,
        dueSoonDays: context.settings.dueSoonDays,
        practiceSince: context.settings.practiceSince,
        practice,
        refs: {
          deputies: context.deputies,
          units: context.units,
          leaders: context.leaders,
          categories: context.settings.categories,
          categorySet: new Set(context.settings.categories),
          idRows,
          byId,
          mergedIn,
        },
        issuedIds: input.issuedIds ?? [],
      })
    : [];
  return {
    readable: read.readable,
    reason: read.reason,
    columns: read.columns,
    rows,
    headerProblems: read.problems,
    rowProblems: rows.flatMap((r) => r.problems),
    relatedProblems: rows.flatMap((r) => r.relatedProblems),
    unknownYears: unknownYearsOf(rows, context, input.today),
    provisionalDue: provisionalDueOf(rows),
  };
}
