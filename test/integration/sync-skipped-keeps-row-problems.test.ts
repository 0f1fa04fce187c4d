import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { columnLetter } from "../../src/domain/a1";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS } from "../support/ledger-fixture";
import { call, dashboardDeps, SHEET, seedAndSync } from "./dashboard-helpers";

const cell = (header: string, row: number) =>
  `'${TAB_NAMES.ledger}'!${columnLetter(ledgerTab.columns.findIndex((c) => c.header === header))}${row}`;
const STATUS_HEADER = cell("台账状态", 1);
/** A 答复类别 no office uses: the row's 错误 staff are to work through. */
const BAD_CATEGORY = cell("答复类别", 9);

/** 校验问题 as staff read it in the sheet: one line per problem, its cells joined by tabs. */
async function problemsTab(): Promise<string[]> {
  const values = await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`);
  return values.slice(1).map((row) => row.join("\t"));
}

beforeAll(() => seedAndSync(buildFixture(40)));

describe("a sync that cannot read the ledger (a header renamed)", () => {
  it("keeps the rows' problems of the last read in 校验问题 and on /problems, under the header's, until the header is mended", async () => {
    const deps = await dashboardDeps();
    await deps.sheets.batchUpdateValues([{ range: BAD_CATEGORY, values: [["Z"]] }], "RAW");
    expect((await runSync(deps, "test", FIXTURE_NOW_MS)).outcome).toBe("ok");
    const rowProblem = (await problemsTab()).find((line) => line.includes("答复类别") && /\t9\t/.test(line));
    expect(rowProblem).toBeDefined();

    await deps.sheets.batchUpdateValues([{ range: STATUS_HEADER, values: [["状态"]] }], "RAW");
    const skipped = await runSync(deps, "test", FIXTURE_NOW_MS);

    expect(skipped.message).toContain("没有读取『建议台账』");
    const during = await problemsTab();
    expect(during[0]).toContain("缺少表头“台账状态”");
    expect(during).toContain(rowProblem);
    const page = await (await call("/problems")).text();
    expect(page).toContain("缺少表头“台账状态”");
    expect(page).toContain(rowProblem?.split("\t")[5]);

    // A second run still skipped keeps them (it keeps what the first one wrote), said once each.
    await runSync(deps, "test", FIXTURE_NOW_MS);
    expect(await problemsTab()).toEqual(during);

    await deps.sheets.batchUpdateValues([{ range: STATUS_HEADER, values: [["台账状态"]] }], "RAW");
    expect((await runSync(deps, "test", FIXTURE_NOW_MS)).message).toBe("同步完成");
    const mended = await problemsTab();
    expect(mended.some((line) => line.includes("缺少表头"))).toBe(false);
    expect(mended).toContain(rowProblem);
  });
});
