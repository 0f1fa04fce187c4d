import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enc, startTestEmulator, type TestEmulator } from "./helpers";

const V = "/v4/spreadsheets/ss/values";

describe("values: writing and reading like Google", () => {
  let emu: TestEmulator;
  const put = (range: string, values: unknown[][], option = "RAW", extra = "") =>
    emu.call("PUT", `${V}/${enc(range)}?valueInputOption=${option}${extra}`, { values });
  const get = async (range: string, query = "") =>
    (await emu.call("GET", `${V}/${enc(range)}${query}`)).body as { range: string; values?: unknown[][] };

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

  it("drops trailing empty cells and rows, keeps interior ones as '' and []", async () => {
    await put("Sheet1!A1", [
      ["A1", "B1", "", "D1"],
      ["", "b2", "", ""],
      ["", "", "", ""],
      ["A4", "", "", ""],
      ["", ""],
    ]);
    expect(await get("Sheet1")).toEqual({
      range: "Sheet1!A1:Z1000",
      majorDimension: "ROWS",
      values: [["A1", "B1", "", "D1"], ["", "b2"], [], ["A4"]],
    });
  });

  it("omits the values key for an empty range", async () => {
    expect(await get("Sheet1!B2:C3")).toEqual({ range: "Sheet1!B2:C3", majorDimension: "ROWS" });
  });

  it("keeps formula-looking and number-looking text verbatim under RAW", async () => {
    const risky = ['=IMPORTXML("http://x","//a")', "+1", "@x", "-2", "'quoted", "2020-01-01", "TRUE"];
    await put("Sheet1!A1", [risky]);
    expect((await get("Sheet1!A1:G1")).values).toEqual([risky]);
    expect((await get("Sheet1!A1:G1", "?valueRenderOption=FORMULA")).values).toEqual([risky]);
    expect((await get("Sheet1!A1:G1", "?valueRenderOption=UNFORMATTED_VALUE")).values).toEqual([risky]);
  });

  it("stores JSON numbers and booleans under RAW as numbers and booleans", async () => {
    await put("Sheet1!A1", [[53, 0.12, true]]);
    expect((await get("Sheet1!A1:C1", "?valueRenderOption=UNFORMATTED_VALUE")).values).toEqual([
      [53, 0.12, true],
    ]);
    expect((await get("Sheet1!A1:C1")).values).toEqual([["53", "0.12", "TRUE"]]);
  });

  it("parses USER_ENTERED input like the en_US UI", async () => {
    await put(
      "Sheet1!A1",
      [
        [
          "=4/2",
          "2020-01-01",
          "1/2/2020",
          "2,000,000.01",
          "'=not a formula",
          "+1",
          "-2",
          "true",
          "10%",
          "= 1 / 1024",
        ],
      ],
      "USER_ENTERED",
    );
    expect((await get("Sheet1!A1:J1")).values).toEqual([
      [
        "2",
        "2020-01-01",
        "1/2/2020",
        "2,000,000.01",
        "=not a formula",
        "1",
        "-2",
        "TRUE",
        "10%",
        "0.0009765625",
      ],
    ]);
    expect((await get("Sheet1!A1:J1", "?valueRenderOption=UNFORMATTED_VALUE")).values).toEqual([
      [2, 43831, 43832, 2000000.01, "=not a formula", 1, -2, true, 0.1, 0.0009765625],
    ]);
    expect((await get("Sheet1!A1:C1", "?valueRenderOption=FORMULA")).values).toEqual([
      ["=4/2", 43831, 43832],
    ]);
  });

  it("renders dates per dateTimeRenderOption, ignored under FORMATTED_VALUE", async () => {
    await put("Sheet1!A1", [["1999-01-02", "=A1+1"]], "USER_ENTERED");
    const q = "?valueRenderOption=UNFORMATTED_VALUE&dateTimeRenderOption=";
    expect((await get("Sheet1!A1:B1", `${q}SERIAL_NUMBER`)).values).toEqual([[36162, 36163]]);
    expect((await get("Sheet1!A1", `${q}FORMATTED_STRING`)).values).toEqual([["1999-01-02"]]);
    expect((await get("Sheet1!A1", "?dateTimeRenderOption=SERIAL_NUMBER")).values).toEqual([["1999-01-02"]]);
  });

  it("evaluates formulas with cell references and reports unknown functions as #NAME?", async () => {
    await put(
      "Sheet1!A1",
      [[3, 4, "=A1*B1+1", '=IMPORTXML("http://x","//a")', "=1/0", "=SUM(A1:C1)"]],
      "USER_ENTERED",
    );
    expect((await get("Sheet1!A1:F1")).values).toEqual([["3", "4", "13", "#NAME?", "#DIV/0!", "20"]]);
  });

  it("skips null, clears with an empty string, and counts both like Google", async () => {
    await put("Sheet1!A1", [
      ["x", "y"],
      ["z", "w"],
    ]);
    const res = await put("Sheet1!A1:B2", [
      [null, ""],
      ["Z", null],
    ]);
    expect(res.body).toEqual({
      spreadsheetId: "ss",
      updatedRange: "Sheet1!A1:B2",
      updatedRows: 2,
      updatedColumns: 2,
      updatedCells: 2,
    });
    expect((await get("Sheet1!A1:B2")).values).toEqual([["x"], ["Z", "w"]]);
  });

  it("writes and reads COLUMNS-major data", async () => {
    await emu.call("PUT", `${V}/${enc("Sheet1!A1")}?valueInputOption=RAW`, {
      majorDimension: "COLUMNS",
      values: [
        [1, 2],
        [3, 4],
      ],
    });
    expect((await get("Sheet1!A1:B2", "?valueRenderOption=UNFORMATTED_VALUE")).values).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect((await get("Sheet1!A1:B2", "?majorDimension=COLUMNS")).values).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
  });

  it("refuses a write larger than the requested range, naming the first column or row outside", async () => {
    const wide = await put("Sheet1!A1:D1", [[1, 2, 3, 4, 5]]);
    expect(wide.status).toBe(400);
    expect((wide.body as { error: { message: string } }).error.message).toBe(
      "Requested writing within range [Sheet1!A1:D1], but tried writing to column [E]",
    );
    const tall = await put("Sheet1!A13:D15", [[1], [2], [3], [4]]);
    expect((tall.body as { error: { message: string } }).error.message).toBe(
      "Requested writing within range [Sheet1!A13:D15], but tried writing to row [16]",
    );
  });

  it("refuses writes past the grid without growing it", async () => {
    const res = await put("Sheet1!Z1", [[1, 2]]);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: 400,
        message: "Range (Sheet1!Z1:AA1) exceeds grid limits. Max rows: 1000, max columns: 26",
        status: "INVALID_ARGUMENT",
      },
    });
  });

  it("requires valueInputOption and rejects a body whose values are not a list", async () => {
    const missing = await emu.call("PUT", `${V}/${enc("Sheet1!A1")}`, { values: [["x"]] });
    expect((missing.body as { error: { message: string } }).error.message).toBe(
      "Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED",
    );
    const bad = await emu.call("PUT", `${V}/${enc("Sheet1!A1")}?valueInputOption=RAW`, { values: "X" });
    expect((bad.body as { error: { message: string } }).error.message).toBe(
      "Invalid value at 'data.values' (type.googleapis.com/google.protobuf.ListValue), \"X\"",
    );
  });

  it("returns the written values when includeValuesInResponse is set", async () => {
    const res = await put("Sheet1!A1:B2", [["=1+1"]], "USER_ENTERED", "&includeValuesInResponse=true");
    expect((res.body as { updatedData: unknown }).updatedData).toEqual({
      range: "Sheet1!A1:B2",
      majorDimension: "ROWS",
      values: [["2"]],
    });
  });

  it("batchGet keeps request order; batchUpdate totals count distinct rows and columns", async () => {
    const update = await emu.call("POST", `${V}:batchUpdate`, {
      valueInputOption: "RAW",
      data: [
        { range: "Sheet1!A1:D1", values: [["A1", "B1", "", "D1"]] },
        { range: "Sheet1!A4:D4", values: [["A4", "B4", "", "D4"]] },
      ],
    });
    expect(update.body).toMatchObject({
      totalUpdatedRows: 2,
      totalUpdatedColumns: 4,
      totalUpdatedCells: 8,
      totalUpdatedSheets: 1,
    });
    const batch = await emu.call(
      "GET",
      `${V}:batchGet?ranges=${enc("Sheet1!B4:D4")}&ranges=${enc("Sheet1!A2")}`,
    );
    expect(batch.body).toEqual({
      spreadsheetId: "ss",
      valueRanges: [
        { range: "Sheet1!B4:D4", majorDimension: "ROWS", values: [["B4", "", "D4"]] },
        { range: "Sheet1!A2", majorDimension: "ROWS" },
      ],
    });
  });

  it("applies a values.batchUpdate all or nothing, naming the bad element", async () => {
    const res = await emu.call("POST", `${V}:batchUpdate`, {
      valueInputOption: "RAW",
      data: [
        { range: "Sheet1!A1", values: [["kept?"]] },
        { range: "Nope!A1", values: [["x"]] },
      ],
    });
    expect((res.body as { error: { message: string } }).error.message).toBe(
      "Invalid data[1]: Unable to parse range: Nope!A1",
    );
    expect(await get("Sheet1!A1")).toEqual({ range: "Sheet1!A1", majorDimension: "ROWS" });
  });

  it("clears values but keeps the range's grid-bounded form in the answer", async () => {
    await put("Sheet1!A1", [["a", "b"]]);
    const clear = await emu.call("POST", `${V}/${enc("Sheet1!A:B")}:clear`, {});
    expect(clear.body).toEqual({ spreadsheetId: "ss", clearedRange: "Sheet1!A1:B1000" });
    const batch = await emu.call("POST", `${V}:batchClear`, { ranges: ["Sheet1!A1", "Sheet1"] });
    expect(batch.body).toEqual({ spreadsheetId: "ss", clearedRanges: ["Sheet1!A1", "Sheet1!A1:Z1000"] });
  });
});
