import type { sheets_v4 } from "@googleapis/sheets";
import type { PlacedWrite } from "../domain/sync/remap";
import { fitText } from "./cell-limit";
import type { CellValue } from "./client";

type Request = sheets_v4.Schema$Request;

export interface CaptureTarget {
  ledgerSheetId: number;
  scratchSheetId: number;
  /** Columns of the ledger to capture (the header's width, at least every written column). */
  width: number;
  /** Written into the scratch tab with the capture, so a lost answer can be told from a lost write. */
  nonce: string;
}

export interface CapturePlan {
  /** Ledger rows (1-based) captured, in scratch order: scratch row i + 2 holds rows[i]. */
  rows: number[];
  /** Scratch columns: the ledger's `width` plus one for the nonce. */
  scratchWidth: number;
  requests: Request[];
}

/**
 * RAW semantics through updateCells: text stays text (a leading = is not a formula), "" clears,
 * and text is cut to Google's 50,000 characters a cell (or the whole batch would be refused).
 */
export function enteredValue(value: CellValue | null): sheets_v4.Schema$ExtendedValue | undefined {
  if (value === null || value === "") return undefined;
  if (typeof value === "number") return { numberValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  return { stringValue: fitText(value) };
}

/** Consecutive numbers as [first, last] runs: 3,4,5,9 → [3,5],[9,9]. */
export function runsOf(sorted: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}

/** One updateCells per run of neighbouring cells in a row: a gap must never be cleared. */
function cellWrites(sheetId: number, placed: readonly PlacedWrite[]): Request[] {
  const sorted = [...placed].sort((a, b) => a.row - b.row || a.column - b.column);
  const requests: Request[] = [];
  let i = 0;
  while (i < sorted.length) {
    const first = sorted[i] as PlacedWrite;
    const values = [{ userEnteredValue: enteredValue(first.value) }];
    let last = first;
    i++;
    while (i < sorted.length) {
      const next = sorted[i] as PlacedWrite;
      if (next.row !== first.row || next.column !== last.column + 1) break;
      values.push({ userEnteredValue: enteredValue(next.value) });
      last = next;
      i++;
    }
    requests.push({
      updateCells: {
        start: { sheetId, rowIndex: first.row - 1, columnIndex: first.column },
        rows: [{ values }],
        fields: "userEnteredValue",
      },
    });
  }
  return requests;
}

/**
 * One atomic spreadsheets.batchUpdate that first copies every row about to change (and the header
 * row) into the scratch tab, then writes the values. Because Google applies a batch as one unit,
 * the copy shows exactly what each written row held at the instant of the write, whatever staff
 * did a moment before: the basis for checking placement and putting back anything overwritten.
 */
export function captureAndWrite(placed: readonly PlacedWrite[], target: CaptureTarget): CapturePlan {
  const rows = [...new Set(placed.map((p) => p.row))].sort((a, b) => a - b);
  const width = Math.max(target.width, ...placed.map((p) => p.column + 1));
  const scratchWidth = width + 1;
  const scratch = target.scratchSheetId;
  const requests: Request[] = [
    {
      updateSheetProperties: {
        properties: {
          sheetId: scratch,
          gridProperties: { rowCount: rows.length + 1, columnCount: scratchWidth },
        },
        fields: "gridProperties.rowCount,gridProperties.columnCount",
      },
    },
    // Clears whatever an earlier capture left (a paste of blanks would too; this does not rely on it).
    { updateCells: { range: { sheetId: scratch }, fields: "userEnteredValue" } },
    copyRows(target.ledgerSheetId, 0, 1, scratch, 0, width),
  ];
  let at = 1;
  for (const [first, last] of runsOf(rows)) {
    requests.push(copyRows(target.ledgerSheetId, first - 1, last, scratch, at, width));
    at += last - first + 1;
  }
  requests.push({
    updateCells: {
      start: { sheetId: scratch, rowIndex: 0, columnIndex: width },
      rows: [{ values: [{ userEnteredValue: { stringValue: target.nonce } }] }],
      fields: "userEnteredValue",
    },
  });
  requests.push(...cellWrites(target.ledgerSheetId, placed));
  return { rows, scratchWidth, requests };
}

function copyRows(
  fromSheet: number,
  fromRow: number,
  toRowEnd: number,
  toSheet: number,
  atRow: number,
  width: number,
): Request {
  const count = toRowEnd - fromRow;
  return {
    copyPaste: {
      source: {
        sheetId: fromSheet,
        startRowIndex: fromRow,
        endRowIndex: toRowEnd,
        startColumnIndex: 0,
        endColumnIndex: width,
      },
      destination: {
        sheetId: toSheet,
        startRowIndex: atRow,
        endRowIndex: atRow + count,
        startColumnIndex: 0,
        endColumnIndex: width,
      },
      pasteType: "PASTE_VALUES",
    },
  };
}
