import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { runSync } from "../../src/jobs/sync/run-sync";
import { META_DUPLICATE_IDS } from "../../src/store/meta";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

/**
 * A 编号 typed with a Chinese IME (2026－240 for 2026-240) on a ledger numbered 2026-001 to 2026-019,
 * and a new row without 编号 below it: the sync must not hand out 2026-240 again.
 */
const SHEET = "id-full-width-sheet";
const LEDGER = `'${TAB_NAMES.ledger}'`;
const PROBLEMS = `'${TAB_NAMES.problems}'`;
const headers = ledgerTab.columns.map((c) => c.header);
const col = (h: string) => headers.indexOf(h);
const TYPED = "2026－240";

/** The fixture's 20 rows, the last without 编号, and row `sheetRow` typing `id` (its practice rows gone). */
async function seed(sheetRow: number, id: string) {
  const tabs = buildFixture(20, 1);
  const ledger = tabs[TAB_NAMES.ledger] ?? [];
  const row = ledger[sheetRow - 1] ?? [];
  const was = row[col("编号")];
  row[col("编号")] = id;
  for (const tab of [TAB_NAMES.contacts, TAB_NAMES.extensions, TAB_NAMES.coOpinions])
    tabs[tab] = (tabs[tab] ?? []).filter((r) => r[0] !== was);
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(tabs));
}

const ledgerRows = async () => await emulator.getValues(SHEET, LEDGER);

beforeEach(resetDatabase);

describe("a sync over a 编号 typed with a full-width dash", () => {
  it("numbers the new row 2026-241, keeps 2026－240 as typed and asks staff to retype it", async () => {
    await seed(20, TYPED);

    const result = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect(result.outcome).toBe("ok");
    expect(result.assignedIds).toEqual(["2026-241"]);
    const rows = await ledgerRows();
    // Sheet row 20 typed it, row 21 is the new one.
    expect(rows[19]?.[col("编号")]).toBe(TYPED);
    expect(rows[20]?.[col("编号")]).toBe("2026-241");
    const message = "编号“2026－240”中有全角字符“－”：请改为半角“2026-240”（编号须与系统发出的通知一致）";
    expect(String(rows[19]?.[col("校验问题")])).toContain(message);
    const problems = await emulator.getValues(SHEET, PROBLEMS);
    expect(problems.some((p) => p[0] === TAB_NAMES.ledger && p[1] === 20 && p.includes(message))).toBe(true);
  });

  it("reports 2026－005 beside 2026-005 as a duplicate on both rows, and holds both from notices", async () => {
    await seed(20, "2026－005");
    const deps = depsFor(SHEET);

    await runSync(deps, "test", FIXTURE_NOW_MS);

    // The 编号 the notices leave out until staff fix them, as the duplicate's 错误 says.
    expect(JSON.parse((await deps.meta.get(META_DUPLICATE_IDS)) ?? "[]")).toEqual(
      expect.arrayContaining(["2026-005", "2026－005"]),
    );
    const rows = await ledgerRows();
    expect(String(rows[5]?.[col("校验问题")])).toContain("编号“2026-005”与第 20 行重复");
    expect(String(rows[19]?.[col("校验问题")])).toContain("编号“2026－005”与第 6 行重复");
  });
});
