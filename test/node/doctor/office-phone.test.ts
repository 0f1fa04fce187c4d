import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema";
import type { Facts } from "../../../tools/doctor/facts";
import { sheetAndRobots } from "../../../tools/doctor/gather";
import { report, verdicts } from "../../../tools/doctor/verdicts";
import { startTestSheets, type TestSheets } from "../provision/helpers";

const BLANK_PHONE =
  "! 联系电话：『设置』“代表工委联系电话”没有填：单位和代表在链接页面上看不到该找谁，请填上办公电话";

/** What the doctor prints about the sheet, the rest of the deployment in order. */
function lines(found: Pick<Facts, "sheet" | "robots">): string[] {
  const facts: Facts = {
    mode: "remote",
    config: { ok: true, value: { databaseId: "4b1f0c7e", vars: {}, crons: [], queues: [] } },
    secrets: { ok: true, value: [] },
    migrations: { ok: true, value: [] },
    ...found,
  };
  return report(verdicts(facts)).lines.filter((l) => /^. 联系电话：/.test(l));
}

/** 设置 with the given rows under its header, and empty 承办单位 and 代表 (the robots' read). */
function office(sheets: TestSheets, spreadsheetId: string, settingRows: string[][]): void {
  sheets.emulator.createSpreadsheet({
    spreadsheetId,
    sheets: [
      { title: TAB_NAMES.settings, rows: [["项目", "值", "说明"], ...settingRows] },
      { title: TAB_NAMES.units, rows: [["单位名称", "机器人地址"]] },
      { title: TAB_NAMES.deputies, rows: [["姓名", "机器人地址"]] },
    ],
  });
}

describe("npm run doctor and 设置 代表工委联系电话", () => {
  let sheets: TestSheets;
  beforeAll(async () => {
    sheets = await startTestSheets();
    office(sheets, "blank", [
      ["周报接收人", "dbc@example.gov.cn", ""],
      ["代表工委联系电话", "  ", "在单位、代表的链接页面和出错页面上显示"],
    ]);
    office(sheets, "no-row", [["周报接收人", "dbc@example.gov.cn", ""]]);
    office(sheets, "filled", [["代表工委联系电话", "0371-12345678", ""]]);
  });
  afterAll(async () => {
    await sheets.close();
  });

  it("warns, in Chinese, when the phone is blank or its row is missing, with no extra Sheets read", async () => {
    const before = sheets.mark();
    const blank = await sheetAndRobots(sheets.connection, "blank");
    // sheet:init --check's three reads (its last holds 设置) and the robots' one: nothing more.
    const reads = sheets.emulator.requests(before).filter((r) => r.kind === "read");
    expect(reads).toHaveLength(4);
    expect(lines(blank)).toEqual([BLANK_PHONE]);
    expect(lines(await sheetAndRobots(sheets.connection, "no-row"))).toEqual([BLANK_PHONE]);
  });

  it("says the phone the link pages show when it is filled", async () => {
    expect(lines(await sheetAndRobots(sheets.connection, "filled"))).toEqual([
      "✔ 联系电话：『设置』“代表工委联系电话”已填写（0371-12345678），单位和代表在链接页面上能看到",
    ]);
  });
});
