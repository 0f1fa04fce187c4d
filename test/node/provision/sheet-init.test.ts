import type { sheets_v4 } from "@googleapis/sheets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ALL_TABS,
  columnLetter,
  DEFAULT_NOTICE_TEMPLATES,
  offeredSettingDefs,
  TAB_NAMES,
} from "../../../sheets-schema";
import { provisionSpreadsheet } from "../../../tools/provision/provision";
import { headerRow, startTestSheets, type TestSheets } from "./helpers";

const ID = "fresh";
const ledger = ALL_TABS.find((t) => t.name === TAB_NAMES.ledger);
const letterOf = (header: string) =>
  columnLetter(ledger?.columns.findIndex((c) => c.header === header) ?? -1);

function sheetOf(resource: sheets_v4.Schema$Spreadsheet, title: string): sheets_v4.Schema$Sheet {
  const sheet = resource.sheets?.find((s) => s.properties?.title === title);
  if (!sheet) throw new Error(`no tab ${title}`);
  return sheet;
}

function cell(sheet: sheets_v4.Schema$Sheet, row: number, column: number): sheets_v4.Schema$CellData {
  return sheet.data?.[0]?.rowData?.[row]?.values?.[column] ?? {};
}

describe("sheet:init on a new spreadsheet", () => {
  let sheets: TestSheets;
  let firstRun: { reads: number; writes: number };

  beforeAll(async () => {
    sheets = await startTestSheets();
    sheets.emulator.createSpreadsheet({ spreadsheetId: ID, title: "台账" });
    const session = sheets.session();
    await provisionSpreadsheet(session.api, ID);
    firstRun = { reads: session.counts.reads, writes: session.counts.writes };
  });
  afterAll(async () => {
    await sheets.close();
  });

  it("adds every tab of the spec with its headers, keeping the spreadsheet's own first tab", () => {
    const titles = sheets.emulator.spreadsheetResource(ID).sheets;
    expect((titles as { properties: { title: string } }[]).map((s) => s.properties.title)).toEqual([
      "Sheet1",
      ...ALL_TABS.map((t) => t.name),
    ]);
    for (const tab of ALL_TABS) {
      expect(headerRow(sheets, ID, tab.name)).toEqual(tab.columns.map((c) => c.header));
    }
  });

  it("freezes and bolds every header row", () => {
    const resource = sheets.resource(
      ID,
      ALL_TABS.map((t) => `'${t.name}'!1:1`),
    );
    for (const tab of ALL_TABS) {
      const sheet = sheetOf(resource, tab.name);
      expect(sheet.properties?.gridProperties?.frozenRowCount).toBe(1);
      tab.columns.forEach((_, i) => {
        expect(cell(sheet, 0, i).userEnteredFormat?.textFormat?.bold).toBe(true);
      });
    }
  });

  it("puts dropdowns on the data rows: lists, references to 承办单位 and 代表; none on name lists or dates", () => {
    const sheet = sheetOf(sheets.resource(ID, [`'${TAB_NAMES.ledger}'!1:2`]), TAB_NAMES.ledger);
    const rule = (header: string) =>
      cell(sheet, 1, ledger?.columns.findIndex((c) => c.header === header) ?? -1).dataValidation;
    expect(rule("审查结果")?.condition?.values?.map((v) => v.userEnteredValue)).toEqual([
      "立案",
      "不予立案",
      "并案",
      "退回修改",
      "撤回",
    ]);
    expect(rule("审查结果")?.strict).toBe(true);
    expect(rule("主办单位")?.condition).toEqual({
      type: "ONE_OF_RANGE",
      values: [{ userEnteredValue: "='承办单位'!$A$2:$A" }],
    });
    expect(rule("领衔代表")?.condition?.values?.[0]?.userEnteredValue).toBe("='代表'!$A$2:$A");
    expect(rule("主办单位")?.strict).toBe(true);
    // Sheets checks a whole cell: 区工信局、区自然资源局 fails a reference, 2026.3.2 fails a date check.
    expect(rule("协办单位")).toBeUndefined();
    expect(rule("附议代表")).toBeUndefined();
    expect(rule("类别")?.condition?.values?.map((v) => v.userEnteredValue)).toContain("教育医疗");
    expect(rule("提出日期")).toBeUndefined();
    expect(rule("答复日期")).toBeUndefined();
    expect(rule("台账状态")).toBeUndefined();
  });

  it("greys and protects (warning only) the system columns, and protects the system tabs whole", () => {
    const resource = sheets.resource(ID, [`'${TAB_NAMES.ledger}'!1:2`]);
    const sheet = sheetOf(resource, TAB_NAMES.ledger);
    const system = ["办理期限", "台账状态", "校验问题", "最近通知"];
    const protectedColumns = (sheet.protectedRanges ?? []).map((pr) => {
      expect(pr.warningOnly).toBe(true);
      return columnLetter(pr.range?.startColumnIndex ?? -1);
    });
    expect(protectedColumns.sort()).toEqual(system.map(letterOf).sort());
    for (const header of system) {
      const index = ledger?.columns.findIndex((c) => c.header === header) ?? -1;
      expect(cell(sheet, 1, index).userEnteredFormat?.backgroundColor).toMatchObject({ red: 0.9372549 });
    }
    const all = sheets.emulator.spreadsheetResource(ID) as sheets_v4.Schema$Spreadsheet;
    for (const title of [TAB_NAMES.noticeLog, TAB_NAMES.problems, TAB_NAMES.statistics]) {
      const ranges = sheetOf(all, title).protectedRanges ?? [];
      expect(ranges).toHaveLength(1);
      expect(ranges[0]?.warningOnly).toBe(true);
      expect(ranges[0]?.range?.startColumnIndex).toBeUndefined();
    }
  });

  it("colours 已逾期 red and 即将到期 amber in 台账状态, and formats date columns yyyy-mm-dd", () => {
    const sheet = sheetOf(sheets.resource(ID, [`'${TAB_NAMES.ledger}'!1:2`]), TAB_NAMES.ledger);
    const status = ledger?.columns.findIndex((c) => c.header === "台账状态");
    const rules = (sheet.conditionalFormats ?? []).map((r) => ({
      text: r.booleanRule?.condition?.values?.[0]?.userEnteredValue,
      column: r.ranges?.[0]?.startColumnIndex,
      red: r.booleanRule?.format?.backgroundColor?.red,
    }));
    expect(rules).toEqual(
      expect.arrayContaining([
        { text: "已逾期", column: status, red: expect.any(Number) },
        { text: "即将到期", column: status, red: 1 },
      ]),
    );
    for (const header of ["提出日期", "交办日期", "答复日期", "办理期限"]) {
      const index = ledger?.columns.findIndex((c) => c.header === header) ?? -1;
      expect(cell(sheet, 1, index).userEnteredFormat?.numberFormat).toEqual({
        type: "DATE",
        pattern: "yyyy-mm-dd",
      });
    }
  });

  it("writes the default 设置 rows and one 通知模板 row per notice type", () => {
    const settings = sheets.values(ID, `'${TAB_NAMES.settings}'`);
    expect(settings.slice(1).map((row) => row[0])).toEqual(offeredSettingDefs.map((d) => d.item));
    expect(settings.find((row) => row[0] === "即将到期天数")?.[1]).toBe("15");
    const templates = sheets.values(ID, `'${TAB_NAMES.templates}'`);
    expect(templates.slice(1).map((row) => row[0])).toEqual(DEFAULT_NOTICE_TEMPLATES.map((t) => t.type));
  });

  it("needs one read and one batchUpdate the first time, and only three reads the second time", async () => {
    expect(firstRun).toEqual({ reads: 1, writes: 1 });
    const mark = sheets.mark();
    const session = sheets.session();
    const again = await provisionSpreadsheet(session.api, ID);
    expect(again.plan.changes).toEqual([]);
    expect(again.applied).toBe(false);
    expect(sheets.writesSince(mark)).toBe(0);
    expect(session.counts).toEqual({ reads: 3, writes: 0, tokens: 1 });
  });
});
