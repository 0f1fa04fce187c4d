import { quoteSheet } from "../../sheets/a1";
import { type SheetsClient, SheetsError } from "../../sheets/client";
import { type GridSize, gridFromRange } from "../../sheets/grid-size";

export interface SheetRead {
  /** Raw values per tab (UNFORMATTED_VALUE, SERIAL_NUMBER), header row first; absent for missing tabs. */
  values: Record<string, unknown[][]>;
  grid: Record<string, GridSize>;
  missingTabs: string[];
}

async function batchGetTabs(sheets: SheetsClient, tabs: readonly string[]): Promise<SheetRead> {
  const ranges = await sheets.batchGet(tabs.map(quoteSheet));
  const read: SheetRead = { values: {}, grid: {}, missingTabs: [] };
  tabs.forEach((tab, i) => {
    const range = ranges[i];
    read.values[tab] = (range?.values ?? []) as unknown[][];
    const grid = gridFromRange(range?.range);
    if (grid) read.grid[tab] = grid;
  });
  return read;
}

/**
 * Reads every tab in one values.batchGet. Google fails the whole batch when one tab is missing,
 * so only then does it ask for the tab list (one more read) and read the tabs that exist.
 */
export async function readTabs(sheets: SheetsClient, tabs: readonly string[]): Promise<SheetRead> {
  try {
    return await batchGetTabs(sheets, tabs);
  } catch (error) {
    if (!(error instanceof SheetsError) || error.httpStatus !== 400) throw error;
  }
  const spreadsheet = await sheets.getSpreadsheet({ fields: "sheets.properties.title" });
  const existing = new Set((spreadsheet.sheets ?? []).map((s) => s.properties?.title ?? ""));
  const present = tabs.filter((t) => existing.has(t));
  const read =
    present.length > 0 ? await batchGetTabs(sheets, present) : { values: {}, grid: {}, missingTabs: [] };
  read.missingTabs = tabs.filter((t) => !existing.has(t));
  return read;
}
