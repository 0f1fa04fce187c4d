import { type Change, change, type TabLayout } from "./change";
import { dateFormat, isSystemColumn } from "./layout";
import { columnRange, freezeHeader, repeatFormat, SYSTEM_GREY, sameColor } from "./requests";
import { BLANK_CELL, type CellFacts } from "./snapshot";

function cellAt(row: readonly CellFacts[], index: number, written: boolean): CellFacts {
  // A header this run writes lands on a column whose old cells say nothing about the new column.
  return written ? BLANK_CELL : (row[index] ?? BLANK_CELL);
}

/** Frozen, bold header row. Bold is set on the whole row 1, so staff's own headers match. */
export function planHeaderStyle(layout: TabLayout): Change[] {
  const { tab, snapshot, sheetId } = layout;
  const changes: Change[] = [];
  if (snapshot.frozenRowCount < 1) {
    changes.push(change(tab.name, "冻结表头行", "freeze the header row", [freezeHeader(sheetId)]));
  }
  const plain = tab.columns.filter((col) => {
    if (layout.written.has(col.header)) return false;
    const index = layout.positions.get(col.header) ?? 0;
    return !(snapshot.header[index] ?? BLANK_CELL).bold;
  });
  if (plain.length > 0) {
    const range = { sheetId, startRowIndex: 0, endRowIndex: 1 };
    const request = repeatFormat(range, { textFormat: { bold: true } }, "userEnteredFormat.textFormat.bold");
    const names = plain.map((col) => col.header).join("、");
    changes.push(change(tab.name, `表头加粗：${names}`, "make the header row bold", [request]));
  }
  return changes;
}

/** yyyy-mm-dd on date columns (data rows), checked on the first data row. */
export function planDateFormats(layout: TabLayout): Change[] {
  const { tab, snapshot, sheetId } = layout;
  const names: string[] = [];
  const requests = [];
  for (const col of tab.columns) {
    const wanted = dateFormat(col);
    if (!wanted || layout.rowCount < 2) continue;
    const index = layout.positions.get(col.header) ?? 0;
    const current = cellAt(snapshot.firstRow, index, layout.written.has(col.header)).numberFormat;
    if (current?.type === wanted.type && current.pattern === wanted.pattern) continue;
    names.push(col.header);
    requests.push(
      repeatFormat(
        columnRange(sheetId, index, 1),
        { numberFormat: wanted },
        "userEnteredFormat.numberFormat",
      ),
    );
  }
  if (names.length === 0) return [];
  const zh = `日期格式：${names.join("、")}`;
  return [change(tab.name, zh, `date format (yyyy-mm-dd) on ${names.length} column(s)`, requests)];
}

/** Grey background on system columns (header and data rows alike). */
export function planSystemGrey(layout: TabLayout): Change[] {
  const { tab, snapshot, sheetId } = layout;
  const names: string[] = [];
  const requests = [];
  for (const col of tab.columns) {
    if (!isSystemColumn(tab, col)) continue;
    const index = layout.positions.get(col.header) ?? 0;
    const written = layout.written.has(col.header);
    const header = cellAt(snapshot.header, index, written);
    const first = cellAt(snapshot.firstRow, index, written);
    const grey =
      sameColor(header.background, SYSTEM_GREY) &&
      (layout.rowCount < 2 || sameColor(first.background, SYSTEM_GREY));
    if (grey) continue;
    names.push(col.header);
    const format = { backgroundColor: { ...SYSTEM_GREY } };
    requests.push(repeatFormat(columnRange(sheetId, index, 0), format, "userEnteredFormat.backgroundColor"));
  }
  if (names.length === 0) return [];
  const zh = `系统列灰色底纹：${names.join("、")}`;
  return [change(tab.name, zh, "grey background on system columns", requests)];
}
