/**
 * Rows an AutoFilter (Excel's 筛选) filters out are hidden in the .xlsx as rows a person hid are.
 * The import's report names them apart: filtered rows are a note, not the hidden rows' request to
 * check each one for 撤回 or 并案.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ImportPlan, planWorkbook } from "../../../tools/import/plan";
import { planLines } from "../../../tools/import/report";
import { readWorkbook } from "../../../tools/import/workbook";

let dir: string;

/**
 * A 2026 ledger of 8 suggestions (sheet rows 2–9). With `filter`, a 筛选 over rows 1–7 of 主办单位
 * shows only 区教育局's: rows 3 and 5 are filtered out. Row 9, below the filter's range, was hidden
 * by a person.
 */
async function ledgerFile(name: string, filter: boolean): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("2026年台账");
  ws.addRow(["编号", "标题", "领衔代表", "提出日期", "主办单位"]);
  for (let n = 1; n <= 8; n++)
    ws.addRow([
      `2026-${String(n).padStart(3, "0")}`,
      `关于第 ${n} 件事的建议`,
      "周芳",
      "2026-01-08",
      n === 2 || n === 4 ? "区交通运输局" : "区教育局",
    ]);
  if (filter) ws.autoFilter = "A1:E7";
  for (const r of filter ? [3, 5, 9] : [9]) ws.getRow(r).hidden = true;
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

async function reportOf(file: string): Promise<string[]> {
  const plan = planWorkbook(await readWorkbook(file), undefined, { today: "2026-03-01" });
  if ("error" in plan) throw new Error(plan.error);
  return planLines(plan as ImportPlan);
}

const HIDDEN_9 =
  "第 9 行在 Excel 中是隐藏的，也导入了（在表格中不会隐藏）：请核对，如是已撤回的建议，请在审查结果中填“撤回”；如是已并案的，请填“并案”并填写并入编号";

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "jianyi-import-filter-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sheet:import of a sheet with a 筛选 (AutoFilter)", () => {
  it("says the rows the filter hides apart, and names only the row a person hid as hidden", async () => {
    const report = await reportOf(await ledgerFile("filtered.xlsx", true));

    expect(report).toContain("工作表设置了筛选，第 3、5 行被筛选隐藏，也已导入（在表格中不会隐藏）");
    expect(report).toContain(HIDDEN_9);
    expect(report.filter((l) => l.includes("在 Excel 中是隐藏的"))).toEqual([HIDDEN_9]);
  });

  it("says nothing of a filter when the sheet has none", async () => {
    const report = await reportOf(await ledgerFile("plain.xlsx", false));

    expect(report).toContain(HIDDEN_9);
    expect(report.some((l) => l.includes("筛选"))).toBe(false);
  });
});
