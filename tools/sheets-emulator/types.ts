/** Plain JSON, the only thing the emulator stores or sends. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/** Google's ExtendedValue as entered (exactly one key set). */
export interface ExtendedValue {
  numberValue?: number;
  stringValue?: string;
  boolValue?: boolean;
  formulaValue?: string;
}

export interface ErrorValue {
  type: string;
  message: string;
}

/** A calculated value: what a formula (or a plain entry) evaluates to. */
export interface EffectiveValue {
  numberValue?: number;
  stringValue?: string;
  boolValue?: boolean;
  errorValue?: ErrorValue;
}

export interface CellModel {
  userEnteredValue?: ExtendedValue;
  userEnteredFormat?: JsonObject;
  dataValidation?: JsonObject;
  note?: string;
}

/** Rows and cells are stored densely up to the data extent; null marks a hole (keeps JSON persistence trivial). */
export type RowModel = (CellModel | null)[];

export interface GridRangeModel {
  sheetId: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

export interface ProtectedRangeModel {
  protectedRangeId: number;
  range: GridRangeModel;
  description?: string;
  warningOnly?: boolean;
  users: string[];
  groups: string[];
  domainUsersCanEdit?: boolean;
  unprotectedRanges?: GridRangeModel[];
}

export interface GridPropertiesModel {
  rowCount: number;
  columnCount: number;
  frozenRowCount?: number;
  frozenColumnCount?: number;
  hideGridlines?: boolean;
  rowGroupControlAfter?: boolean;
  columnGroupControlAfter?: boolean;
}

/** DimensionProperties a row or column can carry; absent keys mean Sheets' defaults (21 / 100 px, shown). */
export interface DimensionPropsModel {
  pixelSize?: number;
  hiddenByUser?: boolean;
}

/** One row or column group: what spreadsheets.get lists under rowGroups / columnGroups. */
export interface DimensionGroupModel {
  dimension: Dimension;
  start: number;
  end: number;
  depth: number;
  collapsed?: boolean;
}

export interface BasicFilterModel {
  range: GridRangeModel;
  /** sortSpecs, filterSpecs, criteria: stored and returned as set. */
  extra: JsonObject;
}

export interface NamedRangeModel {
  /** Google's ids are numeric strings, e.g. "1505157600" (recorded). */
  namedRangeId: string;
  name: string;
  range: GridRangeModel;
}

export interface SheetModel {
  sheetId: number;
  title: string;
  gridProperties: GridPropertiesModel;
  /** hidden, tabColor, tabColorStyle, rightToLeft: kept verbatim, returned as set. */
  extra: JsonObject;
  rows: (RowModel | null)[];
  protectedRanges: ProtectedRangeModel[];
  conditionalFormats: JsonObject[];
  merges: GridRangeModel[];
  /** Index-aligned with the grid's rows/columns, stored densely up to the last set one (null = defaults). */
  rowProps: (DimensionPropsModel | null)[];
  columnProps: (DimensionPropsModel | null)[];
  groups: DimensionGroupModel[];
  basicFilter?: BasicFilterModel;
}

export interface SpreadsheetModel {
  spreadsheetId: string;
  title: string;
  locale: string;
  timeZone: string;
  autoRecalc: string;
  sheets: SheetModel[];
  namedRanges: NamedRangeModel[];
  /** Marked "not shared with the caller": every API call on it answers 403. */
  private: boolean;
}

/** A concrete, clamped rectangle on one sheet; rows/columns are 0-based, end-exclusive. */
export interface Rect {
  sheet: SheetModel;
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

export type Dimension = "ROWS" | "COLUMNS";

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
