/**
 * Writes an import plan into the shared sheet's 建议台账 with a constant number of calls, whatever
 * the number of rows: two reads (the tab's grid size; its values), at most one batchUpdate (new
 * extra-column headers and columns to hold them; rows to hold a first import larger than the grid),
 * one values.append (RAW) for every row. Rows are only ever appended after the table, never over an
 * existing row; a row whose 编号 (or, without 编号, whose 标题 + 领衔代表 + 提出日期) is already in the
 * ledger is not imported again. A row whose 编号 the ledger gives to another suggestion (another 标题
 * or 领衔代表) is not imported either, and is reported as a conflict a person must settle.
 */
import type { sheets_v4 } from "@googleapis/sheets";
import { columnLetter, ledgerTab, matchHeaders, TAB_NAMES } from "../../sheets-schema";
import { quoteTitle } from "../provision/requests";
import type { LedgerValue } from "./cells";
import type { ImportPlan, PlannedRow } from "./plan";

export interface AlreadyThere {
  readonly sourceRow: number;
  readonly why: string;
  /**
   * Cells of the row the report listed as unreadable (“导入时按原样写入”): with the row left out,
   * none of them was written, and the report says so.
   */
  readonly unreadCells?: number;
}

export interface WriteOutcome {
  readonly appended: number;
  /** The A1 range the rows landed in, as Google reports it. */
  readonly updatedRange: string | null;
  readonly newColumns: readonly string[];
  readonly alreadyThere: readonly AlreadyThere[];
  /** Rows not imported because their 编号 is another suggestion's in the ledger. */
  readonly conflicts: readonly AlreadyThere[];
}

export interface LedgerMatch {
  /** The rows already in the ledger: not imported again. */
  readonly alreadyThere: AlreadyThere[];
  /** The rows whose 编号 the ledger gives to another suggestion: not imported, a person decides. */
  readonly conflicts: AlreadyThere[];
}

const LEDGER = TAB_NAMES.ledger;

function keyOf(values: ReadonlyMap<string, unknown>): string | null {
  const parts = ["标题", "领衔代表", "提出日期"].map((h) => String(values.get(h) ?? "").trim());
  return parts[0] ? parts.join("|") : null;
}

function rowMap(header: readonly string[], row: readonly unknown[]): Map<string, unknown> {
  return new Map(header.map((h, i) => [h, row[i] ?? ""]));
}

/** 标题 and 领衔代表 of a row: what tells one suggestion from another under the same 编号. */
interface Identity {
  readonly title: string;
  readonly lead: string;
}

/** Compared without spaces: a title re-typed with another space is the same suggestion. */
const squeezed = (value: unknown) => String(value ?? "").replace(/\s+/g, "");

function identityOf(values: ReadonlyMap<string, unknown>): Identity {
  return { title: squeezed(values.get("标题")), lead: squeezed(values.get("领衔代表")) };
}

/** A field blank on either side tells nothing (a file without 领衔代表), so only filled ones differ. */
const differs = (a: string, b: string) => a !== "" && b !== "" && a !== b;
const sameSuggestion = (a: Identity, b: Identity) => !differs(a.title, b.title) && !differs(a.lead, b.lead);

const shortTitle = (title: string) => (title.length > 30 ? `${title.slice(0, 30)}…` : title);

function describeOther(values: ReadonlyMap<string, unknown>): string {
  const title = String(values.get("标题") ?? "").trim();
  const lead = String(values.get("领衔代表") ?? "").trim();
  return [title ? `《${shortTitle(title)}》` : "", lead ? `领衔代表 ${lead}` : ""].filter(Boolean).join("，");
}

