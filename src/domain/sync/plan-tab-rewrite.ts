import { columnLetter, quoteSheet } from "../a1";
import { cellText } from "./row-identity";

export type TabCell = string | number;

export interface TabRewrite {
  tab: string;
  range: string;
  values: TabCell[][];
  /** Rows the tab needs; more than the grid has means the grid must grow first. */
  rowsNeeded: number;
  cellsChanged: number;
}

/** A1 range of the top-left block of a tab, quoted as Google's own clients quote. */
export function blockRange(tab: string, columns: number, rows: number): string {
  return `${quoteSheet(tab)}!A1:${columnLetter(Math.max(columns, 1) - 1)}${Math.max(rows, 1)}`;
}

function same(current: unknown, desired: TabCell | undefined): boolean {
  if (desired === undefined || desired === "") return cellText(current) === "";
  return current === desired;
}

/**
 * Plans the rewrite of a system-owned tab (校验问题, 统计): nothing when its content is already
 * what it should be; otherwise one block write that also blanks rows and cells left over from
 * a longer previous content, so no stale problem lingers.
 */
export function planTabRewrite(
  tab: string,
  current: readonly (readonly unknown[])[],
  desired: readonly (readonly TabCell[])[],
): TabRewrite | null {
  const rows = Math.max(current.length, desired.length);
  let columns = 0;
  for (const r of current) columns = Math.max(columns, r.length);
  for (const r of desired) columns = Math.max(columns, r.length);
  let cellsChanged = 0;
  const values: TabCell[][] = [];
  for (let i = 0; i < rows; i++) {
    const want = desired[i] ?? [];
    const have = current[i] ?? [];
    const out: TabCell[] = [];
    for (let j = 0; j < columns; j++) {
      const cell = want[j] ?? "";
      if (!same(have[j], cell)) cellsChanged++;
      out.push(cell);
    }
    values.push(out);
  }
  if (cellsChanged === 0) return null;
  return { tab, range: blockRange(tab, columns, rows), values, rowsNeeded: rows, cellsChanged };
}
