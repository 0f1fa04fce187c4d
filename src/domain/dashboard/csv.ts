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

/**
 * csvLines, with where each row's line ends in the text's UTF-8 bytes: a download of some rows
 * (a filtered list's export) cuts their lines out of the stored bytes without reading them as text.
 */
export function csvLinesWithEnds(rows: readonly (readonly CsvCell[])[]): { text: string; ends: number[] } {
  let text = "";
  let end = 0;
  const ends: number[] = [];
  // TextEncoder's count, exactly as R2 and D1 store the text (a lone surrogate too, as U+FFFD).
  const encoder = new TextEncoder();
  for (const row of rows) {
    const line = `${row.map(csvCell).join(",")}\r\n`;
    text += line;
    end += encoder.encode(line).byteLength;
    ends.push(end);
  }
  return { text, ends };
}

/**
 * The lines of CSV text (csvLines'), each with its CRLF: a CRLF inside a quoted cell is no line's
 * end. For stored lines without their ends (a part stored by a build before them).
 */
export function splitCsvLines(text: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const piece of text.split("\r\n").slice(0, -1)) {
    line += `${piece}\r\n`;
    // An even count of quotes so far: every quoted cell is closed, so the CRLF ends the line.
    if ((line.split('"').length - 1) % 2 === 0) {
      lines.push(line);
      line = "";
    }
  }
  return lines;
}

/** A CSV file (RFC 4180: CRLF lines, quoted where needed) with the UTF-8 BOM. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `${CSV_BOM}${csvLines(rows)}`;
}
