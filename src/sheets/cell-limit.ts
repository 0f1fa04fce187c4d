import { SHEETS_CELL_MAX } from "../../sheets-schema/cells/text-cells";
import type { CellValue } from "./client";

const MARKER = `……（超出 Google 表格单元格 ${SHEETS_CELL_MAX} 字上限，以下从略）`;

/**
 * The last guard before Google: a text cell over 50,000 characters would make Google refuse the
 * whole call (every row of an append batch, on every retry). Such text is cut with a marker; the
 * callers keep the full text in D1. Rows without an over-long cell are returned as they are.
 */
/** One text cut to fit a cell (unchanged when it fits). */
export function fitText(v: string): string {
  if (v.length <= SHEETS_CELL_MAX) return v;
  let head = v.slice(0, SHEETS_CELL_MAX - MARKER.length);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1); // never half an emoji
  return `${head}${MARKER}`;
}

export function fitRowsForSheets<T extends CellValue | null>(rows: T[][]): { rows: T[][]; cut: number } {
  let cut = 0;
  const fitted = rows.map((row) => {
    if (!row.some((v) => typeof v === "string" && v.length > SHEETS_CELL_MAX)) return row;
    return row.map((v) => {
      if (typeof v !== "string" || v.length <= SHEETS_CELL_MAX) return v;
      cut++;
      return fitText(v) as T;
    });
  });
  return { rows: fitted, cut };
}
