import { type AnyCellType, isBlankCell, parseCell } from "../../sheets-schema/cells/cell-type";
import type { ColumnDef, RecordOf, TabDef } from "../../sheets-schema/columns";
import { type ColumnMap, matchHeaders } from "../../sheets-schema/header-map";
import { type Problem, ProblemSink } from "./problems";

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
  pick?: { readonly key: Cols[number]["key"]; readonly keep: (text: string) => boolean },
): TabRead<RecordOf<Cols>> {
  if (values === undefined || values === null) {
    const reason = `找不到工作表『${tab.name}』：请新建这张表（第 1 行写表头），或检查表名是否被改动`;
    const missing: Problem = {
      tab: tab.name,
      row: null,
      column: null,
      level: "错误",
      message: reason,
      id: null,
    };
    return { tab: tab.name, readable: false, reason, columns: null, rows: [], problems: [missing] };
  }
  const matrix: readonly unknown[] = Array.isArray(values) ? values : [];
  const match = matchHeaders(tab, matrix[0]);
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
    return { tab: tab.name, readable: false, reason, columns: null, rows: [], problems: headerProblems };
  }
  const parsed = tab.columns.filter((col) => col.owner === owner);
  const readers = cellReaders(match.columns.present, owner);
  const template = recordTemplate(parsed);
  const rows: ParsedRow<RecordOf<Cols>>[] = [];
  const pickAt = pick ? (match.columns.indexOf as Partial<Record<string, number>>)[pick.key] : undefined;
  for (let i = 1; i < matrix.length; i += 1) {
    const rawRow = matrix[i];
    // A sparse copy (D1 picked a few suggestions' rows) holds nothing between them: those are not
    // rows that were read, and making each a blank record cost a notices part a few milliseconds.
    // A blank row of the sheet itself arrives as [].
    if (rawRow === undefined) continue;
    const raw: readonly unknown[] = Array.isArray(rawRow) ? rawRow : [];
    if (pick && !pick.keep(keyText(pickAt === undefined ? undefined : raw[pickAt]))) continue;
    const rowNumber = firstDataRow + i - 1;
    const problems = new ProblemSink(tab.name, rowNumber);
    const record: Record<string, unknown> = { ...template };
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
    const typed = record as RecordOf<Cols>;
    rows.push({ rowNumber, raw, record: typed, blank, failed: failed ?? NONE_FAILED, problems });
  }
  return {
    tab: tab.name,
    readable: true,
    reason: null,
    columns: match.columns,
    rows,
    problems: headerProblems,
  };
}
