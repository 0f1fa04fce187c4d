import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ledgerTab, TAB_NAMES } from "../../../sheets-schema";
import { provisionSpreadsheet } from "../../../tools/provision/provision";
import { startTestSheets, type TestSheets } from "./helpers";

const ID = "corners";
const headers = ledgerTab.columns.map((c) => c.header);
const letter = (header: string) => String.fromCharCode(65 + headers.indexOf(header));

/** A row the sync reads without a word: lists with 、, text dates in the forms the spec lists. */
const ACCEPTED: Record<string, string> = {
  标题: "关于增设红旗路公交站点的建议",
  领衔代表: "周芳",
  附议代表: "何永刚、李晓燕、谢磊",
  提出日期: "2026.1.7",
  审查结果: "立案",
  主办单位: "区交通运输局",
  协办单位: "区工信局、区自然资源局",
  交办日期: "2026年1月9日",
  回访意见: "电话回访，代表满意",
};

/** The rules an earlier sheet:init set on 附议代表 and 提出日期, which mark such a row invalid. */
function oldRules(sheetId: number) {
  const column = (header: string) => ({
    sheetId,
    startRowIndex: 1,
    startColumnIndex: headers.indexOf(header),
    endColumnIndex: headers.indexOf(header) + 1,
  });
  const deputies = { type: "ONE_OF_RANGE", values: [{ userEnteredValue: "='代表'!$A$2:$A" }] };
  return [
    { setDataValidation: { range: column("附议代表"), rule: { condition: deputies, showCustomUi: true } } },
    { setDataValidation: { range: column("提出日期"), rule: { condition: { type: "DATE_IS_VALID" } } } },
    // Staff's own rule on a column sheet:init leaves without one: not ours to remove.
    {
      setDataValidation: {
        range: column("届次"),
        rule: { condition: { type: "ONE_OF_LIST", values: [{ userEnteredValue: "十一届四次会议" }] } },
      },
    },
  ];
}

describe("sheet:init and Sheets' red 'invalid' corners on values the sync accepts", () => {
  let sheets: TestSheets;
  let ledgerId = 0;

  /** Headers of row 2's cells the sheet page marks invalid (Sheets' red corner). */
  async function markedInvalid(): Promise<string[]> {
    const res = await fetch(`${sheets.url}/spreadsheets/d/${ID}/edit?gid=${ledgerId}`);
    const html = await res.text();
    const row = /<tr data-r="1"[^>]*>(.*?)<\/tr>/s.exec(html)?.[1] ?? "";
    const bad = [...row.matchAll(/<td data-c="(\d+)"[^>]*class="([^"]*)"/g)].filter((m) =>
      (m[2] ?? "").split(" ").includes("bad"),
    );
    return bad.map((m) => headers[Number(m[1])] ?? `column ${m[1]}`);
  }

  async function writeRow(row: Record<string, string>) {
    await sheets.session().api.spreadsheets.values.update({
      spreadsheetId: ID,
      range: `'${TAB_NAMES.ledger}'!A2`,
      valueInputOption: "USER_ENTERED",
      requestBody: { values: [headers.map((h) => row[h] ?? "")] },
    });
  }

  beforeAll(async () => {
    sheets = await startTestSheets();
  });
  afterAll(async () => {
    await sheets.close();
  });
  beforeEach(async () => {
    sheets.emulator.reset();
    sheets.emulator.createSpreadsheet({
      spreadsheetId: ID,
      sheets: [
        { title: TAB_NAMES.deputies, rows: [["姓名"], ["周芳"], ["何永刚"], ["李晓燕"], ["谢磊"]] },
        { title: TAB_NAMES.units, rows: [["单位名称"], ["区交通运输局"], ["区工信局"], ["区自然资源局"]] },
      ],
    });
    await provisionSpreadsheet(sheets.session().api, ID);
    const tabs = sheets.emulator.spreadsheetResource(ID).sheets as {
      properties: { title: string; sheetId: number };
    }[];
    ledgerId = tabs.find((t) => t.properties.title === TAB_NAMES.ledger)?.properties.sheetId ?? -1;
  });

  it("marks no cell of a row with name lists and text dates, and still marks a unit not in 承办单位", async () => {
    await writeRow(ACCEPTED);
    expect(await markedInvalid()).toEqual([]);
    // A real mistake keeps its red corner (the API bypasses a strict dropdown, as a form's write does).
    await writeRow({ ...ACCEPTED, 主办单位: "区财政局" });
    expect(await markedInvalid()).toEqual(["主办单位"]);
  });

  it("lists the old list and date rules under --check, removes them on a run, and keeps staff's own", async () => {
    const api = sheets.session().api;
    await api.spreadsheets.batchUpdate({ spreadsheetId: ID, requestBody: { requests: oldRules(ledgerId) } });
    await writeRow({ ...ACCEPTED, 届次: "十一届四次会议" });
    expect(await markedInvalid()).toEqual(["附议代表", "提出日期"]);

    const mark = sheets.mark();
    const check = await provisionSpreadsheet(api, ID, { check: true });
    expect(check.plan.changes.map((c) => `${c.tab}: ${c.zh}`)).toEqual([
      `${TAB_NAMES.ledger}: 移除会把系统接受的值标成无效的数据验证：附议代表（引用）、提出日期（日期）`,
    ]);
    expect(sheets.writesSince(mark)).toBe(0);

    await provisionSpreadsheet(api, ID);
    expect(await markedInvalid()).toEqual([]);
    // Cleared down the whole column, not only on row 2 that sheet:init compares.
    const range = `'${TAB_NAMES.ledger}'!${letter("届次")}2:${letter("提出日期")}`;
    const rows = sheets.resource(ID, [range]).sheets?.[0]?.data?.[0]?.rowData ?? [];
    const rules = (header: string) =>
      rows.map((r) => r.values?.[headers.indexOf(header) - headers.indexOf("届次")]?.dataValidation);
    expect(rows.length).toBeGreaterThan(900);
    expect(rules("附议代表").filter(Boolean)).toEqual([]);
    expect(rules("提出日期").filter(Boolean)).toEqual([]);
    expect(rules("届次").every((rule) => rule?.condition?.type === "ONE_OF_LIST")).toBe(true);

    const again = await provisionSpreadsheet(api, ID, { check: true });
    expect(again.plan.changes).toEqual([]);
  });
});
