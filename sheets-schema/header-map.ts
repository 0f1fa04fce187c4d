import type { ColumnDef, TabDef } from "./columns";
import type { ProblemLevel } from "./enums";
import { holdsStaffData, lookAlikeHeader, renamedHeaderAdvice, restoreColumnAdvice } from "./look-alikes";

/** A problem with a tab's header row; `column` is the header text concerned. */
export interface HeaderProblem {
  readonly column: string | null;
  readonly level: ProblemLevel;
  readonly message: string;
}

/** Where each known column sits in the sheet (0-based), plus the columns staff added. */
export interface ColumnMap<K extends string = string> {
  /** Known columns that are present, in sheet order. */
  readonly present: readonly { readonly column: ColumnDef<K>; readonly index: number }[];
  readonly indexOf: Readonly<Partial<Record<K, number>>>;
  readonly extra: readonly { readonly header: string; readonly index: number }[];
}

export type HeaderMatch<K extends string = string> =
  | { readonly ok: true; readonly columns: ColumnMap<K>; readonly problems: readonly HeaderProblem[] }
  | { readonly ok: false; readonly problems: readonly HeaderProblem[] };

/** "A", "B", … "Z", "AA" for a 0-based column index. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function headerText(cell: unknown): string {
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number" && Number.isFinite(cell)) return String(cell);
  return "";
}

/** Header cells that are no known column's, in sheet order. */
function unclaimed(
  positions: ReadonlyMap<string, readonly number[]>,
  known: ReadonlySet<string>,
): { header: string; index: number }[] {
  const cells: { header: string; index: number }[] = [];
  for (const [header, found] of positions) {
    if (!known.has(header)) for (const index of found) cells.push({ header, index });
  }
  return cells.sort((a, b) => a.index - b.index);
}

/**
 * What staff read for a missing header: a look-alike column is named first (renamed, not deleted:
 * change the header back); a column staff fill is restored before anything else (an empty column in
 * its place reads every row as blank); otherwise add the header.
 */
function missingHeaderMessage(
  tab: TabDef,
  column: ColumnDef,
  lookAlike: { header: string; index: number } | null,
): string {
  const blocks = column.headerRequired ? "，改好之前本表不会同步" : "，改好之前这一列按空白处理";
  if (lookAlike)
    return `${renamedHeaderAdvice(column.header, columnLetter(lookAlike.index), lookAlike.header)}${blocks}`;
  const head = `缺少表头“${column.header}”：`;
  if (!column.headerRequired) {
    if (!holdsStaffData(tab, column)) return `${head}这一列按空白处理；需要时请在第 1 行补上`;
    return `${head}如果这一列是被误删的，请用“撤销”或“文件 → 版本记录”恢复；在此之前这一列按空白处理，不是误删而又需要这一列时，请在第 1 行补上`;
  }
  if (!holdsStaffData(tab, column))
    return `${head}请在第 1 行补上这一列（列的顺序不限），补好之前本表不会同步`;
  return `${head}${restoreColumnAdvice(tab)}。确实没有这一列时，再在第 1 行补上（列的顺序不限）；补好之前本表不会同步`;
}

/** Fewer cells than this in row 1, none a known header, read as a header row with typos, not as data. */
const DATA_ROW_CELLS = 3;

/**
 * Row 1 holds no known header but several cells (`texts`: its non-blank cells' text): a row of
 * data, where the header row was sorted away (row 1 not frozen) or deleted. Listing every header as
 * missing would have staff (or sheet:init) write headers over a suggestion's cells; the message
 * says to undo instead. Null when row 1 is a header row.
 */
