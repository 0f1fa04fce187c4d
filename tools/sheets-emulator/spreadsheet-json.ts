import { Evaluator } from "./formula-eval";
import { getCell, isBlankCell } from "./grid";
import { clampToGrid, gridRangeJson, resolveRange } from "./ranges";
import { effectiveValue, formattedValue } from "./render";
import {
  DEFAULT_COLUMN_PIXELS,
  DEFAULT_FORMAT,
  DEFAULT_ROW_PIXELS,
  DEFAULT_THEME,
} from "./spreadsheet-defaults";
import type {
  BasicFilterModel,
  Dimension,
  DimensionPropsModel,
  EffectiveValue,
  Json,
  JsonObject,
  NamedRangeModel,
  ProtectedRangeModel,
  Rect,
  SheetModel,
  SpreadsheetModel,
} from "./types";
import { isJsonObject } from "./types";

export function spreadsheetUrl(spreadsheetId: string): string {
  return `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`;
}

/** SheetProperties as spreadsheets.get shows them: sheetId and index appear even when 0 (§1.4-1). */
export function sheetPropertiesJson(ss: SpreadsheetModel, sheet: SheetModel): JsonObject {
  const grid: JsonObject = {
    rowCount: sheet.gridProperties.rowCount,
    columnCount: sheet.gridProperties.columnCount,
  };
  const g = sheet.gridProperties;
  if (g.frozenRowCount) grid.frozenRowCount = g.frozenRowCount;
  if (g.frozenColumnCount) grid.frozenColumnCount = g.frozenColumnCount;
  if (g.hideGridlines) grid.hideGridlines = true;
  if (g.rowGroupControlAfter) grid.rowGroupControlAfter = true;
  if (g.columnGroupControlAfter) grid.columnGroupControlAfter = true;
  return {
    sheetId: sheet.sheetId,
    title: sheet.title,
    index: ss.sheets.indexOf(sheet),
    sheetType: "GRID",
    gridProperties: grid,
    ...sheet.extra,
  };
}

export function protectedRangeJson(pr: ProtectedRangeModel, user: string, isOwner: boolean): JsonObject {
  const json: JsonObject = { protectedRangeId: pr.protectedRangeId, range: gridRangeJson(pr.range) };
  if (pr.description) json.description = pr.description;
  if (pr.warningOnly) json.warningOnly = true;
  if (pr.unprotectedRanges?.length) json.unprotectedRanges = pr.unprotectedRanges.map(gridRangeJson);
  json.requestingUserCanEdit = isOwner || pr.warningOnly === true || pr.users.includes(user);
  const editors: JsonObject = {};
  if (pr.users.length > 0) editors.users = [...pr.users];
  if (pr.groups.length > 0) editors.groups = [...pr.groups];
  if (pr.domainUsersCanEdit) editors.domainUsersCanEdit = true;
  json.editors = editors;
  return json;
}

function effectiveJson(value: EffectiveValue): JsonObject {
  const { errorValue, ...plain } = value;
  return errorValue ? { ...plain, errorValue: { ...errorValue } } : { ...plain };
}

const isEmptyObject = (value: Json | undefined): boolean =>
  isJsonObject(value) && Object.keys(value).length === 0;

function cellJson(ev: Evaluator, sheet: SheetModel, r: number, c: number): JsonObject {
  const cell = getCell(sheet, r, c);
  const json: JsonObject = {};
  if (!cell) return json;
  if (cell.userEnteredValue) {
    json.userEnteredValue = { ...cell.userEnteredValue };
    const effective = effectiveValue(ev, sheet, r, c);
    if (effective) json.effectiveValue = effectiveJson(effective);
    const formatted = formattedValue(ev, sheet, r, c);
    if (formatted !== undefined) json.formattedValue = formatted;
  }
  if (cell.userEnteredFormat) json.userEnteredFormat = cell.userEnteredFormat;
  if (cell.dataValidation) json.dataValidation = cell.dataValidation;
  if (cell.note !== undefined) json.note = cell.note;
  return json;
}

/** GridData for one rectangle; rows and cells past the last non-blank one are left out. */
export function gridDataJson(ev: Evaluator, rect: Rect): JsonObject {
  const { sheet } = rect;
  const rowData: Json[] = [];
  const lastRow = Math.min(rect.r1, sheet.rows.length);
  for (let r = rect.r0; r < lastRow; r++) {
    const values: Json[] = [];
    let lastCell = -1;
    for (let c = rect.c0; c < rect.c1; c++) {
      values.push(cellJson(ev, sheet, r, c));
      if (!isBlankCell(getCell(sheet, r, c))) lastCell = c - rect.c0;
    }
    values.length = lastCell + 1;
    rowData.push(values.length > 0 ? { values } : {});
  }
  while (rowData.length > 0 && isEmptyObject(rowData[rowData.length - 1])) rowData.pop();
  const json: JsonObject = {};
  if (rect.r0 > 0) json.startRow = rect.r0;
  if (rect.c0 > 0) json.startColumn = rect.c0;
  if (rowData.length > 0) json.rowData = rowData;
  json.rowMetadata = Array.from({ length: rect.r1 - rect.r0 }, (_, i) =>
    dimensionJson(sheet.rowProps[rect.r0 + i], DEFAULT_ROW_PIXELS),
  );
  json.columnMetadata = Array.from({ length: rect.c1 - rect.c0 }, (_, i) =>
    dimensionJson(sheet.columnProps[rect.c0 + i], DEFAULT_COLUMN_PIXELS),
  );
  return json;
}

