import type { sheets_v4 } from "@googleapis/sheets";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { columnLetter } from "../../domain/a1";
import { cellText } from "../../domain/sync/row-identity";
import { quoteSheet } from "../../sheets/a1";
import { type CallOptions, type SheetsClient, SheetsError } from "../../sheets/client";
import { gridFromRange } from "../../sheets/grid-size";
import type { MetaStore } from "../../store/meta";

/** The ledger's header row as last read (JSON string[]): where to find columns without reading it first. */
export const META_LEDGER_HEADER = "ledger_header";

/** Columns every row with data fills in: the longest of them is where the data ends. */
export const EXTENT_HEADERS = ["编号", "标题", "领衔代表", "提出日期"] as const;

/**
 * Where a copy's rows end: at the last row with data (EXTENT_HEADERS: where new rows go), or at the
 * last 编号 (enough for writes placed by 编号, and two columns fewer to read).
 */
export type CopyExtent = "data" | "编号";

/**
 * Some columns of 建议台账, whole: a sparse copy of the sheet (row 1 the full header, then only the
 * asked columns filled), the last row with data, and the grid's height. A job that needs a few
 * columns of 2,000 rows parses a tenth of the payload of the whole tab.
 */
export interface LedgerColumns {
  rows: unknown[][];
  header: string[];
  /** Sheet rows 2..lastRow hold data (as far as the extent columns show: see CopyExtent). */
  lastRow: number;
  /** Rows of the tab's grid (a values write past it fails). */
  gridRows: number | null;
  /** The values of the `also` ranges read in the same call, in their order. */
  also: unknown[][][];
}

export async function lastLedgerHeader(meta: MetaStore): Promise<string[] | null> {
  return ledgerHeaderOf(await meta.get(META_LEDGER_HEADER));
}

/** The header stored under META_LEDGER_HEADER, from its text. */
export function ledgerHeaderOf(stored: string | null | undefined): string[] | null {
  if (!stored) return null;
  const parsed: unknown = JSON.parse(stored);
  return Array.isArray(parsed) ? parsed.map(String) : null;
}

const ledger = quoteSheet(TAB_NAMES.ledger);
const wholeColumn = (c: number) => `${ledger}!${columnLetter(c)}:${columnLetter(c)}`;
/**
 * Whole columns are read column-major: each comes back as one array of its cells, not as a
 * one-cell array per row (2,000 rows and five columns: 10,000 arrays fewer to parse and walk).
 */
const BY_COLUMN = { majorDimension: "COLUMNS" } as const;

/** The cells of a column-major range read of one column (row 1 first); empty when it holds none. */
const cellsOfColumn = (range: sheets_v4.Schema$ValueRange | undefined) =>
  (range?.values?.[0] ?? []) as unknown[];

/**
 * A column-major range as Google would answer it by rows: interior empty cells "", trailing ones
 * and trailing empty rows dropped (the `also` ranges, read in the same call as the columns).
 */
function rowsOfColumns(columns: readonly (readonly unknown[])[]): unknown[][] {
  const height = Math.max(0, ...columns.map((c) => c.length));
  const rows: unknown[][] = [];
  for (let r = 0; r < height; r++) {
    const row = columns.map((c) => c[r] ?? "");
    while (row.length > 0 && row[row.length - 1] === "") row.pop();
    rows.push(row);
  }
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  return rows;
}

/**
 * Reads the header and the named columns in one values.batchGet, at the places the last read
 * found them; only when staff moved one of them since is a second read needed. `also`: ranges of
 * other tabs the caller needs, read in the same call (Google fails the call when their tab is missing).
 * `call`: what the reads do about a refusal (a 恢复 click gives up on the first 429).
 */
