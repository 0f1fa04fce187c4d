import { describe, expect, it } from "vitest";
import { evaluateRows, rowProblems } from "./helpers/evaluate";

/** 2026's suggestions as the office finds them in January 2027. */
const JANUARY = "2027-01-12";
const overdue = { 主办单位: "区教育局", 交办日期: "2026-03-02" };
const unsatisfied = {
  ...overdue,
  答复日期: "2026-05-20",
  答复类别: "C",
  答复内容: "受财力所限",
  满意度: "不满意",
  测评日期: "2026-05-28",
};

function crossYearProblems(cells: Record<string, unknown>, today = JANUARY) {
  return rowProblems(evaluateRows([cells], {}, today), 2).filter((p) => p.column === "跨年督办");
}

describe("a past year's unsettled suggestion with 跨年督办 left blank", () => {
  it("asks staff, from the new year's first day, whether to carry it over", () => {
    expect(crossYearProblems(overdue)).toEqual([
      {
        column: "跨年督办",
        level: "提醒",
        message:
          "2026 年提出的建议跨年后仍为“已逾期”：如需在 2027 年继续督办，请在“跨年督办”列填“是”（留空则不计入 2027 年的单位测评和年度报告）；不列入的请填“否”（同样不计入；尚未答复的，逾期催办照常发送，直到单位答复）",
      },
    ]);
    expect(crossYearProblems(unsatisfied)[0]?.message).toContain("仍为“待二次交办”");
    expect(crossYearProblems({ ...overdue, 提出日期: "2026-12-30", 交办日期: "" })).toEqual([]);
  });

  it("says nothing within the suggestion's own year", () => {
    expect(crossYearProblems(overdue, "2026-12-31")).toEqual([]);
  });

  it("says nothing once staff decided, either way", () => {
    expect(crossYearProblems({ ...overdue, 跨年督办: "是" })).toEqual([]);
    expect(crossYearProblems({ ...overdue, 跨年督办: "否" })).toEqual([]);
  });

  it("says nothing of a suggestion settled or still within its legal time", () => {
    const settled = {
      ...overdue,
      答复日期: "2026-05-20",
      答复类别: "A",
      满意度: "满意",
      测评日期: "2026-05-28",
    };
    expect(crossYearProblems(settled)).toEqual([]);
    // Submitted and assigned in December: due in March, handled normally across the new year.
    expect(crossYearProblems({ ...overdue, 提出日期: "2026-12-01", 交办日期: "2026-12-08" })).toEqual([]);
  });
});
