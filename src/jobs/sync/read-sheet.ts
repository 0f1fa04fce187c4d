import { rowKeepingVolatile } from "../../domain/sync/volatile-formulas";
import { quoteSheet } from "../../sheets/a1";
import { type SheetsClient, SheetsError, type ValueRender } from "../../sheets/client";
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
  /** Every tab's title, when a tab was missing (the second read asked for them): names a renamed one. */
  titles?: string[];
}

const a1Of = (requests: readonly RangeRequest[]) =>
  requests.map((r) => (r.a1 ? `${quoteSheet(r.tab)}!${r.a1}` : quoteSheet(r.tab)));

async function batchGetRanges(
  sheets: SheetsClient,
  requests: readonly RangeRequest[],
  render?: ValueRender,
): Promise<RangesRead> {
  return rangesRead(requests, await sheets.batchGet(a1Of(requests), { valueRenderOption: render }));
}

function rangesRead(
  requests: readonly RangeRequest[],
  ranges: Awaited<ReturnType<SheetsClient["batchGet"]>>,
): RangesRead {
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
  render?: ValueRender,
): Promise<RangesRead> {
  try {
    return await batchGetRanges(sheets, requests, render);
  } catch (error) {
    if (!(error instanceof SheetsError) || error.httpStatus !== 400) throw error;
  }
  return readPresentTabs(sheets, requests, render);
}

/**
 * readRanges of rows of whole width (the ledger's), a volatile formula (=TODAY()) kept as its
 * formula text (volatile-formulas.ts). Only the rows `suspect` names (a date that reads as today:
 * typed today, or such a formula) are read again as formulas, in one more call and only then: a
 * ledger where no date reads as today costs the one call it always did. `rowA1` names row `r` of a
 * request's range as a range of its own.
 */
export async function readRowsKeepingVolatile(
  sheets: SheetsClient,
  requests: readonly RangeRequest[],
  suspect: (request: RangeRequest, row: readonly unknown[]) => boolean,
  rowA1: (request: RangeRequest, r: number) => string,
): Promise<RangesRead> {
  const read = await readRanges(sheets, requests);
  const again: { request: RangeRequest; r: number }[] = [];
  for (const request of requests)
    (read.values[request.key] ?? []).forEach((row, r) => {
      if (suspect(request, row)) again.push({ request, r });
    });
  if (again.length === 0) return read;
  const formulas = await readRanges(
    sheets,
    again.map(({ request, r }, i) => ({ key: String(i), tab: request.tab, a1: rowA1(request, r) })),
    "FORMULA",
  );
  again.forEach(({ request, r }, i) => {
    const rows = read.values[request.key] as unknown[][];
    rows[r] = rowKeepingVolatile(formulas.values[String(i)]?.[0] ?? [], rows[r] ?? []);
  });
  return read;
}

/** After Google failed a batch (a tab missing): the ranges of the tabs there, and which are not. */
async function readPresentTabs(
  sheets: SheetsClient,
  requests: readonly RangeRequest[],
  render?: ValueRender,
): Promise<RangesRead> {
  const spreadsheet = await sheets.getSpreadsheet({ fields: "sheets.properties.title" });
  const existing = new Set((spreadsheet.sheets ?? []).map((s) => s.properties?.title ?? ""));
  const present = requests.filter((r) => existing.has(r.tab));
  const read =
    present.length > 0
      ? await batchGetRanges(sheets, present, render)
      : { values: {}, grid: {}, missingTabs: [] };
  read.missingTabs = [...new Set(requests.filter((r) => !existing.has(r.tab)).map((r) => r.tab))];
  read.titles = [...existing];
  return read;
}

/**
 * readRanges, unless Google's answer is the one digested `lastDigest` (`read` is then null): one
 * values.batchGet either way. `digest` names this answer for the next call; it is null when a tab
 * was missing and the ranges were read as readRanges reads them then (two reads, nothing to compare).
 */
export async function readRangesIfChanged(
  sheets: SheetsClient,
  requests: readonly RangeRequest[],
  lastDigest: string | undefined,
): Promise<{ digest: string | null; read: RangesRead | null }> {
  try {
    const answer = await sheets.batchGetIfChanged(a1Of(requests), lastDigest);
    return {
      digest: answer.digest,
      read: answer.valueRanges ? rangesRead(requests, answer.valueRanges) : null,
    };
  } catch (error) {
    if (!(error instanceof SheetsError) || error.httpStatus !== 400) throw error;
  }
  return { digest: null, read: await readPresentTabs(sheets, requests) };
}
