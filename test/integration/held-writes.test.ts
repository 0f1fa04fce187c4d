import { afterEach, beforeEach, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { reshapeOutcome } from "../support/reshape";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "held-writes";
const LEDGER = `'${TAB_NAMES.ledger}'`;
const headers = ledgerTab.columns.map((c) => c.header);
const col = (h: string) => headers.indexOf(h);
/** Sheet row 41, the last, holds a suggestion without 编号 (the fixture's last six rows have none). */
const ROW = 41;
const hooks: number[] = [];

beforeEach(resetDatabase);
afterEach(async () => {
  for (const id of hooks.splice(0))
    expect(await reshapeOutcome(id), "the person's edit happened").toEqual({ fired: 1, errors: [] });
});

/** A person retitles sheet row `row` in the instant before the sync's write arrives. */
async function retitleBeforeNextWrite(row: number, title: string): Promise<number> {
  const ss = await emulator.spreadsheet(SHEET);
  const sheetId = ss.sheets.find((s) => s.properties.title === TAB_NAMES.ledger)?.properties.sheetId ?? 0;
  const updateCells = {
    range: {
      sheetId,
      startRowIndex: row - 1,
      endRowIndex: row,
      startColumnIndex: col("标题"),
      endColumnIndex: col("标题") + 1,
    },
    rows: [{ values: [{ userEnteredValue: { stringValue: title } }] }],
    fields: "userEnteredValue",
  };
  const { hook } = await emulator.addHook({
    method: "POST",
    pathIncludes: `${SHEET}:batchUpdate`,
    actions: [{ op: "batchUpdate", spreadsheetId: SHEET, body: { requests: [{ updateCells }] } }],
  });
  return hook.id;
}

/** The 校验问题 lines about cells of sheet row `row` that a sync did not write. */
const unwrittenAt = async (row: number) =>
  (await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`)).filter(
    (p) => p[0] === TAB_NAMES.ledger && Number(p[1]) === row && String(p[5]).includes("没能写入"),
  );

it("cells a sync could not write are told in 校验问题 (not only in the run's log), and written by the next sync without a gap in 编号", async () => {
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(40, 6)));
  hooks.push(await retitleBeforeNextWrite(ROW, "关于改进老旧小区加装电梯的建议（已改标题）"));

  const first = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

  expect(first.outcome).toBe("ok");
  expect(first.heldWrites).toBeGreaterThan(0);
  const row = (await emulator.getValues(SHEET, LEDGER))[ROW - 1] ?? [];
  expect(row[col("标题")]).toBe("关于改进老旧小区加装电梯的建议（已改标题）");
  expect(row[col("编号")] ?? "", "the row moved under the write: no 编号 was forced onto it").toBe("");
  const told = await unwrittenAt(ROW);
  expect(told).toHaveLength(1);
  expect(told[0]?.[4]).toBe("提醒");
  expect(told[0]?.[2], "no 编号 is named: the row has none yet").toBe("");
  expect(String(told[0]?.[5])).toContain("本次同步没能写入这一行的『编号』『台账状态』");
  expect(String(told[0]?.[5])).toContain("该行已移走或被改动");
  expect(String(told[0]?.[5])).toContain("下次同步会再写");

  const lines = (await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`)).filter(
    (p) => Number(p[1]) === ROW,
  );
  expect(lines.length, "the row's own problems are listed too").toBeGreaterThan(1);
  for (const line of lines) expect(line[2] ?? "", "a 编号 the row does not have is not named").toBe("");

  const second = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

  expect(second).toMatchObject({ outcome: "ok", heldWrites: 0 });
  const ledger = await emulator.getValues(SHEET, LEDGER);
  // The number the first sync handed out for it, and could not write, was given back: no gap.
  expect(ledger[ROW - 1]?.[col("编号")]).toBe("2026-040");
  const ids = ledger.slice(1).map((r) => String(r[col("编号")]));
  expect(ids.sort()).toEqual(Array.from({ length: 40 }, (_, i) => `2026-${String(i + 1).padStart(3, "0")}`));
  expect(await unwrittenAt(ROW)).toEqual([]);
});
