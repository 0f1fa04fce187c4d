import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { columnLetter } from "../../src/domain/a1";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "first-plan-tails";
const headers = ledgerTab.columns.map((c) => c.header);
const col = (header: string) => headers.indexOf(header);
const LEDGER = `'${TAB_NAMES.ledger}'`;

beforeEach(resetDatabase);

/** The ranges of 建议台账 the sync read, as asked (values.batchGet's ranges). */
async function ledgerRangesRead(since: number): Promise<string[]> {
  return (await emulator.requests(since))
    .filter((r) => r.spreadsheetId === SHEET && r.kind === "read")
    .flatMap((r) => [r.query.ranges ?? []].flat())
    .filter((range) => range.startsWith(LEDGER));
}

describe("同步：首次同步的计划", () => {
  it("reads 标题, 领衔代表 and 提出日期 only past the 编号 column's end, and still finds the rows typed there without a 编号", async () => {
    const sheets = fixtureSheets(buildFixture(60));
    const ledger = sheets.find((t) => t.title === TAB_NAMES.ledger)?.rows ?? [];
    // Two suggestions typed below the numbered rows, 编号 left for the sync (the second has only its title).
    const blank = () => headers.map(() => "" as unknown);
    const typed = blank();
    typed[col("标题")] = "关于增设公交站台的建议";
    typed[col("领衔代表")] = "王建国0";
    typed[col("提出日期")] = 46300;
    const titleOnly = blank();
    titleOnly[col("标题")] = "关于完善社区养老服务的建议";
    ledger.push(typed, titleOnly);
    await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
    await emulator.createSpreadsheet(SHEET, sheets);
    const seq = (await emulator.requests()).at(-1)?.seq ?? 0;

    expect(await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS)).toMatchObject({ outcome: "ok" });

    const title = columnLetter(col("标题"));
    const read = await ledgerRangesRead(seq);
    // Not the whole column (2,000 titles in a county's first sync), only from the row after the last 编号.
    expect(read).not.toContain(`${LEDGER}!${title}:${title}`);
    expect(read).toContain(`${LEDGER}!${title}62:${title}`);
    const rows = await emulator.getValues(SHEET, LEDGER);
    expect(rows).toHaveLength(63);
    expect(rows.slice(61).map((r) => [r[col("标题")], r[col("编号")] !== ""])).toEqual([
      ["关于增设公交站台的建议", true],
      ["关于完善社区养老服务的建议", true],
    ]);
  });
});
