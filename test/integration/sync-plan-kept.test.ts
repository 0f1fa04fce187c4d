import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { FIXTURE_NOW_MS } from "../support/ledger-fixture";
import { type Cells, practiceSheet } from "../support/practice-sheet";
import { countingTabSaves, depsFor, resetDatabase } from "../support/sync-helpers";

const DAY_MS = 86_400_000;
const headers = ledgerTab.columns.map((c) => c.header);
const statusColumn = headers.indexOf("台账状态");
const ID = "2026-001";
/** Assigned 2026-09-01, due 2026-12-01: five days left on the fixture's day, overdue ten days later. */
const row: Cells = {
  编号: ID,
  标题: "关于改善城区学校周边交通秩序的建议",
  领衔代表: "张明",
  类别: "教育医疗",
  提出日期: "2026-01-08",
  审查结果: "立案",
  主办单位: "区财政局",
  交办日期: "2026-09-01",
};
const UNITS = [{ 单位名称: "区教育局", 邮箱: "jyj@example.gov.cn" }];

beforeEach(resetDatabase);

async function created(id: string) {
  await emulator.deleteSpreadsheet(id).catch(() => undefined);
  await emulator.createSpreadsheet(
    id,
    practiceSheet({ ledger: [row], units: UNITS, deputies: [{ 姓名: "张明", 邮箱: "zm@example.cn" }] }),
  );
}

/** The deps of a sync, counting how often the plan stores the small tabs in D1 (it parsed its read). */
const counted = (id: string, options: { failSave?: boolean; buildId?: string } = {}) =>
  countingTabSaves(id, TAB_NAMES.units, options);

/**
 * Synced twice: the first sync fills 校验问题 and 统计, whose lengths the plan reads, so the
 * second plans anew and keeps its plan for the next.
 */
async function settled(id: string, nowMs: number) {
  for (const at of [nowMs, nowMs + 60_000])
    expect(await runSync(depsFor(id), "test", at)).toMatchObject({ outcome: "ok" });
}

const ledgerStatus = async (id: string) =>
  (await emulator.getValues(id, `'${TAB_NAMES.ledger}'`))[1]?.[statusColumn];
const unitProblems = async (id: string) =>
  (await emulator.getValues(id, `'${TAB_NAMES.problems}'`)).filter((p) => p[0] === TAB_NAMES.ledger);
const addUnit = (id: string, name: string) =>
  depsFor(id).sheets.batchUpdateValues([{ range: `'${TAB_NAMES.units}'!A3`, values: [[name]] }]);

describe("同步：表格与上次一字不差时，计划沿用上次的结果", () => {
  it("再次同步、隔了十天再同步，都不再解析、存储小表；台账状态仍按当天算", async () => {
    const id = "plan-kept";
    await created(id);
    await settled(id, FIXTURE_NOW_MS);
    expect(await ledgerStatus(id)).toBe("即将到期");
    const before = await unitProblems(id);
    expect(before).toEqual([
      [TAB_NAMES.ledger, 2, ID, "主办单位", "错误", expect.stringContaining("区财政局")],
    ]);
    const again = counted(id);
    expect(await runSync(again.deps, "test", FIXTURE_NOW_MS + 120_000)).toMatchObject({
      outcome: "ok",
      cellsWritten: 0,
    });
    expect(again.stored).toEqual([]);
    expect(await unitProblems(id)).toEqual(before);

    // The plan is kept across days; the day is the run's own.
    const later = counted(id);
    expect(await runSync(later.deps, "test", FIXTURE_NOW_MS + 10 * DAY_MS)).toMatchObject({ outcome: "ok" });
    expect(later.stored).toEqual([]);
    expect(await ledgerStatus(id)).toBe("已逾期");
  });

  it("小表改了一格、或换了版本，就重新计划", async () => {
    const id = "plan-kept-changes";
    await created(id);
    await settled(id, FIXTURE_NOW_MS);
    // The missing unit is added to 承办单位: the row's problem goes.
    await addUnit(id, "区财政局");
    const edited = counted(id);
    expect(await runSync(edited.deps, "test", FIXTURE_NOW_MS)).toMatchObject({ outcome: "ok" });
    expect(edited.stored).toHaveLength(1);
    expect(await unitProblems(id)).toEqual([]);
    await settled(id, FIXTURE_NOW_MS);
    const same = counted(id);
    expect(await runSync(same.deps, "test", FIXTURE_NOW_MS)).toMatchObject({ outcome: "ok" });
    expect(same.stored).toEqual([]);
    // A new build may check the same tabs differently.
    const rebuilt = counted(id, { buildId: "a-later-build" });
    expect(await runSync(rebuilt.deps, "test", FIXTURE_NOW_MS)).toMatchObject({ outcome: "ok" });
    expect(rebuilt.stored).toHaveLength(1);
  });

  it("存储中途断了、表格又改回原样：下次同步仍把小表存进 D1，不沿用旧计划", async () => {
    const id = "plan-kept-crash";
    await created(id);
    await settled(id, FIXTURE_NOW_MS);
    await addUnit(id, "区财政局");
    const crashed = counted(id, { failSave: true });
    expect(await runSync(crashed.deps, "test", FIXTURE_NOW_MS)).toMatchObject({ outcome: "failed" });
    // D1 may now hold the added unit; staff undo the edit.
    await addUnit(id, "");
    const after = counted(id);
    expect(await runSync(after.deps, "test", FIXTURE_NOW_MS)).toMatchObject({ outcome: "ok" });
    expect(after.stored).toHaveLength(1);
    const cached = await depsFor(id).tabCache.load([TAB_NAMES.units]);
    expect(cached[TAB_NAMES.units]?.map((r) => r[0])).toEqual(["单位名称", "区教育局"]);
    expect(await unitProblems(id)).toEqual([
      [TAB_NAMES.ledger, 2, ID, "主办单位", "错误", expect.stringContaining("区财政局")],
    ]);
  });
});
