import { describe, expect, it } from "vitest";
import { missingEvaluationTabs } from "../../src/domain/evaluation/evaluation-tabs";
import { missingPracticeTabs } from "../../src/domain/practice/practice-problems";

describe("缺少的工作表：一条提醒，写在缺少的第一张表上", () => {
  it("办理记录的表：列出缺少的表，说明规则暂不适用、每次同步多读两次", () => {
    expect(missingPracticeTabs(["协办意见", "领导", "民意"])).toEqual([
      {
        tab: "领导",
        row: null,
        column: null,
        level: "提醒",
        id: null,
        message:
          "表格中还没有工作表『领导』『协办意见』（领导名录、三沟通记录、延期申请、协办意见）：台账照常同步，这些表的规则暂不适用；请运行 npm run sheet:init 补齐，补齐前每次同步要多读取两次表格",
      },
    ]);
    expect(missingPracticeTabs(["民意"])).toEqual([]);
  });

  it("测评的表：列出缺少的表，说明单位测评暂不写入", () => {
    expect(missingEvaluationTabs(["单位测评", "民意"])).toEqual([
      {
        tab: "民意",
        row: null,
        column: null,
        level: "提醒",
        id: null,
        message:
          "表格中还没有工作表『民意』『单位测评』（联络站民意、常委会测评、单位测评）：台账照常同步，单位测评暂不写入表格；请运行 npm run sheet:init 补齐",
      },
    ]);
    expect(missingEvaluationTabs(["领导"])).toEqual([]);
  });
});
