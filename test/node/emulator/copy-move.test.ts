import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enc, startTestEmulator, type TestEmulator } from "./helpers";

/**
 * cutPaste, duplicateSheet and sheets.copyTo. The cut is gspread's WorksheetTest.test_copy_cut_range
 * (burnash/gspread tests/cassettes); the rest follows DISC (CutPasteRequest, DuplicateSheetRequest,
 * spreadsheets.sheets.copyTo).
 */
describe("moving and copying cells and sheets", () => {
  let emu: TestEmulator;
  const batch = (...requests: unknown[]) => emu.call("POST", "/v4/spreadsheets/ss:batchUpdate", { requests });
  const values = (range: string, id = "ss") => emu.emulator.getValues(id, range);
  const sheets = async (id = "ss") =>
    (
      (await emu.call("GET", `/v4/spreadsheets/${id}?includeGridData=false`)).body as {
        sheets: { properties: { sheetId: number; title: string; index: number }; [k: string]: unknown }[];
      }
    ).sheets;

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
      sheets: [{ title: "Sheet1", rows: [["A1", '=A1&"!"'], ["A2"]] }],
    });
  });

  it("cuts A1:A2 to C1: the source is emptied and the values land at C1:C2 (recorded)", async () => {
    const res = await batch({
      cutPaste: {
        source: { sheetId: 0, startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 1 },
        destination: { sheetId: 0, rowIndex: 0, columnIndex: 2 },
        pasteType: "PASTE_NORMAL",
      },
    });
    expect(res.body).toEqual({ spreadsheetId: "ss", replies: [{}] });
    expect(values("Sheet1!A1:A2")).toEqual([]);
    expect(values("Sheet1!C1:C2")).toEqual([["A1"], ["A2"]]);
  });

  it("moves formats, notes, merges and the references to the cut cells, and empties the source whatever the paste type", async () => {
    await batch(
      {
        repeatCell: {
          range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 1, endColumnIndex: 2 },
          cell: { userEnteredFormat: { textFormat: { bold: true } }, note: "说明" },
          fields: "userEnteredFormat.textFormat.bold,note",
        },
      },
      {
        mergeCells: {
          range: { sheetId: 0, startRowIndex: 2, endRowIndex: 4, startColumnIndex: 0, endColumnIndex: 2 },
        },
      },
      {
        cutPaste: {
          source: { sheetId: 0, startRowIndex: 0, endRowIndex: 4, startColumnIndex: 0, endColumnIndex: 2 },
          destination: { sheetId: 0, rowIndex: 10, columnIndex: 3 },
        },
      },
    );
    const got = await emu.call(
      "GET",
      `/v4/spreadsheets/ss?ranges=${enc("Sheet1!E11")}&fields=sheets(merges,data.rowData.values(userEnteredFormat,note,formattedValue))`,
    );
    expect(got.body).toEqual({
      sheets: [
        {
          data: [
            {
              rowData: [
                {
                  values: [
                    {
                      formattedValue: "A1!",
                      userEnteredFormat: { textFormat: { bold: true } },
                      note: "说明",
                    },
                  ],
                },
              ],
            },
          ],
          merges: [{ startRowIndex: 12, endRowIndex: 14, startColumnIndex: 3, endColumnIndex: 5 }],
        },
      ],
    });
    expect(values("Sheet1!A1:B4")).toEqual([]);

    await batch({
      cutPaste: {
        source: { sheetId: 0, startRowIndex: 10, endRowIndex: 11, startColumnIndex: 3, endColumnIndex: 5 },
        destination: { sheetId: 0, rowIndex: 0, columnIndex: 0 },
        pasteType: "PASTE_VALUES",
      },
    });
    // PASTE_VALUES pastes what the cells showed, not the formula behind them.
    expect(values("Sheet1!A1:B1", "ss")).toEqual([["A1", "A1!"]]);
    expect(values("Sheet1!D11:E11")).toEqual([]);
    const formula = emu.emulator.getValues("ss", "Sheet1!B1", { valueRenderOption: "FORMULA" });
    expect(formula).toEqual([["A1!"]]);
  });

  it("makes references from other sheets follow the cut cells, and a moved formula keep its old sheet", async () => {
    await batch({ addSheet: { properties: { title: "汇总", sheetId: 9 } } });
    await emu.call("PUT", `/v4/spreadsheets/ss/values/${enc("汇总!A1")}?valueInputOption=USER_ENTERED`, {
      values: [["=Sheet1!A2", "=SUM(Sheet1!A1:A2)"]],
    });
    await batch({
      cutPaste: {
        source: { sheetId: 0, startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 2 },
        destination: { sheetId: 9, rowIndex: 4, columnIndex: 0 },
      },
    });
    const formulas = emu.emulator.getValues("ss", "汇总!A1:B6", { valueRenderOption: "FORMULA" });
    expect(formulas).toEqual([["='汇总'!A6", "=SUM('汇总'!A5:A6)"], [], [], [], ["A1", '=A5&"!"'], ["A2"]]);
    expect(values("汇总!A1:B1")).toEqual([["A2", "0"]]);
  });

  it("refuses a destination past the grid", async () => {
    const res = await batch({
      cutPaste: {
        source: { sheetId: 0, startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 1 },
        destination: { sheetId: 0, rowIndex: 999, columnIndex: 0 },
      },
    });
    expect(res.status).toBe(400);
    expect((res.body as { error: { message: string } }).error.message).toBe(
      "Invalid requests[0].cutPaste: Range (Sheet1!A1000:A1001) exceeds grid limits. Max rows: 1000, max columns: 26",
    );
  });

  it("duplicates a sheet with its cells, merges and protection, named 'Copy of …' and placed last", async () => {
    await batch(
      {
        mergeCells: {
          range: { sheetId: 0, startRowIndex: 5, endRowIndex: 6, startColumnIndex: 0, endColumnIndex: 2 },
        },
      },
      {
        addProtectedRange: {
          protectedRange: {
            range: { sheetId: 0, startColumnIndex: 1, endColumnIndex: 2 },
            warningOnly: true,
          },
        },
      },
    );
    const res = await batch({ duplicateSheet: { sourceSheetId: 0 } });
    const props = (res.body as { replies: { duplicateSheet: { properties: { sheetId: number } } }[] })
      .replies[0]?.duplicateSheet.properties;
    expect(props).toEqual({
      sheetId: expect.any(Number),
      title: "Copy of Sheet1",
      index: 1,
      sheetType: "GRID",
      gridProperties: { rowCount: 1000, columnCount: 26 },
    });
    const id = props?.sheetId ?? 0;
    expect(values("'Copy of Sheet1'!A1:B2")).toEqual([["A1", "A1!"], ["A2"]]);
    const [original, copy] = await sheets();
    expect(copy?.merges).toEqual([
      { sheetId: id, startRowIndex: 5, endRowIndex: 6, startColumnIndex: 0, endColumnIndex: 2 },
    ]);
    const [originalRange] = (original?.protectedRanges ?? []) as { protectedRangeId: number }[];
    const [copiedRange] = (copy?.protectedRanges ?? []) as { protectedRangeId: number; range: unknown }[];
    expect(copiedRange?.range).toEqual({ sheetId: id, startColumnIndex: 1, endColumnIndex: 2 });
    expect(copiedRange?.protectedRangeId).not.toBe(originalRange?.protectedRangeId);

    const named = await batch({
      duplicateSheet: { sourceSheetId: 0, newSheetName: "副本", insertSheetIndex: 0, newSheetId: 77 },
    });
    expect(
      (named.body as { replies: { duplicateSheet: { properties: unknown } }[] }).replies[0]?.duplicateSheet
        .properties,
    ).toMatchObject({
      sheetId: 77,
      title: "副本",
      index: 0,
    });
    const clash = await batch({ duplicateSheet: { sourceSheetId: 0, newSheetName: "副本" } });
    expect(clash.status).toBe(400);
  });

  it("copies a sheet to another spreadsheet with sheets.copyTo, answering its SheetProperties", async () => {
    emu.emulator.createSpreadsheet({ spreadsheetId: "other", sheets: [{ title: "Sheet1" }] });
    const res = await emu.call("POST", "/v4/spreadsheets/ss/sheets/0:copyTo", {
      destinationSpreadsheetId: "other",
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      sheetId: expect.any(Number),
      title: "Copy of Sheet1",
      index: 1,
      sheetType: "GRID",
      gridProperties: { rowCount: 1000, columnCount: 26 },
    });
    expect(values("'Copy of Sheet1'!A1:B2", "other")).toEqual([["A1", "A1!"], ["A2"]]);
    const log = emu.emulator.requests().at(-1);
    expect(log).toMatchObject({ kind: "write", status: 200, spreadsheetId: "ss", cellsWritten: 3 });
  });

  it("answers copyTo errors: no destination 404, a private one 403, an unknown sheet 404, a bad body 400", async () => {
    const missing = await emu.call("POST", "/v4/spreadsheets/ss/sheets/0:copyTo", {
      destinationSpreadsheetId: "nope",
    });
    expect(missing.status).toBe(404);
    emu.emulator.createSpreadsheet({ spreadsheetId: "theirs" });
    emu.emulator.setPrivate("theirs", true);
    const denied = await emu.call("POST", "/v4/spreadsheets/ss/sheets/0:copyTo", {
      destinationSpreadsheetId: "theirs",
    });
    expect(denied.status).toBe(403);
    const noSheet = await emu.call("POST", "/v4/spreadsheets/ss/sheets/5:copyTo", {
      destinationSpreadsheetId: "ss",
    });
    expect(noSheet.status).toBe(404);
    const bad = await emu.call("POST", "/v4/spreadsheets/ss/sheets/0:copyTo", { destination: "ss" });
    expect(bad.status).toBe(400);
  });
});
