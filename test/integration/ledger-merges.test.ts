import { beforeEach, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "ledger-merges";
const headers = ledgerTab.columns.map((c) => c.header);
const col = (h: string) => headers.indexOf(h);

beforeEach(resetDatabase);

/** Merges (or unmerges) 建议台账's cells of sheet rows `from`–`to` in the columns `first`–`last`, as a person would. */
async function merge(from: number, to: number, first: string, last: string, undo = false) {
  const ss = await emulator.spreadsheet(SHEET);
  const sheetId = ss.sheets.find((s) => s.properties.title === TAB_NAMES.ledger)?.properties.sheetId ?? 0;
  const range = {
    sheetId,
    startRowIndex: from - 1,
    endRowIndex: to,
    startColumnIndex: col(first),
    endColumnIndex: col(last) + 1,
  };
  await depsFor(SHEET).sheets.batchUpdate([
    undo ? { unmergeCells: { range } } : { mergeCells: { range, mergeType: "MERGE_ALL" } },
  ]);
}

const mergeLines = async () =>
  (await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`)).filter((p) =>
    String(p[5]).includes("合并成了"),
  );

it("a merged cell among the ledger's rows is a 提醒 in 校验问题 saying what it hides and how to undo it, gone once unmerged", async () => {
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(40)));
  await merge(5, 7, "主办单位", "主办单位");
  await merge(12, 12, "标题", "内容摘要");

  const first = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

  expect(first.outcome).toBe("ok");
  const lines = await mergeLines();
  expect(lines.map((l) => [l[0], l[1], l[3], l[4]])).toEqual([
    [TAB_NAMES.ledger, 5, "主办单位", "提醒"],
    [TAB_NAMES.ledger, 12, "标题", "提醒"],
  ]);
  expect(lines[0]?.[5]).toMatch(/^第5–7行的『主办单位』合并成了一个单元格：合并后只有第5行的内容算数/);
  expect(lines[0]?.[5]).toContain("取消合并（格式 → 合并单元格 → 取消合并）");
  expect(lines[1]?.[5]).toMatch(
    /^第12行的『标题』到『内容摘要』合并成了一个单元格：合并后只有『标题』的内容算数/,
  );

  await merge(5, 7, "主办单位", "主办单位", true);
  await merge(12, 12, "标题", "内容摘要", true);
  const second = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

  expect(second.outcome).toBe("ok");
  expect(await mergeLines()).toEqual([]);
});
