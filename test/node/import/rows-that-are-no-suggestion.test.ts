import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema";
import { planImport } from "../../../tools/import/plan";
import { planLines } from "../../../tools/import/report";
import { readWorkbook } from "../../../tools/import/workbook";
import { provisionSpreadsheet } from "../../../tools/provision/provision";
import { runCli, startTestSheets, type TestSheets } from "../provision/helpers";
import { writeCountyLedgerXlsx, writeNotesUnderIdsXlsx } from "./ledger-xlsx";

const LEDGER = TAB_NAMES.ledger;
const CLI_TIMEOUT_MS = 90_000;
let sheets: TestSheets;
let dir: string;
let county: string;

/** The ledger's rows as the sync reads them, by header. */
function ledgerRows(id: string): Record<string, unknown>[] {
  const [header = [], ...rows] = sheets.values(id, `'${LEDGER}'`);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? ""])));
}

beforeAll(async () => {
  sheets = await startTestSheets();
  dir = mkdtempSync(path.join(tmpdir(), "jianyi-no-suggestion-"));
  county = path.join(dir, "县台账.xlsx");
  await writeCountyLedgerXlsx(county);
});
afterAll(async () => {
  await sheets.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("sheet:import of the lines under a county 台账 that are no suggestion", () => {
  it(
    "--dry-run names every total, note and empty numbered row with its row and why, and counts only the suggestions",
    async () => {
      const dry = await runCli("tools/sheet-import.ts", [county, "--dry-run"], sheets);

      expect(dry.stderr).toBe("");
      expect(dry.code).toBe(0);
      const lines = dry.stdout.trim().split("\n");
      expect(lines[0]).toBe("工作表“台账”，表头在第 1 行，数据 3 行");
      expect(lines).toEqual(
        expect.arrayContaining([
          "第 5 行“4”只有序号，没有编号、标题和领衔代表，像是预先编好序号的空行，不导入",
          "第 6 行“5”只有序号，没有编号、标题和领衔代表，像是预先编好序号的空行，不导入",
          "第 7 行“合　计”像是合计行，不导入",
          "第 8 行“合计”像是合计行，不导入",
          "第 9 行“共2件”标题只是件数，像是合计行，不导入",
          "第 10 行“注：答复类别A为所提问题已经解决或基本解决，B为正在解决或列…”像是说明或签名行，不导入",
          "第 11 行“制表单位：区人大常委会代表工委”像是说明或签名行，不导入",
          "第 12 行“填 表 人 : 张三”像是说明或签名行，不导入",
        ]),
      );
      expect(lines.at(-1)).toMatch(
        /^试运行（--dry-run）：没有连接表格，没有写入。文件中有 3 行数据（另有 8 行不导入，见上）/,
      );
      // A dry run imported nothing: no line says it did.
      expect(dry.stdout).not.toContain("已照常导入");
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "imports only the three suggestions, and a second run appends nothing",
    async () => {
      sheets.emulator.createSpreadsheet({ spreadsheetId: "county" });
      await provisionSpreadsheet(sheets.session().api, "county");

      const first = await runCli("tools/sheet-import.ts", [county, "--spreadsheet", "county"], sheets);
      expect(first.stderr).toBe("");
      expect(first.code).toBe(0);
      expect(first.stdout).toContain("已追加 3 行到建议台账");
      const imported = ledgerRows("county").filter((r) => Object.values(r).some((v) => v !== ""));
      expect(imported.map((r) => [r.编号, r.标题, r.领衔代表])).toEqual([
        ["2026-001", "关于加强校园周边交通安全的建议", "王建国"],
        ["", "关于修缮村道的建议", "赵六"],
        ["", "", "周芳"],
      ]);

      const again = await runCli("tools/sheet-import.ts", [county, "--spreadsheet", "county"], sheets);
      expect(again.stderr).toBe("");
      expect(again.code).toBe(0);
      expect(again.stdout).not.toContain("已追加");
      expect(again.stdout).toContain(
        "文件中的 3 行都已在建议台账中（见上），这次没有再写入，建议台账未改动。",
      );
      expect(ledgerRows("county").filter((r) => Object.values(r).some((v) => v !== ""))).toHaveLength(3);
    },
    CLI_TIMEOUT_MS,
  );

  it("takes a total or a note typed into the 编号 column, spaced or with a half-width colon, for no suggestion", async () => {
    const notes = path.join(dir, "编号列说明.xlsx");
    await writeNotesUnderIdsXlsx(notes);
    const [sheet] = await readWorkbook(notes);
    const plan = planImport(sheet as NonNullable<typeof sheet>);
    if ("error" in plan) throw new Error(plan.error);

    expect(plan.rows.map((r) => r.values.get("编号"))).toEqual(["2026-011"]);
    expect(planLines(plan)).toEqual(
      expect.arrayContaining([
        "第 3 行“合 计”像是合计行，不导入",
        "第 4 行“说 明: 本表由代表工委每月更新”像是说明或签名行，不导入",
        "第 5 行“制表：区人大常委会代表工委”像是说明或签名行，不导入",
      ]),
    );
    expect(plan.problems).toEqual([]);
  });
});
