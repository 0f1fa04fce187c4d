/**
 * Formulas whose value changes by itself from day to day. `=TODAY()` typed into 交办日期 reads as
 * a new date every day: the due date slides with it and the unit is sent a new 交办通知 each
 * morning. The sync reads such a cell as its formula text instead, which the date cell refuses
 * with a message saying to type the date (a stable formula, =B2+7, reads as its value as before).
 */
const VOLATILE = /(?:^=|[^A-Za-z0-9_.])(?:TODAY|NOW|RAND|RANDBETWEEN)\s*\(/i;

const EQUALS_SIGN = 0x3d;

/** A formula, or text that starts with "=" (valueRenderOption FORMULA gives both alike). */
function looksLikeFormula(cell: unknown): cell is string {
  return typeof cell === "string" && cell.charCodeAt(0) === EQUALS_SIGN;
}

/** Whether a cell read with valueRenderOption FORMULA holds a volatile formula. */
export function isVolatileFormula(cell: unknown): cell is string {
  return looksLikeFormula(cell) && VOLATILE.test(cell);
}

/**
 * Whether a row read as values may hold a volatile formula: a cell of `dateColumns` whose date is
 * `todaySerial` or a day either side (=TODAY() and =NOW() read as today in the sheet's own time
 * zone). Only such rows are read again as formulas; a date typed today is read again on that day
 * only.
 */
export function mayHoldVolatile(
  row: readonly unknown[],
  dateColumns: readonly number[],
  todaySerial: number,
): boolean {
  for (const c of dateColumns) {
    const cell = row[c];
    if (typeof cell === "number" && Math.abs(Math.floor(cell) - todaySerial) <= 1) return true;
  }
  return false;
}

/**
 * One row as the sync reads it: the values (`valueRow`), except a volatile formula's cell, which
 * is its formula text (`formulaRow`, the row read again as formulas). When the cells that are no
 * formula differ between the two reads, staff moved or changed the row in between: its values
 * stand, and the next sync sees the formula.
 */
export function rowKeepingVolatile(formulaRow: readonly unknown[], valueRow: readonly unknown[]): unknown[] {
  const width = Math.max(formulaRow.length, valueRow.length);
  const row = valueRow.slice();
  for (let c = 0; c < width; c += 1) {
    const cell = formulaRow[c];
    if (!looksLikeFormula(cell)) {
      if ((cell ?? "") !== (valueRow[c] ?? "")) return valueRow.slice();
    } else if (isVolatileFormula(cell)) row[c] = cell;
  }
  return row;
}
