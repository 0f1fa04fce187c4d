import type { ColumnMap } from "../../../sheets-schema/header-map";
import { type CellMap, cellsByHeader, type HistoryRow } from "./plan-history";

/**
 * The office's own columns of 建议台账 (附加列: 类别, 备注2, 督办领导批示 …) whose values the history
 * keeps, by header, so that 恢复 puts them back with the row. A header typed twice is left out: by
 * name 恢复 could not tell its two columns apart (the sync already advises renaming one). In header
 * order, not the sheet's: a column dragged elsewhere leaves the kept values (and their digest) as they were.
 */
export function keptExtraColumns(columns: ColumnMap): { header: string; index: number }[] {
  const count = new Map<string, number>();
  for (const c of columns.extra) count.set(c.header, (count.get(c.header) ?? 0) + 1);
  return columns.extra
    .filter((c) => count.get(c.header) === 1)
    .sort((a, b) => (a.header < b.header ? -1 : a.header > b.header ? 1 : 0));
}

/** A row's history with its 附加列 (`columns`, keptExtraColumns) read from `raw`: none added when none is filled. */
export function withExtraValues(
  row: HistoryRow,
  raw: readonly unknown[],
  columns: readonly { header: string; index: number }[],
): HistoryRow {
  const extraValues = cellsByHeader(raw, columns);
  return Object.keys(extraValues).length > 0 ? { ...row, extraValues } : row;
}

/** A value kept for a column the ledger's header no longer has: not written back by 恢复. */
export interface NotWrittenCell {
  header: string;
  value: string;
}

/** The cells of a restored row (by header) that `header` (the ledger's, as the insert read it) has no column for. */
export function notWrittenCells(cells: CellMap, header: readonly string[]): NotWrittenCell[] {
  const present = new Set(header);
  return Object.entries(cells)
    .filter(([h, v]) => !present.has(h) && String(v) !== "")
    .map(([h, v]) => ({ header: h, value: String(v) }));
}

/** “督办领导批示”为“同意”、“类别”为“教育”: the values staff paste by hand. */
export const notWrittenList = (cells: readonly NotWrittenCell[]): string =>
  cells.map((c) => `“${c.header}”为“${c.value}”`).join("、");

/** The columns named, “督办领导批示”、“类别”. */
const headersOf = (cells: readonly NotWrittenCell[]) => cells.map((c) => `“${c.header}”`).join("、");

/**
 * What a 恢复 that put the row back at `row` tells staff of the values it could not write: the
 * columns are gone from the ledger, so it names them and their values for pasting by hand. Empty
 * when every value was written.
 */
export function notWrittenAdvice(row: number, cells: readonly NotWrittenCell[]): string {
  if (cells.length === 0) return "";
  return (
    `；『建议台账』已没有${headersOf(cells)}列，这些内容没有写回：${notWrittenList(cells)}。` +
    `如仍需要，请先在第 1 行加回该列，再把内容粘贴到第 ${row} 行`
  );
}

/** Where a restore's note names the values it could not write (restoreNote). */
const NOT_WRITTEN_MARK = "，未写回：";

/** The values a restore's note (restoreNote) names as not written back; null for another note. */
export function notWrittenInNote(note: string): string | null {
  const at = note.indexOf(NOT_WRITTEN_MARK);
  return at < 0 ? null : note.slice(at + NOT_WRITTEN_MARK.length);
}

/** The audit trail's note of a restore, with the values it could not write (the suggestion's page shows it). */
export function restoreNote(row: number, cells: readonly NotWrittenCell[], many: boolean): string {
  const base = `从最后一次记录恢复到第 ${row} 行${many ? "（批量恢复）" : ""}`;
  return cells.length === 0
    ? base
    : `${base}；表格中已没有${headersOf(cells)}列${NOT_WRITTEN_MARK}${notWrittenList(cells)}`;
}

/** What a 批量恢复 tells staff of the values it could not write, suggestion by suggestion; null when none. */
export function notWrittenManyAdvice(
  rows: readonly { id: string; row: number; cells: readonly NotWrittenCell[] }[],
): string | null {
  const some = rows.filter((r) => r.cells.length > 0);
  if (some.length === 0) return null;
  const each = some.map((r) => `编号 ${r.id}（第 ${r.row} 行）${notWrittenList(r.cells)}`).join("；");
  return `『建议台账』已没有下列内容所在的列，恢复时没有写回：${each}。如仍需要，请先在第 1 行加回该列，再把内容粘贴到对应的行`;
}
