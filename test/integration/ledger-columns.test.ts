import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { readLedgerColumns, readWholeRows } from "../../src/jobs/sheet-writes/ledger-columns";
import { emulator } from "../support/emulator-admin";
import { buildFixture, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "ledger-columns";

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(30)));
});

const readsSince = async (seq: number) =>
  (await emulator.requests(seq)).filter((r) => r.spreadsheetId === SHEET && r.kind === "read").length;
const lastSeq = async () => (await emulator.requests()).at(-1)?.seq ?? 0;

describe("reading some columns of the ledger", () => {
  it("reads the asked columns of every row, once the header's places are known in one call", async () => {
    const deps = depsFor(SHEET);
    const first = await readLedgerColumns(deps, ["二次交办日期"]);
    const seq = await lastSeq();
    const again = await readLedgerColumns(deps, ["二次交办日期"]);

    expect(await readsSince(seq)).toBe(1);
    expect(again).toEqual(first);
    expect(first.lastRow).toBe(31);
    const id = first.header.indexOf("编号");
    const content = first.header.indexOf("内容摘要");
    expect(first.rows[1]?.[id]).toBe("2026-001");
    expect(first.rows[30]?.[id]).toBe("2026-030");
    // A column not asked for is not read.
    expect(first.rows.slice(1).every((row) => row[content] === undefined)).toBe(true);
  });

  it("holds each asked column's cells as a read by rows shows them, and answers `also` by rows in the same call", async () => {
    const deps = depsFor(SHEET);
    await readLedgerColumns(deps, ["二次交办日期"]);
    // Rows 2 and 3 have empty cells between filled ones, and past the last filled one.
    const also = `'${TAB_NAMES.ledger}'!A1:AZ3`;
    const seq = await lastSeq();

    const read = await readLedgerColumns(deps, ["二次交办日期"], [also]);

    expect(await readsSince(seq)).toBe(1);
    const byRows = (await deps.sheets.get(also)).values;
    expect(read.also).toEqual([byRows]);
    const whole = await emulator.getValues(SHEET, `'${TAB_NAMES.ledger}'`);
    for (const header of ["编号", "标题", "领衔代表", "提出日期", "二次交办日期"]) {
      const c = read.header.indexOf(header);
      const asRead = read.rows.slice(1).map((row) => row[c] ?? "");
      expect(asRead, header).toEqual(whole.slice(1).map((row) => row[c] ?? ""));
    }
    expect(whole.slice(1).some((row) => row[read.header.indexOf("二次交办日期")])).toBe(true);
  });

  it("finds the columns again after staff moved them, and fills whole rows on request", async () => {
    const deps = depsFor(SHEET);
    await readLedgerColumns(deps, ["二次交办日期"]);
    const ss = await emulator.spreadsheet(SHEET);
    const sheetId = ss.sheets.find((s) => s.properties.title === TAB_NAMES.ledger)?.properties.sheetId ?? 0;
    await deps.sheets.batchUpdate([
      { insertDimension: { range: { sheetId, dimension: "COLUMNS", startIndex: 0, endIndex: 1 } } },
    ]);

    const moved = await readLedgerColumns(deps, ["二次交办日期"]);
    await readWholeRows(deps.sheets, moved, [7]);

    expect(moved.header.indexOf("编号")).toBe(1);
    expect(moved.rows[6]?.[1]).toBe("2026-006");
    expect(moved.rows[6]?.[moved.header.indexOf("内容摘要")]).toBe("第6件建议的内容摘要");
    expect(moved.rows[5]?.[moved.header.indexOf("内容摘要")]).toBeUndefined();
  });
});
