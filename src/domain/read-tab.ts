import { type AnyCellType, isBlankCell, parseCell } from "../../sheets-schema/cells/cell-type";
import type { ColumnDef, RecordOf, TabDef } from "../../sheets-schema/columns";
import { type ColumnMap, HEADER_SEARCH_ROWS, matchHeaders } from "../../sheets-schema/header-map";
import { lookAlikeTab, renamedTabAdvice } from "../../sheets-schema/look-alikes";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { type Problem, ProblemSink } from "./problems";
import { missingLedgerReason } from "./sync/lost-ledger";

/** One data row of a tab, parsed cell by cell. */
export interface ParsedRow<R> {
  /** 1-based sheet row number (the header is row 1). */
  readonly rowNumber: number;
  readonly raw: readonly unknown[];
  readonly record: R;
  /** Every parsed cell was blank: not a record, skipped by the checks. */
  readonly blank: boolean;
  /** Keys of cells that held something unusable (their field is the blank value). */
  readonly failed: ReadonlySet<string>;
  readonly problems: ProblemSink;
}

/** The outcome of reading one tab. */
export interface TabRead<R> {
  readonly tab: string;
  /** False when the tab is missing or its headers cannot be matched: nothing is read or written. */
  readonly readable: boolean;
  readonly reason: string | null;
  readonly columns: ColumnMap | null;
  readonly rows: ParsedRow<R>[];
  /** Problems of the tab itself (headers); row problems live on each row. */
  readonly problems: Problem[];
}

/**
 * A tab whose header row was matched, its data rows parsed one at a time as a loop reaches them.
 * The ledger is checked this way: each parsed row (with its problem sink) is garbage as soon as
 * it is checked, instead of 10,000 of them kept until the last row is.
 */
export interface TabRows<R> extends Omit<TabRead<R>, "rows"> {
  /** Parses the data rows in sheet order, handing each to `visit` (readTab's rows, not kept). */
  eachRow(visit: (row: ParsedRow<R>) => void): void;
  /**
   * The value one column holds in each data row's record, with the row's sheet number, without
   * parsing the rest of the row (a first pass indexing 编号). Blank and unreadable cells give the
   * column's blank value, as the record has it.
   */
  eachValue<K extends keyof R & string>(key: K, visit: (value: R[K], rowNumber: number) => void): void;
  /** The value one column holds in the record of sheet row `rowNumber` (undefined: no such row read). */
  valueAt<K extends keyof R & string>(rowNumber: number, key: K): R[K] | undefined;
}

const NONE_FAILED: ReadonlySet<string> = new Set();

/**
 * The record every row starts from: each parsed column's blank value. Records are cloned from it
 * because adding 29 keys one by one would leave each record in V8's slow dictionary mode (measured:
 * 2 KB per row, and most of the run spent in GC). A template built key by key is itself such a
 * dictionary, and cloning a dictionary takes V8's slow path on every row (measured: the single
 * hottest line of the sync). JSON.parse builds an object with every key in the object itself, so
 * its clones are one block of memory (measured: 256 instead of 288 bytes and two objects per row).
 */
function recordTemplate(columns: readonly ColumnDef[]): Record<string, unknown> {
  const keys: Record<string, null> = {};
  for (const column of columns) keys[column.key] = null;
  const template = JSON.parse(JSON.stringify(keys)) as Record<string, unknown>;
  for (const column of columns) template[column.key] = column.cell.blank;
  return template;
}

/**
 * What the row loop needs of one present column. Column definitions and cell types come in many
 * object shapes (optional dropdown, width, values, warn…), so reading their fields in the loop was
 * a megamorphic property load per cell; these all share one shape.
 */
interface CellReader {
  readonly index: number;
  readonly key: string;
  readonly header: string;
  readonly required: boolean;
  readonly cell: AnyCellType;
  readonly fast: ((raw: unknown) => unknown) | null;
  readonly warn: ((value: unknown) => string | null) | null;
}

function cellReaders(present: ColumnMap["present"], owner: "staff" | "system"): CellReader[] {
  const readers: CellReader[] = [];
  for (const { column, index } of present) {
    if (column.owner !== owner) continue;
    const { cell } = column;
    const reader: CellReader = {
      index,
      key: column.key,
      header: column.header,
      required: column.required,
      cell,
      fast: cell.fast ?? null,
      warn: cell.warn ?? null,
    };
    readers.push(reader);
  }
  return readers;
}

/** A key cell as the text it is matched by (a 编号 typed as a number included). */
function keyText(raw: unknown): string {
  if (typeof raw === "string") return raw.trim();
  return typeof raw === "number" && Number.isFinite(raw) ? String(raw) : "";
}

