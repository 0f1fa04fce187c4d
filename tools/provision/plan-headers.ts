import { type ColumnDef, columnLetter, type TabDef } from "../../sheets-schema";
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

/**
 * Finds every known header by its text (any order, extra columns kept) and places the missing ones
 * after the last non-blank header cell: staff's arrangement is never reordered, no cell with a
 * header is overwritten. A tab that does not exist yet is added (after the existing tabs, in schema
 * order, so staff's own tabs keep their place) with the whole header row.
 */
export function planHeaders(tab: TabDef, existing: TabSnapshot | undefined, newSheetId: number): HeaderPlan {
  const snapshot = existing ?? blankTab(tab, newSheetId);
  const changes: Change[] = [];
  const notes: string[] = [];
  if (!existing) {
    const request = addSheet(snapshot.sheetId, tab.name, snapshot.columnCount);
    changes.push(change(tab.name, "新建工作表", "add the tab", [request], true));
  }
  const positions = new Map<string, number>();
  let lastUsed = -1;
  snapshot.header.forEach((cell, i) => {
    if (cell.text === "") return;
    lastUsed = i;
    if (!positions.has(cell.text)) positions.set(cell.text, i);
    else if (tab.columns.some((c) => c.header === cell.text)) {
      const first = columnLetter(positions.get(cell.text) ?? 0);
      notes.push(
        `${tab.name}: 表头“${cell.text}”在第 ${first} 列和第 ${columnLetter(i)} 列各有一个，以第 ${first} 列为准；同步会报错，请删除或改名多余的一列`,
      );
    }
  });
  const missing = tab.columns.filter((col) => !positions.has(col.header));
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
    tab,
    sheetId: snapshot.sheetId,
    rowCount: snapshot.rowCount,
    snapshot,
    isNew: !existing,
    positions,
    written: new Set(missing.map((col) => col.header)),
  };
  return { layout, changes, notes };
}
