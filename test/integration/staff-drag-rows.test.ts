import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab, noticeLogTab } from "../../sheets-schema/tabs";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { reshapeBeforeNextWrite, reshapeOutcome } from "../support/reshape";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "drag-rows";
const LEDGER = `'${TAB_NAMES.ledger}'`;
const headers = ledgerTab.columns.map((c) => c.header);
const col = (h: string) => headers.indexOf(h);
const SYSTEM = ledgerTab.columns.filter((c) => c.owner === "system").map((c) => c.header);
const STAFF = ledgerTab.columns.filter((c) => c.owner === "staff").map((c) => c.header);
const ROWS = 40;

async function seed() {
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  const tabs = buildFixture(ROWS);
  tabs[TAB_NAMES.noticeLog] = [noticeLogTab.columns.map((c) => c.header)];
  await emulator.createSpreadsheet(SHEET, fixtureSheets(tabs));
}

/** The ledger's rows keyed by 编号, with the sheet row each sits on now. */
async function rowsById(): Promise<Map<string, { sheetRow: number; cells: Record<string, unknown> }>> {
  const rows = await emulator.getValues(SHEET, LEDGER);
  const out = new Map<string, { sheetRow: number; cells: Record<string, unknown> }>();
  rows.forEach((row, i) => {
    const id = String(row[col("编号")] ?? "");
    if (i === 0 || !id) return;
    expect(out.has(id), `编号 ${id} on two rows`).toBe(false);
    out.set(id, { sheetRow: i + 1, cells: Object.fromEntries(headers.map((h) => [h, row[col(h)] ?? ""])) });
  });
  return out;
}

const pick = (cells: Record<string, unknown> | undefined, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, cells?.[k]]));

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteFaults();
});

describe("staff drag a block of ledger rows while a sync runs", () => {
  it("every 办理期限, 台账状态 and 校验问题 lands on the row of its own 编号, and nothing is lost", async () => {
    // What the sync writes for each 编号 when nobody touches the sheet.
    await seed();
    expect((await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS)).outcome).toBe("ok");
    const undisturbed = await rowsById();
    expect(undisturbed.size).toBe(ROWS);

    await resetDatabase();
    await seed();
    const before = await rowsById();
    const dragged = [...before].filter(([, r]) => r.sheetRow >= 4 && r.sheetRow <= 9).map(([id]) => id);
    // Between the sync's read and its write, sheet rows 4–9 are dragged to just above row 31.
    const drag = await reshapeBeforeNextWrite(SHEET, "drag rows", ROWS + 1);

    const result = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect(await reshapeOutcome(drag), "the person's drag happened").toEqual({ fired: 1, errors: [] });
    expect(result.outcome).toBe("ok");
    const after = await rowsById();
    // The dragged rows had nothing in the sync's columns: each value below is one this sync wrote.
    for (const id of dragged) {
      expect(before.get(id)?.cells.台账状态, id).toBe("");
      expect(after.get(id)?.cells.台账状态, id).not.toBe("");
    }
    expect(dragged.map((id) => after.get(id)?.sheetRow)).toEqual([25, 26, 27, 28, 29, 30]);
    expect([...after.keys()].sort()).toEqual([...undisturbed.keys()].sort());
    for (const [id, { cells }] of after) {
      expect(pick(cells, SYSTEM), `what the sync wrote for ${id}`).toEqual(
        pick(undisturbed.get(id)?.cells, SYSTEM),
      );
      expect(pick(cells, STAFF), `what staff typed for ${id}`).toEqual(pick(before.get(id)?.cells, STAFF));
    }
  });
});
