import { beforeEach, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { writeLedgerCells } from "../../src/jobs/sheet-writes/write-ledger-cells";
import { emulator } from "../support/emulator-admin";
import { buildFixture, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "refused-write-counts-no-cells";
const LEDGER = `'${TAB_NAMES.ledger}'`;
const col = (h: string) => ledgerTab.columns.findIndex((c) => c.header === h);

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteFaults();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(10, 0)));
});

/** 回访 = 是 for two suggestions, as the sample's confirmation writes it. */
const followUps = ["2026-002", "2026-005"].map((id) => ({
  key: { kind: "id" as const, id },
  header: "回访",
  value: "是",
  sourceRow: 0,
}));

it("reports no cells written when Google refused every round of the write (429)", async () => {
  const basis = await emulator.getValues(SHEET, LEDGER);
  // The client retries a refused batch on its own: refuse every try of every round.
  await emulator.addFault({ method: "POST", pathIncludes: `${SHEET}:batchUpdate`, status: 429, times: 100 });

  const result = await writeLedgerCells(depsFor(SHEET), followUps, basis);

  expect(result.held.map((h) => h.reason)).toEqual([
    "Google 表格调用已达每分钟上限（HTTP 429），本次未能写入；表格本身没有问题，无需检查",
    "Google 表格调用已达每分钟上限（HTTP 429），本次未能写入；表格本身没有问题，无需检查",
  ]);
  const after = await emulator.getValues(SHEET, LEDGER);
  expect(after.map((r) => r[col("回访")] ?? "")).toEqual(basis.map((r) => r[col("回访")] ?? ""));
  expect(result.cellsWritten, "nothing reached the sheet").toBe(0);
});

it("counts the cells of a write that landed", async () => {
  const basis = await emulator.getValues(SHEET, LEDGER);

  const result = await writeLedgerCells(depsFor(SHEET), followUps, basis);

  expect(result.held).toEqual([]);
  const after = await emulator.getValues(SHEET, LEDGER);
  expect(after.filter((r) => r[col("回访")] === "是").map((r) => r[col("编号")])).toEqual([
    "2026-002",
    "2026-005",
  ]);
  expect(result.cellsWritten).toBe(2);
});
