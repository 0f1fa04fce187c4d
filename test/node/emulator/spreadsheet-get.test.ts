import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enc, startTestEmulator, type TestEmulator } from "./helpers";

describe("spreadsheets.get and spreadsheets.create", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(async () => {
    await emu.close();
  });
  beforeEach(() => {
    emu.emulator.reset();
    emu.emulator.createSpreadsheet({
      spreadsheetId: "ss",
      title: "建议",
      valueInputOption: "USER_ENTERED",
      sheets: [
        {
          title: "Sheet1",
          rows: [
            ["name", "due"],
            ["x", "2026-03-02"],
            ["", "=B2+7"],
          ],
        },
        { title: "统计", rowCount: 10, columnCount: 5 },
      ],
    });
  });

  it("creates a spreadsheet with Google's defaults: Sheet1, id 0, 1000×26, en_US", async () => {
    const res = await emu.call("POST", "/v4/spreadsheets", { properties: { title: "new" } });
    expect(res.status).toBe(200);
    const body = res.body as {
      spreadsheetId: string;
      properties: Record<string, unknown>;
      sheets: unknown[];
      spreadsheetUrl: string;
    };
    expect(body.properties).toMatchObject({
      title: "new",
      locale: "en_US",
      autoRecalc: "ON_CHANGE",
      timeZone: "Etc/GMT",
    });
    expect(body.sheets).toEqual([
      {
        properties: {
          sheetId: 0,
          title: "Sheet1",
          index: 0,
          sheetType: "GRID",
          gridProperties: { rowCount: 1000, columnCount: 26 },
        },
      },
    ]);
    expect(body.spreadsheetUrl).toBe(`https://docs.google.com/spreadsheets/d/${body.spreadsheetId}/edit`);
    expect(body.spreadsheetId).toMatch(/^[A-Za-z0-9_-]{44}$/);
  });

  it("selects fields with the parentheses form of a field mask", async () => {
    const res = await emu.call("GET", "/v4/spreadsheets/ss?fields=sheets.properties(sheetId,title)");
    expect(res.body).toEqual({
      sheets: [
        { properties: { sheetId: 0, title: "Sheet1" } },
        { properties: { sheetId: expect.any(Number), title: "统计" } },
      ],
    });
    expect((await emu.call("GET", "/v4/spreadsheets/ss?fields=namedRanges")).body).toEqual({});
  });

  it("rejects a field mask naming a field that does not exist", async () => {
    const res = await emu.call("GET", "/v4/spreadsheets/ss?fields=sheets.sheetProperties");
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: {
        message: "Request contains an invalid argument.",
        details: [
          {
            fieldViolations: [
              {
                description:
                  "Error expanding 'fields' parameter. Cannot find matching fields for path 'sheets.sheetProperties'.",
              },
            ],
          },
        ],
      },
    });
  });

  it("returns grid data for requested ranges only, with entered, effective and formatted values", async () => {
    const res = await emu.call(
      "GET",
      `/v4/spreadsheets/ss?includeGridData=true&ranges=${enc("Sheet1!B2:B3")}`,
    );
    const body = res.body as { sheets: { properties: { title: string }; data: Record<string, unknown>[] }[] };
    expect(body.sheets.map((s) => s.properties.title)).toEqual(["Sheet1"]);
    const data = body.sheets[0]?.data[0];
    expect(data?.startRow).toBe(1);
    expect(data?.startColumn).toBe(1);
    expect(data?.rowData).toEqual([
      {
        values: [
          {
            userEnteredValue: { numberValue: 46083 },
            effectiveValue: { numberValue: 46083 },
            formattedValue: "2026-03-02",
            userEnteredFormat: { numberFormat: { type: "DATE", pattern: "yyyy-mm-dd" } },
          },
        ],
      },
      {
        values: [
          {
            userEnteredValue: { formulaValue: "=B2+7" },
            effectiveValue: { numberValue: 46090 },
            formattedValue: "2026-03-09",
          },
        ],
      },
    ]);
    expect(data?.rowMetadata).toEqual([{ pixelSize: 21 }, { pixelSize: 21 }]);
  });

  it("lets a data mask imply grid data and keeps empty cells as {}", async () => {
    const res = await emu.call(
      "GET",
      `/v4/spreadsheets/ss?ranges=${enc("Sheet1!A2:B3")}&fields=sheets.data.rowData.values.formattedValue`,
    );
    expect(res.body).toEqual({
      sheets: [
        {
          data: [
            {
              rowData: [
                { values: [{ formattedValue: "x" }, { formattedValue: "2026-03-02" }] },
                { values: [{}, { formattedValue: "2026-03-09" }] },
              ],
            },
          ],
        },
      ],
    });
  });

  it("answers 404 for an unknown spreadsheet and for an unknown method path", async () => {
    expect((await emu.call("GET", "/v4/spreadsheets/missing")).status).toBe(404);
    expect((await emu.call("GET", "/v4/spreadsheets/ss/nothing")).status).toBe(404);
  });

  it("answers a method it does not implement with a 400 naming it (a 5xx would be retried for ever)", async () => {
    const res = await emu.call("POST", "/v4/spreadsheets/ss/developerMetadata:search", {});
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: 400,
        message: "The Sheets emulator does not implement POST /v4/spreadsheets/ss/developerMetadata:search.",
        status: "INVALID_ARGUMENT",
      },
    });
  });
});
