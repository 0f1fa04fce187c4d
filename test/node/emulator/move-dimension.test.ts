import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enc, startTestEmulator, type TestEmulator } from "./helpers";

/**
 * moveDimension: what Sheets applies when a person drags selected rows or columns. destinationIndex
 * counts from before the source is taken out (DISC MoveDimensionRequest: A1..A5 of 0 1 2 3 4, source
 * ROWS [1, 3), destinationIndex 4, gives 0 3 1 2 4).
 */
describe("moveDimension: dragging rows and columns", () => {
  let emu: TestEmulator;
  const batch = (...requests: unknown[]) => emu.call("POST", "/v4/spreadsheets/ss:batchUpdate", { requests });
  const values = (range: string, render: "FORMATTED_VALUE" | "FORMULA" = "FORMATTED_VALUE") =>
    emu.emulator.getValues("ss", range, { valueRenderOption: render });
  const move = (dimension: "ROWS" | "COLUMNS", startIndex: number, endIndex: number, to: number) => ({
    moveDimension: { source: { sheetId: 0, dimension, startIndex, endIndex }, destinationIndex: to },
  });
  const column = async (range = "Sheet1!A1:A5") => (await values(range)).map((r) => r[0] ?? "");

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
          rowCount: 10,
          columnCount: 6,
          rows: [
            ["0", "a"],
            ["1", "b"],
            ["2", "c"],
            ["3", "d"],
            ["4", "e"],
          ],
        },
      ],
    });
  });

  it("moves rows down: [1, 3) to index 4 gives 0 3 1 2 4, whole rows with them (DISC's example)", async () => {
    const res = await batch(move("ROWS", 1, 3, 4));
    expect(res.body).toEqual({ spreadsheetId: "ss", replies: [{}] });
    expect(await values("Sheet1!A1:B5")).toEqual([
      ["0", "a"],
      ["3", "d"],
      ["1", "b"],
      ["2", "c"],
      ["4", "e"],
    ]);
  });

  it("moves one row to before row 5 with destinationIndex 5: it lands at index 4", async () => {
    await batch(move("ROWS", 1, 2, 5));
    expect(await column()).toEqual(["0", "2", "3", "4", "1"]);
  });

  it("moves rows up, and past the data into empty rows and back", async () => {
    await batch(move("ROWS", 3, 5, 1));
    expect(await column()).toEqual(["0", "3", "4", "1", "2"]);
    await batch(move("ROWS", 0, 1, 8));
    expect(await column("Sheet1!A1:A8")).toEqual(["3", "4", "1", "2", "", "", "", "0"]);
    await batch(move("ROWS", 7, 8, 0));
    expect(await column("Sheet1!A1:A8")).toEqual(["0", "3", "4", "1", "2"]);
  });

  it("moves columns: A to before D, and the grid keeps its size", async () => {
    await batch(move("COLUMNS", 0, 1, 3));
    expect(await values("Sheet1!A1:D2")).toEqual([
      ["a", "", "0"],
      ["b", "", "1"],
    ]);
    const props = emu.emulator.spreadsheetResource("ss") as {
      sheets: { properties: { gridProperties: unknown } }[];
    };
    expect(props.sheets[0]?.properties.gridProperties).toEqual({ rowCount: 10, columnCount: 6 });
  });

  it("keeps formulas pointing at the data they named, wherever it went", async () => {
    await emu.call("PUT", `/v4/spreadsheets/ss/values/${enc("Sheet1!C1:C3")}?valueInputOption=USER_ENTERED`, {
      values: [["=B2"], ["=SUM(A1:A5)"], ["=B5"]],
    });
    await batch(move("ROWS", 1, 3, 4));
    // Row 1 stays and its "b" is now in B3; =SUM moved to C3 and still spans A1:A5; =B5 moved to C4
    // and row 5 did not move.
    expect(await values("Sheet1!C1:C4", "FORMULA")).toEqual([["=B3"], [], ["=SUM(A1:A5)"], ["=B5"]]);
    expect(await values("Sheet1!C1:C4")).toEqual([["b"], [], ["10"], ["e"]]);
  });

  it("takes a row's merge, data validation, format and height along with it", async () => {
    await batch(
      {
        mergeCells: {
          range: { sheetId: 0, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 2, endColumnIndex: 4 },
          mergeType: "MERGE_ALL",
        },
      },
      {
        setDataValidation: {
          range: { sheetId: 0, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 1, endColumnIndex: 2 },
          rule: {
            condition: {
              type: "ONE_OF_LIST",
              values: [{ userEnteredValue: "b" }, { userEnteredValue: "x" }],
            },
            strict: true,
          },
        },
      },
      {
        repeatCell: {
          range: { sheetId: 0, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 1 },
          cell: { userEnteredFormat: { textFormat: { bold: true } } },
          fields: "userEnteredFormat.textFormat.bold",
        },
      },
      {
        updateDimensionProperties: {
          range: { sheetId: 0, dimension: "ROWS", startIndex: 1, endIndex: 2 },
          properties: { pixelSize: 40 },
          fields: "pixelSize",
        },
      },
      move("ROWS", 1, 2, 4),
    );
    const got = await emu.call(
      "GET",
      `/v4/spreadsheets/ss?ranges=${enc("Sheet1!A2:B4")}&fields=sheets(merges,data(rowMetadata.pixelSize,rowData.values(formattedValue,dataValidation.strict,userEnteredFormat.textFormat.bold)))`,
    );
    expect(got.body).toEqual({
      sheets: [
        {
          data: [
            {
              rowData: [
                { values: [{ formattedValue: "2" }, { formattedValue: "c" }] },
                { values: [{ formattedValue: "3" }, { formattedValue: "d" }] },
                {
                  values: [
                    { formattedValue: "1", userEnteredFormat: { textFormat: { bold: true } } },
                    { formattedValue: "b", dataValidation: { strict: true } },
                  ],
                },
              ],
              rowMetadata: [{ pixelSize: 21 }, { pixelSize: 21 }, { pixelSize: 40 }],
            },
          ],
          merges: [{ startRowIndex: 3, endRowIndex: 4, startColumnIndex: 2, endColumnIndex: 4 }],
        },
      ],
    });
  });

  it("moves named and protected ranges with the rows they cover, and shifts the rows between", async () => {
    const added = await batch(
      {
        addNamedRange: {
          namedRange: { name: "第二行", range: { sheetId: 0, startRowIndex: 1, endRowIndex: 2 } },
        },
      },
      {
        addProtectedRange: {
          protectedRange: { range: { sheetId: 0, startRowIndex: 3, endRowIndex: 4 }, warningOnly: true },
        },
      },
      move("ROWS", 1, 2, 5),
    );
    expect(added.status).toBe(200);
    expect(await values("第二行")).toEqual([["1", "b"]]);
    const got = await emu.call(
      "GET",
      "/v4/spreadsheets/ss?fields=namedRanges.range,sheets.protectedRanges.range",
    );
    expect(got.body).toEqual({
      namedRanges: [{ range: { startRowIndex: 4, endRowIndex: 5 } }],
      sheets: [{ protectedRanges: [{ range: { startRowIndex: 2, endRowIndex: 3 } }] }],
    });
  });

  it("leaves everything in place for a destination at either edge of the source", async () => {
    const res = await batch(move("ROWS", 1, 3, 1), move("ROWS", 1, 3, 3));
    expect(res.body).toEqual({ spreadsheetId: "ss", replies: [{}, {}] });
    expect(await column()).toEqual(["0", "1", "2", "3", "4"]);
  });

  it("refuses a destination inside the rows being moved, and ranges past the grid, changing nothing", async () => {
    const inside = await batch(move("ROWS", 1, 4, 2));
    expect(inside.status).toBe(400);
    expect(inside.body).toEqual({
      error: {
        code: 400,
        message:
          "Invalid requests[0].moveDimension: Cannot move the rows 1..4 to index 2, inside the rows being moved.",
        status: "INVALID_ARGUMENT",
      },
    });
    const past = await batch(move("ROWS", 0, 1, 3), move("COLUMNS", 5, 7, 0));
    expect((past.body as { error: { message: string } }).error.message).toBe(
      "Invalid requests[1].moveDimension: The columns 5..7 exceed the grid (6).",
    );
    const far = await batch(move("ROWS", 0, 1, 11));
    expect((far.body as { error: { message: string } }).error.message).toBe(
      "Invalid requests[0].moveDimension: Cannot move to index 11: the sheet has only 10 rows.",
    );
    const noSheet = await batch({
      moveDimension: {
        source: { sheetId: 9, dimension: "ROWS", startIndex: 0, endIndex: 1 },
        destinationIndex: 2,
      },
    });
    expect((noSheet.body as { error: { message: string } }).error.message).toBe(
      "Invalid requests[0].moveDimension: No grid with id: 9",
    );
    expect(await column()).toEqual(["0", "1", "2", "3", "4"]);
  });
});
