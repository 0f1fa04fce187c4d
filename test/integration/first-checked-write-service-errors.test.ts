import { beforeEach, expect, it } from "vitest";
import { SCRATCH_TAB, TAB_NAMES } from "../../sheets-schema/tab-names";
import { META_PENDING_WRITE } from "../../src/jobs/sheet-writes/write-ledger-cells";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "first-checked-write-service-errors";
/** The checked write's first try and its two repairs (MAX_ROUNDS in write-ledger-cells.ts). */
const ROUNDS = 3;
const SERVICE_REASON = "Google 表格服务暂时出错（HTTP 500），本次未能写入；表格本身没有问题，无需检查";

// A sheet the sync has never written to: its hidden scratch tab is made by the first checked write.
beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteFaults();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(40, 6)));
});

const titles = async () => (await emulator.spreadsheet(SHEET)).sheets.map((s) => s.properties.title);

/** The 编号 column of the ledger's rows (the fixture's last six have none until a sync numbers them). */
async function idsInSheet(): Promise<string[]> {
  const rows = await emulator.getValues(SHEET, `'${TAB_NAMES.ledger}'`);
  const at = (rows[0] ?? []).indexOf("编号");
  return rows.slice(1).map((r) => String(r[at] ?? ""));
}

async function heldReasons(): Promise<string[]> {
  const last = await depsFor(SHEET).runs.last();
  return ((last?.summary as { held?: { reason: string }[] } | null)?.held ?? []).map((h) => h.reason);
}

it("holds a never-synced sheet's first writes when Google answers 5xx to every round, and writes them next run", async () => {
  await emulator.addFault({
    method: "POST",
    pathIncludes: `${SHEET}:batchUpdate`,
    status: 500,
    times: ROUNDS,
  });

  const first = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

  expect(first.message).not.toContain("请检查表格结构");
  expect(first).toMatchObject({ outcome: "ok" });
  expect(first.heldWrites).toBeGreaterThan(0);
  const reasons = await heldReasons();
  expect(reasons.length).toBeGreaterThan(0);
  for (const reason of reasons) expect(reason).toBe(SERVICE_REASON);
  expect(await titles()).not.toContain(SCRATCH_TAB);
  expect((await idsInSheet()).filter((id) => id === "")).toHaveLength(6);

  const second = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

  expect(second).toMatchObject({ outcome: "ok", heldWrites: 0 });
  expect(await titles()).toContain(SCRATCH_TAB);
  expect((await idsInSheet()).filter((id) => id === "")).toEqual([]);
});

it("confirms a never-synced sheet's first write that Google applied but answered with a 5xx", async () => {
  await emulator.addFault({
    method: "POST",
    pathIncludes: `${SHEET}:batchUpdate`,
    status: 503,
    times: 1,
    when: "after",
  });

  const first = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

  expect(first).toMatchObject({ outcome: "ok", heldWrites: 0 });
  expect(first.assignedIds).toHaveLength(6);
  expect((await idsInSheet()).filter((id) => id === "")).toEqual([]);
  expect((await titles()).filter((t) => t === SCRATCH_TAB)).toHaveLength(1);
});

it("goes on after a sync that died between marking its first write pending and sending it", async () => {
  const deps = depsFor(SHEET);
  // What a Worker ended right after setPending left: a capture that never reached Google, on a sheet
  // with no scratch tab yet.
  await deps.meta.set(
    META_PENDING_WRITE,
    JSON.stringify({ placed: [], rows: [2], scratchWidth: 3, nonce: "lost-with-the-worker" }),
    new Date().toISOString(),
  );

  const run = await runSync(deps, "test", FIXTURE_NOW_MS);

  expect(run.message).not.toContain("请检查表格结构");
  expect(run).toMatchObject({ outcome: "ok", heldWrites: 0 });
  expect((await idsInSheet()).filter((id) => id === "")).toEqual([]);
});
