import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enc, startTestEmulator, type TestEmulator } from "./helpers";

const V = "/v4/spreadsheets/ss/values";

describe("values.append finds the table the way Google does", () => {
  let emu: TestEmulator;
  const append = (range: string, values: unknown[][], query = "") =>
    emu.call("POST", `${V}/${enc(range)}:append?valueInputOption=RAW${query}`, { values });
  const seed = (rows: unknown[][], rowCount?: number) =>
    emu.emulator.createSpreadsheet({
      spreadsheetId: "ss",
      sheets: [{ title: "Sheet1", rows: rows as never, ...(rowCount ? { rowCount } : {}) }],
    });

  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(async () => {
    await emu.close();
  });
  beforeEach(() => emu.emulator.reset());

  it("writes at the range's first cell and reports no tableRange on an empty sheet", async () => {
    seed([]);
    const res = await append("Sheet1", [["a", "b", "c"]]);
    expect(res.body).toEqual({
      spreadsheetId: "ss",
      updates: {
        spreadsheetId: "ss",
        updatedRange: "Sheet1!A1:C1",
        updatedRows: 1,
        updatedColumns: 3,
        updatedCells: 3,
      },
    });
  });

  it("appends below a contiguous table and grows tableRange on each call", async () => {
    seed([["h1", "h2"]]);
    expect((await append("Sheet1", [["a", "b"]])).body).toMatchObject({
      tableRange: "Sheet1!A1:B1",
      updates: { updatedRange: "Sheet1!A2:B2" },
    });
    expect((await append("Sheet1", [["c", "d"]])).body).toMatchObject({
      tableRange: "Sheet1!A1:B2",
      updates: { updatedRange: "Sheet1!A3:B3" },
    });
  });

  it("shifts right to the last block when the first row has a gap and the range is the whole sheet", async () => {
    seed([["x", "", "y"]]);
    expect((await append("Sheet1", [["1", "", "3"]])).body).toMatchObject({
      tableRange: "Sheet1!C1",
      updates: { updatedRange: "Sheet1!C2:E2" },
    });
  });

  it("stays in column A when the range is anchored at A1", async () => {
    seed([["x", "", "y"]]);
    expect((await append("Sheet1!A1", [["1", "", "3"]])).body).toMatchObject({
      tableRange: "Sheet1!A1",
      updates: { updatedRange: "Sheet1!A2:C2" },
    });
  });

  it("writes at the anchor when its cell is empty, even with a table below", async () => {
    seed([[], ["t1", "t2"], ["t3", "t4"]]);
    const res = await append("Sheet1!A1", [["new"]]);
    expect(res.body).toEqual({
      spreadsheetId: "ss",
      updates: {
        spreadsheetId: "ss",
        updatedRange: "Sheet1!A1",
        updatedRows: 1,
        updatedColumns: 1,
        updatedCells: 1,
      },
    });
  });

  it("includes rows with interior gaps in the table (blocks touch diagonally)", async () => {
    seed([
      ["id", "name"],
      ["F-1", ""],
      ["", "x"],
    ]);
    expect((await append("Sheet1!A:A", [["F-3"]])).body).toMatchObject({
      tableRange: "Sheet1!A1:B3",
      updates: { updatedRange: "Sheet1!A4" },
    });
  });

  it("inserts rows with INSERT_ROWS so content below moves down", async () => {
    seed([["id"], ["F-1"], [], ["footer"]]);
    const res = await append("Sheet1!A1:A2", [["F-2"]], "&insertDataOption=INSERT_ROWS");
    expect(res.body).toMatchObject({ tableRange: "Sheet1!A1:A2", updates: { updatedRange: "Sheet1!A3" } });
    expect(emu.emulator.getValues("ss", "Sheet1!A1:A6")).toEqual([["id"], ["F-1"], ["F-2"], [], ["footer"]]);
    const grid = emu.emulator.spreadsheetResource("ss") as {
      sheets: { properties: { gridProperties: unknown } }[];
    };
    expect(grid.sheets[0]?.properties.gridProperties).toEqual({ rowCount: 1001, columnCount: 26 });
  });

  it("grows the grid when appending past the last row, even with OVERWRITE", async () => {
    seed([["a"], ["b"]], 2);
    const res = await append("Sheet1", [["c", "d"]]);
    expect(res.body).toMatchObject({ tableRange: "Sheet1!A1:A2", updates: { updatedRange: "Sheet1!A3:B3" } });
    expect(emu.emulator.getValues("ss", "Sheet1")).toEqual([["a"], ["b"], ["c", "d"]]);
  });

  it("lays out COLUMNS input from the table's next row", async () => {
    seed([["h"]]);
    const res = await emu.call("POST", `${V}/${enc("Sheet1!B1")}:append?valueInputOption=RAW`, {
      majorDimension: "COLUMNS",
      values: [
        ["a", "b", "c"],
        ["d", "e", "f"],
      ],
    });
    expect((res.body as { updates: { updatedRange: string } }).updates.updatedRange).toBe("Sheet1!B1:C3");
  });

  it("returns the appended values with includeValuesInResponse", async () => {
    seed([["h"]]);
    const res = await emu.call(
      "POST",
      `${V}/${enc("Sheet1!A1")}:append?valueInputOption=USER_ENTERED&includeValuesInResponse=true&responseValueRenderOption=UNFORMATTED_VALUE`,
      { values: [["=1+2", "2026-05-01"]] },
    );
    expect((res.body as { updates: { updatedData: unknown } }).updates.updatedData).toEqual({
      range: "Sheet1!A2:B2",
      majorDimension: "ROWS",
      values: [[3, 46143]],
    });
  });
});
