import type { SchemaNode } from "./field-mask";
import type { JsonObject } from "./types";

/** The defaultFormat every new spreadsheet reports (verbatim from the recorded spreadsheets.get). */
export const DEFAULT_FORMAT: JsonObject = {
  backgroundColor: { red: 1, green: 1, blue: 1 },
  padding: { top: 2, right: 3, bottom: 2, left: 3 },
  verticalAlignment: "BOTTOM",
  wrapStrategy: "OVERFLOW_CELL",
  textFormat: {
    foregroundColor: {},
    fontFamily: "arial,sans,sans-serif",
    fontSize: 10,
    bold: false,
    italic: false,
    strikethrough: false,
    underline: false,
    foregroundColorStyle: { rgbColor: {} },
  },
  backgroundColorStyle: { rgbColor: { red: 1, green: 1, blue: 1 } },
};

const rgb = (red: number, green: number, blue: number): JsonObject => ({ rgbColor: { red, green, blue } });

/** The default theme (verbatim from the recordings; proto3 drops the zero channels of black). */
export const DEFAULT_THEME: JsonObject = {
  primaryFontFamily: "Arial",
  themeColors: [
    { colorType: "TEXT", color: { rgbColor: {} } },
    { colorType: "BACKGROUND", color: rgb(1, 1, 1) },
    { colorType: "ACCENT1", color: rgb(0.25882354, 0.52156866, 0.95686275) },
    { colorType: "ACCENT2", color: rgb(0.91764706, 0.2627451, 0.20784314) },
    { colorType: "ACCENT3", color: rgb(0.9843137, 0.7372549, 0.015686275) },
    { colorType: "ACCENT4", color: rgb(0.20392157, 0.65882355, 0.3254902) },
    { colorType: "ACCENT5", color: rgb(1, 0.42745098, 0.003921569) },
    { colorType: "ACCENT6", color: rgb(0.27450982, 0.7411765, 0.7764706) },
    { colorType: "LINK", color: rgb(0.06666667, 0.33333334, 0.8) },
  ],
};

/** Pixel sizes Sheets reports for default rows and columns in grid data. */
export const DEFAULT_ROW_PIXELS = 21;
export const DEFAULT_COLUMN_PIXELS = 100;

const color: SchemaNode = { red: {}, green: {}, blue: {}, alpha: {} };
const colorStyle: SchemaNode = { rgbColor: color, themeColor: {} };
const border: SchemaNode = { style: {}, width: {}, color, colorStyle };
const sides = (node: SchemaNode): SchemaNode => ({ top: node, bottom: node, left: node, right: node });

/** DISC TextFormat. */
const textFormat: SchemaNode = {
  foregroundColor: color,
  foregroundColorStyle: colorStyle,
  fontFamily: {},
  fontSize: {},
  bold: {},
  italic: {},
  strikethrough: {},
  underline: {},
  link: { uri: {} },
};

/** DISC CellFormat. */
const cellFormat: SchemaNode = {
  numberFormat: { type: {}, pattern: {} },
  backgroundColor: color,
  backgroundColorStyle: colorStyle,
  borders: sides(border),
  padding: sides({}),
  horizontalAlignment: {},
  verticalAlignment: {},
  wrapStrategy: {},
  textDirection: {},
  textFormat,
  hyperlinkDisplayType: {},
  textRotation: { angle: {}, vertical: {} },
};

/** DISC ExtendedValue. */
const extendedValue: SchemaNode = {
  numberValue: {},
  stringValue: {},
  boolValue: {},
  formulaValue: {},
  errorValue: { type: {}, message: {} },
};

/**
 * DISC CellData, down to the format and value fields (validation rules, pivot tables and the like
 * are not checked deeper). Used for `fields` of spreadsheets.get and of repeatCell / updateCells.
 */
export const CELL_DATA_SCHEMA: SchemaNode = {
  userEnteredValue: extendedValue,
  effectiveValue: extendedValue,
  formattedValue: {},
  userEnteredFormat: cellFormat,
  effectiveFormat: cellFormat,
  hyperlink: {},
  note: {},
  textFormatRuns: "any",
  dataValidation: "any",
  pivotTable: "any",
  dataSourceTable: "any",
  dataSourceFormula: "any",
  chipRuns: "any",
};
const cellData = CELL_DATA_SCHEMA;

/** The Spreadsheet resource's field names (DISC), used to reject masks naming unknown fields. */
export const SPREADSHEET_SCHEMA: SchemaNode = {
  spreadsheetId: {},
  properties: {
    title: {},
    locale: {},
    autoRecalc: {},
    timeZone: {},
    defaultFormat: "any",
    iterativeCalculationSettings: "any",
    spreadsheetTheme: "any",
    importFunctionsExternalUrlAccessAllowed: {},
  },
  sheets: {
    properties: {
      sheetId: {},
      title: {},
      index: {},
      sheetType: {},
      gridProperties: "any",
      hidden: {},
      tabColor: "any",
      tabColorStyle: "any",
      rightToLeft: {},
      dataSourceSheetProperties: "any",
    },
    data: {
      startRow: {},
      startColumn: {},
      rowData: { values: cellData },
      rowMetadata: "any",
      columnMetadata: "any",
    },
    merges: "any",
    conditionalFormats: "any",
    filterViews: "any",
    protectedRanges: "any",
    basicFilter: "any",
    charts: "any",
    bandedRanges: "any",
    developerMetadata: "any",
    rowGroups: "any",
    columnGroups: "any",
    slicers: "any",
    tables: "any",
  },
  namedRanges: "any",
  spreadsheetUrl: {},
  developerMetadata: "any",
  dataSources: "any",
  dataSourceSchedules: "any",
};
