import type { sheets_v4 } from "@googleapis/sheets";
import { columnLetter, defaultSettingRows, TAB_NAMES } from "../../sheets-schema";
import { type ProvisionResult, provisionSpreadsheet } from "../provision/provision";
import { quoteTitle } from "../provision/requests";
import { type Cell, type DemoData, generateDemo, type TabRows } from "./generate";

export interface SeedResult {
  readonly provision: ProvisionResult;
  readonly seeded: boolean;
  /** Rows written per tab (0 when skipped). */
  readonly written: Readonly<Record<string, number>>;
  readonly message: string;
}

type Values = unknown[][];

function isFilled(value: unknown): boolean {
  return value !== undefined && value !== null && String(value).trim() !== "";
}

/** Data rows (below the header) holding anything. */
function dataRows(values: Values): number {
  return values.slice(1).filter((row) => row.some(isFilled)).length;
}

/** Generated rows laid out under the sheet's own header row; null cells are skipped by the API. */
function arrange(
  tab: TabRows,
  header: readonly unknown[],
  rows: readonly (readonly Cell[])[],
): (Cell | null)[][] {
  const positions = tab.headers.map((h) => header.findIndex((cell) => String(cell ?? "").trim() === h));
  const width = Math.max(0, ...positions) + 1;
  return rows.map((row) => {
    const line: (Cell | null)[] = new Array(width).fill(null);
    positions.forEach((at, i) => {
      const cell = row[i];
      if (at >= 0 && cell !== undefined && cell !== "") line[at] = cell;
    });
    return line;
  });
}

/** Directory rows whose name (first column) is not on the tab yet: staff's own entries are kept. */
function missingEntries(tab: TabRows, values: Values): readonly (readonly Cell[])[] {
  const header = values[0] ?? [];
  const nameAt = header.findIndex((cell) => String(cell ?? "").trim() === tab.headers[0]);
  const present = new Set(values.slice(1).map((row) => String(row[nameAt] ?? "").trim()));
  return tab.rows.filter((row) => !present.has(String(row[0])));
}

const DEFAULT_SETTINGS = new Map(defaultSettingRows().map(([item, value]) => [item ?? "", value ?? ""]));

/**
 * 设置 值 the demo sets, each only where the 值 cell is blank or still the provisioned default
 * (staff's own values are kept): the demo's 测评权重 weighs 常委会测评.
 */
function settingUpdates(settings: Values, wanted: Readonly<Record<string, string>>) {
  const header = (settings[0] ?? []).map((cell) => String(cell ?? "").trim());
  const item = header.indexOf("项目");
  const value = header.indexOf("值");
  if (item < 0 || value < 0) return [];
  return settings.flatMap((row, r) => {
    const text = wanted[String(row[item] ?? "").trim()];
    const current = String(row[value] ?? "").trim();
    const untouched =
      !isFilled(row[value]) || current === DEFAULT_SETTINGS.get(String(row[item] ?? "").trim());
    if (r === 0 || text === undefined || !untouched) return [];
    return [{ range: `${quoteTitle(TAB_NAMES.settings)}!${columnLetter(value)}${r + 1}`, values: [[text]] }];
  });
}

/**
 * Provisions the sheet (the same code as sheet:init), then writes the demo year with RAW values:
 * only into an empty 建议台账, unless `force`, which first clears 建议台账, the directories and
 * the practice tabs. Dates go in as serial numbers (or the text staff type), into date-formatted
 * columns. 设置 会议期间 is filled in where blank.
 */
export async function seedDemo(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  options: { force?: boolean; data?: DemoData } = {},
): Promise<SeedResult> {
  const provision = await provisionSpreadsheet(api, spreadsheetId);
  const data = options.data ?? generateDemo();
  // Directories first (existing entries kept), then the ledger and the tabs that follow it.
  const tabs = [
    { name: TAB_NAMES.units, rows: data.units, directory: true },
    { name: TAB_NAMES.deputies, rows: data.deputies, directory: true },
    { name: TAB_NAMES.leaders, rows: data.leaders, directory: true },
    { name: TAB_NAMES.ledger, rows: data.ledger, directory: false },
    { name: TAB_NAMES.contacts, rows: data.contacts, directory: false },
    { name: TAB_NAMES.extensions, rows: data.extensions, directory: false },
    { name: TAB_NAMES.coOpinions, rows: data.coOpinions, directory: false },
    { name: TAB_NAMES.opinions, rows: data.opinions, directory: false },
    { name: TAB_NAMES.committee, rows: data.committee, directory: false },
  ];
  const read = await api.spreadsheets.values.batchGet({
    spreadsheetId,
    ranges: [...tabs.map((t) => quoteTitle(t.name)), quoteTitle(TAB_NAMES.settings)],
  });
  const current = tabs.map((_, i) => (read.data.valueRanges?.[i]?.values ?? []) as Values);
  const settings = (read.data.valueRanges?.[tabs.length]?.values ?? []) as Values;
  const ledgerRows = dataRows(current[3] ?? []);
  if (ledgerRows > 0 && !options.force) {
    const message = `建议台账已有 ${ledgerRows} 行数据，未写入演示数据；如需清空重写请加 --force (ledger not empty: nothing written)`;
    return { provision, seeded: false, written: {}, message };
  }
  if (options.force) {
    const ranges = tabs.flatMap((t, i) => {
      const values = current[i] ?? [];
      const width = Math.max(1, ...values.map((row) => row.length));
      return values.length > 1 ? [`${quoteTitle(t.name)}!A2:${columnLetter(width - 1)}${values.length}`] : [];
    });
    if (ranges.length > 0)
      await api.spreadsheets.values.batchClear({ spreadsheetId, requestBody: { ranges } });
  }
  const written: Record<string, number> = {};
  const updates = tabs.map((t, i) => {
    const values = options.force ? (current[i] ?? []).slice(0, 1) : (current[i] ?? []);
    const rows = t.directory ? missingEntries(t.rows, values) : t.rows.rows;
    written[t.name] = rows.length;
    // The ledger is empty by now; every other tab gets the new rows below its last row.
    const startRow = t.name === TAB_NAMES.ledger ? 2 : Math.max(2, values.length + 1);
    return { range: `${quoteTitle(t.name)}!A${startRow}`, values: arrange(t.rows, values[0] ?? [], rows) };
  });
  await api.spreadsheets.values.batchUpdate({
    spreadsheetId,
    requestBody: {
      valueInputOption: "RAW",
      data: [...updates.filter((u) => u.values.length > 0), ...settingUpdates(settings, data.settings)],
    },
  });
  const summary = tabs.map((t) => `${t.name} ${written[t.name] ?? 0} 行`).join("、");
  return { provision, seeded: true, written, message: `已写入演示数据：${summary} (demo data written)` };
}
