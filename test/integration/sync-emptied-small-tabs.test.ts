import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { serialFromIso } from "../../src/domain/civil-date";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";
import { buildOfficeSheet, MONDAY_10_MS, noticeDeps, officeDeps } from "./notices-setup";

const PROBLEMS = `'${TAB_NAMES.problems}'`;

/** 校验问题 about `tab`: level and message. */
const problemsAbout = async (sheet: string, tab: string) =>
  (await emulator.getValues(sheet, PROBLEMS)).filter((p) => p[0] === tab).map((p) => [p[4], String(p[5])]);

beforeEach(resetDatabase);

describe("a sync that finds 承办单位 or 代表 emptied", () => {
  it("keeps their last read, says so in one 错误 each, and the day's notices reach every unit as before", async () => {
    const office = `emptied-units-${crypto.randomUUID().slice(0, 8)}`;
    await buildOfficeSheet(office);
    const deps = await officeDeps(office);
    expect(await runSync(deps, "test", MONDAY_10_MS)).toMatchObject({ outcome: "ok" });

    // 承办单位: select all → Delete; 代表: its rows cleared under the header.
    await deps.sheets.batchClear([`'${TAB_NAMES.units}'`, `'${TAB_NAMES.deputies}'!A2:Z`]);
    const synced = await runSync(deps, "test", MONDAY_10_MS);

    expect(synced.outcome).toBe("ok");
    const units = await problemsAbout(office, TAB_NAMES.units);
    expect(units).toHaveLength(1);
    expect(units[0]?.[0]).toBe("错误");
    expect(units[0]?.[1]).toMatch(
      /^第 1 行没有表头：如果是误删（例如全选后按了删除），请先用“撤销”或“文件 → 版本记录”恢复/,
    );
    expect(units[0]?.[1]).toMatch(
      /；改好之前，系统沿用上次同步读到的『承办单位』（5 行），校验、页面和提醒照旧按它进行$/,
    );
    expect(await problemsAbout(office, TAB_NAMES.deputies)).toEqual([
      [
        "错误",
        "『代表』只有表头、没有数据（上次同步时有 1 行）：如果是误删（例如选中后按了删除），请用“撤销”或“文件 → 版本记录”恢复；改好之前，系统沿用上次同步读到的『代表』（1 行），校验、页面和提醒照旧按它进行",
      ],
    ]);
    // No row told its unit or deputy is not in the list.
    const all = (await emulator.getValues(office, PROBLEMS)).map((p) => String(p[5])).join("\n");
    expect(all).not.toContain("不在『承办单位』");
    expect(all).not.toContain("不在『代表』");

    const { deps: notices } = await noticeDeps(office);
    const run = await runDailyNotices(notices, MONDAY_10_MS);
    expect(run).toMatchObject({ outcome: "ok", inserted: 5, unreachable: [] });
  });
});

describe("a sync that finds 设置 or 节假日 deleted", () => {
  const SHEET = "deleted-settings-sheet";
  const LEDGER = `'${TAB_NAMES.ledger}'`;
  const col = (header: string) => ledgerTab.columns.findIndex((c) => c.header === header);

  /**
   * 2026-005, assigned 2026-10-20, due 2027-01-20 (55 days on): 即将到期 with 即将到期天数 60, and
   * due the day after with that day a 休 in 节假日.
   */
  async function row005() {
    const ledger = await emulator.getValues(SHEET, LEDGER);
    const row = ledger.find((r) => r[col("编号")] === "2026-005") ?? [];
    return { status: row[col("台账状态")], due: row[col("办理期限")] };
  }

  it("keeps their last read (即将到期天数, the office's own 放假 days), saying so in one 错误 each", async () => {
    const tabs = buildFixture(40);
    tabs[TAB_NAMES.settings]?.push(["即将到期天数", 60, ""]);
    tabs[TAB_NAMES.holidays]?.push([serialFromIso("2027-01-20"), "休", "本地放假"]);
    await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
    const created = await emulator.createSpreadsheet(SHEET, fixtureSheets(tabs));
    const sheetId = (title: string) =>
      created.sheets.find((s) => s.properties.title === title)?.properties.sheetId;
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const before = await row005();
    expect(before).toEqual({ status: "即将到期", due: serialFromIso("2027-01-21") });

    await depsFor(SHEET).sheets.batchUpdate([
      { deleteSheet: { sheetId: sheetId(TAB_NAMES.settings) } },
      { deleteSheet: { sheetId: sheetId(TAB_NAMES.holidays) } },
    ]);
    const synced = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect(synced.outcome).toBe("ok");
    expect(await row005()).toEqual(before);
    expect(await problemsAbout(SHEET, TAB_NAMES.settings)).toEqual([
      [
        "错误",
        "找不到工作表『设置』：先看看是不是表名被改了（比如加了年份或括号），是的话请改回『设置』；确实没有这张表时，再新建（第 1 行写表头）；改好之前，系统沿用上次同步读到的『设置』（1 行），校验、页面和提醒照旧按它进行",
      ],
    ]);
    // (Its 提醒 that 2027's arrangement is not entered yet stays, as before.)
    expect((await problemsAbout(SHEET, TAB_NAMES.holidays)).filter((p) => p[0] === "错误")).toEqual([
      [
        "错误",
        "找不到工作表『节假日』：先看看是不是表名被改了（比如加了年份或括号），是的话请改回『节假日』；确实没有这张表时，再新建（第 1 行写表头）；改好之前，系统沿用上次同步读到的『节假日』（1 行），校验、页面和提醒照旧按它进行",
      ],
    ]);
  });
});
