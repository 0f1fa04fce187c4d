import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enc, startTestEmulator, type TestEmulator } from "./helpers";

/**
 * Colours as Google keeps them. The expected bodies below are the recorded answers of gspread's
 * cassettes (burnash/gspread tests/cassettes): WorksheetTest.test_format,
 * WorksheetTest.test_update_tab_color and WorksheetTest.test_clear_tab_color.
 */
describe("colours and their style twins", () => {
  let emu: TestEmulator;
  const batch = (...requests: unknown[]) => emu.call("POST", "/v4/spreadsheets/ss:batchUpdate", { requests });
  const tabColour = async () =>
    (await emu.call("GET", "/v4/spreadsheets/ss?fields=sheets.properties.tabColorStyle")).body;
  const formatOf = async (a1: string) => {
    const got = await emu.call(
      "GET",
      `/v4/spreadsheets/ss?includeGridData=False&ranges=${enc(a1)}&fields=sheets.data.rowData.values.userEnteredFormat`,
    );
    return got.body;
  };

  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(async () => {
    await emu.close();
  });
  beforeEach(() => {
    emu.emulator.reset();
    emu.emulator.createSpreadsheet({ spreadsheetId: "ss" });
  });

  it("mirrors backgroundColor and foregroundColor into their styles (recorded test_format)", async () => {
    const res = await batch({
      repeatCell: {
        range: { startRowIndex: 1, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 2, sheetId: 0 },
        cell: {
          userEnteredFormat: {
            backgroundColor: { green: 1, blue: 1 },
            horizontalAlignment: "CENTER",
            textFormat: { foregroundColor: { red: 1, green: 1 }, fontSize: 12, bold: true },
          },
        },
        fields: "userEnteredFormat(backgroundColor,horizontalAlignment,textFormat)",
      },
    });
    expect(res.status).toBe(200);
    expect(await formatOf("Sheet1!A2")).toEqual({
      sheets: [
        {
          data: [
            {
              rowData: [
                {
                  values: [
                    {
                      userEnteredFormat: {
                        backgroundColor: { green: 1, blue: 1 },
                        horizontalAlignment: "CENTER",
                        textFormat: {
                          foregroundColor: { red: 1, green: 1 },
                          fontSize: 12,
                          bold: true,
                          foregroundColorStyle: { rgbColor: { red: 1, green: 1 } },
                        },
                        backgroundColorStyle: { rgbColor: { green: 1, blue: 1 } },
                      },
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it("fills the plain colour from a style, resolving theme colours, and lets the style win", async () => {
    await batch(
      {
        repeatCell: {
          range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 },
          cell: { userEnteredFormat: { backgroundColorStyle: { themeColor: "ACCENT1" } } },
          fields: "userEnteredFormat.backgroundColorStyle",
        },
      },
      {
        repeatCell: {
          range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 1, endColumnIndex: 2 },
          cell: {
            userEnteredFormat: {
              backgroundColor: { red: 1 },
              backgroundColorStyle: { rgbColor: { red: 0, green: 0.5, blue: 0 } },
            },
          },
          fields: "userEnteredFormat",
        },
      },
    );
    const body = (await formatOf("Sheet1!A1:B1")) as {
      sheets: { data: { rowData: { values: { userEnteredFormat: unknown }[] }[] }[] }[];
    };
    const [themed, both] = body.sheets[0]?.data[0]?.rowData[0]?.values ?? [];
    expect(themed?.userEnteredFormat).toEqual({
      backgroundColor: { red: 0.25882354, green: 0.52156866, blue: 0.95686275 },
      backgroundColorStyle: { themeColor: "ACCENT1" },
    });
    expect(both?.userEnteredFormat).toEqual({
      backgroundColor: { green: 0.5 },
      backgroundColorStyle: { rgbColor: { green: 0.5 } },
    });
  });

  it("treats the twins as one colour: writing or clearing one replaces the other", async () => {
    const paint = (format: unknown, fields: string) =>
      batch({
        repeatCell: {
          range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 },
          cell: { userEnteredFormat: format },
          fields,
        },
      });
    await paint(
      { backgroundColorStyle: { rgbColor: { blue: 1 } } },
      "userEnteredFormat.backgroundColorStyle",
    );
    await paint({ backgroundColor: { red: 1 } }, "userEnteredFormat.backgroundColor");
    expect(await formatOf("Sheet1!A1")).toEqual({
      sheets: [
        {
          data: [
            {
              rowData: [
                {
                  values: [
                    {
                      userEnteredFormat: {
                        backgroundColor: { red: 1 },
                        backgroundColorStyle: { rgbColor: { red: 1 } },
                      },
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    await paint({}, "userEnteredFormat.backgroundColorStyle");
    expect(await formatOf("Sheet1!A1")).toEqual({ sheets: [{ data: [{}] }] });
  });

  it("stores a tab colour at 8 bits per channel and shows both twins (recorded test_update_tab_color)", async () => {
    expect(await tabColour()).toEqual({ sheets: [{ properties: {} }] });
    const res = await batch({
      updateSheetProperties: {
        properties: { sheetId: 0, tabColorStyle: { rgbColor: { red: 1, green: 0, blue: 0.5 } } },
        fields: "tabColorStyle",
      },
    });
    expect(res.body).toEqual({ spreadsheetId: "ss", replies: [{}] });
    expect(await tabColour()).toEqual({
      sheets: [{ properties: { tabColorStyle: { rgbColor: { red: 1, blue: 0.49803922 } } } }],
    });
    const all = await emu.call("GET", "/v4/spreadsheets/ss?fields=sheets.properties(tabColor,tabColorStyle)");
    expect(all.body).toEqual({
      sheets: [
        {
          properties: {
            tabColor: { red: 1, blue: 0.49803922 },
            tabColorStyle: { rgbColor: { red: 1, blue: 0.49803922 } },
          },
        },
      ],
    });
  });

  it("drops an emptied tab colour entirely (recorded test_clear_tab_color)", async () => {
    await batch({
      updateSheetProperties: {
        properties: { sheetId: 0, tabColorStyle: { rgbColor: { red: 1, green: 0, blue: 0.5 } } },
        fields: "tabColorStyle",
      },
    });
    const res = await batch({
      updateSheetProperties: {
        properties: { sheetId: 0, tabColorStyle: { rgbColor: null } },
        fields: "tabColorStyle",
      },
    });
    expect(res.body).toEqual({ spreadsheetId: "ss", replies: [{}] });
    expect(await tabColour()).toEqual({ sheets: [{ properties: {} }] });
    const props = await emu.call("GET", "/v4/spreadsheets/ss?fields=sheets.properties");
    expect(JSON.stringify(props.body)).not.toContain("tabColor");
  });

  it("accepts the legacy tabColor on addSheet and mirrors it, quantised, into tabColorStyle", async () => {
    const res = await batch({
      addSheet: { properties: { title: "设置", tabColor: { red: 0.6, green: 0.2, blue: 0.1 } } },
    });
    const reply = (res.body as { replies: { addSheet: { properties: Record<string, unknown> } }[] })
      .replies[0];
    expect(reply?.addSheet.properties.tabColor).toEqual({ red: 0.6, green: 0.2, blue: 0.09803922 });
    expect(reply?.addSheet.properties.tabColorStyle).toEqual({
      rgbColor: { red: 0.6, green: 0.2, blue: 0.09803922 },
    });
  });
});
