import { beforeEach, describe, expect, it } from "vitest";
import { columnLetter } from "../../sheets-schema/header-map";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { restoreSuggestion } from "../../src/jobs/sync/restore";
import { restoreSuggestions } from "../../src/jobs/sync/restore-many";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

// An office's own columns (附加列) to the right of the contract's: 恢复 must bring their values back.
const SHEET = "restore-extra-columns";
const LEDGER = `'${TAB_NAMES.ledger}'`;
const DAY_MS = 86_400_000;
const EXTRA = ["建议分类", "督办领导批示"] as const;
const 批示 = "同意，请区教育局抓紧办理";

let header: string[] = [];
const at = (h: string) => header.indexOf(h);

async function seed() {
  const tabs = buildFixture(40);
  const ledger = tabs[TAB_NAMES.ledger] as (string | number)[][];
  ledger[0]?.push(...EXTRA);
  // Sheet row 9 is the one deleted below: its 建议分类 交通 at first (教育 in the first test by the time it goes).
  ledger.slice(1).forEach((row, i) => {
    row.push(i % 2 === 1 ? "交通" : "教育", i === 7 || i === 8 ? 批示 : "");
  });
  header = (ledger[0] ?? []).map(String);
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  return emulator.createSpreadsheet(SHEET, fixtureSheets(tabs));
}

const ledgerRows = async () => (await emulator.getValues(SHEET, LEDGER)).slice(1);
const rowOf = async (id: string) => (await ledgerRows()).find((r) => r[at("编号")] === id) ?? [];

/** Staff delete whole rows or columns of 建议台账 (0-based, end exclusive). */
async function deleteDimension(
  sheetId: number,
  dimension: "ROWS" | "COLUMNS",
  start: number,
  end = start + 1,
) {
  await depsFor(SHEET).sheets.batchUpdate([
    { deleteDimension: { range: { sheetId, dimension, startIndex: start, endIndex: end } } },
  ]);
}

let sheetId = 0;
beforeEach(async () => {
  await resetDatabase();
  const sheet = await seed();
  sheetId = sheet.sheets.find((s) => s.properties.title === TAB_NAMES.ledger)?.properties.sheetId ?? 0;
  await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
});

describe("恢复 of a row whose office added its own columns", () => {
  it("puts the office's own columns back with the row, as last seen (建议分类 changed to 教育 before the row went)", async () => {
    const id = String((await ledgerRows())[7]?.[at("编号")]);
    // Staff change 建议分类 alone (no contract column changes) and the next sync keeps it.
    await depsFor(SHEET).sheets.batchUpdateValues([
      { range: `${LEDGER}!${columnLetter(at("建议分类"))}9`, values: [["教育"]] },
    ]);
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS + DAY_MS);
    await deleteDimension(sheetId, "ROWS", 8);
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS + DAY_MS);
    expect(await rowOf(id)).toEqual([]);

    const restored = await restoreSuggestion(depsFor(SHEET), id, FIXTURE_NOW_MS + DAY_MS, "测试员");

    expect(restored.ok).toBe(true);
    const back = await rowOf(id);
    expect(back[at("建议分类")]).toBe("教育");
    expect(back[at("督办领导批示")]).toBe(批示);
    expect(restored.ok && restored.message).toBe(`编号 ${id} 已恢复到『建议台账』第 41 行`);
  });

  it("names the values of a column the ledger no longer has, in the answer and the suggestion's history", async () => {
    const id = String((await ledgerRows())[7]?.[at("编号")]);
    await deleteDimension(sheetId, "ROWS", 8);
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS + DAY_MS);
    // Then staff delete their 督办领导批示 column altogether.
    await deleteDimension(sheetId, "COLUMNS", at("督办领导批示"));

    const restored = await restoreSuggestion(depsFor(SHEET), id, FIXTURE_NOW_MS + DAY_MS, "测试员");

    expect(restored.ok).toBe(true);
    expect(restored.ok && restored.message).toBe(
      `编号 ${id} 已恢复到『建议台账』第 41 行；『建议台账』已没有“督办领导批示”列，这些内容没有写回：“督办领导批示”为“${批示}”。如仍需要，请先在第 1 行加回该列，再把内容粘贴到第 41 行`,
    );
    expect((await rowOf(id))[at("建议分类")]).toBe("交通");
    const history = await depsFor(SHEET).snapshots.history(id);
    expect(history.at(-1)?.note).toBe(
      `从最后一次记录恢复到第 41 行；表格中已没有“督办领导批示”列，未写回：“督办领导批示”为“${批示}”`,
    );
  });

  it("批量恢复 puts each row's own columns back too, and names what it could not write", async () => {
    const ids = (await ledgerRows()).slice(7, 9).map((r) => String(r[at("编号")]));
    await deleteDimension(sheetId, "ROWS", 8, 10);
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS + DAY_MS);
    await deleteDimension(sheetId, "COLUMNS", at("督办领导批示"));

    const done = await restoreSuggestions(depsFor(SHEET), ids, FIXTURE_NOW_MS + DAY_MS, "测试员");

    expect(done.ok).toBe(true);
    expect((await rowOf(ids[0] as string))[at("建议分类")]).toBe("交通");
    expect((await rowOf(ids[1] as string))[at("建议分类")]).toBe("教育");
    expect(done.ok && done.message).toBe(
      `『建议台账』已没有下列内容所在的列，恢复时没有写回：编号 ${ids[0]}（第 40 行）“督办领导批示”为“${批示}”；编号 ${ids[1]}（第 41 行）“督办领导批示”为“${批示}”。如仍需要，请先在第 1 行加回该列，再把内容粘贴到对应的行`,
    );
  });
});

describe("恢复 while the 编号 column is cleared", () => {
  it("adds no row and says the 编号 column is empty and how to get it back", async () => {
    const id = String((await ledgerRows())[7]?.[at("编号")]);
    await deleteDimension(sheetId, "ROWS", 8);
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS + DAY_MS);
    const idColumn = columnLetter(at("编号"));
    await depsFor(SHEET).sheets.clear(`${LEDGER}!${idColumn}2:${idColumn}`);
    const before = (await ledgerRows()).length;

    const one = await restoreSuggestion(depsFor(SHEET), id, FIXTURE_NOW_MS + DAY_MS, "测试员");
    const many = await restoreSuggestions(depsFor(SHEET), [id], FIXTURE_NOW_MS + DAY_MS, "测试员");

    const advice =
      "请先用“撤销”或表格的“文件 → 版本记录”恢复编号列（或把原编号粘贴回去），下次同步后再点“恢复”；如这些确是刚加的新行，等下次同步（每 10 分钟一次）给它们编号后再点“恢复”";
    expect(one).toMatchObject({
      ok: false,
      code: "ids_missing",
      message: `『建议台账』现有 39 行数据，其中 39 行的编号为空，编号列疑似被清空：编号缺失期间系统不往台账补回行，编号 ${id} 这次没有恢复。${advice}`,
    });
    expect(many).toMatchObject({
      ok: false,
      code: "ids_missing",
      message: `『建议台账』现有 39 行数据，其中 39 行的编号为空，编号列疑似被清空：编号缺失期间系统不往台账补回行，这 1 条建议这次没有恢复。${advice}`,
    });
    expect((await ledgerRows()).length).toBe(before);
  });
});