export async function readLedgerColumns(
  deps: { sheets: SheetsClient; meta: MetaStore },
  wanted: readonly string[],
  also: readonly string[] = [],
  extent: CopyExtent = "data",
  call: CallOptions = {},
): Promise<LedgerColumns> {
  const byColumn = { ...BY_COLUMN, ...call };
  const extentHeaders: readonly string[] = extent === "data" ? EXTENT_HEADERS : ["编号"];
  const names = [...new Set([...extentHeaders, ...wanted])];
  let guess = await lastLedgerHeader(deps.meta);
  let guessed = guess ? names.map((h) => guess?.indexOf(h) ?? -1) : [];
  let first: Awaited<ReturnType<SheetsClient["batchGet"]>>;
  try {
    first = await deps.sheets.batchGet(
      [`${ledger}!1:1`, ...also, ...guessed.filter((c) => c >= 0).map(wholeColumn)],
      byColumn,
    );
  } catch (error) {
    // A column where the last header had it may lie past the grid now (staff deleted columns to
    // its left): Google refuses the whole read. Read the header alone and find the columns anew.
    if (!(error instanceof SheetsError) || error.httpStatus !== 400 || !guessed.some((c) => c >= 0))
      throw error;
    guess = null;
    guessed = [];
    first = await deps.sheets.batchGet([`${ledger}!1:1`, ...also], byColumn);
  }
  const header = ((first[0]?.values ?? []) as unknown[][]).map((column) => cellText(column[0]));
  const columns = names.map((h) => header.indexOf(h));
  const same = guess !== null && columns.every((c, i) => guessed[i] === c);
  const ranges = same
    ? first.slice(1 + also.length)
    : await deps.sheets.batchGet(columns.filter((c) => c >= 0).map(wholeColumn), byColumn);
  if (!same || guess?.join("\t") !== header.join("\t"))
    await deps.meta.set(META_LEDGER_HEADER, JSON.stringify(header), new Date().toISOString());
  const rows: unknown[][] = [header];
  let lastRow = 1;
  let gridRows: number | null = null;
  columns
    .filter((c) => c >= 0)
    .forEach((column, i) => {
      const range = ranges[i];
      const cells = cellsOfColumn(range);
      gridRows ??= gridFromRange(range?.range)?.rows ?? null;
      const ends = extentHeaders.includes(header[column] ?? "");
      for (let r = 1; r < cells.length; r++) {
        const value = cells[r];
        if (value === undefined || value === "") continue;
        const row = rows[r] ?? [];
        rows[r] = row;
        row[column] = value;
        if (ends) lastRow = Math.max(lastRow, r + 1);
      }
    });
  for (let r = 1; r < lastRow; r++) rows[r] ??= [];
  rows.length = lastRow;
  const alsoValues = first
    .slice(1, 1 + also.length)
    .map((range) => rowsOfColumns((range?.values ?? []) as unknown[][]));
  return { rows, header, lastRow, gridRows, also: alsoValues };
}

/**
 * The ledger as writes to these 编号 need it: the `wanted` columns (and the 编号 column) of
 * every row, and the rows holding the 编号 whole (the cells the writes fill, a 备注 they add a line
 * to, and the row copy the checked write takes). Two reads of a few columns and rows, not the whole
 * tab: placing a batch of writes costs the same for 200 rows or 2,000. `also` as readLedgerColumns;
 * the copy ends at the last 编号 unless `extent` asks for where the data ends (rows to be added).
 */
export async function readRowsHolding(
  deps: { sheets: SheetsClient; meta: MetaStore },
  ids: readonly string[],
  wanted: readonly string[] = [],
  also: readonly string[] = [],
  extent: CopyExtent = "编号",
): Promise<LedgerColumns> {
  const copy = await readLedgerColumns(deps, ["编号", ...wanted], also, extent);
  const idColumn = copy.header.indexOf("编号");
  const held = new Set(ids);
  const targets: number[] = [];
  copy.rows.forEach((row, i) => {
    if (i > 0 && idColumn >= 0 && held.has(cellText(row[idColumn]))) targets.push(i + 1);
  });
  await readWholeRows(deps.sheets, copy, targets);
  return copy;
}

/** Fills in whole rows of a sparse copy (the rows a write goes to), in one values.batchGet. */
export async function readWholeRows(
  sheets: SheetsClient,
  copy: LedgerColumns,
  rowNumbers: readonly number[],
): Promise<void> {
  const wanted = [...new Set(rowNumbers)].filter((r) => r >= 2).sort((a, b) => a - b);
  if (wanted.length === 0) return;
  const last = columnLetter(Math.max(copy.header.length, 1) - 1);
  const ranges = await sheets.batchGet(wanted.map((r) => `${ledger}!A${r}:${last}${r}`));
  wanted.forEach((r, i) => {
    copy.rows[r - 1] = [...((ranges[i]?.values?.[0] ?? []) as unknown[])];
  });
}
