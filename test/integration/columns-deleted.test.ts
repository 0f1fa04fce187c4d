import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { readLedgerColumns } from "../../src/jobs/sheet-writes/ledger-columns";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

/**
 * Staff moved 编号 to the ledger's last column (allowed: columns may be reordered), on a grid exactly
 * as wide as the header, as `sheet:init` lays it out; then they delete two columns to its left. The
 * last sync found 编号 in a column that is now past the grid's edge, and Google refuses any read
 * that names it.
 */
const SHEET = "columns-deleted";
const LEDGER = `'${TAB_NAMES.ledger}'`;

async function seedIdLast() {
  const tabs = buildFixture(20);
  const rows = tabs[TAB_NAMES.ledger] ?? [];
  const width = (rows[0] ?? []).length;
  const moved = rows.map((row) => {
    const cells = Array.from({ length: width }, (_, i) => row[i] ?? "");
    return [...cells.slice(1), cells[0]];
  });
  const sheets = fixtureSheets({ ...tabs, [TAB_NAMES.ledger]: moved }).map((s) =>
    s.title === TAB_NAMES.ledger ? { ...s, columnCount: width } : s,
  );
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  const created = await emulator.createSpreadsheet(SHEET, sheets);
  return created.sheets.find((s) => s.properties.title === TAB_NAMES.ledger)?.properties.sheetId ?? 0;
}

/** The office synced once, then staff delete 内容摘要 and 届次 (left of 编号); the header as it was. */
async function syncedThenTwoColumnsDeleted(): Promise<unknown[]> {
  const sheetId = await seedIdLast();
  expect(await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS)).toMatchObject({ outcome: "ok" });
  const header = (await emulator.getValues(SHEET, `${LEDGER}!1:1`))[0] ?? [];
  const drop = ["内容摘要", "届次"].map((h) => header.indexOf(h)).sort((a, b) => b - a);
  await depsFor(SHEET).sheets.batchUpdate(
    drop.map((c) => ({
      deleteDimension: { range: { sheetId, dimension: "COLUMNS", startIndex: c, endIndex: c + 1 } },
    })),
  );
  return header;
}

beforeEach(resetDatabase);

describe("columns deleted to the left of one the last sync read by place", () => {
  it("the next sync finds the columns again by the header instead of failing on every run", async () => {
    const header = await syncedThenTwoColumnsDeleted();

    const synced = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect(synced).toMatchObject({ outcome: "ok", rows: 20 });
    const rows = await emulator.getValues(SHEET, LEDGER);
    const id = (rows[0] ?? []).indexOf("编号");
    expect(id).toBe(header.length - 3);
    expect(rows.slice(1).map((r) => r[id])).toEqual(
      Array.from({ length: 20 }, (_, i) => `2026-${String(i + 1).padStart(3, "0")}`),
    );
    // The writers' own reads (intake, notices) find their columns anew too.
    const columns = await readLedgerColumns(depsFor(SHEET), ["二次交办日期"]);
    expect(columns.rows[5]?.[id]).toBe("2026-005");
  });

  it("a reply or notice write that comes before the next sync finds its columns by the header too", async () => {
    const header = await syncedThenTwoColumnsDeleted();

    const columns = await readLedgerColumns(depsFor(SHEET), ["二次交办日期"]);

    const id = columns.header.indexOf("编号");
    expect(id).toBe(header.length - 3);
    expect(columns.rows[5]?.[id]).toBe("2026-005");
  });

  it("a deleted 建议台账 is an 错误 in 校验问题, where staff look, saying how to get it back", async () => {
    const sheetId = await seedIdLast();
    expect(await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS)).toMatchObject({ outcome: "ok" });
    await depsFor(SHEET).sheets.batchUpdate([{ deleteSheet: { sheetId } }]);

    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    const problems = await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`);
    expect(problems.filter((p) => p[0] === TAB_NAMES.ledger).map((p) => [p[4], p[5]])).toEqual([
      [
        "错误",
        expect.stringMatching(
          /^找不到工作表『建议台账』，本次没有同步台账：如果是误删或改了表名，请用“撤销”或“文件 → 版本记录”恢复/,
        ),
      ],
    ]);
  });
});
