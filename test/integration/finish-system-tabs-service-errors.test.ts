import { beforeEach, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "finish-system-tabs-service-errors";

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteFaults();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(40, 6)));
  expect(await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS)).toMatchObject({ outcome: "ok" });
});

/** Days on from the first sync: statuses and 统计 change, so the finish rewrites the system tabs. */
const LATER_MS = FIXTURE_NOW_MS + 120 * 86_400_000;

const tab = (title: string) => emulator.getValues(SHEET, `'${title}'`);

/** What the last run left in /api/sync/last about system tabs it could not write. */
async function unwrittenTabs(): Promise<{ tabs: string[]; reason: string } | undefined> {
  const last = await depsFor(SHEET).runs.last();
  return (last?.summary as { unwrittenTabs?: { tabs: string[]; reason: string } } | null)?.unwrittenTabs;
}

it("finishes the run and leaves 校验问题 and 统计 to the next run when Google keeps answering 5xx to their write", async () => {
  const before = { problems: await tab(TAB_NAMES.problems), statistics: await tab(TAB_NAMES.statistics) };
  // Every try the client makes at the system tabs' values.batchUpdate, and more.
  await emulator.addFault({
    method: "POST",
    pathIncludes: `${SHEET}/values:batchUpdate`,
    status: 500,
    times: 100,
  });

  const first = await runSync(depsFor(SHEET), "test", LATER_MS);

  expect(first.outcome, first.message).toBe("ok");
  expect(first.message).toContain("Google 表格服务暂时出错（HTTP 500）");
  expect(first.message).toContain(`『${TAB_NAMES.problems}』`);
  expect(first.message).toContain("下次同步会再写");
  expect((await unwrittenTabs())?.tabs).toContain(TAB_NAMES.statistics);
  expect((await unwrittenTabs())?.reason).toContain("表格本身没有问题，无需检查");
  expect(await tab(TAB_NAMES.statistics)).toEqual(before.statistics);
  expect(await tab(TAB_NAMES.problems)).toEqual(before.problems);

  await emulator.deleteFaults();
  const second = await runSync(depsFor(SHEET), "test", LATER_MS);

  expect(second).toMatchObject({ outcome: "ok", message: "同步完成" });
  expect(await unwrittenTabs()).toBeUndefined();
  const statistics = await tab(TAB_NAMES.statistics);
  expect(statistics).not.toEqual(before.statistics);
  // What a run that met no error writes: a third run finds both tabs as they should be.
  const third = await runSync(depsFor(SHEET), "test", LATER_MS);
  expect(third.outcome).toBe("ok");
  expect(await tab(TAB_NAMES.statistics)).toEqual(statistics);
});
