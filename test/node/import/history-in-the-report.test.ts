/**
 * What a year-old county sheet brings into jianyi on its first sync, as the import's report tells
 * staff before it: the 逾期催办 for rows long past their 办理期限, the 启用日期 to set, hidden rows,
 * reply classes typed into the reply, dates without a year and 编号 like 2025001.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ImportPlan, planWorkbook } from "../../../tools/import/plan";
import { planLines } from "../../../tools/import/report";
import { readWorkbook } from "../../../tools/import/workbook";
import { runCli, startTestSheets, type TestSheets } from "../provision/helpers";
import { writeCountyYearXlsx, writeYearsWorkbook } from "./ledger-xlsx";

const TODAY = "2026-03-01";
const CLI_TIMEOUT_MS = 60_000;
let dir: string;
let county: string;
let years: string;

async function planOf(file: string): Promise<ImportPlan> {
  const plan = planWorkbook(await readWorkbook(file), undefined, { today: TODAY });
  if ("error" in plan) throw new Error(plan.error);
  return plan;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "jianyi-import-history-"));
  county = path.join(dir, "2025年建议.xlsx");
  years = path.join(dir, "历年台账.xlsx");
  await writeCountyYearXlsx(county);
  await writeYearsWorkbook(years);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sheet:import of a year-old 台账 tells staff what the first sync will do with it", () => {
  it("counts the 立案 rows long past their 办理期限 with no reply, and says how to hold the 逾期催办 back", async () => {
    const report = planLines(await planOf(county));

    expect(report).toContain(
      "约 8 行已过办理期限（交办日期起三个月，办理时限为六个月的按六个月）而没有答复日期：首次同步后会给这些建议的主办单位发出逾期催办，之后按逾期催办间隔天数重复。如这些是往年已办完的建议，请先在 Excel 中补上答复日期和答复类别再导入；或在首次同步前，在『通知模板』中把“逾期催办”的 启用 改为“否”（没有这一行就添加一行：模板 填“逾期催办”，启用 填“否”；见 docs/deploy.md 第 5 节），补齐答复日期后再改回“是”",
    );
    expect(report).not.toContain("所有单元格都已读懂。");
  });

  it(
    "counts them in the CLI's report too, against the day it runs",
    async () => {
      const sheets: TestSheets = await startTestSheets();
      try {
        const dry = await runCli("tools/sheet-import.ts", [county, "--dry-run"], sheets);
        expect(dry.code).toBe(0);
        // Row 10 (交办 2026-02-01) is past its 办理期限 too from 2026-05-02 on: every run of this test.
        expect(dry.stdout).toContain("约 9 行已过办理期限");
      } finally {
        await sheets.close();
      }
    },
    CLI_TIMEOUT_MS,
  );

  it("asks for 启用日期 when the rows are replied or long assigned", async () => {
    const report = planLines(await planOf(county));

    expect(report).toContain(
      "文件中有 13 行已答复或已交办多日：请在首次同步前，在『设置』中把“启用日期”填为开始在本系统记录沟通记录和协办意见的第一天，如 2026-03-01。交办日期早于这一天的建议不检查办前联系和协办意见，不发沟通提醒、协办提醒；不填，这些往年的建议都会在校验问题中报“答复前未记录办前联系”，而当时的联系已无法补录",
    );
  });

  it("with no 审查结果 and no 类别 column, says what a row needs once staff fill in 立案 as advised", async () => {
    const report = planLines(await planOf(years));

    const advice = report.findIndex((l) => l.startsWith("文件中没有“审查结果”列："));
    expect(report[advice]).toContain("如这些建议都已立案，请在表格中把审查结果填为“立案”");
    expect(report[advice + 1]).toBe(
      "文件中没有“类别”列：如按上面的提示把审查结果填为“立案”，同步后每行都会报“审查结果为立案，类别必填”的错误；请在表格中补上类别（从『设置』的类别中选）",
    );
    // Filled in as advised, the four rows of 2025 are overdue: said before the first sync, not after.
    expect(report.some((l) => l.startsWith("如按上面的提示把审查结果填为“立案”，约 4 行已过办理期限"))).toBe(
      true,
    );
  });

  it("names the rows Excel hides, as it names hidden columns", async () => {
    const report = planLines(await planOf(county));

    expect(report).toContain(
      "第 13、15 行在 Excel 中是隐藏的，也导入了（在表格中不会隐藏）：请核对，如是已撤回的建议，请在审查结果中填“撤回”；如是已并案的，请填“并案”并填写并入编号",
    );
  });

  it("takes the 答复类别 from a reply that opens with it, keeps the reply as typed and asks only of the rest", async () => {
    const plan = await planOf(county);
    const report = planLines(plan);

    expect(report).toContain(
      "文件中没有“答复类别”列：3 行的“办理结果”以 A类、B类、C类 或 D类 开头，导入时把这个类别写入“答复类别”，“办理结果”原样写入“答复内容”：导入后请核对",
    );
    expect(report).toContain(
      "文件中没有“答复类别”列，而有 1 行已有答复日期，答复内容开头又没有写明类别：同步后每行都会报“答复类别必填”的错误，不计入办理统计；请在表格中补上答复类别（A、B、C 或 D）",
    );
    const replied = plan.rows.filter((r) => r.values.has("答复日期"));
    expect(replied.map((r) => [r.values.get("答复类别") ?? "", r.values.get("答复内容")])).toEqual([
      ["A", "A类（已解决）"],
      ["B", "B类，正在解决"],
      ["C", "C类 因条件限制，暂时无法解决"],
      ["", "已按要求办理"],
    ]);
  });

  it("names dates without a year once per column, with the count and the first ten rows", async () => {
    const report = planLines(await planOf(county));

    expect(report).toContain("有 12 处没能按该列要求读懂（所在行照常导入，值按原样写入或留空）：");
    expect(report.filter((l) => l.includes("提出日期"))).toEqual([
      "  提出日期 → 提出日期",
      "  “提出日期” 有 12 处只有月日、没有年份（第 2、3、4、5、6、7、8、9、10、11 行等，如“1月5日”）：请在 Excel 中补上年份（写成 2026-03-02 这样）后再导入；导入时按原样写入",
    ]);
  });

  it("asks for the 编号格式 {年}{序号:3} before the first sync when the 编号 are 2025001 …", async () => {
    const report = planLines(await planOf(county));

    expect(report).toContain(
      "编号多为年份加序号的纯数字（如 2025001、2025002，共 14 个），与『设置』中编号格式的默认值“{年}-{序号:3}”不同：请在首次同步前把『设置』的编号格式改为“{年}{序号:3}”，系统给新建议编的号才会接着这些编号往下编（不改，系统按默认格式给新建议编出的是“2025-”开头带横线的号，与 2025001 这些编号不是一种写法）",
    );
  });
});
