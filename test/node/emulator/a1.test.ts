import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseA1, quoteTitle } from "../../../tools/sheets-emulator/a1";
import { enc, startTestEmulator, type TestEmulator } from "./helpers";

describe("A1 notation parsing", () => {
  it("reads quoted names with doubled apostrophes and CJK names", () => {
    expect(parseA1("'Jon''s data'!A1:B2")).toEqual({
      sheetTitle: "Jon's data",
      startRow: 0,
      endRow: 2,
      startCol: 0,
      endCol: 2,
    });
    expect(parseA1("'建议台账'!A2:AH")).toEqual({
      sheetTitle: "建议台账",
      startRow: 1,
      startCol: 0,
      endCol: 34,
    });
  });

  it("reads open ranges: whole columns, whole rows, column from a row, whole sheet", () => {
    expect(parseA1("Sheet1!A:A")).toEqual({ sheetTitle: "Sheet1", startCol: 0, endCol: 1 });
    expect(parseA1("1:2")).toEqual({ startRow: 0, endRow: 2 });
    expect(parseA1("A5:A")).toEqual({ startRow: 4, startCol: 0, endCol: 1 });
    expect(parseA1("Sheet1")).toEqual({ sheetTitle: "Sheet1" });
    expect(parseA1("R2C1:R3C2")).toEqual({ startRow: 1, endRow: 3, startCol: 0, endCol: 2 });
  });

  it("treats a bare A1 as a cell of the first sheet and swaps reversed corners", () => {
    expect(parseA1("A1")).toEqual({ startRow: 0, endRow: 1, startCol: 0, endCol: 1 });
    expect(parseA1("B2:A1")).toEqual({ startRow: 0, endRow: 2, startCol: 0, endCol: 2 });
  });

  it("rejects what Google cannot parse with its own message", () => {
    for (const bad of ["'unterminated!A1", "Sheet1!A1:B2:C3", "Sheet1!", "'x'A1", ""]) {
      expect(() => parseA1(bad), bad).toThrow(`Unable to parse range: ${bad}`);
    }
  });

  it("quotes titles in answers unless they are plain names that cannot be read as a reference", () => {
    expect(quoteTitle("Sheet1")).toBe("Sheet1");
    expect(quoteTitle("D3")).toBe("'D3'");
    expect(quoteTitle("建议台账")).toBe("'建议台账'");
    expect(quoteTitle("My sheet")).toBe("'My sheet'");
    expect(quoteTitle("it's")).toBe("'it''s'");
    expect(quoteTitle("R1C1")).toBe("'R1C1'");
  });
});

describe("ranges as a client sees them", () => {
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
      sheets: [
        { title: "Sheet1", rows: [["a"]] },
        { title: "建议台账", rowCount: 40, columnCount: 34, rows: [["编号"], ["F-1"]] },
        { title: "it's" },
      ],
    });
  });

  it("answers a CJK sheet's open range quoted and clamped to the grid", async () => {
    const res = await emu.call("GET", `/v4/spreadsheets/ss/values/${enc("'建议台账'!A2:AH")}`);
    expect(res.body).toEqual({ range: "'建议台账'!A2:AH40", majorDimension: "ROWS", values: [["F-1"]] });
  });

  it("accepts the range unencoded in the path, as some clients send it", async () => {
    const res = await emu.call("GET", "/v4/spreadsheets/ss/values/Sheet1!A1:B2");
    expect(res.body).toEqual({ range: "Sheet1!A1:B2", majorDimension: "ROWS", values: [["a"]] });
  });

  it("reads the first sheet for a range without a sheet name and finds sheets case-insensitively", async () => {
    expect((await emu.call("GET", `/v4/spreadsheets/ss/values/${enc("A1:A3")}`)).body).toMatchObject({
      range: "Sheet1!A1:A3",
    });
    expect((await emu.call("GET", `/v4/spreadsheets/ss/values/${enc("sheet1!A1")}`)).body).toMatchObject({
      range: "Sheet1!A1",
    });
  });

  it("quotes a title with an apostrophe by doubling it", async () => {
    const res = await emu.call("GET", `/v4/spreadsheets/ss/values/${enc("'it''s'!1:2")}`);
    expect(res.body).toEqual({ range: "'it''s'!A1:Z2", majorDimension: "ROWS" });
  });

  it("clamps reads past the grid but refuses a range that starts outside it", async () => {
    const clamped = await emu.call("GET", `/v4/spreadsheets/ss/values/${enc("'建议台账'!A30:ZZ99")}`);
    expect(clamped.body).toEqual({ range: "'建议台账'!A30:AH40", majorDimension: "ROWS" });
    const outside = await emu.call("GET", `/v4/spreadsheets/ss/values/${enc("'建议台账'!A41")}`);
    expect(outside.status).toBe(400);
    expect(outside.body).toEqual({
      error: {
        code: 400,
        message: "Range ('建议台账'!A41) exceeds grid limits. Max rows: 40, max columns: 34",
        status: "INVALID_ARGUMENT",
      },
    });
  });

  it("answers an unknown sheet with Unable to parse range", async () => {
    const res = await emu.call("GET", `/v4/spreadsheets/ss/values/${enc("NOPE!A5:F15")}`);
    expect(res.status).toBe(400);
    expect(res.contentType).toBe("application/json; charset=UTF-8");
    expect(res.body).toEqual({
      error: { code: 400, message: "Unable to parse range: NOPE!A5:F15", status: "INVALID_ARGUMENT" },
    });
  });
});
