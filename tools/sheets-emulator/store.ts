import { randomBytes } from "node:crypto";
import { randomId } from "./batch-types";
import { ownerContext } from "./context";
import { ApiError, badRequest, notFound, permissionDenied } from "./errors";
import { DEFAULT_COLUMN_COUNT, DEFAULT_ROW_COUNT, ensureGrid, newSheet, updateCell } from "./grid";
import type { ValueInputOption } from "./input-parse";
import { findSheetById, findSheetByTitle } from "./ranges";
import { applyCellMask } from "./requests-cells";
import type { Json, SheetModel, SpreadsheetModel } from "./types";
import { isJsonObject } from "./types";
import { writeBlock } from "./values-write";

export interface SeedSheet {
  title?: string;
  sheetId?: number;
  rowCount?: number;
  columnCount?: number;
  /** Values written from A1 (RAW unless the spreadsheet's valueInputOption says otherwise). */
  rows?: Json[][];
}

export interface SeedSpreadsheet {
  spreadsheetId?: string;
  title?: string;
  locale?: string;
  timeZone?: string;
  sheets?: SeedSheet[];
  valueInputOption?: ValueInputOption;
}

/** Google spreadsheet ids are 44 URL-safe characters. */
function newSpreadsheetId(): string {
  return randomBytes(33).toString("base64url");
}

/** All spreadsheets by id. */
export class Store {
  readonly spreadsheets = new Map<string, SpreadsheetModel>();

  /** The spreadsheet an API call names: 404 if there is none, 403 if it is not shared with the caller. */
  get(spreadsheetId: string): SpreadsheetModel {
    const ss = this.spreadsheets.get(spreadsheetId);
    if (!ss) throw notFound();
    if (ss.private) throw permissionDenied();
    return ss;
  }

  replace(ss: SpreadsheetModel): void {
    this.spreadsheets.set(ss.spreadsheetId, ss);
  }

  delete(spreadsheetId: string): boolean {
    return this.spreadsheets.delete(spreadsheetId);
  }

  clear(): void {
    this.spreadsheets.clear();
  }

  create(seed: SeedSpreadsheet): SpreadsheetModel {
    const spreadsheetId = seed.spreadsheetId ?? newSpreadsheetId();
    if (this.spreadsheets.has(spreadsheetId)) {
      throw new ApiError(409, `A spreadsheet with id ${spreadsheetId} already exists.`);
    }
    const ss: SpreadsheetModel = {
      spreadsheetId,
      title: seed.title ?? "Untitled spreadsheet",
      locale: seed.locale ?? "en_US",
      timeZone: seed.timeZone ?? "Etc/GMT",
      autoRecalc: "ON_CHANGE",
      sheets: [],
      namedRanges: [],
      private: false,
    };
    const seeds = seed.sheets && seed.sheets.length > 0 ? seed.sheets : [{ title: "Sheet1" }];
    seeds.forEach((s, i) => {
      // The first sheet of a new spreadsheet is sheetId 0 (§1.4-1); later ones get random ids.
      const sheetId = s.sheetId ?? (i === 0 ? 0 : randomId((id) => findSheetById(ss, id) !== undefined));
      if (findSheetById(ss, sheetId)) throw badRequest(`Sheet with ID ${sheetId} already exists`);
      const title = s.title ?? `Sheet${i + 1}`;
      if (findSheetByTitle(ss, title)) {
        throw badRequest(`A sheet with the name "${title}" already exists. Please enter another name.`);
      }
      const sheet = newSheet(sheetId, title, {
        rowCount: s.rowCount ?? DEFAULT_ROW_COUNT,
        columnCount: s.columnCount ?? DEFAULT_COLUMN_COUNT,
      });
      ss.sheets.push(sheet);
      if (s.rows && s.rows.length > 0) seedRows(ss, sheet, s.rows, seed.valueInputOption ?? "RAW");
    });
    this.spreadsheets.set(spreadsheetId, ss);
    return ss;
  }
}

function seedRows(ss: SpreadsheetModel, sheet: SheetModel, rows: Json[][], option: ValueInputOption): void {
  ensureGrid(sheet, rows.length, Math.max(0, ...rows.map((r) => r.length)));
  writeBlock(ss, sheet, 0, 0, rows, option, ownerContext(Date.now()));
}

/**
 * Turns a spreadsheets.create body (a Spreadsheet resource) into a seed, then applies any
 * sheets[].data[].rowData the caller included.
 */
export function createFromResource(store: Store, body: unknown): SpreadsheetModel {
  const resource = isJsonObject(body) ? body : {};
  const properties = isJsonObject(resource.properties) ? resource.properties : {};
  const sheetsJson = Array.isArray(resource.sheets) ? resource.sheets : [];
  const seed: SeedSpreadsheet = { sheets: [] };
  if (typeof properties.title === "string") seed.title = properties.title;
  if (typeof properties.locale === "string") seed.locale = properties.locale;
  if (typeof properties.timeZone === "string") seed.timeZone = properties.timeZone;
  for (const sheetJson of sheetsJson) {
    const p = isJsonObject(sheetJson) && isJsonObject(sheetJson.properties) ? sheetJson.properties : {};
    const grid = isJsonObject(p.gridProperties) ? p.gridProperties : {};
    const s: SeedSheet = {};
    if (typeof p.title === "string") s.title = p.title;
    if (typeof p.sheetId === "number") s.sheetId = p.sheetId;
    if (typeof grid.rowCount === "number") s.rowCount = grid.rowCount;
    if (typeof grid.columnCount === "number") s.columnCount = grid.columnCount;
    seed.sheets?.push(s);
  }
  const ss = store.create(seed);
  sheetsJson.forEach((sheetJson, i) => {
    const sheet = ss.sheets[i];
    const data = isJsonObject(sheetJson) && Array.isArray(sheetJson.data) ? sheetJson.data : [];
    if (!sheet) return;
    for (const grid of data) {
      if (!isJsonObject(grid) || !Array.isArray(grid.rowData)) continue;
      const r0 = typeof grid.startRow === "number" ? grid.startRow : 0;
      const c0 = typeof grid.startColumn === "number" ? grid.startColumn : 0;
      const all = new Map([["*", true as const]]);
      grid.rowData.forEach((row, i) => {
        const values = isJsonObject(row) && Array.isArray(row.values) ? row.values : [];
        ensureGrid(sheet, r0 + i + 1, c0 + values.length);
        values.forEach((value, j) => {
          if (!isJsonObject(value)) return;
          updateCell(sheet, r0 + i, c0 + j, (cell) => applyCellMask(cell, value, all));
        });
      });
    }
  });
  return ss;
}
