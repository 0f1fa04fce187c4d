import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { columnLetter } from "../../src/domain/a1";
import { runSync } from "../../src/jobs/sync/run-sync";
import { META_SYNC_PROBLEMS } from "../../src/store/meta";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const columnOf = (header: string) => columnLetter(ledgerTab.columns.findIndex((c) => c.header === header));
const SUBMITTED = columnOf("提出日期");
const REMARKS = columnOf("备注");
const problemsTab = async (id: string) =>
  (await emulator.getValues(id, `'${TAB_NAMES.problems}'`)).map((row) => row.join("|")).join("\n");

beforeEach(resetDatabase);

describe("the finish's rewrite of the system tabs", () => {
  it("writes 校验问题 again on the next sync when its write failed, though the number of problems stayed the same", async () => {
    const id = "sync-system-tab-retry";
    await emulator.deleteSpreadsheet(id).catch(() => undefined);
    await emulator.createSpreadsheet(id, fixtureSheets(buildFixture(30)));
    const deps = depsFor(id);
    const typeDate = (text: string) =>
      deps.sheets.batchUpdateValues([{ range: `'${TAB_NAMES.ledger}'!${SUBMITTED}2`, values: [[text]] }]);
    await typeDate("2026/13/45");
    expect((await runSync(deps, "test", FIXTURE_NOW_MS)).outcome).toBe("ok");
    expect(await problemsTab(id)).toContain("2026/13/45");

    // Staff mend one typo into another: the same number of problems, one of them worded anew.
    await typeDate("2026/14/45");
    // The finish's one values.batchUpdate (校验问题, 统计, 单位测评) is refused.
    await emulator.addFault({
      method: "POST",
      pathIncludes: `${id}/values:batchUpdate`,
      status: 400,
      times: 1,
    });
    expect((await runSync(deps, "test", FIXTURE_NOW_MS)).outcome).toBe("failed");
    expect(await problemsTab(id)).toContain("2026/13/45");

    expect((await runSync(deps, "test", FIXTURE_NOW_MS)).outcome).toBe("ok");
    const shown = await problemsTab(id);
    expect(shown).toContain("2026/14/45");
    expect(shown).not.toContain("2026/13/45");
    // The dashboard's /problems reads the same list as the finish stored it.
    const stored = (await deps.meta.get(META_SYNC_PROBLEMS)) ?? "";
    expect(stored).toContain("2026/14/45");
    expect(stored).not.toContain("2026/13/45");
  });

  it("reports a header staff renamed, though no row's content changed with it", async () => {
    const id = "sync-system-tab-header";
    await emulator.deleteSpreadsheet(id).catch(() => undefined);
    await emulator.createSpreadsheet(id, fixtureSheets(buildFixture(30)));
    const deps = depsFor(id);
    expect((await runSync(deps, "test", FIXTURE_NOW_MS)).outcome).toBe("ok");
    expect(await problemsTab(id)).not.toContain("缺少表头“备注”");

    // 备注 is blank in every row: renaming its header changes no row the sync stores.
    await deps.sheets.batchUpdateValues([
      { range: `'${TAB_NAMES.ledger}'!${REMARKS}1`, values: [["备注（内部）"]] },
    ]);
    expect((await runSync(deps, "test", FIXTURE_NOW_MS)).outcome).toBe("ok");
    expect(await problemsTab(id)).toContain(
      `缺少表头“备注”：第 ${REMARKS} 列的表头是“备注（内部）”，如果就是这一列，请把表头改回“备注”（不要新增一列），改好之前这一列按空白处理`,
    );
  });
});
