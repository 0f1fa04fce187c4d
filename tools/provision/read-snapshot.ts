import type { sheets_v4 } from "@googleapis/sheets";
import { ALL_TABS, TAB_NAMES } from "../../sheets-schema";
import { quoteTitle } from "./requests";
import { buildSnapshot, type SpreadsheetSnapshot } from "./snapshot";

const META_FIELDS =
  "sheets(properties(sheetId,title,gridProperties(rowCount,columnCount,frozenRowCount))," +
  "protectedRanges(protectedRangeId,range,description,warningOnly),conditionalFormats)";
const GRID_FIELDS =
  "sheets(properties(sheetId),data(startRow,rowData(values(formattedValue,userEnteredValue," +
  "userEnteredFormat(textFormat(bold),backgroundColor,numberFormat),dataValidation))))";
/** Tabs whose rows provisioning reads: it appends the default rows they lack. */
const VALUE_TABS: readonly string[] = [TAB_NAMES.settings, TAB_NAMES.templates];

/**
 * Three reads, whatever the size of the sheet: the tab list with protections and conditional
 * formats; rows 1–2 of the schema's tabs (header text and format, a sample data row's validation
 * and formats); the values of 设置 and 通知模板. The last two run in parallel.
 */
export async function readSnapshot(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
): Promise<SpreadsheetSnapshot> {
  const meta = (await api.spreadsheets.get({ spreadsheetId, fields: META_FIELDS })).data;
  const known = new Set(ALL_TABS.map((tab) => tab.name));
  const titles = (meta.sheets ?? [])
    .map((sheet) => sheet.properties?.title ?? "")
    .filter((title) => known.has(title));
  const valueTitles = titles.filter((title) => VALUE_TABS.includes(title));
  const [grid, values] = await Promise.all([
    titles.length === 0
      ? null
      : api.spreadsheets
          .get({
            spreadsheetId,
            includeGridData: true,
            ranges: titles.map((title) => `${quoteTitle(title)}!1:2`),
            fields: GRID_FIELDS,
          })
          .then((response) => response.data),
    valueTitles.length === 0
      ? null
      : api.spreadsheets.values
          .batchGet({ spreadsheetId, ranges: valueTitles.map(quoteTitle) })
          .then((response) => response.data),
  ]);
  const byTitle = new Map<string, unknown[][]>();
  valueTitles.forEach((title, i) => {
    byTitle.set(title, (values?.valueRanges?.[i]?.values ?? []) as unknown[][]);
  });
  return buildSnapshot(meta, grid, byTitle);
}
