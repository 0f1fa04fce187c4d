import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ASSESSMENT_HEADERS } from "../../sheets-schema/tabs/system-tabs";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { FIXTURE_NOW_MS } from "../support/ledger-fixture";
import { type Cells, practiceSheet } from "../support/practice-sheet";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const UNITS = [
  { 单位名称: "区教育局", 邮箱: "jyj@example.gov.cn" },
  { 单位名称: "区住建局", 邮箱: "zjj@example.gov.cn" },
];
const DEPUTIES = [{ 姓名: "张明", 邮箱: "zm@example.cn" }];
const base: Cells = {
  标题: "关于改善城区学校周边交通秩序的建议",
  领衔代表: "张明",
  类别: "教育医疗",
  提出日期: "2026-01-08",
  审查结果: "立案",
  交办日期: "2026-03-02",
};

beforeEach(resetDatabase);

describe("同步写入『单位测评』", () => {
  it("按设置的测评权重计入常委会测评，写出排名和等次", async () => {
    const id = "assessment-sync";
    await emulator.deleteSpreadsheet(id).catch(() => undefined);
    await emulator.createSpreadsheet(
      id,
      practiceSheet({
        units: UNITS,
        deputies: DEPUTIES,
        ledger: [
          // 区教育局: one reply on time (A, 满意), one late (B 已落实, 基本满意); no 办前 contact kept.
          {
            ...base,
            编号: "2026-001",
            主办单位: "区教育局",
            答复日期: "2026-05-20",
            答复类别: "A",
            满意度: "满意",
          },
          {
            ...base,
            编号: "2026-002",
            主办单位: "区教育局",
            答复日期: "2026-06-20",
            答复类别: "B",
            满意度: "基本满意",
            落实情况: "已落实",
          },
          // 区住建局: one reply on time (A, 满意).
          {
            ...base,
            编号: "2026-003",
            主办单位: "区住建局",
            答复日期: "2026-04-01",
            答复类别: "A",
            满意度: "满意",
          },
        ],
        committee: [
          { 年度: "2026年度", 单位名称: "区教育局", 测评得分: 85, 表决结果: "满意", 先进单位: "是" },
        ],
        settings: [["测评权重", "按期答复率:30,满意率:30,沟通率:10,落实率:10,常委会测评:20", ""]],
      }),
    );
    expect(await runSync(depsFor(id), "test", FIXTURE_NOW_MS)).toMatchObject({ outcome: "ok" });
    const tab = await emulator.getValues(id, `'${TAB_NAMES.assessment}'`);
    // 区教育局: 按期 1/2, 满意 2/2, 沟通 0/2, 落实 1/1, 常委会 85:
    //   (30×50 + 30×100 + 10×0 + 10×100 + 20×85) / 100 = 72.0 → 一般.
    // 区住建局: 按期 1/1, 满意 1/1, 沟通 0/1, no B class, no committee row: (30×100 + 30×100 + 10×0) / 70 = 85.7 → 较好.
    expect(tab).toEqual([
      [...ASSESSMENT_HEADERS],
      [2026, "区住建局", 1, "100.0%", "100.0%", "0.0%", "—", "—", "85.7", "较好", 1, 0, "否"],
      [2026, "区教育局", 2, "50.0%", "100.0%", "0.0%", "100.0%", "85.0", "72.0", "一般", 2, 0, "是"],
    ]);
  });

  it("常委会测评填了不存在的单位，校验问题写明请核对名称", async () => {
    const id = "assessment-committee-check";
    await emulator.deleteSpreadsheet(id).catch(() => undefined);
    await emulator.createSpreadsheet(
      id,
      practiceSheet({
        units: UNITS,
        deputies: DEPUTIES,
        ledger: [{ ...base, 编号: "2026-001", 主办单位: "区教育局" }],
        committee: [{ 年度: 2026, 单位名称: "区财政局", 测评得分: 90 }],
      }),
    );
    expect(await runSync(depsFor(id), "test", FIXTURE_NOW_MS)).toMatchObject({ outcome: "ok" });
    const problems = await emulator.getValues(id, `'${TAB_NAMES.problems}'`);
    expect(problems.map((r) => r.join("|")).join("\n")).toContain(
      "单位名称“区财政局”不在『承办单位』表中：请核对名称（须与单位名称一致）",
    );
  });
});
