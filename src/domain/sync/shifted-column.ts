import type { Problem } from "../problems";
import type { CellMap } from "./plan-history";

/**
 * The staff columns whose values decide who is urged and when: a column of these moved against its
 * rows (sorted alone, or pasted a row off) would stop one unit's 逾期催办 and urge another that has
 * replied. Each is checked on its own: sorting 答复日期…满意度 together moves three columns.
 */
export const WATCHED_COLUMNS = [
  "审查结果",
  "主办单位",
  "协办单位",
  "交办日期",
  "办理时限",
  "答复日期",
  "答复类别",
  "满意度",
  "二次交办日期",
  "二次答复日期",
  "二次答复类别",
  "二次满意度",
] as const;

/** The fewest values seen moving from row to row before a column is taken as shifted. */
export const MIN_MOVED_VALUES = 3;

/** One row of a chunk with a snapshot: its staff values as the last sync stored them and as read now. */
export interface SeenRow {
  readonly rowNumber: number;
  readonly before: CellMap;
  readonly now: CellMap;
}

/** A column of a chunk taken as shifted, and the rows whose cell there differs from the stored one. */
export interface ShiftedColumn {
  readonly header: string;
  /** In sheet order, each with the value the last sync stored (undefined: blank). */
  readonly rows: readonly { readonly rowNumber: number; readonly stored: CellMap[string] | undefined }[];
}

const keyOf = (v: CellMap[string] | undefined): string => (v === undefined ? "" : String(v).trim());

/**
 * The watched columns of a chunk whose values moved against their rows (a sort of that column
 * alone, a block pasted one row off), from one pass over the rows per column.
 *
 * Of the rows whose value changed, a value that ARRIVED at one row is counted as moved when a value
 * equal to it LEFT another row (that row held it before and no longer does), each departure
 * answering one arrival only. A sort or a paste one row off is nothing but such moves: every value
 * that arrives left some row. Ordinary work is not:
 * - typing new 答复日期, even the date other rows already carry: those rows keep it, none left;
 * - filling an empty column, or clearing cells: no value leaves (or none arrives);
 * - correcting one value, or rating 基本满意 → 满意 on a few rows: at most a value or two move
 *   by chance (满意 has to leave as many rows as it arrives at).
 * The column is shifted when at least MIN_MOVED_VALUES values moved and they are at least half of
 * the values that arrived (a sort of the whole column brings a chunk some values from other chunks).
 * Then every changed row of the column is held to its stored value, the blanked ones included.
 */
export function shiftedColumns(
  rows: readonly SeenRow[],
  headers: readonly string[] = WATCHED_COLUMNS,
): ShiftedColumn[] {
  const out: ShiftedColumn[] = [];
  for (const header of headers) {
    // Only the rows of a chunk whose values changed at all are given: most syncs none or a few.
    const changed = rows.filter((row) => keyOf(row.before[header]) !== keyOf(row.now[header]));
    if (changed.length < MIN_MOVED_VALUES) continue;
    const left = new Map<string, number>();
    for (const row of changed) {
      const was = keyOf(row.before[header]);
      if (was) left.set(was, (left.get(was) ?? 0) + 1);
    }
    let arrived = 0;
    let moved = 0;
    for (const row of changed) {
      const value = keyOf(row.now[header]);
      if (!value) continue;
      arrived++;
      const n = left.get(value) ?? 0;
      if (n > 0) {
        moved++;
        left.set(value, n - 1);
      }
    }
    if (moved >= MIN_MOVED_VALUES && moved * 2 >= arrived)
      out.push({
        header,
        rows: changed.map((r) => ({ rowNumber: r.rowNumber, stored: r.before[header] })),
      });
  }
  return out;
}

/**
 * The rows of a chunk (as read, `firstRow` the sheet row of the first) with each shifted cell taken
 * back to its stored value: what the chunk evaluates, writes system cells from and keeps as the
 * suggestion's last seen values while the shift stands. The rows as read are left untouched.
 */
export function holdShiftedCells(
  rows: readonly (readonly unknown[])[],
  firstRow: number,
  shifts: readonly ShiftedColumn[],
  indexOf: (header: string) => number | undefined,
): unknown[][] {
  const out = rows.map((r) => r as unknown[]);
  const copied = new Set<number>();
  for (const shift of shifts) {
    const at = indexOf(shift.header);
    if (at === undefined) continue;
    for (const { rowNumber, stored } of shift.rows) {
      const i = rowNumber - firstRow;
      const row = out[i];
      if (!row) continue;
      if (!copied.has(i)) {
        out[i] = [...row];
        copied.add(i);
      }
      const copy = out[i] as unknown[];
      while (copy.length <= at) copy.push("");
      copy[at] = stored ?? "";
    }
  }
  return out;
}

/** "2–7、12、15–16": runs of sheet rows (ascending); past six runs, the first six and how many rows in all ("… 等 40"). */
export function rowRuns(rows: readonly number[]): string {
  const runs: string[] = [];
  let start = rows[0] as number;
  let prev = start;
  for (const n of [...rows.slice(1), Number.NaN]) {
    if (n === prev + 1) {
      prev = n;
      continue;
    }
    runs.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = n;
    prev = n;
  }
  return runs.length > 6 ? `${runs.slice(0, 6).join("、")} 等 ${rows.length}` : runs.join("、");
}

/** One 错误 per shifted column of a chunk, on its first row: which cells, how to undo, what holds meanwhile. */
export function shiftedColumnProblems(shifts: readonly ShiftedColumn[], tab: string): Problem[] {
  return shifts.flatMap((shift) => {
    const rows = shift.rows.map((r) => r.rowNumber);
    const first = rows[0];
    if (first === undefined) return [];
    return [
      {
        tab,
        row: first,
        column: shift.header,
        level: "错误",
        id: null,
        message:
          `『${shift.header}』列第 ${rowRuns(rows)} 行的值与上次同步相比整体错位（像是只对这一列排序，或粘贴时错了行）：` +
          "请用“撤销”或“文件 → 版本记录”恢复；改好之前，这些行的办理期限、台账状态和提醒都按上次同步的值。" +
          "确系有意调换的，请先清空这些格，下次同步后再填入",
      },
    ];
  });
}
