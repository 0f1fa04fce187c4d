import { quoteSheet } from "../../sheets/a1";
import { type SheetsClient, SheetsError } from "../../sheets/client";
import { type GridSize, gridFromRange } from "../../sheets/grid-size";

/** A range of one tab: the whole tab when `a1` is "", else e.g. "1:1" (the header) or "C:C" (a column). */
export interface RangeRequest {
  readonly key: string;
  readonly tab: string;
  readonly a1: string;
}

export interface RangesRead {
  /** Values by request key (rows, header first for a whole tab); absent when the tab is missing. */
  values: Record<string, unknown[][]>;
  /** The grid each range spans (a whole column's end is the grid's last row). */
  grid: Record<string, GridSize>;
  missingTabs: string[];
}

async function batchGetRanges(sheets: SheetsClient, requests: readonly RangeRequest[]): Promise<RangesRead> {
  const a1 = requests.map((r) => (r.a1 ? `${quoteSheet(r.tab)}!${r.a1}` : quoteSheet(r.tab)));
  const ranges = await sheets.batchGet(a1);
  const read: RangesRead = { values: {}, grid: {}, missingTabs: [] };
  requests.forEach((r, i) => {
    const range = ranges[i];
    read.values[r.key] = (range?.values ?? []) as unknown[][];
    const grid = gridFromRange(range?.range);
    if (grid) read.grid[r.key] = grid;
  });
  return read;
}

/**
 * Reads several ranges in one values.batchGet. Google fails the whole batch when one tab is
 * missing, so only then does it ask for the tab list (one more read) and read what exists.
 */
export async function readRanges(
  sheets: SheetsClient,
  requests: readonly RangeRequest[],
): Promise<RangesRead> {
  try {
    return await batchGetRanges(sheets, requests);
  } catch (error) {
    if (!(error instanceof SheetsError) || error.httpStatus !== 400) throw error;
  }
  const spreadsheet = await sheets.getSpreadsheet({ fields: "sheets.properties.title" });
  const existing = new Set((spreadsheet.sheets ?? []).map((s) => s.properties?.title ?? ""));
  const present = requests.filter((r) => existing.has(r.tab));
  const read =
    present.length > 0 ? await batchGetRanges(sheets, present) : { values: {}, grid: {}, missingTabs: [] };
  read.missingTabs = [...new Set(requests.filter((r) => !existing.has(r.tab)).map((r) => r.tab))];
  return read;
}
