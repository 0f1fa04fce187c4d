import { beforeEach, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import type { Deps } from "../../src/deps";
import { runSync } from "../../src/jobs/sync/run-sync";
import { createSheetsClient } from "../../src/sheets/client";
import { createTokenSource } from "../../src/sheets/token";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "held-writes-network-errors";
/** The checked write's first try and its two repairs (MAX_ROUNDS in write-ledger-cells.ts). */
const ROUNDS = 3;
const NETWORK_REASON = "连不上 Google 表格（网络出错），本次未能写入；表格本身没有问题，无需检查";
const FAST_RETRY = { budgetMs: 10_000, baseDelayMs: 5, maxDelayMs: 100, maxAttempts: 10 };

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteFaults();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(40, 6)));
  expect(await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS)).toMatchObject({
    outcome: "ok",
    heldWrites: 0,
  });
});

/** Days on from the first sync: deadlines pass, so 台账状态 of some rows changes and is written. */
const LATER_MS = FIXTURE_NOW_MS + 120 * 86_400_000;

/**
 * The deps of a sync whose connection to Google drops on the next `times` spreadsheets.batchUpdate
 * calls (the checked ledger writes): "before", the request never reaches Google; "after", Google
 * applies it and the answer is lost. fetch then throws, as workerd's does on a reset connection.
 */
function droppingBatchUpdates(times: number, when: "before" | "after"): Deps & { dropped: () => number } {
  const deps = depsFor(SHEET);
  const { config } = deps;
  let dropped = 0;
  deps.sheets = createSheetsClient({
    baseUrl: config.sheetsApiBase,
    spreadsheetId: config.spreadsheetId,
    auth: createTokenSource({
      serviceAccount: config.serviceAccount,
      tokenUrl: config.tokenUrl,
      store: deps.meta,
    }),
    retry: FAST_RETRY,
    fetch: async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (dropped >= times || !url.endsWith(`${SHEET}:batchUpdate`)) return fetch(input, init);
      dropped++;
      if (when === "after") await fetch(input, init);
      throw new TypeError("Network connection lost.");
    },
  });
  return Object.assign(deps, { dropped: () => dropped });
}

const unwritten = async () =>
  (await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`)).filter((p) =>
    String(p[5]).includes("没能写入"),
  );

async function heldReasons(): Promise<string[]> {
  const last = await depsFor(SHEET).runs.last();
  return ((last?.summary as { held?: { reason: string }[] } | null)?.held ?? []).map((h) => h.reason);
}

it("holds the checked writes with a network reason when the connection drops on every round, and writes them next run", async () => {
  const deps = droppingBatchUpdates(ROUNDS, "before");

  const first = await runSync(deps, "test", LATER_MS);

  expect(first.outcome, first.message).toBe("ok");
  expect(deps.dropped()).toBe(ROUNDS);
  expect(first.heldWrites).toBeGreaterThan(0);
  const reasons = await heldReasons();
  expect(reasons.length).toBeGreaterThan(0);
  for (const reason of reasons) expect(reason).toBe(NETWORK_REASON);
  const told = await unwritten();
  expect(told.length).toBeGreaterThan(0);
  for (const line of told) {
    expect(line[4]).toBe("提醒");
    expect(String(line[5])).toContain("连不上 Google 表格（网络出错）");
    expect(String(line[5]), "nothing in the sheet to mend").not.toContain("合并或受保护");
  }

  const second = await runSync(depsFor(SHEET), "test", LATER_MS);

  expect(second).toMatchObject({ outcome: "ok", heldWrites: 0 });
  expect(await unwritten()).toEqual([]);
});

it("confirms a checked write Google applied before the connection dropped, and holds nothing", async () => {
  const deps = droppingBatchUpdates(1, "after");

  const run = await runSync(deps, "test", LATER_MS);

  expect(run.outcome, run.message).toBe("ok");
  expect(deps.dropped()).toBe(1);
  expect(run.heldWrites).toBe(0);
  expect(await unwritten()).toEqual([]);
});