/** What of `plan` is already in the ledger, and what collides with it (`rows` includes the header row). */
export function findAlreadyThere(plan: ImportPlan, rows: readonly (readonly unknown[])[]): LedgerMatch {
  const header = (rows[0] ?? []).map((h) => String(h ?? "").trim());
  const byId = new Map<string, Map<string, unknown>[]>();
  const keys = new Set<string>();
  for (const row of rows.slice(1)) {
    const values = rowMap(header, row);
    const id = String(values.get("编号") ?? "").trim();
    if (id) byId.set(id, [...(byId.get(id) ?? []), values]);
    const key = keyOf(values);
    if (key) keys.add(key);
  }
  const alreadyThere: AlreadyThere[] = [];
  const conflicts: AlreadyThere[] = [];
  for (const row of plan.rows) {
    const id = String(row.values.get("编号") ?? "").trim();
    const inLedger = id ? byId.get(id) : undefined;
    if (inLedger) {
      const own = identityOf(row.values);
      if (inLedger.some((values) => sameSuggestion(own, identityOf(values)))) {
        alreadyThere.push({ sourceRow: row.sourceRow, why: `编号 ${id} 已在建议台账中` });
      } else {
        const other = describeOther(inLedger[0] as Map<string, unknown>);
        conflicts.push({
          sourceRow: row.sourceRow,
          why: `编号 ${id} 在建议台账中已是另一条建议${other ? `（${other}）` : ""}，请核对后改用新编号或清空编号再导入`,
        });
      }
    } else if (!id && keys.has(keyOf(row.values) ?? "\u0000")) {
      alreadyThere.push({
        sourceRow: row.sourceRow,
        why: "建议台账中已有标题、领衔代表和提出日期都相同的一行",
      });
    }
  }
  return { alreadyThere, conflicts };
}

/** Rows left out, each with how many of its cells the plan's report listed as unreadable. */
function withUnreadCells(plan: ImportPlan, left: readonly AlreadyThere[]): AlreadyThere[] {
  const unread = new Map<number, number>();
  for (const p of plan.problems) unread.set(p.row, (unread.get(p.row) ?? 0) + 1);
  return left.map((a) => {
    const unreadCells = unread.get(a.sourceRow) ?? 0;
    return unreadCells > 0 ? { ...a, unreadCells } : a;
  });
}

const isBlankRow = (row: readonly unknown[]) => row.every((cell) => String(cell ?? "") === "");

/** Header cells for new extra columns, and grid columns for them when the grid is too narrow. */
function columnRequests(
  sheetId: number,
  columnCount: number,
  width: number,
  lastHeader: number,
  newColumns: readonly string[],
): sheets_v4.Schema$Request[] {
  if (newColumns.length === 0) return [];
  const missing = width - columnCount;
  return [
    ...(missing > 0 ? [{ appendDimension: { sheetId, dimension: "COLUMNS", length: missing } }] : []),
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: lastHeader + 1 },
        rows: [{ values: newColumns.map((h) => ({ userEnteredValue: { stringValue: h } })) }],
        fields: "userEnteredValue",
      },
    },
  ];
}

/**
 * For a first import larger than the grid `sheet:init` formatted: the rows it lacks, given the
 * formats and dropdowns of row 2, so no imported row shows a bare serial. Google documents nothing
 * of what rows appendDimension adds look like, hence the explicit paste; PASTE_FORMAT and
 * PASTE_DATA_VALIDATION both, as the Sheets docs name formats and validation as separate pastes.
 */
function rowRequests(
  sheetId: number,
  rowCount: number,
  needed: number,
  width: number,
): sheets_v4.Schema$Request[] {
  if (needed <= rowCount) return [];
  const grow: sheets_v4.Schema$Request = {
    appendDimension: { sheetId, dimension: "ROWS", length: needed - rowCount },
  };
  // A grid of the header row alone has no formatted row to copy.
  if (rowCount < 2) return [grow];
  const source = { sheetId, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: width };
  const destination = { ...source, startRowIndex: rowCount, endRowIndex: needed };
  const paste = (pasteType: string): sheets_v4.Schema$Request => ({
    copyPaste: { source, destination, pasteType },
  });
  return [grow, paste("PASTE_FORMAT"), paste("PASTE_DATA_VALIDATION")];
}