/** DimensionProperties in proto order: hiddenByUser (only when true), then pixelSize. */
function dimensionJson(props: DimensionPropsModel | null | undefined, fallback: number): JsonObject {
  const json: JsonObject = {};
  if (props?.hiddenByUser) json.hiddenByUser = true;
  json.pixelSize = props?.pixelSize ?? fallback;
  return json;
}

/** DimensionGroups as listed under rowGroups/columnGroups (recorded: sheetId 0 and collapsed:false left out). */
export function groupsJson(sheet: SheetModel, dimension: Dimension): JsonObject[] {
  return sheet.groups
    .filter((g) => g.dimension === dimension)
    .sort((a, b) => a.start - b.start || a.depth - b.depth)
    .map((g) => {
      const range: JsonObject = {};
      if (sheet.sheetId !== 0) range.sheetId = sheet.sheetId;
      range.dimension = g.dimension;
      range.startIndex = g.start;
      range.endIndex = g.end;
      const json: JsonObject = { range, depth: g.depth };
      if (g.collapsed) json.collapsed = true;
      return json;
    });
}

export function namedRangeJson(named: NamedRangeModel): JsonObject {
  return { namedRangeId: named.namedRangeId, name: named.name, range: gridRangeJson(named.range) };
}

export function basicFilterJson(filter: BasicFilterModel): JsonObject {
  return { range: gridRangeJson(filter.range), ...filter.extra };
}

export interface SpreadsheetJsonOptions {
  includeGridData: boolean;
  ranges: string[];
  user: string;
  isOwner: boolean;
  nowMs: number;
}

/**
 * The Spreadsheet resource. With `ranges`, only the sheets those ranges touch are listed and grid
 * data covers just those ranges ("returns only the portions … that intersect the requested ranges").
 */
export function spreadsheetJson(ss: SpreadsheetModel, options: SpreadsheetJsonOptions): JsonObject {
  const rectsBySheet = new Map<SheetModel, Rect[]>();
  for (const range of options.ranges) {
    const rect = clampToGrid(resolveRange(ss, range));
    rectsBySheet.set(rect.sheet, [...(rectsBySheet.get(rect.sheet) ?? []), rect]);
  }
  const ev = new Evaluator(ss, options.nowMs);
  const sheets = ss.sheets
    .filter((sheet) => options.ranges.length === 0 || rectsBySheet.has(sheet))
    .map((sheet) => {
      const json: JsonObject = { properties: sheetPropertiesJson(ss, sheet) };
      if (options.includeGridData) {
        const rects = rectsBySheet.get(sheet) ?? [
          { sheet, r0: 0, c0: 0, r1: sheet.gridProperties.rowCount, c1: sheet.gridProperties.columnCount },
        ];
        json.data = rects.map((rect) => gridDataJson(ev, rect));
      }
      if (sheet.merges.length > 0) json.merges = sheet.merges.map(gridRangeJson);
      if (sheet.conditionalFormats.length > 0) json.conditionalFormats = sheet.conditionalFormats;
      if (sheet.protectedRanges.length > 0) {
        json.protectedRanges = sheet.protectedRanges.map((pr) =>
          protectedRangeJson(pr, options.user, options.isOwner),
        );
      }
      if (sheet.basicFilter) json.basicFilter = basicFilterJson(sheet.basicFilter);
      const rowGroups = groupsJson(sheet, "ROWS");
      if (rowGroups.length > 0) json.rowGroups = rowGroups;
      const columnGroups = groupsJson(sheet, "COLUMNS");
      if (columnGroups.length > 0) json.columnGroups = columnGroups;
      return json;
    });
  const json: JsonObject = {
    spreadsheetId: ss.spreadsheetId,
    properties: {
      title: ss.title,
      locale: ss.locale,
      autoRecalc: ss.autoRecalc,
      timeZone: ss.timeZone,
      defaultFormat: DEFAULT_FORMAT,
      spreadsheetTheme: DEFAULT_THEME,
    },
    sheets,
  };
  if (ss.namedRanges.length > 0) json.namedRanges = ss.namedRanges.map(namedRangeJson);
  json.spreadsheetUrl = spreadsheetUrl(ss.spreadsheetId);
  return json;
}
