import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enc, startTestEmulator, type TestEmulator } from "./helpers";

/**
 * Merges, pixel sizes, hidden rows/columns and what inserted rows inherit. Recorded answers are from
 * gspread's cassettes (burnash/gspread tests/cassettes): CellTest.test_merge_cells and
 * WorksheetTest.test_auto_resize_columns.
 */
describe("layout: merges, sizes, hidden dimensions, inherited formats", () => {
  let emu: TestEmulator;
  const batch = (...requests: unknown[]) => emu.call("POST", "/v4/spreadsheets/ss:batchUpdate", { requests });
  const sheet0 = async (query = "includeGridData=false") =>
    ((await emu.call("GET", `/v4/spreadsheets/ss?${query}`)).body as { sheets: Record<string, unknown>[] })
      .sheets[0] ?? {};
  const range = (r0: number, r1: number, c0: number, c1: number) => ({
    startRowIndex: r0,
    endRowIndex: r1,
    startColumnIndex: c0,
    endColumnIndex: c1,
    sheetId: 0,
  });

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
      sheets: [
        {
          title: "Sheet1",
          rows: [
            [42, 43],
            [43, 44],
          ],
        },
      ],
    });
  });

  it("lists merges in spreadsheets.get: MERGE_ROWS makes one per row, MERGE_ALL replaces them (recorded)", async () => {
    const rows = await batch({ mergeCells: { mergeType: "MERGE_ROWS", range: range(0, 2, 0, 2) } });
    expect(rows.body).toEqual({ spreadsheetId: "ss", replies: [{}] });
    expect((await sheet0()).merges).toEqual([
      { startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 2 },
      { startRowIndex: 1, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 2 },
    ]);
    await batch({ mergeCells: { mergeType: "MERGE_ALL", range: range(0, 2, 0, 2) } });
    expect((await sheet0()).merges).toEqual([
      { startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 2 },
    ]);
    // Only the top-left value survives a merge.
    expect(emu.emulator.getValues("ss", "Sheet1!A1:B2")).toEqual([["42"]]);
  });

  it("unmerges what lies inside the range, refuses a range that cuts a merge, and keeps merges aligned", async () => {
    await batch(
      { mergeCells: { mergeType: "MERGE_COLUMNS", range: range(0, 2, 0, 2) } },
      { mergeCells: { range: range(4, 6, 3, 5) } },
    );
    const cut = await batch({ unmergeCells: { range: range(0, 1, 0, 2) } });
    expect(cut.status).toBe(400);
    expect((cut.body as { error: { message: string } }).error.message).toBe(
      "Invalid requests[0].unmergeCells: The range must not partially span any merge.",
    );
    await batch({
      insertDimension: { range: { sheetId: 0, dimension: "ROWS", startIndex: 1, endIndex: 2 } },
    });
    expect((await sheet0()).merges).toEqual([
      { startRowIndex: 0, endRowIndex: 3, startColumnIndex: 0, endColumnIndex: 1 },
      { startRowIndex: 0, endRowIndex: 3, startColumnIndex: 1, endColumnIndex: 2 },
      { startRowIndex: 5, endRowIndex: 7, startColumnIndex: 3, endColumnIndex: 5 },
    ]);
    await batch({ unmergeCells: { range: { sheetId: 0 } } });
    expect((await sheet0()).merges).toBeUndefined();
  });

  it("refuses a merge across the frozen rows", async () => {
    await batch({
      updateSheetProperties: {
        properties: { sheetId: 0, gridProperties: { frozenRowCount: 1 } },
        fields: "gridProperties.frozenRowCount",
      },
    });
    const res = await batch({ mergeCells: { range: range(0, 2, 0, 1) } });
    expect(res.status).toBe(400);
    expect((res.body as { error: { message: string } }).error.message).toBe(
      "Invalid requests[0].mergeCells: You can't merge frozen and non-frozen rows.",
    );
  });

  it("reports pixel sizes and hidden rows/columns in row and column metadata", async () => {
    await batch(
      {
        updateDimensionProperties: {
          range: { sheetId: 0, dimension: "COLUMNS", startIndex: 1, endIndex: 2 },
          properties: { pixelSize: 260 },
          fields: "pixelSize",
        },
      },
      {
        updateDimensionProperties: {
          range: { sheetId: 0, dimension: "ROWS", startIndex: 1, endIndex: 2 },
          properties: { hiddenByUser: true },
          fields: "hiddenByUser",
        },
      },
    );
    const sheet = await sheet0(
      `ranges=${enc("Sheet1!A1:C3")}&fields=sheets.data(rowMetadata,columnMetadata)`,
    );
    expect(sheet).toEqual({
      data: [
        {
          rowMetadata: [{ pixelSize: 21 }, { hiddenByUser: true, pixelSize: 21 }, { pixelSize: 21 }],
          columnMetadata: [{ pixelSize: 100 }, { pixelSize: 260 }, { pixelSize: 100 }],
        },
      ],
    });
    await batch({
      updateDimensionProperties: {
        range: { sheetId: 0, dimension: "ROWS", startIndex: 0, endIndex: 3 },
        properties: {},
        fields: "hiddenByUser",
      },
    });
    const shown = await sheet0(`ranges=${enc("Sheet1!A1:A3")}&fields=sheets.data.rowMetadata`);
    expect(shown).toEqual({
      data: [{ rowMetadata: [{ pixelSize: 21 }, { pixelSize: 21 }, { pixelSize: 21 }] }],
    });
  });

  it("auto-resizes a column to its content: 1024 × A is 9483 px wide (recorded)", async () => {
    await emu.call("PUT", `/v4/spreadsheets/ss/values/${enc("Sheet1!A1")}?valueInputOption=USER_ENTERED`, {
      values: [["A".repeat(1024)]],
    });
    const before = await sheet0("fields=sheets.data.columnMetadata");
    expect((before.data as { columnMetadata: unknown[] }[])[0]?.columnMetadata[0]).toEqual({
      pixelSize: 100,
    });
    const res = await batch({
      autoResizeDimensions: { dimensions: { sheetId: 0, dimension: "COLUMNS", startIndex: 0, endIndex: 1 } },
    });
    expect(res.body).toEqual({ spreadsheetId: "ss", replies: [{}] });
    const after = await sheet0("fields=sheets.data.columnMetadata");
    const metadata = (after.data as { columnMetadata: unknown[] }[])[0]?.columnMetadata ?? [];
    expect(metadata).toHaveLength(26);
    expect(metadata[0]).toEqual({ pixelSize: 9483 });
    expect(metadata[1]).toEqual({ pixelSize: 100 });
  });

  it("auto-resizes a row holding three lines to a taller height, and a plain row back to 21", async () => {
    await emu.call("PUT", `/v4/spreadsheets/ss/values/${enc("Sheet1!A1")}?valueInputOption=RAW`, {
      values: [["一\n二\n三"]],
    });
    await batch({
      autoResizeDimensions: { dimensions: { sheetId: 0, dimension: "ROWS", startIndex: 0, endIndex: 2 } },
    });
    const sheet = await sheet0(`ranges=${enc("Sheet1!A1:A2")}&fields=sheets.data.rowMetadata`);
    const rows = (sheet.data as { rowMetadata: { pixelSize: number }[] }[])[0]?.rowMetadata ?? [];
    expect(rows[0]?.pixelSize).toBeGreaterThan(21 * 2);
    expect(rows[1]).toEqual({ pixelSize: 21 });
  });

  it("gives inserted rows the formats of their neighbour: after by default, before with inheritFromBefore", async () => {
    await batch(
      {
        repeatCell: {
          range: range(0, 1, 0, 2),
          cell: { userEnteredFormat: { textFormat: { bold: true } } },
          fields: "userEnteredFormat.textFormat.bold",
        },
      },
      {
        repeatCell: {
          range: range(1, 2, 0, 2),
          cell: { userEnteredFormat: { numberFormat: { type: "DATE", pattern: "yyyy-mm-dd" } } },
          fields: "userEnteredFormat.numberFormat",
        },
      },
      {
        insertDimension: {
          range: { sheetId: 0, dimension: "ROWS", startIndex: 1, endIndex: 2 },
          inheritFromBefore: true,
        },
      },
      { insertDimension: { range: { sheetId: 0, dimension: "ROWS", startIndex: 2, endIndex: 3 } } },
    );
    const got = await sheet0(
      `ranges=${enc("Sheet1!A1:A4")}&fields=sheets.data.rowData.values.userEnteredFormat`,
    );
    const rows = (got.data as { rowData: { values: unknown[] }[] }[])[0]?.rowData ?? [];
    expect(rows.map((row) => row.values[0])).toEqual([
      { userEnteredFormat: { textFormat: { bold: true } } },
      { userEnteredFormat: { textFormat: { bold: true } } },
      { userEnteredFormat: { numberFormat: { type: "DATE", pattern: "yyyy-mm-dd" } } },
      { userEnteredFormat: { numberFormat: { type: "DATE", pattern: "yyyy-mm-dd" } } },
    ]);
  });

  it("appends with INSERT_ROWS into rows that copy the formats of the row above, values not included", async () => {
    await batch({
      repeatCell: {
        range: range(1, 2, 0, 2),
        cell: {
          userEnteredFormat: {
            backgroundColor: { red: 0.9, green: 0.9, blue: 0.9 },
            numberFormat: { type: "NUMBER", pattern: "0.00" },
          },
        },
        fields: "userEnteredFormat(backgroundColor,numberFormat)",
      },
    });
    const res = await emu.call(
      "POST",
      `/v4/spreadsheets/ss/values/${enc("Sheet1!A1")}:append?valueInputOption=RAW&insertDataOption=INSERT_ROWS`,
      { values: [[7]] },
    );
    expect((res.body as { updates: { updatedRange: string } }).updates.updatedRange).toBe("Sheet1!A3");
    expect(emu.emulator.getValues("ss", "Sheet1!A3:B3")).toEqual([["7.00"]]);
    const got = await sheet0(
      `ranges=${enc("Sheet1!B3")}&fields=sheets.data.rowData.values(userEnteredFormat,userEnteredValue)`,
    );
    expect(got).toEqual({
      data: [
        {
          rowData: [
            {
              values: [
                {
                  userEnteredFormat: {
                    backgroundColor: { red: 0.9, green: 0.9, blue: 0.9 },
                    numberFormat: { type: "NUMBER", pattern: "0.00" },
                    backgroundColorStyle: { rgbColor: { red: 0.9, green: 0.9, blue: 0.9 } },
                  },
                },
              ],
            },
          ],
        },
      ],
    });
  });
});