/**
 * Reads a tab's raw values (header row first) into typed records. Only columns of `owner` are
 * parsed (the ledger's system columns are outputs). Cell problems and blank required cells are
 * recorded per row; cross-field rules are the caller's.
 */
export function readTab<Cols extends readonly ColumnDef[]>(
  tab: TabDef<string, Cols>,
  values: unknown,
  owner: "staff" | "system" = "staff",
  /** Sheet row of `values[1]`: 2 for a whole tab, later for a part of one (a sync chunk). */
  firstDataRow = 2,
  /**
   * Only the rows whose cell under `key` (as trimmed text) `keep` accepts are parsed and returned:
   * a sync chunk reads the 沟通记录 of its own suggestions, not every contact of the office.
   */
  pick?: RowPick<Cols>,
  /** Every tab title of the spreadsheet, when known: a missing tab's message names a renamed one. */
  titles: readonly string[] = [],
): TabRead<RecordOf<Cols>> {
  const opened = openTab(tab, values, owner, firstDataRow, pick, titles);
  const rows: ParsedRow<RecordOf<Cols>>[] = [];
  opened.eachRow((row) => rows.push(row));
  const { readable, reason, columns, problems } = opened;
  return { tab: tab.name, readable, reason, columns, rows, problems };
}

/** readTab's `pick`: the rows whose `key` cell (trimmed text) `keep` accepts. */
export interface RowPick<Cols extends readonly ColumnDef[]> {
  readonly key: Cols[number]["key"];
  readonly keep: (text: string) => boolean;
}

/** The value a record holds for one present cell (blank and unreadable cells: the blank value). */
function recordValue(reader: CellReader, value: unknown): unknown {
  if (isBlankCell(value)) return reader.cell.blank;
  const fast = reader.fast === null ? undefined : reader.fast(value);
  return fast !== undefined ? fast : parseCell(reader.cell, value).value;
}

/**
 * Why a tab cannot be read when it is not in the spreadsheet. A renamed tab is the likelier cause, and
 * creating an empty tab instead makes every reference to it fail: a tab whose title contains the name
 * (承办单位（2026）) is named when the titles are known, and checking the name comes first otherwise.
 * Not for 建议台账: a new empty ledger would read as every suggestion removed, so its own advice
 * (restore a version, else the export) is given, on the banner and /healthz as in 校验问题.
 */
export function missingTabReason(name: string, titles: readonly string[] = []): string {
  if (name === TAB_NAMES.ledger) return missingLedgerReason(titles);
  const renamed = lookAlikeTab(name, titles);
  if (renamed !== null) return renamedTabAdvice(name, renamed);
  return `找不到工作表『${name}』：先看看是不是表名被改了（比如加了年份或括号），是的话请改回『${name}』；确实没有这张表时，再新建（第 1 行写表头）`;
}

