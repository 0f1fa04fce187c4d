import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enc, startTestEmulator, type TestEmulator } from "./helpers";

/**
 * Named ranges, the basic filter and dimension groups. Recorded answers are from gspread's cassettes
 * (burnash/gspread tests/cassettes): CellTest.test_define_named_range, CellTest.test_delete_named_range,
 * WorksheetTest.test_basic_filters and WorksheetTest.test_group_rows; the nesting rules are DISC's
 * AddDimensionGroupRequest / DeleteDimensionGroupRequest descriptions.
 */
describe("named ranges, basic filter, dimension groups", () => {
  let emu: TestEmulator;
  const batch = (...requests: unknown[]) => emu.call("POST", "/v4/spreadsheets/ss:batchUpdate", { requests });
  const get = async (query: string) => (await emu.call("GET", `/v4/spreadsheets/ss?${query}`)).body;
  const message = (body: unknown) => (body as { error: { message: string } }).error.message;
  const dims = (dimension: string, startIndex: number, endIndex: number) => ({
    range: { sheetId: 0, dimension, startIndex, endIndex },
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
            [1, 2],
            [3, 4],
            [5, 6],
          ],
        },
      ],
    });
  });

  describe("named ranges", () => {
    const define = (name: string, range: Record<string, number>) =>
      batch({ addNamedRange: { namedRange: { name, range: { ...range, sheetId: 0 } } } });
    const a1b2 = { startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 2 };

    it("defines, lists and deletes a named range as recorded", async () => {
      const res = await define("TestDefineNamedRange", a1b2);
      const reply = (res.body as { replies: { addNamedRange: { namedRange: { namedRangeId: string } } }[] })
        .replies[0]?.addNamedRange.namedRange;
      expect(reply).toEqual({
        namedRangeId: expect.stringMatching(/^\d+$/),
        name: "TestDefineNamedRange",
        range: { startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 2 },
      });
      expect(await get("fields=namedRanges")).toEqual({ namedRanges: [reply] });
      const deleted = await batch({ deleteNamedRange: { namedRangeId: reply?.namedRangeId } });
      expect(deleted.body).toEqual({ spreadsheetId: "ss", replies: [{}] });
      expect(await get("fields=namedRanges")).toEqual({});
    });

    it("reads a named range by name in values.get and evaluates it in formulas", async () => {
      await define("Totals", { startRowIndex: 1, endRowIndex: 3, startColumnIndex: 0, endColumnIndex: 2 });
      const read = await emu.call("GET", "/v4/spreadsheets/ss/values/Totals");
      expect(read.body).toEqual({
        range: "Sheet1!A2:B3",
        majorDimension: "ROWS",
        values: [
          ["3", "4"],
          ["5", "6"],
        ],
      });
      await emu.call("PUT", `/v4/spreadsheets/ss/values/${enc("Sheet1!D1")}?valueInputOption=USER_ENTERED`, {
        values: [["=SUM(Totals)", "=SUM(Nope)"]],
      });
      expect(emu.emulator.getValues("ss", "Sheet1!D1:E1")).toEqual([["18", "#NAME?"]]);
    });

    it("follows inserted rows, renames and moves by updateNamedRange, and refuses bad or taken names", async () => {
      const res = await define("Lead", a1b2);
      const id = (res.body as { replies: { addNamedRange: { namedRange: { namedRangeId: string } } }[] })
        .replies[0]?.addNamedRange.namedRange.namedRangeId;
      await batch({ insertDimension: dims("ROWS", 0, 1) });
      expect(await get("fields=namedRanges.range")).toEqual({
        namedRanges: [
          { range: { startRowIndex: 1, endRowIndex: 3, startColumnIndex: 0, endColumnIndex: 2 } },
        ],
      });
      await batch({ updateNamedRange: { namedRange: { namedRangeId: id, name: "主办" }, fields: "name" } });
      expect(await get("fields=namedRanges.name")).toEqual({ namedRanges: [{ name: "主办" }] });
      await define("Other", a1b2);
      for (const name of ["A1", "R1C1", "1abc", "TRUE", "has space", "other"]) {
        const bad = await define(name, a1b2);
        expect(bad.status, name).toBe(400);
        expect(message(bad.body), name).toMatch(/^Invalid requests\[0\]\.addNamedRange: /);
      }
    });
  });

  describe("basic filter", () => {
    it("sets a filter over the whole grid, then over B1:C2, then clears it (recorded)", async () => {
      await batch({
        updateSheetProperties: {
          properties: { sheetId: 0, gridProperties: { rowCount: 20, columnCount: 20 } },
          fields: "gridProperties/rowCount,gridProperties/columnCount",
        },
      });
      const whole = await batch({ setBasicFilter: { filter: { range: { sheetId: 0 } } } });
      expect(whole.body).toEqual({ spreadsheetId: "ss", replies: [{}] });
      expect(await get("fields=sheets.basicFilter")).toEqual({
        sheets: [
          {
            basicFilter: {
              range: { startRowIndex: 0, endRowIndex: 20, startColumnIndex: 0, endColumnIndex: 20 },
            },
          },
        ],
      });
      await batch({
        setBasicFilter: {
          filter: {
            range: { sheetId: 0, startRowIndex: 0, endRowIndex: 2, startColumnIndex: 1, endColumnIndex: 3 },
          },
        },
      });
      const sheet = ((await get("includeGridData=false")) as { sheets: Record<string, unknown>[] }).sheets[0];
      expect(sheet?.basicFilter).toEqual({
        range: { startRowIndex: 0, endRowIndex: 2, startColumnIndex: 1, endColumnIndex: 3 },
      });
      await batch({ clearBasicFilter: { sheetId: 0 } });
      const cleared = ((await get("includeGridData=false")) as { sheets: Record<string, unknown>[] })
        .sheets[0];
      expect(cleared && "basicFilter" in cleared).toBe(false);
    });

    it("keeps sort and filter specs as given and follows deleted rows", async () => {
      const specs = { sortSpecs: [{ dimensionIndex: 1, sortOrder: "DESCENDING" }] };
      await batch({
        setBasicFilter: { filter: { range: { sheetId: 0, startRowIndex: 0, endRowIndex: 3 }, ...specs } },
      });
      await batch({ deleteDimension: dims("ROWS", 0, 1) });
      expect(await get("fields=sheets.basicFilter")).toEqual({
        sheets: [
          {
            basicFilter: {
              range: { startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 26 },
              ...specs,
            },
          },
        ],
      });
    });
  });

  describe("dimension groups", () => {
    it("adds and deletes a row group with Google's replies and metadata (recorded test_group_rows)", async () => {
      const added = await batch({ addDimensionGroup: dims("ROWS", 0, 2) });
      expect(added.body).toEqual({
        spreadsheetId: "ss",
        replies: [
          {
            addDimensionGroup: {
              dimensionGroups: [{ range: { dimension: "ROWS", startIndex: 0, endIndex: 2 }, depth: 1 }],
            },
          },
        ],
      });
      const sheet = ((await get("includeGridData=false")) as { sheets: Record<string, unknown>[] }).sheets[0];
      expect(sheet?.properties).toMatchObject({
        gridProperties: { rowCount: 1000, columnCount: 26, rowGroupControlAfter: true },
      });
      expect(sheet?.rowGroups).toEqual([
        { range: { dimension: "ROWS", startIndex: 0, endIndex: 2 }, depth: 1 },
      ]);
      const deleted = await batch({ deleteDimensionGroup: dims("ROWS", 0, 2) });
      expect(deleted.body).toEqual({ spreadsheetId: "ss", replies: [{ deleteDimensionGroup: {} }] });
      const after = ((await get("includeGridData=false")) as { sheets: Record<string, unknown>[] }).sheets[0];
      expect(after && "rowGroups" in after).toBe(false);
      expect(after?.properties).toMatchObject({ gridProperties: { rowGroupControlAfter: true } });
    });

    it("nests and splits groups as DISC describes, and collapses one by updateDimensionGroup", async () => {
      const col = (start: number, end: number, depth: number) => ({
        range: { dimension: "COLUMNS", startIndex: start, endIndex: end },
        depth,
      });
      // [C:D] + [B:E] → [B:E depth 1] and [C:D depth 2]
      await batch({ addDimensionGroup: dims("COLUMNS", 2, 4) }, { addDimensionGroup: dims("COLUMNS", 1, 5) });
      expect(await get("fields=sheets.columnGroups")).toEqual({
        sheets: [{ columnGroups: [col(1, 5, 1), col(2, 4, 2)] }],
      });
      await batch({
        updateDimensionGroup: {
          dimensionGroup: {
            ...col(1, 5, 1),
            range: { sheetId: 0, dimension: "COLUMNS", startIndex: 1, endIndex: 5 },
            collapsed: true,
          },
          fields: "collapsed",
        },
      });
      // Deleting D:E leaves [B:D depth 1] and [C:C depth 2]; the changed group is no longer collapsed.
      const res = await batch({ deleteDimensionGroup: dims("COLUMNS", 3, 5) });
      expect(res.body).toEqual({
        spreadsheetId: "ss",
        replies: [{ deleteDimensionGroup: { dimensionGroups: [col(1, 4, 1), col(2, 3, 2)] } }],
      });
      await batch({
        updateDimensionGroup: {
          dimensionGroup: {
            range: { sheetId: 0, dimension: "COLUMNS", startIndex: 2, endIndex: 3 },
            depth: 2,
            collapsed: true,
          },
          fields: "collapsed",
        },
      });
      expect(await get("fields=sheets.columnGroups")).toEqual({
        sheets: [{ columnGroups: [col(1, 4, 1), { ...col(2, 3, 2), collapsed: true }] }],
      });
      const none = await batch({ deleteDimensionGroup: dims("COLUMNS", 10, 12) });
      expect(none.status).toBe(400);
    });
  });
});
