import { describe, expect, it } from "vitest";
import { enumCell, parseCell } from "../../sheets-schema/cells";
import { HANDLING_PERIODS } from "../../sheets-schema/enums";
import { evaluateRows } from "./helpers/evaluate";

const period = enumCell(HANDLING_PERIODS);

describe("办理时限 typed in figures", () => {
  it.each([
    ["6个月", "六个月"],
    ["６个月", "六个月"],
    ["6 个月", "六个月"],
    [" ６　个 月。", "六个月"],
    ["3个月", "三个月"],
    ["３个月", "三个月"],
    ["三 个月", "三个月"],
  ])("reads “%s” as %s", (typed, value) => {
    expect(parseCell(period, typed)).toMatchObject({ value, error: null });
  });

  it.each(["半年", "6月", "6个月内", "4个月", "36个月", "6"])(
    "leaves “%s” an error that lists the values",
    (typed) => {
      expect(parseCell(period, typed).error).toBe(`“${typed}”不是可选的值：请从 三个月 / 六个月 中选择`);
    },
  );

  it("gives a row with 办理时限 6个月 a six-month 办理期限, not overdue at three months, and no 校验问题", () => {
    // Assigned 2026-01-20; today 2026-05-10: three months ran out on 2026-04-20, six run to 2026-07-20.
    const [six, three] = evaluateRows([
      { 编号: "2026-001", 主办单位: "区教育局", 交办日期: "2026-01-20", 办理时限: "6个月" },
      { 编号: "2026-002", 主办单位: "区教育局", 交办日期: "2026-01-20", 办理时限: "３ 个月" },
    ]).rows;
    expect(six?.computed).toEqual({ dueDate: "2026-07-20", status: "办理中", problems: "" });
    expect(three?.computed).toEqual({ dueDate: "2026-04-20", status: "已逾期", problems: "" });
  });
});
