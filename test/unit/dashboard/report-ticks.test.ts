import { describe, expect, it } from "vitest";
import { commendedUnits, contactCounts } from "../../../src/domain/dashboard/report-practice";
import { assessYear, committeeScores } from "../../../src/domain/evaluation/assessment-view";
import { reportEvaluation } from "./report-fixture";

const evaluation = reportEvaluation();

/**
 * The year report reads 代表参加 and 先进单位 as the sync does: a 是/否 cell typed √ or Y is 是 (with a
 * 提醒 on its row), so the report's counts agree with what the sync and the pages counted.
 */
describe("年度报告认 √、Y 为“是”", () => {
  it("代表参加写成 √ 或 Y 的沟通记录计入代表参加", () => {
    const counts = contactCounts([
      { stage: "办前", method: "面商", joined: "是", count: 2 },
      { stage: "办中", method: "电话", joined: "√", count: 1 },
      { stage: "办后", method: "座谈", joined: "Y", count: 1 },
      { stage: "办后", method: "书面", joined: "否", count: 3 },
    ]);
    expect([counts.total, counts.deputyJoined]).toEqual([7, 4]);
  });

  it("先进单位写成 √ 的单位列入名单，× 的不列", () => {
    const listed = (tab: unknown[][]) =>
      commendedUnits(tab, assessYear(evaluation, 2026, committeeScores(tab)));
    const header = ["年度", "单位名称", "测评得分", "表决结果", "先进单位"];
    expect(
      listed([header, [2026, "区教育局", 90, "满意", "√"], [2026, "区住建局", 80, "满意", "×"]]),
    ).toEqual(["区教育局"]);
    expect(
      listed([header, [2026, "区教育局", 90, "满意", "是"], [2026, "区住建局", 80, "满意", "Y"]])?.sort(),
    ).toEqual(["区住建局", "区教育局"].sort());
  });
});