/** Matches a tab's header row and returns its data rows to be parsed as a loop reaches them (readTab's arguments). */
export function openTab<Cols extends readonly ColumnDef[]>(
  tab: TabDef<string, Cols>,
  values: unknown,
  owner: "staff" | "system" = "staff",
  firstDataRow = 2,
  pick?: RowPick<Cols>,
  titles: readonly string[] = [],
): TabRows<RecordOf<Cols>> {
  type R = RecordOf<Cols>;
  const unreadable = (reason: string, problems: Problem[]): TabRows<R> => ({
    tab: tab.name,
    readable: false,
    reason,
    columns: null,
    problems,
    eachRow: () => {},
    eachValue: () => {},
    valueAt: () => undefined,
  });
  if (values === undefined || values === null) {
    const reason = missingTabReason(tab.name, titles);
    return unreadable(reason, [
      { tab: tab.name, row: null, column: null, level: "错误", message: reason, id: null },
    ]);
  }
  const matrix: readonly unknown[] = Array.isArray(values) ? values : [];
  // Rows 2, 3 tell a header pushed down by a title row; a chunk's rows (firstDataRow > 2) do not.
  const match = matchHeaders(tab, matrix[0], firstDataRow === 2 ? matrix.slice(1, HEADER_SEARCH_ROWS) : []);
  const headerProblems: Problem[] = match.problems.map((problem) => ({
    tab: tab.name,
    row: 1,
    column: problem.column,
    level: problem.level,
    message: problem.message,
    id: null,
  }));
  if (!match.ok) {
    const reason = match.problems.find((p) => p.level === "错误")?.message ?? "表头无法识别";
    return unreadable(reason, headerProblems);
  }
  const parsed = tab.columns.filter((col) => col.owner === owner);
  const readers = cellReaders(match.columns.present, owner);
  const template = recordTemplate(parsed);
  const indexOf = match.columns.indexOf as Partial<Record<string, number>>;
  const pickAt = pick ? indexOf[pick.key] : undefined;
  /** The data row at `i` (1 = the first), or null where none is read. */
  const rawAt = (i: number): readonly unknown[] | null => {
    const rawRow = matrix[i];
    // A sparse copy (D1 picked a few suggestions' rows) holds nothing between them: those are not
    // rows that were read, and making each a blank record cost a notices part a few milliseconds.
    // A blank row of the sheet itself arrives as [].
    if (rawRow === undefined) return null;
    const raw: readonly unknown[] = Array.isArray(rawRow) ? rawRow : [];
    if (pick && !pick.keep(keyText(pickAt === undefined ? undefined : raw[pickAt]))) return null;
    return raw;
  };
  const eachRow = (visit: (row: ParsedRow<R>) => void): void => {
    for (let i = 1; i < matrix.length; i += 1) {
      const raw = rawAt(i);
      if (raw !== null)
        visit(parseRow(tab.name, firstDataRow + i - 1, raw, readers, template) as ParsedRow<R>);
    }
  };
  const cellValue = (reader: CellReader | undefined, raw: readonly unknown[], key: string) =>
    reader ? recordValue(reader, raw[reader.index]) : template[key];
  const eachValue = <K extends keyof R & string>(key: K, visit: (value: R[K], rowNumber: number) => void) => {
    const reader = readers.find((r) => r.key === key);
    for (let i = 1; i < matrix.length; i += 1) {
      const raw = rawAt(i);
      if (raw !== null) visit(cellValue(reader, raw, key) as R[K], firstDataRow + i - 1);
    }
  };
  const valueAt = <K extends keyof R & string>(rowNumber: number, key: K): R[K] | undefined => {
    const i = rowNumber - firstDataRow + 1;
    const raw = i >= 1 && i < matrix.length ? rawAt(i) : null;
    if (raw === null) return undefined;
    return cellValue(
      readers.find((r) => r.key === key),
      raw,
      key,
    ) as R[K];
  };
  const { columns } = match;
  return {
    tab: tab.name,
    readable: true,
    reason: null,
    columns,
    problems: headerProblems,
    eachRow,
    eachValue,
    valueAt,
  };
}

/** One data row parsed cell by cell into a record cloned from `template`. */
function parseRow(
  tabName: string,
  rowNumber: number,
  raw: readonly unknown[],
  readers: readonly CellReader[],
  template: Record<string, unknown>,
): ParsedRow<Record<string, unknown>> {
  const record: Record<string, unknown> = { ...template };
  const row = new SheetRow(tabName, rowNumber, raw, record);
  const problems: ProblemSink = row;
  let failed: Set<string> | undefined;
  let blank = true;
  for (const reader of readers) {
    const value = raw[reader.index];
    // The everyday cells (blank, or a value the cell type's shortcut reads) are handled here
    // without parseCell's result object: 29 of those per row were most of the run's garbage.
    if (isBlankCell(value)) {
      if (reader.required) problems.error(reader.header, `${reader.header}未填写：这是必填项，请补上`);
      continue;
    }
    blank = false;
    const fast = reader.fast === null ? undefined : reader.fast(value);
    if (fast !== undefined) {
      record[reader.key] = fast;
      const warning = reader.warn === null ? null : reader.warn(fast);
      if (warning) problems.warn(reader.header, warning);
      continue;
    }
    const result = parseCell(reader.cell, value);
    record[reader.key] = result.value;
    if (result.error) {
      failed ??= new Set<string>();
      failed.add(reader.key);
      problems.error(reader.header, result.error);
    } else if (result.warning) {
      problems.warn(reader.header, result.warning);
    }
  }
  // A blank row is not a record: its "required" problems would only be noise.
  if (blank) problems.clear();
  row.blank = blank;
  if (failed) row.failed = failed;
  return row;
}

/**
 * A parsed row that collects its own problems: one object per row of every tab read, where a row
 * and its problem sink were two.
 */
class SheetRow extends ProblemSink implements ParsedRow<Record<string, unknown>> {
  blank = true;
  failed: ReadonlySet<string> = NONE_FAILED;

  constructor(
    tab: string,
    readonly rowNumber: number,
    readonly raw: readonly unknown[],
    readonly record: Record<string, unknown>,
  ) {
    super(tab, rowNumber);
  }

  get problems(): ProblemSink {
    return this;
  }
}
