import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enc, startTestEmulator, type TestEmulator } from "./helpers";

const LIMIT = "Your input contains more than the maximum of 50000 characters in a single cell.";
const TOO_LONG = "字".repeat(50_001);
const AT_LIMIT = "x".repeat(50_000);

/**
 * Google's 50,000-characters-per-cell limit (Drive "Files you can store", quoted in sheets-api.md
 * §2.2; the message is the one clients report) on every path that writes a cell.
 */
describe("the 50,000-character cell limit", () => {
  let emu: TestEmulator;
  const expectRefused = (res: { status: number; body: unknown }, prefix = "") => {
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { code: 400, message: `${prefix}${LIMIT}`, status: "INVALID_ARGUMENT" },
    });
    expect(emu.emulator.getValues("ss", "Sheet1!A1:C3")).toEqual([["kept"]]);
  };

  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(async () => {
    await emu.close();
  });
  beforeEach(() => {
    emu.emulator.reset();
    emu.emulator.createSpreadsheet({ spreadsheetId: "ss", sheets: [{ title: "Sheet1", rows: [["kept"]] }] });
  });

  it("accepts exactly 50,000 characters", async () => {
    const res = await emu.call("PUT", `/v4/spreadsheets/ss/values/${enc("Sheet1!B1")}?valueInputOption=RAW`, {
      values: [[AT_LIMIT]],
    });
    expect(res.status).toBe(200);
  });

  it("refuses a longer value in values.update (RAW and USER_ENTERED), writing none of the block", async () => {
    for (const option of ["RAW", "USER_ENTERED"]) {
      const res = await emu.call(
        "PUT",
        `/v4/spreadsheets/ss/values/${enc("Sheet1!B1")}?valueInputOption=${option}`,
        { values: [["short", TOO_LONG]] },
      );
      expectRefused(res);
    }
  });

  it("refuses it in values.batchUpdate and values.append", async () => {
    const batch = await emu.call("POST", "/v4/spreadsheets/ss/values:batchUpdate", {
      valueInputOption: "USER_ENTERED",
      data: [
        { range: "Sheet1!B1", values: [["ok"]] },
        { range: "Sheet1!C1", values: [[`=${TOO_LONG}`]] },
      ],
    });
    expectRefused(batch, "Invalid data[1]: ");
    const append = await emu.call(
      "POST",
      `/v4/spreadsheets/ss/values/${enc("Sheet1!A1")}:append?valueInputOption=RAW&insertDataOption=INSERT_ROWS`,
      { values: [[TOO_LONG]] },
    );
    expectRefused(append);
  });

  it("refuses it in updateCells and repeatCell", async () => {
    const update = await emu.call("POST", "/v4/spreadsheets/ss:batchUpdate", {
      requests: [
        {
          updateCells: {
            start: { sheetId: 0, rowIndex: 1, columnIndex: 0 },
            rows: [{ values: [{ userEnteredValue: { stringValue: TOO_LONG } }] }],
            fields: "userEnteredValue",
          },
        },
      ],
    });
    expectRefused(update, "Invalid requests[0].updateCells: ");
    const repeat = await emu.call("POST", "/v4/spreadsheets/ss:batchUpdate", {
      requests: [
        {
          repeatCell: {
            range: { sheetId: 0, startRowIndex: 1, endRowIndex: 2 },
            cell: { userEnteredValue: { formulaValue: `="${TOO_LONG}"` } },
            fields: "userEnteredValue",
          },
        },
      ],
    });
    expectRefused(repeat, "Invalid requests[0].repeatCell: ");
  });

  it("refuses it for a person typing through the admin edits too", () => {
    expect(() =>
      emu.emulator.applyEdits([
        { op: "valuesUpdate", spreadsheetId: "ss", range: "Sheet1!B2", values: [[TOO_LONG]] },
      ]),
    ).toThrow(LIMIT);
    expect(emu.emulator.getValues("ss", "Sheet1!A1:C3")).toEqual([["kept"]]);
  });
});
