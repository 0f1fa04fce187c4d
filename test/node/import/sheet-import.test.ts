import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema";
import { serialFromYmd } from "../../../src/domain/civil-date";
import { planImport } from "../../../tools/import/plan";
import { planLines } from "../../../tools/import/report";
import { readWorkbook, type SourceSheet, type SourceValue } from "../../../tools/import/workbook";
import { writeImport } from "../../../tools/import/write";
import { provisionSpreadsheet } from "../../../tools/provision/provision";
import { headerRow, runCli, startTestSheets, type TestSheets } from "../provision/helpers";
import {
  writeClashingIdsXlsx,
  writeEightDigitDatesXlsx,
  writeLedgerXlsx,
  writeNoCategoryXlsx,
  writeOddIdsXlsx,
  writeWrappedHeadersXlsx,
  writeYearsWorkbook,
} from "./ledger-xlsx";

const LEDGER = TAB_NAMES.ledger;
const CLI_TIMEOUT_MS = 60_000;
let sheets: TestSheets;
let dir: string;
let file: string;

/** The ledger's rows as the sync reads them, by header. */
function ledgerRows(id: string): Record<string, unknown>[] {
  const [header = [], ...rows] = sheets.values(id, `'${LEDGER}'`);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? ""])));
}

async function laidOutSheet(id: string): Promise<void> {
  sheets.emulator.createSpreadsheet({ spreadsheetId: id });
  const session = sheets.session();
  await provisionSpreadsheet(session.api, id);
  // Two rows staff already have: the import must leave them as they are.
  const header = headerRow(sheets, id, LEDGER);
  const row = (values: Record<string, string>) => header.map((h) => values[h] ?? "");
  await session.api.spreadsheets.values.append({
    spreadsheetId: id,
    range: `'${LEDGER}'!A1`,
    valueInputOption: "RAW",
    requestBody: {
      values: [
        row({ 编号: "2025-001", 标题: "去年已录入的建议", 领衔代表: "王建国" }),
        row({ 编号: "2025-002", 标题: "另一条已有的建议", 领衔代表: "李秀英" }),
      ],
    },
  });
}

