import { exports } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

// The HTTP routes work on the Worker's configured spreadsheet (SPREADSHEET_ID=test-sheet).
const SHEET = "test-sheet";
const LEDGER = `'${TAB_NAMES.ledger}'`;
const ID_AT = ledgerTab.columns.findIndex((c) => c.header === "编号");
const ID_COLUMN = String.fromCharCode(65 + ID_AT);
const TITLE_AT = ledgerTab.columns.findIndex((c) => c.header === "标题");
const DAY_MS = 86_400_000;
const auth = { authorization: "Bearer test-admin-token" };

const page = async (path: string) => {
  const response = await exports.default.fetch(new Request(`http://jianyi.test${path}`, { headers: auth }));
  return { status: response.status, text: await response.text() };
};

/** The ledger's 编号 on sheet row `row`. */
const idOnRow = async (row: number) => String((await emulator.getValues(SHEET, LEDGER))[row - 1]?.[ID_AT]);

const typeId = (row: number, id: string) =>
  depsFor(SHEET).sheets.batchUpdateValues([{ range: `${LEDGER}!${ID_COLUMN}${row}`, values: [[id]] }], "RAW");

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(40)));
  await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
});

describe("a vanished suggestion whose row is still in the ledger under a new 编号", () => {
  it("says on its page and in 校验问题 which row holds it under the new 编号 and to number that row back; a deleted one says nothing of it", async () => {
    const renamed = await idOnRow(9);
    const titles = new Map(
      (await emulator.getValues(SHEET, LEDGER)).map((r) => [String(r[ID_AT]), String(r[TITLE_AT])]),
    );
    const titleOf = async (id: string) => titles.get(id);
    const deleted = await idOnRow(21);
    // A day later staff retype row 9's 编号 in another form, and delete row 21.
    await typeId(9, "2026-0008");
    const ledgerId =
      (await emulator.spreadsheet(SHEET)).sheets.find((s) => s.properties.title === TAB_NAMES.ledger)
        ?.properties.sheetId ?? 0;
    await depsFor(SHEET).sheets.batchUpdate([
      { deleteDimension: { range: { sheetId: ledgerId, dimension: "ROWS", startIndex: 20, endIndex: 21 } } },
    ]);
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS + DAY_MS);

    const hint =
      `『建议台账』第 9 行（编号 2026-0008）的标题和领衔代表与 ${renamed} 相同，这条建议可能被改了编号：` +
      `如是同一条，请把第 9 行的编号改回 ${renamed}（它的办理记录都记在 ${renamed} 下），不要恢复；` +
      "如是两条不同的建议，请先改动其中一条的标题，再恢复";
    const vanished = await page(`/suggestions/${renamed}`);
    expect(vanished.status).toBe(410);
    expect(vanished.text).toContain(`${renamed} 已从台账中消失`);
    expect(vanished.text).toContain(hint);
    // The 确认已删除 button on 校验问题 leads to this page: the hint is there before the button.
    const confirming = await page(`/suggestions/${renamed}/removal`);
    expect(confirming.text).toContain(hint);
    expect(confirming.text.indexOf(hint)).toBeLessThan(confirming.text.indexOf("确认已删除</button>"));
    expect((await page(`/suggestions/${renamed}/restore`)).text).toContain(hint);

    // 校验问题, where staff read first: the renamed one's line says the same, not to 恢复 it.
    const problems = await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`);
    const lineOf = (id: string) => String(problems.find((p) => p[2] === id)?.[5] ?? "");
    expect(lineOf(renamed)).toBe(`编号 ${renamed}（${await titleOf(renamed)}）已从本表消失：${hint}`);
    expect(lineOf(deleted)).toContain("已从本表消失：如系误删，请在看板“校验问题”页或该建议页面点“恢复”");

    const gone = await page(`/suggestions/${deleted}`);
    expect(gone.status).toBe(410);
    expect(gone.text).toContain(`${deleted} 已从台账中消失`);
    expect(gone.text).not.toContain("可能被改了编号");
    expect((await page(`/suggestions/${deleted}/removal`)).text).not.toContain("可能被改了编号");
  });

  it("tells staff to confirm a 编号 typed over a row by mistake and put right deleted, naming the row", async () => {
    const id = await idOnRow(9);
    await typeId(9, "2026-9000");
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS + DAY_MS);
    await typeId(9, id);
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS + 2 * DAY_MS);

    const vanished = await page("/suggestions/2026-9000");

    expect(vanished.status).toBe(410);
    expect(vanished.text).toContain(
      `『建议台账』第 9 行（编号 ${id}）的标题和领衔代表与 2026-9000 相同，这条建议可能被改了编号：${id} 是更早登记的编号`,
    );
    expect(vanished.text).toContain("不要恢复，请点“确认已删除”去掉 2026-9000 的提示");
  });

  it("dates the 编号 in the office's day (设置 时区) alike in 校验问题, on its page and when 恢复 is refused", async () => {
    const id = await idOnRow(9);
    await typeId(9, "2026-9000");
    // 01:30 on 2026-12-07 in Beijing: the office saw 2026-9000 first that day, not on 12-06 (UTC's).
    await runSync(depsFor(SHEET), "test", Date.parse("2026-12-06T17:30:00Z"));
    await typeId(9, id);
    await runSync(depsFor(SHEET), "test", Date.parse("2026-12-07T02:00:00Z"));

    const dated = `${id} 是更早登记的编号（2026-11-26 起），2026-9000 是 2026-12-07 才出现的，可能是一时改错又改回来了。`;
    const problems = await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`);
    expect(String(problems.find((p) => p[2] === "2026-9000")?.[5] ?? "")).toContain(dated);
    expect((await page("/suggestions/2026-9000")).text).toContain(dated);
    expect((await page("/suggestions/2026-9000/removal")).text).toContain(dated);
    const refused = await exports.default.fetch(
      new Request("http://jianyi.test/api/suggestions/2026-9000/restore", { method: "POST", headers: auth }),
    );
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(dated);
  });

  it("says nothing of it once the vanished 编号 is back in the ledger", async () => {
    const id = await idOnRow(9);
    await typeId(9, "2026-0008");
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS + DAY_MS);
    expect((await page(`/suggestions/${id}/removal`)).text).toContain("可能被改了编号");
    await typeId(9, id);
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS + 2 * DAY_MS);

    const back = await page(`/suggestions/${id}/removal`);

    expect(back.text).toContain("这条建议仍在『建议台账』中");
    expect(back.text).not.toContain("可能被改了编号");
  });
});
