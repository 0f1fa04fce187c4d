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

/**
 * Keeps everything that points into `sheet` aligned after rows/columns were inserted (count > 0)
 * or deleted (count < 0) at `at`: protected ranges, conditional-format ranges and formula references
 * anywhere in the spreadsheet. Cell contents themselves are moved by the grid functions.
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
