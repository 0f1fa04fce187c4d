import {
  type ColumnDef,
  columnLetter,
  dataRowAsHeader,
  holdsStaffData,
  lookAlikeHeader,
  renamedHeaderAdvice,
  restoreColumnAdvice,
  TAB_NAMES,
  type TabDef,
} from "../../sheets-schema";
import { type Change, change, type TabLayout } from "./change";
import { headerNote } from "./layout";
import { addSheet, appendDimension, columnWidth, writeText } from "./requests";
import type { TabSnapshot } from "./snapshot";

const NEW_TAB_ROWS = 1000;
const NEW_TAB_COLUMNS = 26;

/** A stand-in snapshot for a tab this run adds (frozen by addSheet itself). */
function blankTab(tab: TabDef, sheetId: number): TabSnapshot {
  return {
    sheetId,
    title: tab.name,
    rowCount: NEW_TAB_ROWS,
    columnCount: Math.max(NEW_TAB_COLUMNS, tab.columns.length),
    frozenRowCount: 1,
    header: [],
    firstRow: [],
    values: null,
    protectedRanges: [],
    conditionalFormats: [],
  };
}

function headerRequests(sheetId: number, start: number, cols: readonly ColumnDef[]) {
  const requests = [
    writeText(sheetId, 0, start, [cols.map((c) => c.header)], {
      bold: true,
      notes: cols.map(headerNote),
    }),
  ];
  // Widths only for columns this run creates: staff may have resized the others.
  cols.forEach((col, i) => {
    if (col.width) requests.push(columnWidth(sheetId, start + i, col.width));
  });
  return requests;
}

export interface HeaderPlan {
  readonly layout: TabLayout;
  readonly changes: Change[];
  readonly notes: string[];
}

/** What a person allowed on the command line. */
export interface HeaderOptions {
  /**
   * Add an empty column for a missing header even where it may have been renamed (a look-alike
   * header) or deleted (a column staff fill, on a 建议台账 that has a header row): `--add-missing-columns`.
   */
  readonly addMissingColumns?: boolean;
}

export const ADD_COLUMNS_FLAG = "--add-missing-columns";

/**
 * Why a missing header is left to a person, or null when sheet:init may add it. A look-alike header
 * is most likely the column renamed; a staff column missing from a 建议台账 that has a header row is
 * most likely deleted (rows 1–2 are all that is read, so a ledger with headers counts as in use). An
 * empty column in its place reads every row as blank (已答复 rows become unanswered, then overdue).
 */
function heldBack(
  tab: TabDef,
  col: ColumnDef,
  unmatched: readonly { header: string; index: number }[],
): string | null {
  const lookAlike = lookAlikeHeader(tab, col, unmatched);
  if (lookAlike) {
    const advice = renamedHeaderAdvice(col.header, columnLetter(lookAlike.index), lookAlike.header);
    return `${tab.name}: ${advice}；如果不是这一列，请加上 ${ADD_COLUMNS_FLAG} 再运行 sheet:init`;
  }
  if (tab.name === TAB_NAMES.ledger && holdsStaffData(tab, col)) {
    return `${tab.name}: 缺少表头“${col.header}”：${restoreColumnAdvice(tab)}。确认要新建空列时，请加上 ${ADD_COLUMNS_FLAG} 再运行 sheet:init`;
  }
  return null;
}

/**
 * Finds every known header by its text (any order, extra columns kept) and places the missing ones
 * after the last non-blank header cell: staff's arrangement is never reordered, no cell with a
 * header is overwritten. A tab that does not exist yet is added (after the existing tabs, in schema
 * order, so staff's own tabs keep their place) with the whole header row. A header that may have been
 * renamed or deleted is not added (see heldBack) but left to a person in a note; the layout's tab then
 * lacks that column, so no format, dropdown or protection is planned for it.
 */
export function planHeaders(
  tab: TabDef,
  existing: TabSnapshot | undefined,
  newSheetId: number,
  options: HeaderOptions = {},
): HeaderPlan {
  const snapshot = existing ?? blankTab(tab, newSheetId);
  const changes: Change[] = [];
  const notes: string[] = [];
  // Row 1 is a row of data (the header row sorted away): nothing is written over it.
  const dataRow = existing ? dataRowAsHeader(tab, existing.header.map((c) => c.text).filter(Boolean)) : null;
  if (dataRow)
    return {
      layout: {
        tab: { ...tab, columns: [] },
        sheetId: snapshot.sheetId,
        rowCount: snapshot.rowCount,
        snapshot,
        isNew: false,
        positions: new Map(),
        written: new Set(),
      },
      changes,
      notes: [`${tab.name}: ${dataRow}`],
    };
  if (!existing) {
    const request = addSheet(snapshot.sheetId, tab.name, snapshot.columnCount);
    changes.push(change(tab.name, "新建工作表", "add the tab", [request], true));
  }
  const positions = new Map<string, number>();
  const known = new Set(tab.columns.map((c) => c.header));
  const unmatched: { header: string; index: number }[] = [];
  let lastUsed = -1;
  snapshot.header.forEach((cell, i) => {
    if (cell.text === "") return;
    lastUsed = i;
    if (!known.has(cell.text)) unmatched.push({ header: cell.text, index: i });
    if (!positions.has(cell.text)) positions.set(cell.text, i);
    else if (known.has(cell.text)) {
      const first = columnLetter(positions.get(cell.text) ?? 0);
      notes.push(
        `${tab.name}: 表头“${cell.text}”在第 ${first} 列和第 ${columnLetter(i)} 列各有一个，以第 ${first} 列为准；同步会报错，请删除或改名多余的一列`,
      );
    }
  });
  const missing: ColumnDef[] = [];
  for (const col of tab.columns) {
    if (positions.has(col.header)) continue;
    const held = lastUsed < 0 || options.addMissingColumns ? null : heldBack(tab, col, unmatched);
    if (held) notes.push(held);
    else missing.push(col);
  }
  const start = lastUsed + 1;
  missing.forEach((col, i) => {
    positions.set(col.header, start + i);
  });
  const needed = start + missing.length;
  if (needed > snapshot.columnCount) {
    const grow = appendDimension(snapshot.sheetId, "COLUMNS", needed - snapshot.columnCount);
    changes.push(change(tab.name, `扩展到 ${needed} 列`, `grow the grid to ${needed} columns`, [grow], true));
  }
  if (missing.length > 0 && lastUsed < 0) {
    const requests = headerRequests(snapshot.sheetId, 0, missing);
    const zh = existing
      ? `第 1 行没有表头：写入表头（${missing.length} 列）`
      : `写入表头（${missing.length} 列）`;
    changes.push(change(tab.name, zh, `write the header row (${missing.length} columns)`, requests));
  } else {
    missing.forEach((col, i) => {
      const letter = columnLetter(start + i);
      const requests = headerRequests(snapshot.sheetId, start + i, [col]);
      const zh = `缺少表头“${col.header}”：补在第 ${letter} 列`;
      changes.push(
        change(tab.name, zh, `missing header ${col.header}: add it in column ${letter}`, requests),
      );
    });
  }
  const layout: TabLayout = {
    tab: tab.columns.every((col) => positions.has(col.header))
      ? tab
      : { ...tab, columns: tab.columns.filter((col) => positions.has(col.header)) },
    sheetId: snapshot.sheetId,
    rowCount: snapshot.rowCount,
    snapshot,
    isNew: !existing,
    positions,
    written: new Set(missing.map((col) => col.header)),
  };
  return { layout, changes, notes };
}
