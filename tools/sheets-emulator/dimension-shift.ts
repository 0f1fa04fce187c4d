import { remapFormula, shiftFormula } from "./formula-refs";
import { type ShiftDimension, shiftGridRange } from "./protection";
import {
  type GridRangeModel,
  isJsonObject,
  type JsonObject,
  type SheetModel,
  type SpreadsheetModel,
} from "./types";

/** Where a range of the changed sheet is now; undefined when its cells are gone. */
export type RangeMap = (range: GridRangeModel) => GridRangeModel | undefined;

function mapJsonRange(value: JsonObject, map: RangeMap): JsonObject | undefined {
  const range: GridRangeModel = { sheetId: typeof value.sheetId === "number" ? value.sheetId : 0 };
  for (const key of ["startRowIndex", "endRowIndex", "startColumnIndex", "endColumnIndex"] as const) {
    const n = value[key];
    if (typeof n === "number") range[key] = n;
  }
  const mapped = map(range);
  return mapped ? { ...value, ...mapped } : undefined;
}

/** A merge must still cover two cells or more; one shrunk to a single cell is gone. */
function stillMerged(range: GridRangeModel): boolean {
  const rows = (range.endRowIndex ?? 0) - (range.startRowIndex ?? 0);
  const cols = (range.endColumnIndex ?? 0) - (range.startColumnIndex ?? 0);
  return rows * cols > 1;
}

/** Maps one group's range along its own dimension (groups of the other dimension stay put). */
function mapGroups(sheet: SheetModel, dimension: ShiftDimension, map: RangeMap): void {
  const key = dimension === "ROWS" ? "startRowIndex" : "startColumnIndex";
  const endKey = dimension === "ROWS" ? "endRowIndex" : "endColumnIndex";
  sheet.groups = sheet.groups.flatMap((group) => {
    if (group.dimension !== dimension) return [group];
    const mapped = map({ sheetId: 0, [key]: group.start, [endKey]: group.end });
    if (!mapped) return [];
    return [{ ...group, start: mapped[key] ?? 0, end: mapped[endKey] ?? 0 }];
  });
}

/**
 * Keeps everything that points into `sheet` aligned after its rows/columns changed places: protected
 * ranges, conditional-format ranges, merges, named ranges, the basic filter and groups go through
 * `map`, and every formula of the spreadsheet through `formula`. Cell contents and pixel sizes
 * themselves are moved by the grid functions.
 */
export function realignAfterDimensionChange(
  ss: SpreadsheetModel,
  sheet: SheetModel,
  dimension: ShiftDimension,
  map: RangeMap,
  formula: (text: string, home: SheetModel) => string,
): void {
  sheet.protectedRanges = sheet.protectedRanges.flatMap((pr) => {
    const range = map(pr.range);
    return range ? [{ ...pr, range }] : [];
  });
  sheet.conditionalFormats = sheet.conditionalFormats.flatMap((rule) => {
    const ranges = Array.isArray(rule.ranges) ? rule.ranges : [];
    const kept = ranges.flatMap((r) => {
      const mapped = isJsonObject(r) ? mapJsonRange(r, map) : undefined;
      return mapped ? [mapped] : [];
    });
    return kept.length > 0 ? [{ ...rule, ranges: kept }] : [];
  });
  sheet.merges = sheet.merges.flatMap((range) => {
    const mapped = map(range);
    return mapped && stillMerged(mapped) ? [mapped] : [];
  });
  ss.namedRanges = ss.namedRanges.flatMap((named) => {
    if (named.range.sheetId !== sheet.sheetId) return [named];
    const range = map(named.range);
    return range ? [{ ...named, range }] : [];
  });
  if (sheet.basicFilter) {
    const range = map(sheet.basicFilter.range);
    if (range) sheet.basicFilter = { ...sheet.basicFilter, range };
    else delete sheet.basicFilter;
  }
  mapGroups(sheet, dimension, map);
  for (const home of ss.sheets) {
    for (const row of home.rows) {
      for (const cell of row ?? []) {
        const text = cell?.userEnteredValue?.formulaValue;
        if (cell?.userEnteredValue && text !== undefined) {
          cell.userEnteredValue = { formulaValue: formula(text, home) };
        }
      }
    }
  }
}

/**
 * Keeps everything that points into `sheet` aligned after rows/columns were inserted (count > 0)
 * or deleted (count < 0) at `at`, as realignAfterDimensionChange describes.
 */
export function shiftForDimensionChange(
  ss: SpreadsheetModel,
  sheet: SheetModel,
  dimension: ShiftDimension,
  at: number,
  count: number,
): void {
  realignAfterDimensionChange(
    ss,
    sheet,
    dimension,
    (range) => shiftGridRange(range, dimension, at, count),
    (text, home) => shiftFormula(text, ss, home, sheet, dimension, at, count),
  );
}

/** Realigns after a move (moveDimension), each range and reference going where `map` sends it. */
export function remapForDimensionMove(
  ss: SpreadsheetModel,
  sheet: SheetModel,
  dimension: ShiftDimension,
  map: RangeMap,
): void {
  const [startKey, endKey] =
    dimension === "ROWS"
      ? (["startRowIndex", "endRowIndex"] as const)
      : (["startColumnIndex", "endColumnIndex"] as const);
  const span = (first: number, last: number): [number, number] => {
    const mapped = map({ sheetId: sheet.sheetId, [startKey]: first, [endKey]: last + 1 });
    // A move never empties a range, so a reference always has cells to name.
    return mapped ? [mapped[startKey] ?? first, (mapped[endKey] ?? last + 1) - 1] : [first, last];
  };
  realignAfterDimensionChange(ss, sheet, dimension, map, (text, home) =>
    remapFormula(text, ss, home, sheet, dimension, span),
  );
}
