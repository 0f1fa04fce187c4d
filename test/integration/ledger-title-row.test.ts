import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

/**
 * Staff often put a title (2026年代表建议办理台账) in row 1 of 建议台账, pushing the header down to
 * row 2. The sync must stop (row 2 is no suggestion), and 校验问题 must say what to do in one line.
 */
const SHEET = "ledger-title-row";
const LEDGER = `'${TAB_NAMES.ledger}'`;
const TITLE = "2026年代表建议办理台账";

async function seeded(): Promise<number> {
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  const created = await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(20)));
  return created.sheets.find((s) => s.properties.title === TAB_NAMES.ledger)?.properties.sheetId ?? 0;
}

const rows = (startIndex: number, sheetId: number) => ({
  range: { sheetId, dimension: "ROWS" as const, startIndex, endIndex: startIndex + 1 },
});

/** 校验问题's lines about 建议台账's header row: [级别, 说明]. */
async function ledgerHeaderLines(): Promise<unknown[][]> {
  const problems = await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`);
  return problems.filter((p) => p[0] === TAB_NAMES.ledger && String(p[1]) === "1").map((p) => [p[4], p[5]]);
}

beforeEach(resetDatabase);

describe("a title row inserted above 建议台账's header", () => {
  it("stops the sync with one line in 校验问题 saying to delete the title row, and reads again once it is gone", async () => {
    const sheetId = await seeded();
    expect(await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS)).toMatchObject({ outcome: "ok", rows: 20 });
    await depsFor(SHEET).sheets.batchUpdate([{ insertDimension: rows(0, sheetId) }]);
    await depsFor(SHEET).sheets.batchUpdateValues([{ range: `${LEDGER}!A1`, values: [[TITLE]] }]);

    const skipped = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    const advice =
      "表头应在第 1 行，现在在第 2 行：请删除表头上方的第 1 行（标题“2026年代表建议办理台账”），表头以下的内容不用动；删好之前本表不会同步";
    expect(skipped.message).toBe(
      `同步完成，但没有读取『建议台账』：${advice}。统计、页面和提醒沿用上次读到的台账`,
    );
    expect(await ledgerHeaderLines()).toEqual([["错误", advice]]);
    const ledger = await emulator.getValues(SHEET, LEDGER);
    expect(ledger[0]).toEqual([TITLE]);

    await depsFor(SHEET).sheets.batchUpdate([{ deleteDimension: rows(0, sheetId) }]);
    expect(await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS)).toMatchObject({
      outcome: "ok",
      message: "同步完成",
      rows: 20,
    });
    expect(await ledgerHeaderLines()).toEqual([]);
  });
});
