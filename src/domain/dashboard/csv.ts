/** Excel only reads a CSV as UTF-8 when it starts with a byte-order mark. */
export const CSV_BOM = "\uFEFF";

export type CsvCell = string | number | null | undefined;

/**
 * Text that Excel or WPS would run as a formula (=, +, -, @, a tab or CR first) gets a leading
 * apostrophe, the spreadsheet's own "this is text" mark (OWASP CSV injection advice). Numbers stay numbers.
 */
function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  const text = typeof cell === "number" ? String(cell) : neutralise(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV lines (RFC 4180: each ends in CRLF, quoted where needed), no BOM: a part of a file. */
export function csvLines(rows: readonly (readonly CsvCell[])[]): string {
  let text = "";
  for (const row of rows) text += `${row.map(csvCell).join(",")}\r\n`;
  return text;
}

/** A CSV file (RFC 4180: CRLF lines, quoted where needed) with the UTF-8 BOM. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `${CSV_BOM}${csvLines(rows)}`;
}
