import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { FIXTURE_NOW_MS } from "../support/ledger-fixture";
import { practiceSheet } from "../support/practice-sheet";
import { countingTabSaves, depsFor, resetDatabase } from "../support/sync-helpers";

const DAY_MS = 86_400_000;
const ID = "practice-since-later";
/** The fixture's day is 2026-11-26: 启用日期 2026-12-01 is five days ahead, and past ten days later. */
const LATER =
  "启用日期 2026-12-01 晚于今天（2026-11-26）：在这一天之前交办的建议都不检查办前联系、面商和协办意见，不发沟通提醒、协办提醒，也不计入沟通率。如是笔误请改正";

beforeEach(resetDatabase);

const settingsProblems = async () =>
  (await emulator.getValues(ID, `'${TAB_NAMES.problems}'`)).filter((p) => p[0] === TAB_NAMES.settings);

describe("同步：设置 启用日期晚于今天", () => {
  it("在校验问题中提醒设置表该行；到了这一天，表格未改（沿用上次的计划）也不再提醒", async () => {
    await emulator.deleteSpreadsheet(ID).catch(() => undefined);
    await emulator.createSpreadsheet(
      ID,
      practiceSheet({
        ledger: [],
        units: [{ 单位名称: "区教育局", 邮箱: "jyj@example.gov.cn" }],
        deputies: [{ 姓名: "张明", 邮箱: "zm@example.cn" }],
        settings: [
          ["启用日期", "2026-12-01", ""],
          ["周报接收人", "dbc@example.gov.cn", ""],
        ],
      }),
    );
    // Twice: the first fills 校验问题, whose length the plan reads; the second keeps its plan.
    for (const at of [FIXTURE_NOW_MS, FIXTURE_NOW_MS + 60_000])
      expect(await runSync(depsFor(ID), "test", at)).toMatchObject({ outcome: "ok" });

    expect(await settingsProblems()).toEqual([[TAB_NAMES.settings, 2, "", "值", "提醒", LATER]]);

    const later = countingTabSaves(ID, TAB_NAMES.units);
    expect(await runSync(later.deps, "test", FIXTURE_NOW_MS + 10 * DAY_MS)).toMatchObject({ outcome: "ok" });
    // The plan was kept (nothing parsed anew), and the day is the run's own.
    expect(later.stored).toEqual([]);
    expect(await settingsProblems()).toEqual([]);
  });
});
