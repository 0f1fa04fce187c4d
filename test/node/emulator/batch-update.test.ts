import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enc, startTestEmulator, type TestEmulator } from "./helpers";

const BU = "/v4/spreadsheets/ss:batchUpdate";

describe("spreadsheets.batchUpdate", () => {
  let emu: TestEmulator;
  const batch = (...requests: unknown[]) => emu.call("POST", BU, { requests });
  const values = (range: string, render = "FORMATTED_VALUE") =>
    emu.emulator.getValues("ss", range, { valueRenderOption: render as "FORMATTED_VALUE" });

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
      valueInputOption: "USER_ENTERED",
      sheets: [
        {
          title: "Sheet1",
          rows: [
            ["id", "score", "note"],
            ["F-3", 30, "c"],
            ["F-1", 10, ""],
            ["F-2", "", "b"],
            ["F-4", 20, "d"],
          ],
        },
      ],
    });
  });

  it("mirrors requests in replies: typed replies for addSheet/addProtectedRange, {} for the rest", async () => {
    const res = await batch(
      { addSheet: { properties: { title: "建议台账", gridProperties: { rowCount: 5, columnCount: 3 } } } },
      { addProtectedRange: { protectedRange: { range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1 } } } },
      {
        updateSheetProperties: {
          properties: { sheetId: 0, gridProperties: { frozenRowCount: 1 } },
          fields: "gridProperties/frozenRowCount",
        },
      },
      {
        updateDimensionProperties: {
          range: { sheetId: 0, dimension: "COLUMNS", startIndex: 0, endIndex: 1 },
          properties: { pixelSize: 200 },
          fields: "pixelSize",
        },
      },
    );
    expect(res.status).toBe(200);
    const body = res.body as {
      replies: Record<string, { properties?: { sheetId: number }; protectedRange?: unknown }>[];
    };
    expect(body.replies).toHaveLength(4);
    expect(body.replies[0]?.addSheet?.properties).toEqual({
      sheetId: expect.any(Number),
      title: "建议台账",
      index: 1,
      sheetType: "GRID",
      gridProperties: { rowCount: 5, columnCount: 3 },
    });
    // proto3 JSON: sheetId 0 is left out of the GridRange, the 0 indices stay (§1.4-12).
    expect(body.replies[1]?.addProtectedRange?.protectedRange).toEqual({
      protectedRangeId: expect.any(Number),
      range: { startRowIndex: 0, endRowIndex: 1 },
      requestingUserCanEdit: true,
      editors: {},
    });
    expect(body.replies.slice(2)).toEqual([{}, {}]);
  });

  it("applies nothing when any request is invalid, naming it in Google's words", async () => {
    const res = await batch(
      { addSheet: { properties: { title: "Added" } } },
      {
        repeatCell: {
          range: { sheetId: 0, startRowIndex: 999, endRowIndex: 1001, endColumnIndex: 2 },
          cell: {},
          fields: "note",
        },
      },
    );
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: 400,
        message:
          "Invalid requests[1].repeatCell: Range (Sheet1!A1000:B1001) exceeds grid limits. Max rows: 1000, max columns: 26",
        status: "INVALID_ARGUMENT",
      },
    });
    const titles = (emu.emulator.spreadsheetResource("ss") as { sheets: { properties: { title: string } }[] })
      .sheets;
    expect(titles.map((s) => s.properties.title)).toEqual(["Sheet1"]);
  });

  it("rejects a duplicate sheet title and deleting the last sheet", async () => {
    const dup = await batch({ addSheet: { properties: { title: "sheet1" } } });
    expect((dup.body as { error: { message: string } }).error.message).toBe(
      'Invalid requests[0].addSheet: A sheet with the name "sheet1" already exists. Please enter another name.',
    );
    const last = await batch({ deleteSheet: { sheetId: 0 } });
    expect((last.body as { error: { message: string } }).error.message).toBe(
      "Invalid requests[0].deleteSheet: You can't remove all the sheets in a document.",
    );
  });

  it("sorts the rows of a range by a column, blanks last, moving only the range's cells", async () => {
    await batch({
      sortRange: {
        range: { sheetId: 0, startRowIndex: 1, endRowIndex: 5, startColumnIndex: 0, endColumnIndex: 2 },
        sortSpecs: [{ dimensionIndex: 1, sortOrder: "DESCENDING" }],
      },
    });
    // Column C is outside the sorted range, so its cells stay where they were.
    expect(values("Sheet1!A1:C5")).toEqual([
      ["id", "score", "note"],
      ["F-3", "30", "c"],
      ["F-4", "20"],
      ["F-1", "10", "b"],
      ["F-2", "", "d"],
    ]);
  });

  it("sorts text case-insensitively in ascending order", async () => {
    await batch({
      sortRange: {
        range: { sheetId: 0, startRowIndex: 1, startColumnIndex: 0, endColumnIndex: 3 },
        sortSpecs: [{ dimensionIndex: 0 }],
      },
    });
    expect(values("Sheet1!A2:A5")).toEqual([["F-1"], ["F-2"], ["F-3"], ["F-4"]]);
  });

  it("inserts and deletes rows and columns, moving data, grid size and formula references", async () => {
    await emu.call("PUT", `/v4/spreadsheets/ss/values/${enc("Sheet1!E5")}?valueInputOption=USER_ENTERED`, {
      values: [["=B5*2"]],
    });
    await batch(
      {
        insertDimension: {
          range: { sheetId: 0, dimension: "ROWS", startIndex: 1, endIndex: 3 },
          inheritFromBefore: true,
        },
      },
      { deleteDimension: { range: { sheetId: 0, dimension: "COLUMNS", startIndex: 2, endIndex: 3 } } },
      { appendDimension: { sheetId: 0, dimension: "COLUMNS", length: 4 } },
    );
    expect(values("Sheet1!A1:D7")).toEqual([
      ["id", "score"],
      [],
      [],
      ["F-3", "30"],
      ["F-1", "10"],
      ["F-2"],
      ["F-4", "20", "", "40"],
    ]);
    expect(values("Sheet1!D7", "FORMULA")).toEqual([["=B7*2"]]);
    const props = emu.emulator.spreadsheetResource("ss") as {
      sheets: { properties: { gridProperties: unknown } }[];
    };
    expect(props.sheets[0]?.properties.gridProperties).toEqual({ rowCount: 1002, columnCount: 29 });
  });

  it("turns references to deleted rows into #REF!", async () => {
    await emu.call("PUT", `/v4/spreadsheets/ss/values/${enc("Sheet1!E1")}?valueInputOption=USER_ENTERED`, {
      values: [["=B2+1"]],
    });
    await batch({
      deleteDimension: { range: { sheetId: 0, dimension: "ROWS", startIndex: 1, endIndex: 2 } },
    });
    expect(values("Sheet1!E1", "FORMULA")).toEqual([["=#REF!+1"]]);
    expect(values("Sheet1!E1")).toEqual([["#REF!"]]);
  });

  it("formats cells with repeatCell and writes values and notes with updateCells", async () => {
    await batch(
      {
        repeatCell: {
          range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 3 },
          cell: { userEnteredFormat: { backgroundColor: { red: 0.9 }, textFormat: { bold: true } } },
          fields: "userEnteredFormat(backgroundColor,textFormat.bold)",
        },
      },
      {
        repeatCell: {
          range: { sheetId: 0, startRowIndex: 1, endRowIndex: 5, startColumnIndex: 1, endColumnIndex: 2 },
          cell: { userEnteredFormat: { numberFormat: { type: "NUMBER", pattern: "0.00" } } },
          fields: "userEnteredFormat.numberFormat",
        },
      },
      {
        updateCells: {
          start: { sheetId: 0, rowIndex: 5, columnIndex: 0 },
          rows: [{ values: [{ userEnteredValue: { stringValue: "F-5" }, note: "added by staff" }] }],
          fields: "userEnteredValue,note",
        },
      },
    );
    expect(values("Sheet1!A6:B6")).toEqual([["F-5"]]);
    expect(values("Sheet1!B2")).toEqual([["30.00"]]);
    const got = await emu.call(
      "GET",
      `/v4/spreadsheets/ss?ranges=${enc("Sheet1!A1:A6")}&fields=sheets.data.rowData.values(userEnteredFormat,note)`,
    );
    const rows = (got.body as { sheets: { data: { rowData: { values: unknown[] }[] }[] }[] }).sheets[0]
      ?.data[0]?.rowData;
    // Google mirrors the colour into its style twin (recorded: gspread WorksheetTest.test_format).
    expect(rows?.[0]?.values[0]).toEqual({
      userEnteredFormat: {
        backgroundColor: { red: 0.9 },
        textFormat: { bold: true },
        backgroundColorStyle: { rgbColor: { red: 0.9 } },
      },
    });
    expect(rows?.[5]?.values[0]).toEqual({ note: "added by staff" });
  });

  it("keeps conditional format rules in order and returns a deleted rule", async () => {
    const rule = (value: string) => ({
      ranges: [{ sheetId: 0, startColumnIndex: 2, endColumnIndex: 3 }],
      booleanRule: {
        condition: { type: "TEXT_EQ", values: [{ userEnteredValue: value }] },
        format: { textFormat: { bold: true } },
      },
    });
    await batch(
      { addConditionalFormatRule: { rule: rule("a"), index: 0 } },
      { addConditionalFormatRule: { rule: rule("b"), index: 0 } },
    );
    const del = await batch({ deleteConditionalFormatRule: { sheetId: 0, index: 1 } });
    // Answers show GridRanges in proto3 form: sheetId 0 is left out.
    expect(del.body).toMatchObject({
      replies: [
        {
          deleteConditionalFormatRule: {
            rule: {
              ranges: [{ startColumnIndex: 2, endColumnIndex: 3 }],
              booleanRule: rule("a").booleanRule,
            },
          },
        },
      ],
    });
    const got = await emu.call("GET", "/v4/spreadsheets/ss?fields=sheets.conditionalFormats");
    expect(got.body).toEqual({
      sheets: [
        {
          conditionalFormats: [
            {
              ranges: [{ startColumnIndex: 2, endColumnIndex: 3 }],
              booleanRule: rule("b").booleanRule,
            },
          ],
        },
      ],
    });
  });

  it("blocks API writes into hard-protected cells for accounts that are not editors", async () => {
    emu.emulator.applyEdits([
      {
        op: "batchUpdate",
        spreadsheetId: "ss",
        body: {
          requests: [
            {
              addProtectedRange: {
                protectedRange: {
                  range: { sheetId: 0, startColumnIndex: 1, endColumnIndex: 2 },
                  editors: { users: ["owner@example.com"] },
                },
              },
            },
            {
              addProtectedRange: {
                protectedRange: {
                  range: { sheetId: 0, startColumnIndex: 2, endColumnIndex: 3 },
                  warningOnly: true,
                },
              },
            },
          ],
        },
      },
    ]);
    const { access_token: token } = emu.emulator.issueToken("sync@example.iam.gserviceaccount.com");
    const blocked = await emu.call(
      "PUT",
      `/v4/spreadsheets/ss/values/${enc("Sheet1!B2")}?valueInputOption=RAW`,
      { values: [[1]] },
      token,
    );
    expect(blocked.status).toBe(400);
    expect((blocked.body as { error: { message: string } }).error.message).toBe(
      "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.",
    );
    const warned = await emu.call(
      "PUT",
      `/v4/spreadsheets/ss/values/${enc("Sheet1!C2")}?valueInputOption=RAW`,
      { values: [["ok"]] },
      token,
    );
    expect(warned.status).toBe(200);
  });

  it("lists the creator of a protected range among its editors, with the static token too", async () => {
    const { access_token: token } = emu.emulator.issueToken("sync@example.iam.gserviceaccount.com");
    const range = (c: number) => ({ range: { sheetId: 0, startColumnIndex: c, endColumnIndex: c + 1 } });
    await batch({ addProtectedRange: { protectedRange: range(0) } });
    await emu.call(
      "POST",
      BU,
      { requests: [{ addProtectedRange: { protectedRange: { ...range(1), warningOnly: true } } }] },
      token,
    );
    const got = await emu.call("GET", "/v4/spreadsheets/ss?fields=sheets.protectedRanges.editors");
    expect(got.body).toEqual({
      sheets: [
        {
          protectedRanges: [
            { editors: { users: ["owner@sheets-emulator.local"] } },
            { editors: { users: ["sync@example.iam.gserviceaccount.com"] } },
          ],
        },
      ],
    });
  });

  it("answers a known request the emulator does not implement with a 400 naming it, so clients do not retry", async () => {
    const known = await batch({ createDeveloperMetadata: { developerMetadata: {} } });
    expect(known.status).toBe(400);
    expect(known.body).toEqual({
      error: {
        code: 400,
        message:
          "Invalid requests[0].createDeveloperMetadata: The Sheets emulator does not implement createDeveloperMetadata.",
        status: "INVALID_ARGUMENT",
      },
    });
    const unknown = await batch({ frobnicate: {} });
    expect(unknown.status).toBe(400);
    expect((unknown.body as { error: { message: string } }).error.message).toBe(
      "Invalid JSON payload received. Unknown name \"frobnicate\" at 'requests[0]': Cannot find field.",
    );
  });
});
