import {
  fieldPaths,
  intField,
  objectField,
  type RequestHandler,
  randomId,
  withoutNulls,
} from "./batch-types";
import { mirrorPair, quantizeColor } from "./colors";
import { badRequest } from "./errors";
import { newSheet, resizeGrid } from "./grid";
import { findSheetById, findSheetByTitle } from "./ranges";
import { sheetPropertiesJson } from "./spreadsheet-json";
import type { GridPropertiesModel, Json, JsonObject, SheetModel, SpreadsheetModel } from "./types";
import { isJsonObject } from "./types";

const EXTRA_PROPERTIES = ["hidden", "tabColor", "tabColorStyle", "rightToLeft"] as const;
const TAB_COLOR_KEYS = ["tabColor", "tabColorStyle"];

/** Sets (or, with no value, clears) the tab colour in both twins, quantised as Sheets stores it. */
function setTabColor(extra: JsonObject, key: string, value: Json | undefined): void {
  const given: JsonObject = {};
  if (value !== undefined) given[key] = value;
  mirrorPair(given, "tabColor", "tabColorStyle", quantizeColor);
  delete extra.tabColor;
  delete extra.tabColorStyle;
  if (given.tabColor !== undefined) extra.tabColor = given.tabColor;
  if (given.tabColorStyle !== undefined) extra.tabColorStyle = given.tabColorStyle;
}
const GRID_NUMBERS = ["rowCount", "columnCount", "frozenRowCount", "frozenColumnCount"] as const;
const GRID_FLAGS = ["hideGridlines", "rowGroupControlAfter", "columnGroupControlAfter"] as const;

export function assertTitleFree(ss: SpreadsheetModel, title: string, except?: SheetModel): void {
  if (title.trim() === "") throw badRequest("Sheet names cannot be empty.");
  const other = findSheetByTitle(ss, title);
  if (other && other !== except && other.title.toLowerCase() === title.toLowerCase()) {
    throw badRequest(`A sheet with the name "${title}" already exists. Please enter another name.`);
  }
}

function sheetFor(ss: SpreadsheetModel, properties: JsonObject): SheetModel {
  const sheetId = intField(properties, "sheetId", 0);
  const sheet = findSheetById(ss, sheetId);
  if (!sheet) throw badRequest(`No grid with id: ${sheetId}`);
  return sheet;
}

function checkFrozen(sheet: SheetModel): void {
  const g = sheet.gridProperties;
  if (g.rowCount < 1 || g.columnCount < 1)
    throw badRequest("A sheet must have at least one row and one column.");
  if ((g.frozenRowCount ?? 0) >= g.rowCount)
    throw badRequest("You can't freeze all visible rows on the sheet.");
  if ((g.frozenColumnCount ?? 0) >= g.columnCount) {
    throw badRequest("You can't freeze all visible columns on the sheet.");
  }
}

/** Moves a sheet; like Sheets, a target index counts positions before the move. */
function moveSheet(ss: SpreadsheetModel, sheet: SheetModel, index: number): void {
  const from = ss.sheets.indexOf(sheet);
  ss.sheets.splice(from, 1);
  const to = Math.max(0, Math.min(index > from ? index - 1 : index, ss.sheets.length));
  ss.sheets.splice(to, 0, sheet);
}

const addSheet: RequestHandler = (body, { ss }) => {
  const properties = withoutNulls(objectField(body, "properties", false) ?? {});
  const sheetType = properties.sheetType ?? "GRID";
  if (sheetType !== "GRID")
    throw badRequest(`The emulator only supports GRID sheets, not ${String(sheetType)}.`);
  let sheetId: number;
  if (properties.sheetId !== undefined) {
    sheetId = intField(properties, "sheetId");
    if (findSheetById(ss, sheetId)) throw badRequest(`Sheet with ID ${sheetId} already exists`);
  } else {
    sheetId = randomId((id) => findSheetById(ss, id) !== undefined);
  }
  let title = typeof properties.title === "string" ? properties.title : undefined;
  if (title === undefined) {
    let n = ss.sheets.length + 1;
    while (findSheetByTitle(ss, `Sheet${n}`)) n += 1;
    title = `Sheet${n}`;
  }
  assertTitleFree(ss, title);
  const grid: Partial<GridPropertiesModel> = {};
  const gridJson = isJsonObject(properties.gridProperties) ? properties.gridProperties : {};
  for (const key of GRID_NUMBERS) if (gridJson[key] !== undefined) grid[key] = intField(gridJson, key);
  for (const key of GRID_FLAGS) if (gridJson[key] === true) grid[key] = true;
  const extra: JsonObject = {};
  for (const key of EXTRA_PROPERTIES) {
    const value = properties[key];
    if (value !== undefined && value !== false && !TAB_COLOR_KEYS.includes(key)) extra[key] = value;
  }
  // The style takes precedence when both are given (DISC SheetProperties.tabColorStyle).
  if (properties.tabColor !== undefined) setTabColor(extra, "tabColor", properties.tabColor);
  if (properties.tabColorStyle !== undefined) setTabColor(extra, "tabColorStyle", properties.tabColorStyle);
  const sheet = newSheet(sheetId, title, grid, extra);
  checkFrozen(sheet);
  const index = properties.index === undefined ? ss.sheets.length : intField(properties, "index");
  ss.sheets.splice(Math.min(Math.max(index, 0), ss.sheets.length), 0, sheet);
  if (ss.sheets.every((s) => s.extra.hidden === true))
    throw badRequest("You can't hide all the sheets in a document.");
  return { addSheet: { properties: sheetPropertiesJson(ss, sheet) } };
};

