import { cellsA1, columnLetters } from "./a1";
import type { CallContext } from "./context";
import { ApiError, badRequest } from "./errors";
import { Evaluator } from "./formula-eval";
import { getCell, hasValue, updateCell } from "./grid";
import { applyInput, parseInput, type ValueInputOption } from "./input-parse";
import { assertEditable } from "./protection";
import { type BoundRange, clampToGrid, exceedsGridLimits, formatRect, resolveRange } from "./ranges";
import type { Json, JsonObject, Rect, SheetModel, SpreadsheetModel } from "./types";
import { toRowMajor, type ValueRangeInput } from "./value-range-body";
import { type ReadOptions, valueRange } from "./values-read";

export interface WriteOutcome {
  response: JsonObject;
  /** Distinct rows/columns touched, for batch totals. */
  rows: Set<number>;
  columns: Set<number>;
  cells: number;
}

/**
 * Writes a block of values whose top-left cell is (r0, c0), skipping null/undefined entries. The
 * response counts only cells actually written; the range is the bounding box of those cells.
 */
export function writeBlock(
  ss: SpreadsheetModel,
  sheet: SheetModel,
  r0: number,
  c0: number,
  rows: (Json | undefined)[][],
  option: ValueInputOption,
  ctx: CallContext,
): WriteOutcome {
  const width = Math.max(0, ...rows.map((row) => row.length));
  assertEditable({ sheet, r0, r1: r0 + rows.length, c0, c1: c0 + width }, ctx);
  const touchedRows = new Set<number>();
  const touchedColumns = new Set<number>();
  let cells = 0;
  // Every value is parsed (and checked) before any is written, so a bad one leaves the sheet as it was.
  const parsedRows = rows.map((row, i) =>
    row.map((raw, j) => {
      if (raw === undefined) return "skip";
      try {
        return parseInput(raw, option);
      } catch (e) {
        if (e instanceof TypeError) throw badRequest(`Invalid values[${i}][${j}]: ${JSON.stringify(raw)}`);
        throw e;
      }
    }),
  );
  parsedRows.forEach((row, i) => {
    row.forEach((parsed, j) => {
      if (parsed === "skip") return;
      updateCell(sheet, r0 + i, c0 + j, (cell) => applyInput(cell, parsed));
      touchedRows.add(r0 + i);
      touchedColumns.add(c0 + j);
      cells += 1;
    });
  });
  ctx.stats.cellsWritten += cells;
  const response: JsonObject = { spreadsheetId: ss.spreadsheetId };
  if (cells === 0) {
    response.updatedRange = formatRect({ sheet, r0, r1: r0 + 1, c0, c1: c0 + 1 });
  } else {
    const rMin = Math.min(...touchedRows);
    const cMin = Math.min(...touchedColumns);
    response.updatedRange = formatRect({
      sheet,
      r0: rMin,
      r1: Math.max(...touchedRows) + 1,
      c0: cMin,
      c1: Math.max(...touchedColumns) + 1,
    });
    response.updatedRows = touchedRows.size;
    response.updatedColumns = touchedColumns.size;
    response.updatedCells = cells;
  }
  return { response, rows: touchedRows, columns: touchedColumns, cells };
}

/**
 * values.update semantics: a single-cell range is only an anchor; any other range bounds the write
 * ("Requested writing within range […], but tried writing to column [E]"), and the grid never grows.
 */
export function updateValues(
  ss: SpreadsheetModel,
  rangeText: string,
  input: ValueRangeInput,
  option: ValueInputOption,
  ctx: CallContext,
  responseOptions?: ReadOptions,
): WriteOutcome {
  const bound: BoundRange = resolveRange(ss, rangeText);
  const { sheet, ref } = bound;
  const rows = toRowMajor(input.values, input.majorDimension);
  const height = rows.length;
  const width = Math.max(0, ...rows.map((row) => row.length));
  const r0 = ref.startRow ?? 0;
  const c0 = ref.startCol ?? 0;
  const singleCell = ref.endRow === (ref.startRow ?? -1) + 1 && ref.endCol === (ref.startCol ?? -1) + 1;
  if (!singleCell) {
    if (ref.endCol !== undefined && c0 + width > ref.endCol) {
      throw badRequest(
        `Requested writing within range [${rangeText}], but tried writing to column [${columnLetters(ref.endCol)}]`,
      );
    }
    if (ref.endRow !== undefined && r0 + height > ref.endRow) {
      throw badRequest(
        `Requested writing within range [${rangeText}], but tried writing to row [${ref.endRow + 1}]`,
      );
    }
  }
  const { rowCount, columnCount } = sheet.gridProperties;
  if (r0 + Math.max(height, 1) > rowCount || c0 + Math.max(width, 1) > columnCount) {
    throw exceedsGridLimits(sheet, cellsA1(r0, r0 + Math.max(height, 1), c0, c0 + Math.max(width, 1)));
  }
  const outcome = writeBlock(ss, sheet, r0, c0, rows, option, ctx);
  if (responseOptions) {
    // "If the range to write was larger than the range actually written, the response includes all
    // values in the requested range."
    const requested: Rect = singleCell
      ? { sheet, r0, r1: r0 + Math.max(height, 1), c0, c1: c0 + Math.max(width, 1) }
      : clampToGrid(bound);
    outcome.response.updatedData = valueRange(new Evaluator(ss, ctx.nowMs), requested, responseOptions);
  }
  return outcome;
}

/** values.clear: removes values only (formats, notes and validation stay), bounded to the grid. */
export function clearValues(ss: SpreadsheetModel, rangeText: string, ctx: CallContext): string {
  const rect = clampToGrid(resolveRange(ss, rangeText));
  assertEditable(rect, ctx);
  const lastRow = Math.min(rect.r1, rect.sheet.rows.length);
  for (let r = rect.r0; r < lastRow; r++) {
    for (let c = rect.c0; c < rect.c1; c++) {
      if (!hasValue(getCell(rect.sheet, r, c))) continue;
      updateCell(rect.sheet, r, c, (cell) => {
        delete cell.userEnteredValue;
      });
      ctx.stats.cellsWritten += 1;
    }
  }
  return formatRect(rect);
}

/** Re-throws an element's error with Google's batch prefix ("Invalid data[1]: …"). */
export function prefixed<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof ApiError) throw e.withPrefix(prefix);
    throw e;
  }
}
