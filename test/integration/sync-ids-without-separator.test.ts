import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab, settingsTab } from "../../sheets-schema/tabs";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

/**
 * An office imported its Excel ledger numbered 2026001 … 2026019 (digits only) while 设置 编号格式
 * is the default {年}-{序号:3}: the new row must not get 2026-001, which a person reads as the
 * office's own 2026001, and staff are told once, on 设置, how the two writings stand.
 */
const SHEET = "ids-without-separator-sheet";
const LEDGER = `'${TAB_NAMES.ledger}'`;
const PROBLEMS = `'${TAB_NAMES.problems}'`;
const headers = ledgerTab.columns.map((c) => c.header);
const col = (h: string) => headers.indexOf(h);
const digitsOnly = (id: unknown) => String(id).replace("-", "");

/** The fixture's 20 rows (the last without 编号) numbered digits only, their practice rows too. */
async function seed(settingsRows: string[][]) {
  const tabs = buildFixture(20, 1);
  for (const tab of [TAB_NAMES.ledger, TAB_NAMES.contacts, TAB_NAMES.extensions, TAB_NAMES.coOpinions]) {
    const at = tab === TAB_NAMES.ledger ? col("编号") : 0;
    for (const row of (tabs[tab] ?? []).slice(1)) if (row[at]) row[at] = digitsOnly(row[at]);
  }
  tabs[TAB_NAMES.settings] = [settingsTab.columns.map((c) => c.header), ...settingsRows];
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(tabs));
}

const problemRows = async () => await emulator.getValues(SHEET, PROBLEMS);

const SAID =
  "『建议台账』中有 19 个编号的写法与编号格式 {年}-{序号:3} 不同（如 2026001，按编号格式应写作 2026-001）：新编号会接着这些编号的序号往下编，不会重号，但仍按编号格式书写，两种写法会同时出现。如本单位一直这样编号，";

beforeEach(resetDatabase);

describe("a sync over a ledger numbered 2026001 … with 编号格式 {年}-{序号:3}", () => {
  it("numbers the new row 2026-020 and says so once on 设置's 编号格式 row", async () => {
    await seed([
      ["时区", "Asia/Shanghai", ""],
      ["编号格式", "{年}-{序号:3}", ""],
    ]);

    const result = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect(result.outcome).toBe("ok");
    expect(result.assignedIds).toEqual(["2026-020"]);
    const ledger = await emulator.getValues(SHEET, LEDGER);
    expect(ledger[1]?.[col("编号")]).toBe("2026001");
    expect(ledger[20]?.[col("编号")]).toBe("2026-020");
    const said = (await problemRows()).filter((p) => String(p[5]).startsWith(SAID));
    expect(said).toEqual([[TAB_NAMES.settings, 3, "", "值", "提醒", `${SAID}请把本行的值改为 {年}{序号:3}`]]);
    // Not on the rows: the office means its 编号 as they are.
    expect(ledger.some((row) => String(row[col("校验问题")]).includes("编号格式"))).toBe(false);
    // Still said once by the syncs after (the second reads the new 编号, the third keeps its plan).
    for (const _ of [1, 2]) await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const again = (await problemRows()).filter((p) => String(p[5]).startsWith(SAID));
    expect(again).toEqual(said);
  });

  it("says it on the 设置 tab when it has no 编号格式 row (the default in use)", async () => {
    await seed([]);

    const result = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect(result.assignedIds).toEqual(["2026-020"]);
    const said = (await problemRows()).filter((p) => String(p[5]).startsWith(SAID));
    expect(said).toEqual([
      [
        TAB_NAMES.settings,
        "",
        "",
        "",
        "提醒",
        `${SAID}请在『设置』中添加一行：项目填 编号格式，值填 {年}{序号:3}`,
      ],
    ]);
  });
});