const deleteSheet: RequestHandler = (body, { ss }) => {
  const sheetId = intField(body, "sheetId");
  const sheet = findSheetById(ss, sheetId);
  if (!sheet) throw badRequest(`No sheet with id: ${sheetId}`);
  if (ss.sheets.length === 1) throw badRequest("You can't remove all the sheets in a document.");
  ss.sheets.splice(ss.sheets.indexOf(sheet), 1);
  ss.namedRanges = ss.namedRanges.filter((named) => named.range.sheetId !== sheetId);
  if (ss.sheets.every((s) => s.extra.hidden === true))
    throw badRequest("You can't hide all the sheets in a document.");
  return undefined;
};

function valueAt(source: JsonObject, path: string[]): Json | undefined {
  let node: Json | undefined = source;
  for (const key of path) node = isJsonObject(node) ? node[key] : undefined;
  return node === null ? undefined : node;
}

/** Copies one `fields` path from the request's properties onto the sheet; unset means "reset". */
function applySheetField(
  ss: SpreadsheetModel,
  sheet: SheetModel,
  properties: JsonObject,
  path: string[],
): void {
  const [head, sub] = path;
  const value = valueAt(properties, path);
  if (head === "*") {
    for (const key of ["title", "index", "gridProperties", ...EXTRA_PROPERTIES]) {
      if (properties[key] !== undefined) applySheetField(ss, sheet, properties, [key]);
    }
  } else if (head === "title") {
    if (typeof value !== "string") throw badRequest("title must be a string");
    assertTitleFree(ss, value, sheet);
    sheet.title = value;
  } else if (head === "index") {
    moveSheet(ss, sheet, typeof value === "number" ? value : 0);
  } else if (head === "sheetId" || head === "sheetType") {
    if (head === "sheetType" && value !== undefined && value !== "GRID")
      throw badRequest("sheetType cannot be changed");
  } else if (head === "gridProperties" && sub === undefined) {
    const grid = isJsonObject(value) ? value : {};
    for (const key of [...GRID_NUMBERS, ...GRID_FLAGS]) {
      // A whole-gridProperties update that leaves out the size keeps the size.
      if ((key === "rowCount" || key === "columnCount") && grid[key] === undefined) continue;
      applySheetField(ss, sheet, { gridProperties: grid }, [head, key]);
    }
  } else if (head === "gridProperties") {
    const g = sheet.gridProperties;
    if (sub === "rowCount" || sub === "columnCount") {
      if (typeof value !== "number") throw badRequest(`gridProperties.${sub} must be a number`);
      resizeGrid(
        sheet,
        sub === "rowCount" ? value : g.rowCount,
        sub === "columnCount" ? value : g.columnCount,
      );
    } else if (sub === "frozenRowCount" || sub === "frozenColumnCount") {
      if (typeof value === "number" && value > 0) g[sub] = value;
      else delete g[sub];
    } else if (
      sub === "hideGridlines" ||
      sub === "rowGroupControlAfter" ||
      sub === "columnGroupControlAfter"
    ) {
      if (value === true) g[sub] = true;
      else delete g[sub];
    } else {
      throw badRequest(`Invalid field mask path: gridProperties.${sub ?? ""}`);
    }
  } else if (head !== undefined && TAB_COLOR_KEYS.includes(head)) {
    setTabColor(sheet.extra, head, valueAt(properties, [head]));
  } else if ((EXTRA_PROPERTIES as readonly string[]).includes(head ?? "")) {
    if (value === undefined || value === false) delete sheet.extra[head as string];
    else sheet.extra[head as string] = value;
  } else {
    throw badRequest(`Invalid field mask path: ${path.join(".")}`);
  }
}

const updateSheetProperties: RequestHandler = (body, { ss }) => {
  const properties = withoutNulls(objectField(body, "properties") ?? {});
  const sheet = sheetFor(ss, properties);
  // With both twins named, the style is applied last and so wins, as Sheets documents.
  const paths = fieldPaths(body.fields).sort(
    (a, b) => Number(a[0] === "tabColorStyle") - Number(b[0] === "tabColorStyle"),
  );
  for (const path of paths) applySheetField(ss, sheet, properties, path);
  checkFrozen(sheet);
  if (ss.sheets.every((s) => s.extra.hidden === true))
    throw badRequest("You can't hide all the sheets in a document.");
  return undefined;
};

const updateSpreadsheetProperties: RequestHandler = (body, { ss }) => {
  const properties = withoutNulls(objectField(body, "properties") ?? {});
  for (const [key] of fieldPaths(body.fields)) {
    const value = key === undefined ? undefined : properties[key];
    if (key === "title" || key === "locale" || key === "timeZone" || key === "autoRecalc") {
      if (typeof value !== "string") throw badRequest(`${key} must be a string`);
      ss[key] = value;
    } else if (key !== "defaultFormat" && key !== "spreadsheetTheme" && key !== "*") {
      throw badRequest(`Invalid field mask path: ${key ?? ""}`);
    }
  }
  return undefined;
};

export const SHEET_HANDLERS: Record<string, RequestHandler> = {
  addSheet,
  deleteSheet,
  updateSheetProperties,
  updateSpreadsheetProperties,
};
