import { columnLetter, quoteSheet } from "../a1";
import type { PlacedWrite } from "./remap";

export interface RangeWrite {
  range: string;
  values: (string | number)[][];
}

/**
 * Turns single-cell writes into as few ranges as possible without touching a cell that does not
 * change: neighbouring cells of one row become one range (system columns usually sit together).
 */
export function groupRowWrites(tab: string, placed: readonly PlacedWrite[]): RangeWrite[] {
  const quoted = quoteSheet(tab);
  const sorted = [...placed].sort((a, b) => a.row - b.row || a.column - b.column);
  const out: RangeWrite[] = [];
  let i = 0;
  while (i < sorted.length) {
    const first = sorted[i]!;
    const values: (string | number)[] = [first.value];
    let last = first;
    i++;
    while (i < sorted.length && sorted[i]!.row === first.row && sorted[i]!.column === last.column + 1) {
      last = sorted[i]!;
      values.push(last.value);
      i++;
    }
    const start = `${columnLetter(first.column)}${first.row}`;
    const end = `${columnLetter(last.column)}${last.row}`;
    out.push({ range: `${quoted}!${start === end ? start : `${start}:${end}`}`, values: [values] });
  }
  return out;
}
