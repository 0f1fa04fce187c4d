/** Quotes a sheet title for A1 notation the way Google's own clients do (always quoted, ' doubled). */
export function quoteSheet(title: string): string {
  return `'${title.replaceAll("'", "''")}'`;
}

/** 0-based column index → letters (0 → A, 25 → Z, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** One cell's A1 range, e.g. cellRange("建议台账", 4, 1) → '建议台账'!E2 (row is the 1-based sheet row). */
export function cellRange(sheet: string, columnIndex: number, row: number): string {
  return `${quoteSheet(sheet)}!${columnLetter(columnIndex)}${row}`;
}

/** A whole tab (every row and column). */
export function tabRange(sheet: string): string {
  return quoteSheet(sheet);
}

/** One column from row `fromRow` down, e.g. '建议台账'!A2:A. */
export function columnRange(sheet: string, columnIndex: number, fromRow = 1): string {
  const col = columnLetter(columnIndex);
  return `${quoteSheet(sheet)}!${col}${fromRow}:${col}`;
}
