/**
 * 建议台账 lost and no version left: the office downloads 导出台账（CSV） from the dashboard (served
 * from D1's last read while the sync holds), saves it as .xlsx in Excel or WPS and imports it. The
 * import brings the staff values back, leaves the export's computed columns to the sync, and gives
 * none of the first-import advice, which is about an office new to jianyi.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerTab, TAB_NAMES } from "../../../sheets-schema";
import { serialFromYmd } from "../../../src/domain/civil-date";
import { LEDGER_EXPORT_HEADER } from "../../../src/domain/dashboard/ledger-export";
import { type ImportPlan, planWorkbook } from "../../../tools/import/plan";
import { planLines } from "../../../tools/import/report";
import { readWorkbook } from "../../../tools/import/workbook";
import { provisionSpreadsheet } from "../../../tools/provision/provision";
import { headerRow, runCli, startTestSheets, type TestSheets } from "../provision/helpers";

const LEDGER = TAB_NAMES.ledger;
const TODAY = "2026-11-20";
const CLI_TIMEOUT_MS = 60_000;
const ROWS = 12;
const RESTORE_NOTE =
  "这是本系统导出的台账：按恢复处理，系统计算的列（办理期限、台账状态、剩余天数、首轮办理期限、首轮期限说明、二次办理期限、二次期限说明、校验问题）不导入，下次同步时重新计算";
let dir: string;
let file: string;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * /exports/ledger.csv as Excel saves it as .xlsx: the staff columns, then the computed ones. Excel
 * reads the CSV's YYYY-MM-DD text as dates. Ten 立案 rows assigned in January with no reply (past
 * their 办理期限 today), two replied; 编号 as an office numbering {年}{序号:3} has them.
 */
async function writeOwnExportXlsx(target: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("建议台账-2026-11-20");
  ws.addRow([...LEDGER_EXPORT_HEADER]);
  for (let i = 1; i <= ROWS; i++) {
    const replied = i > 10;
    const values: Record<string, unknown> = {
      编号: `2026${String(i).padStart(3, "0")}`,
      标题: `关于第 ${i} 件事的建议`,
      领衔代表: "王建国",
      类别: "城乡建设",
      提出日期: day("2026-01-03"),
      审查结果: "立案",
      主办单位: "区住建局",
      交办日期: day("2026-01-05"),
      ...(replied ? { 答复日期: day("2026-03-20"), 答复类别: "A", 答复内容: "已解决" } : {}),
      办理期限: day("2026-04-07"),
      台账状态: replied ? "已答复" : "已逾期",
      剩余天数: replied ? "" : -227,
      首轮办理期限: day("2026-04-07"),
      首轮期限说明: "交办日期 2026-01-05 起三个月，落在休息日顺延",
      二次办理期限: "",
      二次期限说明: "",
      校验问题: "",
    };
    ws.addRow(LEDGER_EXPORT_HEADER.map((h) => values[h] ?? ""));
  }
  await workbook.xlsx.writeFile(target);
}

async function planOf(target: string): Promise<ImportPlan> {
  const plan = planWorkbook(await readWorkbook(target), undefined, { today: TODAY });
  if ("error" in plan) throw new Error(plan.error);
  return plan;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "jianyi-import-own-export-"));
  file = path.join(dir, "台账.xlsx");
  await writeOwnExportXlsx(file);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sheet:import of the ledger jianyi exported", () => {
  it("says it restores the system's own export, adds none of the computed columns and gives no first-import advice", async () => {
    const plan = await planOf(file);
    const report = planLines(plan);

    expect(report).toContain(RESTORE_NOTE);
    // Every staff column goes where it came from; none is an extra column.
    expect(plan.columns.filter((c) => c.target === null).map((c) => c.header)).toEqual([]);
    expect(plan.columns.every((c) => c.target === c.header)).toBe(true);
    expect(report).toContain("  剩余天数：“剩余天数”是导出时计算的列，不导入");
    expect(report.join("\n")).not.toContain("附加列“剩余天数”");
    // Said of an office new to jianyi: its first sync chasing old rows, 启用日期, 编号格式.
    expect(report.join("\n")).not.toContain("已过办理期限");
    expect(report.join("\n")).not.toContain("启用日期");
    expect(report.join("\n")).not.toContain("编号格式");
    expect(report).toContain("所有单元格都已读懂。");
  });

  it(
    "brings every staff value back into an emptied 建议台账 without adding a column",
    async () => {
      const sheets: TestSheets = await startTestSheets();
      try {
        sheets.emulator.createSpreadsheet({ spreadsheetId: "restored" });
        await provisionSpreadsheet(sheets.session().api, "restored");
        const header = headerRow(sheets, "restored", LEDGER);

        const run = await runCli("tools/sheet-import.ts", [file, "--spreadsheet", "restored"], sheets);

        expect(run.stderr).toBe("");
        expect(run.code).toBe(0);
        expect(run.stdout).toContain(RESTORE_NOTE);
        expect(run.stdout).not.toContain("新增附加列");
        expect(run.stdout).toContain(`已追加 ${ROWS} 行到建议台账`);
        const [after = [], ...rows] = sheets.values("restored", `'${LEDGER}'`);
        expect(after.map(String)).toEqual(header);
        const at = (h: string) => after.indexOf(h);
        expect(rows).toHaveLength(ROWS);
        expect(rows[0]?.[at("编号")]).toBe("2026001");
        expect(rows[0]?.[at("交办日期")]).toBe(serialFromYmd(2026, 1, 5));
        expect(rows[11]?.[at("答复类别")]).toBe("A");
        expect(after).toHaveLength(ledgerTab.columns.length);
      } finally {
        await sheets.close();
      }
    },
    CLI_TIMEOUT_MS,
  );
});
