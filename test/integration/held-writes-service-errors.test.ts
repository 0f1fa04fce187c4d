import { beforeEach, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { reshapeOutcome } from "../support/reshape";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "held-writes-service-errors";
/** The checked write's first try and its two repairs (MAX_ROUNDS in write-ledger-cells.ts). */
const ROUNDS = 3;
const MOVED = "表格正在被大幅调整";

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteFaults();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(40, 6)));
  // A sheet the sync already looks after (its scratch tab made), whose statuses move on later.
  expect(await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS)).toMatchObject({
    outcome: "ok",
    heldWrites: 0,
  });
});

/** Days on from the first sync: deadlines pass, so 台账状态 of some rows changes and is written. */
const LATER_MS = FIXTURE_NOW_MS + 120 * 86_400_000;

/** The 校验问题 lines telling of cells a sync did not write. */
const unwritten = async () =>
  (await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`)).filter((p) =>
    String(p[5]).includes("没能写入"),
  );

/** The reasons /api/sync/last gives for the writes the last run held. */
async function heldReasons(): Promise<string[]> {
  const last = await depsFor(SHEET).runs.last();
  return ((last?.summary as { held?: { reason: string }[] } | null)?.held ?? []).map((h) => h.reason);
}

it("says Google's service failed, not that staff reshaped the sheet, when every checked write got a 5xx", async () => {
  await emulator.addFault({
    method: "POST",
    pathIncludes: `${SHEET}:batchUpdate`,
    status: 500,
    times: ROUNDS,
  });

  const first = await runSync(depsFor(SHEET), "test", LATER_MS);

  expect(first.outcome).toBe("ok");
  expect(first.heldWrites).toBeGreaterThan(0);
  const reasons = await heldReasons();
  expect(reasons.length).toBeGreaterThan(0);
  for (const reason of reasons) {
    expect(reason).toBe("Google 表格服务暂时出错（HTTP 500），本次未能写入；表格本身没有问题，无需检查");
  }
  const told = await unwritten();
  expect(told.length).toBeGreaterThan(0);
  for (const line of told) {
    expect(line[4]).toBe("提醒");
    expect(String(line[5])).toContain("Google 表格服务暂时出错（HTTP 500）");
    expect(String(line[5])).not.toContain(MOVED);
    expect(String(line[5]), "nothing in the sheet to mend").not.toContain("合并或受保护");
  }

  const second = await runSync(depsFor(SHEET), "test", LATER_MS);

  expect(second).toMatchObject({ outcome: "ok", heldWrites: 0 });
  expect(await unwritten()).toEqual([]);
});

it("says Google's per-minute limit was reached when every checked write got a 429", async () => {
  // The client sends a refused-over-quota batch again on its own: fail every one of those tries.
  await emulator.addFault({
    method: "POST",
    pathIncludes: `${SHEET}:batchUpdate`,
    status: 429,
    times: ROUNDS * 10,
  });

  const first = await runSync(depsFor(SHEET), "test", LATER_MS);

  expect(first.outcome).toBe("ok");
  const reasons = await heldReasons();
  expect(reasons.length).toBeGreaterThan(0);
  for (const reason of reasons) expect(reason).toContain("Google 表格调用已达每分钟上限（HTTP 429）");
});

it("still says the sheet was being reshaped when rows moved under every checked write", async () => {
  const ss = await emulator.spreadsheet(SHEET);
  const sheetId = ss.sheets.find((s) => s.properties.title === TAB_NAMES.ledger)?.properties.sheetId ?? 0;
  // A person inserts a row at the top in the instant before each of the write's rounds.
  const { hook } = await emulator.addHook({
    method: "POST",
    pathIncludes: `${SHEET}:batchUpdate`,
    times: ROUNDS,
    actions: [
      {
        op: "batchUpdate",
        spreadsheetId: SHEET,
        body: {
          requests: [
            { insertDimension: { range: { sheetId, dimension: "ROWS", startIndex: 1, endIndex: 2 } } },
          ],
        },
      },
    ],
  });

  const first = await runSync(depsFor(SHEET), "test", LATER_MS);

  expect(await reshapeOutcome(hook.id)).toEqual({ fired: ROUNDS, errors: [] });
  expect(first.outcome).toBe("ok");
  const reasons = await heldReasons();
  expect(reasons.length).toBeGreaterThan(0);
  expect(reasons).toContain("表格正在被大幅调整，本次未能写入");
  for (const reason of reasons) expect(reason).not.toContain("Google");
  for (const line of await unwritten()) expect(String(line[5])).not.toContain("Google");
});
