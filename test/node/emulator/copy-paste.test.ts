import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./helpers";

const BU = "/v4/spreadsheets/ss:batchUpdate";

describe("copyPaste and faults that strike after the write", () => {
  let emu: TestEmulator;
  let scratchId: number;
  const batch = (...requests: unknown[]) => emu.call("POST", BU, { requests });
  const values = (range: string) =>
    emu.emulator.getValues("ss", range, { valueRenderOption: "UNFORMATTED_VALUE" });
  const rows = (r0: number, r1: number, c0: number, c1: number, sheetId = 0) => ({
    sheetId,
    startRowIndex: r0,
    endRowIndex: r1,
    startColumnIndex: c0,
    endColumnIndex: c1,
  });

  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(async () => {
    await emu.close();
  });
  beforeEach(async () => {
    emu.emulator.reset();
    emu.emulator.createSpreadsheet({
      spreadsheetId: "ss",
      valueInputOption: "USER_ENTERED",
      sheets: [
        {
          title: "Sheet1",
          rows: [
            ["id", "score", "sum"],
            ["F-1", 10, "=B2*2"],
            ["F-2", 20, "=B3*2"],
          ],
        },
      ],
    });
    const added = await batch({ addSheet: { properties: { title: "scratch" } } });
    scratchId = (added.body as { replies: { addSheet: { properties: { sheetId: number } } }[] }).replies[0]
      ?.addSheet.properties.sheetId as number;
  });

  it("pastes what the cells show (PASTE_VALUES) onto another sheet, formulas as their values", async () => {
    const res = await batch({
      copyPaste: {
        source: rows(1, 3, 0, 3),
        destination: rows(0, 2, 0, 3, scratchId),
        pasteType: "PASTE_VALUES",
      },
    });
    expect(res.status).toBe(200);
    expect(values("scratch!A1:C2")).toEqual([
      ["F-1", 10, 20],
      ["F-2", 20, 40],
    ]);
  });

  it("takes the source as it was before a later request of the same batch changed it", async () => {
    await batch(
      {
        copyPaste: {
          source: rows(1, 2, 0, 2),
          destination: rows(0, 1, 0, 2, scratchId),
          pasteType: "PASTE_VALUES",
        },
      },
      {
        updateCells: {
          start: { sheetId: 0, rowIndex: 1, columnIndex: 0 },
          rows: [{ values: [{ userEnteredValue: { stringValue: "F-9" } }] }],
          fields: "userEnteredValue",
        },
      },
    );
    expect(values("scratch!A1:B1")).toEqual([["F-1", 10]]);
    expect(values("Sheet1!A2")).toEqual([["F-9"]]);
  });

  it("pastes blanks over old content, and copies formats alone with PASTE_FORMAT", async () => {
    await batch({
      updateCells: {
        start: { sheetId: scratchId, rowIndex: 0, columnIndex: 0 },
        rows: [
          {
            values: [
              { userEnteredValue: { stringValue: "old" } },
              { userEnteredValue: { stringValue: "old" } },
            ],
          },
        ],
        fields: "userEnteredValue",
      },
    });
    await batch({
      repeatCell: {
        range: rows(1, 2, 1, 2),
        cell: { userEnteredFormat: { numberFormat: { type: "DATE", pattern: "yyyy-mm-dd" } } },
        fields: "userEnteredFormat.numberFormat",
      },
    });
    await batch({
      copyPaste: {
        source: rows(5, 6, 0, 2),
        destination: rows(0, 1, 0, 2, scratchId),
        pasteType: "PASTE_VALUES",
      },
    });
    expect(values("scratch!A1:B1")).toEqual([]);
    await batch({
      copyPaste: { source: rows(1, 2, 1, 2), destination: rows(2, 3, 1, 2), pasteType: "PASTE_FORMAT" },
    });
    expect(emu.emulator.getValues("ss", "Sheet1!B3", { valueRenderOption: "FORMATTED_VALUE" })).toEqual([
      ["1900-01-19"],
    ]);
  });

  it("repeats the source over a destination that spans a multiple of it", async () => {
    await batch({ copyPaste: { source: rows(1, 2, 0, 1), destination: rows(0, 3, 0, 1, scratchId) } });
    expect(values("scratch!A1:A3")).toEqual([["F-1"], ["F-1"], ["F-1"]]);
  });

  it("refuses a paste that would leave the grid, changing nothing", async () => {
    await batch({
      updateSheetProperties: {
        properties: { sheetId: scratchId, gridProperties: { rowCount: 1, columnCount: 3 } },
        fields: "gridProperties.rowCount,gridProperties.columnCount",
      },
    });
    const res = await batch({
      copyPaste: { source: rows(1, 3, 0, 3), destination: rows(0, 1, 0, 3, scratchId) },
    });
    expect(res.status).toBe(400);
    expect(values("scratch!A1:C1")).toEqual([]);
  });

  it("a fault 'after' keeps the write and still answers the error", async () => {
    emu.emulator.addFault({ method: "POST", pathIncludes: ":append", status: 503, when: "after" });
    const res = await emu.call("POST", "/v4/spreadsheets/ss/values/Sheet1!A1:append?valueInputOption=RAW", {
      values: [["F-3", 30]],
    });
    expect(res.status).toBe(503);
    expect(values("Sheet1!A4:B4")).toEqual([["F-3", 30]]);
    const logged = emu.emulator.requests().at(-1);
    expect(logged?.status).toBe(503);
    expect(logged?.cellsWritten).toBe(2);
  });
});
