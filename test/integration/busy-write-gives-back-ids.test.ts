import { env } from "cloudflare:workers";
import { beforeEach, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { BusyError } from "../../src/jobs/sheet-writes/busy-error";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "busy-write-gives-back-ids";
const LEDGER = `'${TAB_NAMES.ledger}'`;
const col = (h: string) => ledgerTab.columns.findIndex((c) => c.header === h);

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  // 40 suggestions, the last six without 编号 (the sync numbers them 2026-035 … 2026-040).
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(40, 6)));
});

/** Deps whose ledger writes find the write lock held by another job (a form intake) `times` times. */
function depsWithBusyWrites(times: number) {
  const deps = depsFor(SHEET);
  const acquire = deps.lease.acquire.bind(deps.lease);
  let busy = times;
  deps.lease.acquire = async (name, holder, ttlMs, nowMs) => {
    // What writeLedgerCells throws after waiting out the lock, without the test waiting 15 s.
    if (name === "sheet-writes" && busy-- > 0) throw new BusyError("另一项表格写入正在进行，稍后再写");
    return acquire(name, holder, ttlMs, nowMs);
  };
  return deps;
}

const lastSeq = async (year: number) =>
  (
    await env.DB.prepare("SELECT last_seq FROM id_sequences WHERE year = ?1")
      .bind(year)
      .first<{ last_seq: number }>()
  )?.last_seq;

it("numbers new rows without a gap after syncs whose ledger write found another write going on", async () => {
  const busy = depsWithBusyWrites(4);
  for (let attempt = 0; attempt < 4; attempt++) {
    const failed = await runSync(busy, "test", FIXTURE_NOW_MS);
    expect(failed.outcome).toBe("failed");
    expect(failed.message).toContain("另一项表格写入正在进行");
  }
  expect(await lastSeq(2026), "the numbers of the failed writes were taken back").toBe(34);

  const after = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

  expect(after.outcome).toBe("ok");
  const ledger = await emulator.getValues(SHEET, LEDGER);
  expect(ledger[41 - 1]?.[col("编号")]).toBe("2026-040");
  const ids = ledger.slice(1).map((r) => String(r[col("编号")]));
  expect(ids.sort()).toEqual(Array.from({ length: 40 }, (_, i) => `2026-${String(i + 1).padStart(3, "0")}`));
  expect(await lastSeq(2026)).toBe(40);
});

it("keeps the numbers handed out when an intake numbered its row after the failed write's", async () => {
  const busy = depsWithBusyWrites(1);
  const ids = busy.ids;
  const allocate = ids.allocate.bind(ids);
  // A form intake numbers its suggestion just after the sync's chunk took its six numbers.
  ids.allocate = async (year, count, floor) => {
    const got = await allocate(year, count, floor);
    if (count === 6) await allocate(year, 1, 0);
    return got;
  };

  expect((await runSync(busy, "test", FIXTURE_NOW_MS)).outcome).toBe("failed");

  // 035 … 040 stay handed out: taking them back would hand the intake's 041 out again.
  expect(await lastSeq(2026)).toBe(41);
  expect((await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS)).outcome).toBe("ok");
  const ledger = await emulator.getValues(SHEET, LEDGER);
  expect(ledger[41 - 1]?.[col("编号")]).toBe("2026-047");
});
