import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planImport } from "../../../tools/import/plan";
import { planLines } from "../../../tools/import/report";
import { readWorkbook } from "../../../tools/import/workbook";
import { writeIdsMadeDatesXlsx } from "./ledger-xlsx";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "jianyi-date-id-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("sheet:import of a 编号 Excel turned into a date", () => {
  it("names the row whose 编号 cell was a date in Excel and asks for the 编号 typed as text", async () => {
    const file = path.join(dir, "编号成了日期.xlsx");
    await writeIdsMadeDatesXlsx(file);
    const [sheet] = await readWorkbook(file);
    const plan = planImport(sheet as NonNullable<typeof sheet>);
    if ("error" in plan) throw new Error(plan.error);

    const report = planLines(plan);

    expect(report).toContain(
      "编号 2026-12-01（第 2 行）在 Excel 中是日期单元格，多半是输入的编号被 Excel 自动转成了日期：请在 Excel 中把这些单元格设为“文本”格式，重新输入编号后再导入；已导入的，请在表格中改正编号",
    );
    expect(report.filter((l) => l.includes("2026-013"))).toEqual([]);
    expect(report.at(-1)).toBe("单元格都已读懂，但上面有 1 条提示需要处理。");
  });
});
