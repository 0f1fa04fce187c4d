import { shiftFormula } from "./formula-refs";
import { type ShiftDimension, shiftGridRange } from "./protection";
import {
  type GridRangeModel,
  isJsonObject,
  type JsonObject,
  type SheetModel,
  type SpreadsheetModel,
} from "./types";

function shiftJsonRange(
  value: JsonObject,
  dimension: ShiftDimension,
  at: number,
  count: number,
): JsonObject | undefined {
  const range: GridRangeModel = { sheetId: typeof value.sheetId === "number" ? value.sheetId : 0 };
  for (const key of ["startRowIndex", "endRowIndex", "startColumnIndex", "endColumnIndex"] as const) {
    const n = value[key];
    if (typeof n === "number") range[key] = n;
  }
  const shifted = shiftGridRange(range, dimension, at, count);
  return shifted ? { ...value, ...shifted } : undefined;
}

/** A merge must still cover two cells or more; one shrunk to a single cell is gone. */
function stillMerged(range: GridRangeModel): boolean {
  const rows = (range.endRowIndex ?? 0) - (range.startRowIndex ?? 0);
  const cols = (range.endColumnIndex ?? 0) - (range.startColumnIndex ?? 0);
  return rows * cols > 1;
}

/** Shifts one group's range along its own dimension (groups of the other dimension stay put). */
function shiftGroups(sheet: SheetModel, dimension: ShiftDimension, at: number, count: number): void {
  const key = dimension === "ROWS" ? "startRowIndex" : "startColumnIndex";
  const endKey = dimension === "ROWS" ? "endRowIndex" : "endColumnIndex";
  sheet.groups = sheet.groups.flatMap((group) => {
    if (group.dimension !== dimension) return [group];
    const shifted = shiftGridRange(
      { sheetId: 0, [key]: group.start, [endKey]: group.end },
      dimension,
      at,
      count,
    );
    if (!shifted) return [];
    return [{ ...group, start: shifted[key] ?? 0, end: shifted[endKey] ?? 0 }];
  });
}

/**
 * Keeps everything that points into `sheet` aligned after rows/columns were inserted (count > 0)
 * or deleted (count < 0) at `at`: protected ranges, conditional-format ranges, merges, named ranges,
 * the basic filter, groups and formula references anywhere in the spreadsheet. Cell contents and
 * pixel sizes themselves are moved by the grid functions.
 */
export function shiftForDimensionChange(
  ss: SpreadsheetModel,
  sheet: SheetModel,
  dimension: ShiftDimension,
  at: number,
  count: number,
): void {
  sheet.protectedRanges = sheet.protectedRanges.flatMap((pr) => {
    const range = shiftGridRange(pr.range, dimension, at, count);
    return range ? [{ ...pr, range }] : [];
  });
  sheet.conditionalFormats = sheet.conditionalFormats.flatMap((rule) => {
    const ranges = Array.isArray(rule.ranges) ? rule.ranges : [];
    const kept = ranges.flatMap((r) => {
      const shifted = isJsonObject(r) ? shiftJsonRange(r, dimension, at, count) : undefined;
      return shifted ? [shifted] : [];
    });
    return kept.length > 0 ? [{ ...rule, ranges: kept }] : [];
  });
  sheet.merges = sheet.merges.flatMap((range) => {
    const shifted = shiftGridRange(range, dimension, at, count);
    return shifted && stillMerged(shifted) ? [shifted] : [];
  });
  ss.namedRanges = ss.namedRanges.flatMap((named) => {
    if (named.range.sheetId !== sheet.sheetId) return [named];
    const range = shiftGridRange(named.range, dimension, at, count);
    return range ? [{ ...named, range }] : [];
  });
  if (sheet.basicFilter) {
    const range = shiftGridRange(sheet.basicFilter.range, dimension, at, count);
    if (range) sheet.basicFilter = { ...sheet.basicFilter, range };
    else delete sheet.basicFilter;
  }
  shiftGroups(sheet, dimension, at, count);
  for (const home of ss.sheets) {
    for (const row of home.rows) {
      for (const cell of row ?? []) {
        const formula = cell?.userEnteredValue?.formulaValue;
        if (cell?.userEnteredValue && formula !== undefined) {
          cell.userEnteredValue = {
            formulaValue: shiftFormula(formula, ss, home, sheet, dimension, at, count),
          };
        }
      }
    }
  }
}
