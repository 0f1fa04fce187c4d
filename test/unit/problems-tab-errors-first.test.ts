import { describe, expect, it } from "vitest";
import { type Problem, problemTabRows } from "../../src/domain/problems";

const problem = (row: number, level: Problem["level"], message: string): Problem => ({
  tab: "建议台账",
  row,
  id: `2027-${String(row).padStart(3, "0")}`,
  column: "办理期限",
  level,
  message,
});

describe("the 校验问题 tab", () => {
  it("lists every 错误 before the 提醒s, each in the order found", () => {
    const provisional = "2027 年的放假和调休安排尚未录入，办理期限暂按周末和法定节日推算，为暂定期限";
    const rows = problemTabRows([
      problem(2, "提醒", provisional),
      problem(3, "提醒", provisional),
      problem(4, "错误", "“区卫建委”不在『承办单位』表中"),
      problem(5, "提醒", provisional),
      problem(6, "错误", "交办日期早于提出日期"),
    ]);
    expect(rows.map((r) => `${r[1]} ${r[4]}`)).toEqual(["4 错误", "6 错误", "2 提醒", "3 提醒", "5 提醒"]);
    expect(rows[0]).toEqual([
      "建议台账",
      4,
      "2027-004",
      "办理期限",
      "错误",
      "“区卫建委”不在『承办单位』表中",
    ]);
  });
});
