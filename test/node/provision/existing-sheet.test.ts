import type { sheets_v4 } from "@googleapis/sheets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerTab, offeredSettingDefs, TAB_NAMES } from "../../../sheets-schema";
import { provisionSpreadsheet } from "../../../tools/provision/provision";
import { headerRow, startTestSheets, type TestSheets } from "./helpers";

const ID = "staff";

/** A ledger staff rearranged: own order, an extra column 联系电话, a few system headers missing. */
const LEDGER = [
  ["标题", "编号", "联系电话", "领衔代表", "主办单位", "类别", "提出日期", "审查结果"],
  ["关于修缮东杨村灌溉渠道的建议", "2026-001", "13800000001", "李娜", "区水利局", "农业", 46030, "立案"],
  ["关于增设红旗路公交站点的建议", "2026-002", "", "周芳", "区交通运输局", "民生", "2026/1/9", ""],
  ["", "", "备忘：待补材料", "", "", "", "", ""],
];
const UNITS = [
  ["联系人", "单位名称", "手机"],
  ["张三", "区水利局", "13900000000"],
  ["李四", "区交通运输局", ""],
];
/** 设置 with its columns swapped and custom categories. */
const SETTINGS = [
  ["值", "项目"],
  ["农业,民生,其他", "类别"],
  ["Asia/Shanghai", "时区"],
];

describe("sheet:init on a spreadsheet staff already use", () => {
  let sheets: TestSheets;
  let ledger: sheets_v4.Schema$Sheet | undefined;

  beforeAll(async () => {
    sheets = await startTestSheets();
    sheets.emulator.createSpreadsheet({
      spreadsheetId: ID,
      sheets: [
        { title: TAB_NAMES.ledger, rows: LEDGER },
        { title: "我的备忘", rows: [["随手记"]] },
        { title: TAB_NAMES.units, rows: UNITS },
        { title: TAB_NAMES.settings, rows: SETTINGS },
      ],
    });
    // Staff's own ledger lacks most staff columns: sheet:init adds them only when told to.
    await provisionSpreadsheet(sheets.session().api, ID, { addMissingColumns: true });
    ledger = sheets
      .resource(ID, [`'${TAB_NAMES.ledger}'!1:2`])
      .sheets?.find((s) => s.properties?.title === TAB_NAMES.ledger);
  });
  afterAll(async () => {
    await sheets.close();
  });

  it("keeps every staff cell where it was, on every tab, and keeps staff's own tab", () => {
    for (const [tab, rows] of [
      [TAB_NAMES.ledger, LEDGER],
      [TAB_NAMES.units, UNITS],
      [TAB_NAMES.settings, SETTINGS],
    ] as const) {
      const now = sheets.values(ID, `'${tab}'`);
      rows.forEach((row, r) => {
        row.forEach((value, c) => {
          expect(now[r]?.[c] ?? "", `${tab} row ${r + 1} column ${c + 1}`).toBe(value);
        });
      });
    }
    expect(sheets.values(ID, "'我的备忘'!A1")).toEqual([["随手记"]]);
  });

  it("appends the missing headers after the last one staff wrote, in schema order", () => {
    const header = headerRow(sheets, ID, TAB_NAMES.ledger);
    expect(header.slice(0, LEDGER[0]?.length)).toEqual(LEDGER[0]);
    const present = new Set(LEDGER[0] as string[]);
    expect(header.slice(LEDGER[0]?.length)).toEqual(
      ledgerTab.columns.map((c) => c.header).filter((h) => !present.has(h)),
    );
    expect(headerRow(sheets, ID, TAB_NAMES.units).slice(0, 3)).toEqual(UNITS[0]);
  });

  it("points reference dropdowns at the columns where staff put them, and 类别 at 设置's list", () => {
    const header = headerRow(sheets, ID, TAB_NAMES.ledger);
    const rule = (name: string) =>
      ledger?.data?.[0]?.rowData?.[1]?.values?.[header.indexOf(name)]?.dataValidation;
    expect(rule("主办单位")?.condition?.values?.[0]?.userEnteredValue).toBe("='承办单位'!$B$2:$B");
    expect(rule("类别")?.condition?.values?.map((v) => v.userEnteredValue)).toEqual(["农业", "民生", "其他"]);
    expect(rule("联系电话")).toBeUndefined();
  });

  it("adds only the 设置 items that are missing, each under its own header", () => {
    const rows = sheets.values(ID, `'${TAB_NAMES.settings}'`);
    const items = rows.slice(1).map((row) => row[1]);
    expect(items).toEqual([
      "类别",
      "时区",
      ...offeredSettingDefs.map((d) => d.item).filter((i) => i !== "类别" && i !== "时区"),
    ]);
    const dueSoon = rows.find((row) => row[1] === "即将到期天数");
    expect(dueSoon?.[0]).toBe("15");
    expect(rows[0]).toEqual(["值", "项目", "说明"]);
  });

  it("finds nothing more to do on a second run", async () => {
    const mark = sheets.mark();
    const again = await provisionSpreadsheet(sheets.session().api, ID);
    expect(again.plan.changes.map((c) => c.zh)).toEqual([]);
    expect(sheets.writesSince(mark)).toBe(0);
  });
});