beforeAll(async () => {
  sheets = await startTestSheets();
  dir = mkdtempSync(path.join(tmpdir(), "jianyi-import-"));
  file = path.join(dir, "台账.xlsx");
  await writeLedgerXlsx(file);
});
afterAll(async () => {
  await sheets.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("sheet:import of an Excel 台账 made by exceljs", () => {
  it("finds the two-row header under a merged title, maps office names onto the contract and keeps the extra columns", async () => {
    const sheetsInFile = await readWorkbook(file);
    const plan = planImport(sheetsInFile[1] as (typeof sheetsInFile)[number]);
    if ("error" in plan) throw new Error(plan.error);
    expect(plan.headerRow).toBe(3);
    expect(plan.columns.map((c) => [c.header, c.target])).toEqual([
      ["序号", null],
      ["建议编号", "编号"],
      ["案由", "标题"],
      ["领衔人", "领衔代表"],
      ["提出时间", "提出日期"],
      ["承办单位", "主办单位"],
      ["交办时间", "交办日期"],
      ["办理情况-答复时间", "答复日期"],
      ["办理情况-答复类别（A/B/C/D）", "答复类别"],
      ["办理情况-满意度", "满意度"],
      ["联系方式-联系人", null],
      ["联系方式-电话", null],
    ]);
    expect(plan.rows.map((r) => r.sourceRow)).toEqual([4, 5, 6, 8]);
  });

  it(
    "appends every row after the existing ones with one append, converts dates, keeps text RAW and reports the bad row",
    async () => {
      await laidOutSheet("imp");
      const session = sheets.session();
      const sheetsInFile = await readWorkbook(file);
      const plan = planImport(sheetsInFile[1] as (typeof sheetsInFile)[number]);
      if ("error" in plan) throw new Error(plan.error);

      const outcome = await writeImport(session.api, "imp", plan);

      expect(outcome.appended).toBe(3);
      expect(outcome.alreadyThere).toEqual([{ sourceRow: 8, why: "编号 2025-001 已在建议台账中" }]);
      expect(outcome.newColumns).toEqual(["序号", "联系方式-联系人", "联系方式-电话"]);
      expect(session.counts).toMatchObject({ reads: 2, writes: 2 });

      const rows = ledgerRows("imp");
      expect(rows.map((r) => r.编号)).toEqual(["2025-001", "2025-002", "2026-001", "2026-002", ""]);
      expect(rows[0]?.标题).toBe("去年已录入的建议");
      const [first, second, bad] = rows.slice(2);
      expect(first).toMatchObject({
        标题: "关于加强校园周边交通安全的建议",
        领衔代表: "王建国",
        提出日期: serialFromYmd(2026, 1, 15),
        主办单位: "区教育局",
        交办日期: serialFromYmd(2026, 1, 20),
        答复日期: serialFromYmd(2026, 4, 10),
        答复类别: "A",
        满意度: "满意",
        序号: 1,
        "联系方式-联系人": "张三",
        "联系方式-电话": "13800000000",
      });
      expect(second).toMatchObject({
        标题: '=HYPERLINK("http://x")关于老旧小区加装电梯的建议',
        提出日期: serialFromYmd(2026, 3, 2),
        交办日期: serialFromYmd(2026, 3, 5),
      });
      expect(bad).toMatchObject({
        标题: "关于修缮村道的建议",
        提出日期: "三月初",
        交办日期: "2026.13.1",
        答复类别: "E",
      });
      expect(plan.problems.map((p) => [p.row, p.column, p.value])).toEqual([
        [6, "提出时间", "三月初"],
        [6, "交办时间", "2026.13.1"],
        [6, "办理情况-答复类别（A/B/C/D）", "E"],
      ]);
      expect(plan.problems[0]?.why).toContain("不是可识别的日期");
      expect(plan.problems[1]?.why).toContain("不存在");
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "imports nothing twice when run again, and writes nothing",
    async () => {
      const session = sheets.session();
      const sheetsInFile = await readWorkbook(file);
      const plan = planImport(sheetsInFile[1] as (typeof sheetsInFile)[number]);
      if ("error" in plan) throw new Error(plan.error);
      const outcome = await writeImport(session.api, "imp", plan);
      expect(outcome.appended).toBe(0);
      expect(outcome.alreadyThere.map((a) => a.sourceRow)).toEqual([4, 5, 6, 8]);
      expect(session.counts.writes).toBe(0);
      expect(ledgerRows("imp")).toHaveLength(5);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "takes the first visible ledger of a workbook of years, names the others and the hidden template, and leaves out the 合计 and 填表人 lines",
    async () => {
      const years = path.join(dir, "历年台账.xlsx");
      await writeYearsWorkbook(years);
      const dry = await runCli("tools/sheet-import.ts", [years, "--dry-run"], sheets);

      expect(dry.code).toBe(0);
      const out = dry.stdout;
      expect(out).toContain("工作表“2025年台账”，表头在第 2 行，数据 4 行");
      expect(out).toContain(
        "文件里还有工作表 “2024年台账” 也像台账：这次没有导入，请逐个用 --sheet <工作表名> 导入",
      );
      expect(out).toContain("隐藏的工作表 “模板” 没有导入（如需要，请用 --sheet 指定）");
      expect(out).toContain("第 7 行“合计”像是合计行，不导入");
      expect(out).toContain(
        "第 8 行“填表人：张三　　审核人：李四　　填表日期：2025年12月3…”像是说明或签名行，不导入",
      );
      expect(out).toContain(
        "文件中没有“提出日期”列：各行没有提出日期，同步后每行都会报“提出日期未填写”的错误",
      );
      expect(out).toContain("文件中没有“审查结果”列：各行都按“待审查”处理，不计入办理统计");
      expect(out).toContain("编号“2025-003”在文件中出现 2 次（第 5、6 行）：都会导入，同步后会报编号重复");
      expect(out).toContain("Excel 中隐藏的列也导入了：辅助列");

      const older = await runCli(
        "tools/sheet-import.ts",
        [years, "--sheet", "2024年台账", "--dry-run"],
        sheets,
      );
      expect(older.stdout).toContain("工作表“2024年台账”，表头在第 1 行，数据 1 行");
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "the CLI reports in Chinese; --dry-run reads only the file",
    async () => {
      await laidOutSheet("cli-import");
      const mark = sheets.mark();
      const dry = await runCli(
        "tools/sheet-import.ts",
        [file, "--spreadsheet", "cli-import", "--dry-run"],
        sheets,
      );
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain("工作表“2026年台账”，表头在第 3 行，数据 4 行");
      expect(dry.stdout).toContain("案由 → 标题（同义表头）");
      expect(dry.stdout).toContain("第 6 行 “提出时间” 值“三月初”：");
      expect(sheets.emulator.requests(mark)).toEqual([]);

      const run = await runCli("tools/sheet-import.ts", [file, "--spreadsheet", "cli-import"], sheets);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("第 8 行未重复导入：编号 2025-001 已在建议台账中");
      expect(run.stdout).toContain("已追加 3 行到建议台账");
      expect(run.stdout).toContain("API 调用：读取 2 次，写入 2 次");

      // No --spreadsheet and no SPREADSHEET_ID: said before any report, which would read as if
      // the import were under way.
      const noTarget = await runCli("tools/sheet-import.ts", [file], sheets);
      expect(noTarget.code).toBe(2);
      expect(noTarget.stderr).toContain("请用 --spreadsheet <id> 指定表格，或设置 SPREADSHEET_ID");
      expect(noTarget.stdout).toBe("");

      // A path with no file is said to be missing, not an old .xls to save again (files-that-are-no-xlsx).
      const nope = path.join(dir, "nope.xls");
      const missing = await runCli("tools/sheet-import.ts", [nope], sheets);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toBe(`找不到文件 ${nope}：请核对路径\n`);
    },
    CLI_TIMEOUT_MS,
  );
});

describe("sheet:import of what offices type into their 台账", () => {
  it(
    "shows a header typed with a line break (Alt+Enter) on one line of the report, and maps it as if typed without",
    async () => {
      const wrapped = path.join(dir, "换行表头.xlsx");
      await writeWrappedHeadersXlsx(wrapped);
      await laidOutSheet("wrapped");

      const run = await runCli("tools/sheet-import.ts", [wrapped, "--spreadsheet", "wrapped"], sheets);

      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const lines = run.stdout.split("\n");
      expect(lines).toEqual(
        expect.arrayContaining([
          "  建议 编号 → 编号（同义表头）",
          "  提出 时间 → 提出日期（同义表头）",
          "  主办 单位 → 主办单位",
          "  联系 电话 → 附加列“联系 电话”（追加在台账表头之后，原样保留）",
          "  办理 期限：“办理期限”由系统每次同步时计算，不导入",
          "新增附加列：联系 电话",
        ]),
      );
      expect(lines.filter((l) => l.startsWith("  第 2 行 “提出 时间” 值“三月初”："))).toHaveLength(1);
      // No entry spills its second half onto a line of its own.
      expect(lines.filter((l) => /^(编号|时间|单位|期限|电话)/.test(l))).toEqual([]);

      const [row] = ledgerRows("wrapped").filter((r) => r.编号 === "2024-101");
      expect(row).toMatchObject({
        标题: "关于增设路灯的建议",
        领衔代表: "周芳",
        提出日期: "三月初",
        主办单位: "区城管局",
        办理期限: "",
        "联系\n电话": "13800000000",
      });
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "reads eight digits (20240305, as a number or as text) as that date in every date column, and names the ones that are no day",
    async () => {
      const eight = path.join(dir, "八位日期.xlsx");
      await writeEightDigitDatesXlsx(eight);
      await laidOutSheet("eight");
      const [sheet] = await readWorkbook(eight);
      const plan = planImport(sheet as NonNullable<typeof sheet>);
      if ("error" in plan) throw new Error(plan.error);

      const report = planLines(plan);
      expect(report).toContain("有 3 处没能按该列要求读懂（所在行照常导入，值按原样写入或留空）：");
      const problems = report.filter((l) => l.startsWith("  第 "));
      expect(problems).toHaveLength(3);
      expect(problems[0]).toMatch(/^ {2}第 3 行 “提出日期” 值“20240230”：.*20240230.*2024 年 2 月 30 日/);
      expect(problems[1]).toMatch(/^ {2}第 3 行 “交办日期” 值“20241301”：.*20241301.*2024 年 13 月 1 日/);
      expect(problems[2]).toMatch(/^ {2}第 3 行 “答复日期” 值“12345678”：数字“12345678”不是日期/);

      await writeImport(sheets.session().api, "eight", plan);
      const [good, bad] = ledgerRows("eight").filter((r) => String(r.编号).startsWith("2024-2"));
      expect(good).toMatchObject({
        提出日期: serialFromYmd(2024, 3, 5),
        交办日期: serialFromYmd(2024, 3, 10),
        答复日期: serialFromYmd(2024, 5, 20),
      });
      expect(bad).toMatchObject({ 提出日期: "20240230", 交办日期: "20241301", 答复日期: "12345678" });
    },
    CLI_TIMEOUT_MS,
  );
});

describe("sheet:import of a 台账 that needs a person before the sync", () => {
  it(
    "does not take a row whose 编号 is another suggestion in the ledger for one already imported: names it and ends the report with it",
    async () => {
      const clash = path.join(dir, "编号冲突.xlsx");
      await writeClashingIdsXlsx(clash);
      await laidOutSheet("clash");

      const run = await runCli("tools/sheet-import.ts", [clash, "--spreadsheet", "clash"], sheets);

      expect(run.stderr).toBe("");
      // The other rows are in; the exit code says a person still has to act.
      expect(run.code).toBe(1);
      const lines = run.stdout.trim().split("\n");
      expect(lines).toContain("  第 2 行未重复导入：编号 2025-001 已在建议台账中");
      expect(lines).toContain(
        "  第 3 行没有导入：编号 2025-002 在建议台账中已是另一条建议（《另一条已有的建议》，领衔代表 李秀英），请核对后改用新编号或清空编号再导入",
      );
      expect(lines.filter((l) => l.includes("第 3 行未重复导入"))).toEqual([]);
      const summary = lines.slice(lines.findIndex((l) => l.startsWith("已追加")));
      expect(summary[0]).toMatch(/^已追加 1 行到建议台账/);
      expect(summary[1]).toBe(
        "还有 1 行因编号与台账中另一条建议相同而没有导入（见上）：请逐条核对，改好编号后再运行一次导入（已导入的行不会重复导入）",
      );
      expect(ledgerRows("clash").map((r) => [r.编号, r.标题])).toEqual([
        ["2025-001", "去年已录入的建议"],
        ["2025-002", "另一条已有的建议"],
        ["2026-301", "关于整治河道的建议"],
      ]);
    },
    CLI_TIMEOUT_MS,
  );

  it("warns when a file with 立案 rows has no 类别 column, and does not end with 所有单元格都已读懂", async () => {
    const noCategory = path.join(dir, "没有类别.xlsx");
    await writeNoCategoryXlsx(noCategory);
    const [sheet] = await readWorkbook(noCategory);
    const plan = planImport(sheet as NonNullable<typeof sheet>);
    if ("error" in plan) throw new Error(plan.error);

    const report = planLines(plan);

    expect(report).toContain(
      "文件中没有“类别”列，而有 2 行审查结果为立案：同步后每行都会报“审查结果为立案，类别必填”的错误；请在表格中补上类别（从『设置』的类别中选）",
    );
    expect(report).toContain(
      "文件中没有“答复类别”列，而有 1 行已有答复日期：同步后每行都会报“答复类别必填”的错误，不计入办理统计；请在表格中补上答复类别（A、B、C 或 D）",
    );
    expect(
      report.filter((l) => /主办单位|交办日期|并入编号|答复内容/.test(l) && l.startsWith("文件中没有")),
    ).toEqual([]);
    // The replied row is history: practice reminders would ask for a 办前联系 no one recorded.
    expect(
      report.some((l) =>
        l.startsWith("文件中有 1 行已答复或已交办多日：请在首次同步前，在『设置』中把“启用日期”填为"),
      ),
    ).toBe(true);
    expect(report).not.toContain("所有单元格都已读懂。");
    expect(report.at(-1)).toBe("单元格都已读懂，但上面有 3 条提示需要处理。");
  });

  it("keeps 所有单元格都已读懂 for a file the sync reads row by row, and asks no 类别 of rows not 立案", () => {
    const grid = (rows: SourceValue[][]): SourceSheet => ({
      name: "台账",
      rows: rows.map((row) => row.map((value) => ({ value, merged: false }))),
    });
    const header = ["编号", "标题", "领衔代表", "提出日期", "审查结果"];
    const complete = planImport(
      grid([
        [...header, "类别"],
        ["2026-501", "关于增设路灯的建议", "周芳", "2026-01-05", "立案", "城乡建设"],
      ]),
    );
    const rejected = planImport(
      grid([header, ["2026-502", "关于建设体育公园的建议", "吴刚", "2026-01-07", "不予立案"]]),
    );
    if ("error" in complete || "error" in rejected) throw new Error("no plan");
    expect(planLines(complete).at(-1)).toBe("所有单元格都已读懂。");
    expect(planLines(rejected).at(-1)).toBe("所有单元格都已读懂。");
  });

  it("names 编号 that are running numbers only (7, 012) and makes up no year for them", async () => {
    const odd = path.join(dir, "序号编号.xlsx");
    await writeOddIdsXlsx(odd);
    const [sheet] = await readWorkbook(odd);
    const plan = planImport(sheet as NonNullable<typeof sheet>);
    if ("error" in plan) throw new Error(plan.error);

    const report = planLines(plan);

    expect(report).toContain(
      "编号 7（第 2 行）、012（第 4 行）只有序号，没有年份：导入后请核对，或清空编号由系统按编号格式重新编号",
    );
    expect(report.at(-1)).toBe("单元格都已读懂，但上面有 1 条提示需要处理。");
    expect(plan.rows.map((r) => r.values.get("编号"))).toEqual(["7", "2025-001", "012", "2026001"]);
  });

  it(
    "writes a full-width 编号 (２０２５－００１) in ASCII, so the suggestion the ledger holds is not imported twice",
    async () => {
      const odd = path.join(dir, "全角编号.xlsx");
      await writeOddIdsXlsx(odd);
      await laidOutSheet("odd");
      const [sheet] = await readWorkbook(odd);
      const plan = planImport(sheet as NonNullable<typeof sheet>);
      if ("error" in plan) throw new Error(plan.error);

      const outcome = await writeImport(sheets.session().api, "odd", plan);

      expect(outcome.alreadyThere).toEqual([{ sourceRow: 3, why: "编号 2025-001 已在建议台账中" }]);
      expect(ledgerRows("odd").map((r) => r.编号)).toEqual(["2025-001", "2025-002", "7", "012", "2026001"]);
    },
    CLI_TIMEOUT_MS,
  );
});