export function dataRowAsHeader(tab: TabDef, texts: readonly string[]): string | null {
  const known = tab.columns.map((c) => c.header);
  // A header renamed (主办单位（牵头）) still names its column: only cells naming none are data.
  if (texts.length < DATA_ROW_CELLS || texts.some((text) => known.some((h) => text.includes(h)))) return null;
  const sample = texts
    .slice(0, 3)
    .map((text) => `“${text.length > 12 ? `${text.slice(0, 12)}…` : text}”`)
    .join("");
  return `第 1 行不是表头，而像是一行数据（${sample}……）：表头行可能在排序时被移走或被删除了。请用“撤销”（Ctrl+Z）或“文件 → 版本记录”恢复，并冻结第 1 行（视图 → 冻结 → 1 行），以免排序时再被移走；不要在第 1 行补写表头，那会盖住这一行的内容。恢复之前『${tab.name}』不会同步`;
}

/**
 * Rows from the top a caller reads for the header check (row 1 and the rows below it): staff add a
 * title row, sometimes a subtitle, above the header (`2026年代表建议办理台账`), pushing it down.
 */
export const HEADER_SEARCH_ROWS = 3;

/** A title cell quoted in a message is cut to this many characters. */
const QUOTED_TITLE_CHARS = 20;
/** Fewer headers missing than this are listed one by one, however short the tab. */
const MANY_MISSING = 4;

/** The distinct known headers in a row. */
function knownHeaders(tab: TabDef, row: unknown): number {
  const known = new Set(tab.columns.map((c) => c.header));
  const found = new Set<string>();
  if (Array.isArray(row))
    for (const cell of row) if (known.has(headerText(cell))) found.add(headerText(cell));
  return found.size;
}

/** A row holding more than half of the tab's headers: its header row, wherever it sits. */
const holdsHeader = (tab: TabDef, row: unknown) => knownHeaders(tab, row) * 2 > tab.columns.length;

/**
 * The header row found below row 1 (`below`: rows 2, 3, … as read), pushed down by a title row or
 * a blank one staff inserted. Naming each header as missing would have staff type headers over
 * their title or restore an old version, when deleting the rows above is all it takes. Null when
 * row 1 is the header row or no row below is.
 */
function headerBelowMessage(tab: TabDef, rows: readonly unknown[]): string | null {
  if (holdsHeader(tab, rows[0])) return null;
  const at = rows.findIndex((row, i) => i > 0 && holdsHeader(tab, row));
  if (at < 0) return null;
  const above = at === 1 ? "第 1 行" : `第 1–${at} 行`;
  const title = rows
    .slice(0, at)
    .flatMap((row) => (Array.isArray(row) ? row.map(headerText) : []))
    .find((text) => text !== "");
  const quoted = title
    ? `（标题“${title.length > QUOTED_TITLE_CHARS ? `${title.slice(0, QUOTED_TITLE_CHARS)}…` : title}”）`
    : "（空行）";
  return `表头应在第 1 行，现在在第 ${at + 1} 行：请删除表头上方的${above}${quoted}，表头以下的内容不用动；删好之前本表不会同步`;
}

/**
 * More than half of the headers missing, none renamed, and no header row found below: row 1 is
 * not the header row. One line for the tab instead of one per header (29 on 建议台账), none of
 * which would be the advice that fits.
 */
function notHeaderMessage(missing: readonly string[]): string {
  const named = missing
    .slice(0, 3)
    .map((h) => `“${h}”`)
    .join("");
  return `第 1 行不是表头：缺少 ${missing.length} 个表头（${named}等）。表头必须在第 1 行：如果表头上方加了标题行或空行，请删除这些行；如果表头被改写或删除，请用“撤销”或“文件 → 版本记录”恢复，不要在第 1 行逐个补写表头。改好之前本表不会同步`;
}

/**
 * Matches a header row against a tab's columns by text: any order, extra columns allowed,
 * surrounding whitespace ignored. `ok` is false when a required header is missing or a known
 * header appears twice: the caller must then neither read nor write the tab. `rowsBelow` (rows 2,
 * 3, … as read, up to HEADER_SEARCH_ROWS in all) tells a header pushed down by a title row.
 */
