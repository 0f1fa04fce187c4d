import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { FIXTURE_NOW_MS } from "../support/ledger-fixture";
import { type Cells, practiceSheet } from "../support/practice-sheet";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const headers = ledgerTab.columns.map((c) => c.header);
const col = (header: string) => headers.indexOf(header);
const replied: Cells = {
  标题: "关于改善城区学校周边交通秩序的建议",
  领衔代表: "张明",
  类别: "教育医疗",
  提出日期: "2026-01-08",
  审查结果: "立案",
  主办单位: "区教育局",
  答复日期: "2026-05-20",
  答复类别: "A",
};

beforeEach(resetDatabase);

/**
 * An office that imported its ledger sets 设置 启用日期 2026-03-01: the suggestion 交办 on 2026-02-16,
 * replied with no 沟通记录 kept for it, gets no 提醒 in the sheet and counts in no 沟通率; the one
 * 交办 on 2026-03-02 with a 办前 contact is checked and counted as before.
 */
describe("同步：设置 启用日期", () => {
  it("启用日期前交办的答复没有办前联系提醒，也不计入统计表的沟通率", async () => {
    const id = "practice-since";
    await emulator.deleteSpreadsheet(id).catch(() => undefined);
    await emulator.createSpreadsheet(
      id,
      practiceSheet({
        units: [{ 单位名称: "区教育局", 邮箱: "jyj@example.gov.cn" }],
        deputies: [{ 姓名: "张明", 邮箱: "zm@example.cn" }],
        settings: [["启用日期", "2026-03-01", ""]],
        ledger: [
          { ...replied, 编号: "2026-001", 交办日期: "2026-02-16" },
          { ...replied, 编号: "2026-002", 交办日期: "2026-03-02" },
        ],
        contacts: [
          { 编号: "2026-002", 日期: "2026-03-10", 阶段: "办前", 方式: "面商", 承办单位: "区教育局" },
        ],
      }),
    );
    expect(await runSync(depsFor(id), "test", FIXTURE_NOW_MS)).toMatchObject({ outcome: "ok" });
    const ledger = await emulator.getValues(id, `'${TAB_NAMES.ledger}'`);
    expect(ledger[1]?.[col("校验问题")] ?? "").toBe("");
    expect(ledger[2]?.[col("校验问题")] ?? "").toBe("");
    const problems = await emulator.getValues(id, `'${TAB_NAMES.problems}'`);
    expect(problems.filter((p) => String(p[5]).includes("办前联系"))).toEqual([]);
    const statistics = await emulator.getValues(id, `'${TAB_NAMES.statistics}'`);
    const unit = statistics.find((r) => r[0] === "区教育局");
    expect(unit?.[(statistics[0] ?? []).indexOf("沟通率")]).toBe("100.0%");
  });
});
