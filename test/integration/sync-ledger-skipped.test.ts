import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { columnLetter } from "../../src/domain/a1";
import { loadLedgerView } from "../../src/jobs/ledger-view";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS } from "../support/ledger-fixture";
import { call, dashboardDeps, SHEET, seedAndSync } from "./dashboard-helpers";

const STATUS_HEADER = `'${TAB_NAMES.ledger}'!${columnLetter(ledgerTab.columns.findIndex((c) => c.header === "台账状态"))}1`;
const statistics = () => emulator.getValues(SHEET, `'${TAB_NAMES.statistics}'`);

async function overview(): Promise<{ html: string; total: string | undefined }> {
  const html = await (await call("/")).text();
  return { html, total: /建议总数[\s\S]{0,120}?(\d+)/.exec(html)?.[1] };
}

beforeAll(() => seedAndSync(buildFixture(40)));

describe("a sync that cannot read the ledger (a header cleared)", () => {
  it("keeps the last figures, 统计 and the pages' rows, and says on every page why, until the header is mended", async () => {
    const deps = await dashboardDeps();
    const before = { statistics: await statistics(), overview: await overview() };
    expect(before.overview.total).toBe("40");

    await deps.sheets.batchUpdateValues([{ range: STATUS_HEADER, values: [[""]] }], "RAW");
    const skipped = await runSync(deps, "test", FIXTURE_NOW_MS);

    expect(skipped.outcome).toBe("ok");
    expect(skipped.message).toBe(
      "同步完成，但没有读取『建议台账』：缺少表头“台账状态”：请在第 1 行补上这一列（列的顺序不限），补好之前本表不会同步。统计、页面和提醒沿用上次读到的台账",
    );
    expect(await statistics()).toEqual(before.statistics);
    expect((await loadLedgerView(deps, "2026-11-26")).evaluation.rows).toHaveLength(40);
    const during = await overview();
    expect(during.total).toBe("40");
    expect(during.html).toContain(
      "该次同步没有读取『建议台账』：缺少表头“台账状态”：请在第 1 行补上这一列（列的顺序不限），补好之前本表不会同步。页面上的数据、统计和提醒沿用上次读到的台账",
    );
    const problems = await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`);
    expect(problems.flat().join("\n")).toContain("缺少表头“台账状态”");

    await deps.sheets.batchUpdateValues([{ range: STATUS_HEADER, values: [["台账状态"]] }], "RAW");
    const mended = await runSync(deps, "test", FIXTURE_NOW_MS);

    expect(mended).toMatchObject({ outcome: "ok", message: "同步完成", rows: 40 });
    const after = await overview();
    expect(after.total).toBe("40");
    expect(after.html).not.toContain("没有读取");
  });
});