export function matchHeaders<Cols extends readonly ColumnDef[]>(
  tab: TabDef<string, Cols>,
  headerRow: unknown,
  rowsBelow: readonly unknown[] = [],
): HeaderMatch<Cols[number]["key"]> {
  type K = Cols[number]["key"];
  const moved = rowsBelow.length > 0 ? headerBelowMessage(tab, [headerRow, ...rowsBelow]) : null;
  if (moved) return { ok: false, problems: [{ column: null, level: "错误", message: moved }] };
  const cells = Array.isArray(headerRow) ? headerRow : [];
  const positions = new Map<string, number[]>();
  cells.forEach((cell, index) => {
    const text = headerText(cell);
    if (text === "") return;
    const list = positions.get(text);
    if (list) list.push(index);
    else positions.set(text, [index]);
  });
  if (positions.size === 0) {
    // Most often the whole tab emptied (select all → Delete): the way back comes before the header.
    const message = `第 1 行没有表头：如果是误删（例如全选后按了删除），请先用“撤销”或“文件 → 版本记录”恢复，只补写表头找不回原有的行；确实是新表时，再在第 1 行写上表头（${tab.columns.map((c) => c.header).join("、")}），写好之前本表不会同步`;
    return { ok: false, problems: [{ column: null, level: "错误", message }] };
  }
  const notHeader = dataRowAsHeader(tab, [...positions.keys()]);
  if (notHeader) return { ok: false, problems: [{ column: null, level: "错误", message: notHeader }] };
  const problems: HeaderProblem[] = [];
  const known = new Set<string>(tab.columns.map((c) => c.header));
  let ok = true;
  const present: { column: ColumnDef<K>; index: number }[] = [];
  const indexOf: Partial<Record<K, number>> = {};
  let unmatched: { header: string; index: number }[] | null = null;
  /** Headers missing with no look-alike in row 1 (not renamed), and whether any was renamed. */
  const absent: string[] = [];
  let renamed = false;
  for (const column of tab.columns as readonly ColumnDef<K>[]) {
    const found = positions.get(column.header);
    if (!found) {
      if (!column.headerRequired && column.quietWhenMissing) continue;
      // Only on a missing header (rare): the cells no known column claims, for a renamed one.
      unmatched ??= unclaimed(positions, known);
      const level: ProblemLevel = column.headerRequired ? "错误" : "提醒";
      const lookAlike = lookAlikeHeader(tab, column, unmatched);
      if (lookAlike) renamed = true;
      else absent.push(column.header);
      const message = missingHeaderMessage(tab, column, lookAlike);
      if (column.headerRequired) ok = false;
      problems.push({ column: column.header, level, message });
      continue;
    }
    if (found.length > 1) {
      ok = false;
      const letters = found.map(columnLetter).join("、");
      const message = `表头“${column.header}”出现了 ${found.length} 次（第 ${letters} 列）：请删除或改名多余的列，改好之前本表不会同步`;
      problems.push({ column: column.header, level: "错误", message });
      continue;
    }
    present.push({ column, index: found[0] as number });
    indexOf[column.key] = found[0] as number;
  }
  // A header renamed (名称 for 单位名称) says row 1 is the header row, edited: each is told apart then.
  if (!ok && !renamed && absent.length >= MANY_MISSING && absent.length * 2 > tab.columns.length)
    return { ok: false, problems: [{ column: null, level: "错误", message: notHeaderMessage(absent) }] };
  const extra: { header: string; index: number }[] = [];
  for (const [header, found] of positions) {
    if (known.has(header)) continue;
    for (const index of found) extra.push({ header, index });
    if (found.length > 1) {
      const message = `自加的表头“${header}”出现了 ${found.length} 次：系统不读这一列，但重复的表头容易填错，建议改名`;
      problems.push({ column: header, level: "提醒", message });
    }
  }
  if (!ok) return { ok: false, problems };
  present.sort((a, b) => a.index - b.index);
  extra.sort((a, b) => a.index - b.index);
  // Built key by key, indexOf is a V8 dictionary (over 12 keys added by name); the sync reads it
  // on every row, and a copy is an ordinary object with fast property reads.
  return { ok: true, columns: { present, indexOf: { ...indexOf }, extra }, problems };
}
