import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { sheets_v4 } from "@googleapis/sheets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema";
import { planImport } from "../../../tools/import/plan";
import { readWorkbook } from "../../../tools/import/workbook";
import { writeImport } from "../../../tools/import/write";
import { provisionSpreadsheet, reportLines } from "../../../tools/provision/provision";
import { headerRow, runCli, startTestSheets, type TestSheets } from "../provision/helpers";
import { writeLedgerXlsx } from "./ledger-xlsx";

const LEDGER = TAB_NAMES.ledger;
const CLI_TIMEOUT_MS = 60_000;
const DATE_FORMAT = { type: "DATE", pattern: "yyyy-mm-dd" };
let sheets: TestSheets;
let dir: string;
let file: string;

/** `sheet:init` on an empty spreadsheet, as docs/deploy.md §4 has it: a ledger of its header alone. */
async function freshSheet(id: string): Promise<void> {
  sheets.emulator.createSpreadsheet({ spreadsheetId: id });
  await provisionSpreadsheet(sheets.session().api, id);
}

async function plannedImport() {
  const [, sheet] = await readWorkbook(file);
  const plan = planImport(sheet as NonNullable<typeof sheet>);
  if ("error" in plan) throw new Error(plan.error);
  return plan;
}

/** Ledger rows 2… as the sheet shows them: each cell's shown text, number format and validation. */
function shownRows(id: string, count: number): Record<string, sheets_v4.Schema$CellData>[] {
  const header = headerRow(sheets, id, LEDGER);
  const grid = sheets.resource(id, [`'${LEDGER}'!A2:AZ${count + 1}`]);
  const rowData = grid.sheets?.[0]?.data?.[0]?.rowData ?? [];
  return Array.from({ length: count }, (_, r) =>
    Object.fromEntries(header.map((h, c) => [h, rowData[r]?.values?.[c] ?? {}])),
  );
}

/** What `sheet:init --check` (and `npm run doctor`) says of the sheet. */
async function checkLines(id: string): Promise<string[]> {
  const result = await provisionSpreadsheet(sheets.session().api, id, { check: true });
  return reportLines(result, true);
}

beforeAll(async () => {
  sheets = await startTestSheets();
  dir = mkdtempSync(path.join(tmpdir(), "jianyi-first-import-"));
  file = path.join(dir, "台账.xlsx");
  await writeLedgerXlsx(file);
});
afterAll(async () => {
  await sheets.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("sheet:import into the empty ledger of a sheet sheet:init just laid out", () => {
  it(
    "shows the imported dates as 2026-01-15 with the dropdowns of the rows below, and sheet:init --check finds nothing",
    async () => {
      await freshSheet("fresh");
      const session = sheets.session();

      const outcome = await writeImport(session.api, "fresh", await plannedImport());

      expect(outcome.appended).toBe(4);
      expect(session.counts).toMatchObject({ reads: 2, writes: 2 });
      // Rows 2–5 imported; row 6 is a row sheet:init formatted that nothing was written to.
      const [first, second, bad, last, untouched] = shownRows("fresh", 5);
      expect(first?.提出日期?.formattedValue).toBe("2026-01-15");
      expect(first?.交办日期?.formattedValue).toBe("2026-01-20");
      expect(second?.提出日期?.formattedValue).toBe("2026-03-02");
      expect(last?.提出日期?.formattedValue).toBe("2025-05-06");
      expect(bad?.提出日期?.formattedValue).toBe("三月初");
      for (const row of [first, second, bad, last]) {
        // 办理期限 is the sync's: it must show its date too, not 46178.
        for (const h of ["提出日期", "交办日期", "办理期限"])
          expect(row?.[h]?.userEnteredFormat?.numberFormat).toEqual(DATE_FORMAT);
        expect(row?.编号?.userEnteredFormat?.textFormat?.bold).not.toBe(true);
        expect(row?.答复类别?.dataValidation).toBeDefined();
        expect(row?.答复类别?.dataValidation).toEqual(untouched?.答复类别?.dataValidation);
        expect(row?.提出日期?.dataValidation).toEqual(untouched?.提出日期?.dataValidation);
      }
      expect(await checkLines("fresh")).toEqual([
        "表格与模板一致，无需更改 (no changes: the sheet matches the schema)",
      ]);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "gives rows beyond the grid sheet:init made the same date format and dropdowns, in the same one batchUpdate",
    async () => {
      await freshSheet("short");
      const session = sheets.session();
      const meta = await session.api.spreadsheets.get({ spreadsheetId: "short" });
      const sheetId = meta.data.sheets?.find((s) => s.properties?.title === LEDGER)?.properties?.sheetId;
      // A ledger grid of the header and two formatted rows: the import of four rows outgrows it.
      await session.api.spreadsheets.batchUpdate({
        spreadsheetId: "short",
        requestBody: {
          requests: [{ deleteDimension: { range: { sheetId, dimension: "ROWS", startIndex: 3 } } }],
        },
      });
      const importing = sheets.session();

      await writeImport(importing.api, "short", await plannedImport());

      expect(importing.counts).toMatchObject({ reads: 2, writes: 2 });
      const rows = shownRows("short", 4);
      expect(rows.map((r) => r.提出日期?.formattedValue)).toEqual([
        "2026-01-15",
        "2026-03-02",
        "三月初",
        "2025-05-06",
      ]);
      for (const row of rows) {
        expect(row.交办日期?.userEnteredFormat?.numberFormat).toEqual(DATE_FORMAT);
        expect(row.答复类别?.dataValidation).toEqual(rows[0]?.答复类别?.dataValidation);
      }
      expect(rows[0]?.答复类别?.dataValidation).toBeDefined();
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "run again, says the rows are already in the ledger and that their unreadable values were not written again",
    async () => {
      await freshSheet("again");
      const first = await runCli("tools/sheet-import.ts", [file, "--spreadsheet", "again"], sheets);
      expect(first.code).toBe(0);
      expect(first.stdout).toContain("已追加 4 行到建议台账");

      const mark = sheets.mark();
      const again = await runCli("tools/sheet-import.ts", [file, "--spreadsheet", "again"], sheets);

      expect(again.stderr).toBe("");
      expect(again.code).toBe(0);
      expect(sheets.writesSince(mark)).toBe(0);
      const lines = again.stdout.trim().split("\n");
      // Listed before the ledger is read: it says what an import does, not that it was done.
      expect(lines.filter((l) => l.includes("已按原样写入"))).toEqual([]);
      expect(lines.find((l) => l.startsWith("  第 6 行 “提出时间” 值“三月初”："))).toMatch(
        /导入时按原样写入$/,
      );
      expect(lines).toContain(
        "  第 6 行未重复导入：建议台账中已有标题、领衔代表和提出日期都相同的一行；上面列出的该行 3 处没读懂的值也没有写入",
      );
      expect(lines).toContain("  第 4 行未重复导入：编号 2026-001 已在建议台账中");
      expect(lines).not.toContain("没有需要追加的行。");
      expect(lines.at(-2)).toBe("文件中的 4 行都已在建议台账中（见上），这次没有再写入，建议台账未改动。");
      expect(lines.at(-1)).toMatch(/^API 调用：读取 2 次，写入 0 次/);
    },
    CLI_TIMEOUT_MS,
  );
});