function line(row: PlannedRow, positions: ReadonlyMap<string, number>, width: number): LedgerValue[] {
  const cells: LedgerValue[] = Array.from({ length: width }, () => "");
  for (const [header, value] of row.values) {
    const at = positions.get(header);
    if (at !== undefined) cells[at] = value;
  }
  return cells;
}

export async function writeImport(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  plan: ImportPlan,
): Promise<WriteOutcome> {
  const meta = await api.spreadsheets.get({
    spreadsheetId,
    fields: "sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)))",
  });
  const tab = meta.data.sheets?.find((s) => s.properties?.title === LEDGER)?.properties;
  if (!tab)
    throw new Error(
      `表格里没有“${LEDGER}”工作表：请先运行 npm run sheet:init -- --spreadsheet ${spreadsheetId}`,
    );
  const read = await api.spreadsheets.values.get({
    spreadsheetId,
    range: quoteTitle(LEDGER),
    valueRenderOption: "UNFORMATTED_VALUE",
    dateTimeRenderOption: "SERIAL_NUMBER",
  });
  const rows = (read.data.values ?? []) as unknown[][];
  const match = matchHeaders(ledgerTab, rows[0] ?? []);
  if (!match.ok) {
    const why = match.problems.map((p) => p.message).join("；");
    throw new Error(
      `“${LEDGER}”的表头不完整（${why}）：请先运行 npm run sheet:init -- --spreadsheet ${spreadsheetId}`,
    );
  }
  const header = (rows[0] ?? []).map((h) => String(h ?? "").trim());
  const positions = new Map<string, number>();
  header.forEach((h, i) => {
    if (h && !positions.has(h)) positions.set(h, i);
  });
  const extras = plan.columns.filter((c) => c.target === null).map((c) => c.header);
  const newColumns = extras.filter((h) => !positions.has(h));
  const lastHeader = header.reduce((last, h, i) => (h ? i : last), -1);
  for (const [i, h] of newColumns.entries()) positions.set(h, lastHeader + 1 + i);
  const width = Math.max(lastHeader + 1 + newColumns.length, header.length);

  const found = findAlreadyThere(plan, rows);
  const alreadyThere = withUnreadCells(plan, found.alreadyThere);
  const conflicts = withUnreadCells(plan, found.conflicts);
  const skip = new Set([...alreadyThere, ...conflicts].map((a) => a.sourceRow));
  const lines = plan.rows.filter((r) => !skip.has(r.sourceRow)).map((r) => line(r, positions, width));
  if (lines.length === 0) return { appended: 0, updatedRange: null, newColumns: [], alreadyThere, conflicts };

  // A ledger of its header alone (a fresh sheet): rows inserted under the header would take its
  // bold and no date format or dropdowns, and push the rows `sheet:init` formatted down. The rows
  // fill those formatted rows instead (OVERWRITE: nothing is under the header to overwrite), as the
  // sync's appendRowsOnce does; later imports insert rows under rows that already look right.
  const fresh = rows.slice(1).every(isBlankRow);
  const sheetId = tab.sheetId ?? 0;
  const grid = tab.gridProperties ?? {};
  const requests = [
    ...columnRequests(sheetId, grid.columnCount ?? 0, width, lastHeader, newColumns),
    ...(fresh ? rowRequests(sheetId, grid.rowCount ?? 0, 1 + lines.length, width) : []),
  ];
  if (requests.length > 0) await api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } });
  const appended = await api.spreadsheets.values.append({
    spreadsheetId,
    range: `${quoteTitle(LEDGER)}!A1:${columnLetter(width - 1)}1`,
    valueInputOption: "RAW",
    insertDataOption: fresh ? "OVERWRITE" : "INSERT_ROWS",
    requestBody: { values: lines },
  });
  return {
    appended: lines.length,
    updatedRange: appended.data.updates?.updatedRange ?? null,
    newColumns,
    alreadyThere,
    conflicts,
  };
}
