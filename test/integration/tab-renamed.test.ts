import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

/** Staff renamed 承办单位 to 承办单位（2026） at the turn of the year, as offices keep a tab a year. */
const SHEET = "tab-renamed";

/** The fixture's office with one tab renamed (`title` given a suffix). */
async function seedRenamed(title: string, suffix: string) {
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  const sheets = fixtureSheets(buildFixture(10)).map((s) =>
    s.title === title ? { ...s, title: `${title}${suffix}` } : s,
  );
  await emulator.createSpreadsheet(SHEET, sheets);
}

beforeEach(resetDatabase);

describe("a tab staff renamed", () => {
  it("is named in 校验问题 with the way back, instead of asking for a new empty tab", async () => {
    await seedRenamed(TAB_NAMES.units, "（2026）");
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    const problems = await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`);
    const about = problems.filter((p) => p[0] === TAB_NAMES.units).map((p) => String(p[5]));
    expect(about).toEqual([
      "找不到工作表『承办单位』：表格中有『承办单位（2026）』，如果就是它，请把表名改回『承办单位』",
    ]);
  });

  it("a renamed 建议台账 is named too, and the sync leaves the ledger as it was until it is named back", async () => {
    await seedRenamed(TAB_NAMES.ledger, "（2026）");
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    const problems = await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`);
    expect(problems.filter((p) => p[0] === TAB_NAMES.ledger).map((p) => String(p[5]))).toEqual([
      "找不到工作表『建议台账』：表格中有『建议台账（2026）』，如果就是它，请把表名改回『建议台账』，改好之前本次不同步台账",
    ]);
  });
});
