import { describe, expect, it } from "vitest";
import { rowProblems } from "../helpers/evaluate";
import type { LedgerCells } from "../helpers/make-row";
import { evaluateWith, problemsIn } from "./helpers";

/** 2026-080 typed on two ledger rows: each row a different lead unit and 交办日期. */
const BY_EDUCATION: LedgerCells = {
  编号: "2026-080",
  主办单位: "区教育局",
  协办单位: "区卫健委",
  交办日期: "2026-03-02",
};
const BY_TRANSPORT: LedgerCells = {
  编号: "2026-080",
  标题: "关于优化城区公交线路的建议",
  主办单位: "区交通运输局",
  协办单位: "",
  交办日期: "2026-03-05",
};

/** Practice rows of 2026-080 that fit one of its ledger rows and not the other. */
const PRACTICE = {
  contacts: [
    {
      编号: "2026-080",
      日期: "2026-03-02",
      阶段: "办前",
      方式: "面商",
      承办单位: "区教育局",
      代表参加: "是",
    },
    { 编号: "2026-080", 日期: "2026-03-06", 阶段: "办前", 方式: "电话", 承办单位: "区交通运输局" },
    // A date after today is the row's own 错误: reported whichever ledger row comes first.
    { 编号: "2026-080", 日期: "2026-05-11", 阶段: "办中", 方式: "电话", 承办单位: "区交通运输局" },
  ],
  extensions: [
    {
      编号: "2026-080",
      申请日期: "2026-03-04",
      申请单位: "区教育局",
      理由: "需统筹资金",
      审批结果: "同意",
      审批日期: "2026-03-06",
    },
  ],
  coOpinions: [{ 编号: "2026-080", 协办单位: "区卫健委", 送达日期: "2026-03-03" }],
};

const TABS = ["沟通记录", "延期申请", "协办意见"] as const;

const NOTE =
  "编号 2026-080 在『建议台账』中重复（第 2、3 行），本行的单位和日期暂未与台账核对：请先改正台账中的重复编号，改正后再核对";
const note = (row: number) => ({ row, column: "编号", level: "提醒", message: NOTE });

function practiceProblems(ledger: LedgerCells[]) {
  const evaluation = evaluateWith(ledger, PRACTICE);
  return Object.fromEntries(TABS.map((tab) => [tab, problemsIn(evaluation, tab)]));
}

describe("编号在建议台账中重复时，沟通记录、延期申请、协办意见的核对不随台账行序变化", () => {
  it("两行顺序互换（如按主办单位排序），实践表各行的问题完全相同", () => {
    expect(practiceProblems([BY_TRANSPORT, BY_EDUCATION])).toEqual(
      practiceProblems([BY_EDUCATION, BY_TRANSPORT]),
    );
  });

  it("不拿其中一行去核对承办单位和日期，而是每行提醒一次先改正重复编号", () => {
    for (const ledger of [
      [BY_EDUCATION, BY_TRANSPORT],
      [BY_TRANSPORT, BY_EDUCATION],
    ]) {
      expect(practiceProblems(ledger)).toEqual({
        沟通记录: [
          note(2),
          note(3),
          {
            row: 4,
            column: "日期",
            level: "错误",
            message: "日期 2026-05-11 晚于今天（2026-05-10）：请核对",
          },
          note(4),
        ],
        延期申请: [note(2)],
        协办意见: [note(2)],
      });
    }
  });

  it("重复编号的每一行仍各按自己的主办单位和交办日期计算办理期限（获准延期的只有区教育局那一行）", () => {
    const dueDates = (ledger: LedgerCells[]) =>
      evaluateWith(ledger, PRACTICE).rows.map((r) => `${r.record.leadUnit} ${r.computed.dueDate}`);
    expect(dueDates([BY_EDUCATION, BY_TRANSPORT])).toEqual([
      "区教育局 2026-09-02",
      "区交通运输局 2026-06-05",
    ]);
    expect(dueDates([BY_TRANSPORT, BY_EDUCATION])).toEqual([
      "区交通运输局 2026-06-05",
      "区教育局 2026-09-02",
    ]);
  });
});

describe("并入编号指向重复的编号", () => {
  const merged = (review: string): LedgerCells => ({
    编号: "2026-080",
    审查结果: review,
    并入编号: review === "并案" ? "2026-090" : "",
  });
  const OTHERS: LedgerCells[] = [
    { 编号: "2026-090" },
    { 编号: "2026-091", 审查结果: "并案", 并入编号: "2026-080" },
  ];
  const mergedProblems = (ledger: LedgerCells[]) =>
    rowProblems(evaluateWith(ledger, {}), 5).filter((p) => p.column === "并入编号");

  it("不论哪一行在前，都提醒先改正重复编号，而不按第一行的审查结果判断", () => {
    const expected = [
      {
        column: "并入编号",
        level: "提醒",
        message:
          "并入的编号 2026-080 在『建议台账』中重复（第 2、3 行），暂未核对所并入的建议：请先改正台账中的重复编号，改正后再核对",
      },
    ];
    expect(mergedProblems([merged("立案"), merged("并案"), ...OTHERS])).toEqual(expected);
    expect(mergedProblems([merged("并案"), merged("立案"), ...OTHERS])).toEqual(expected);
  });
});
