import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { evaluateRows, problemsOf } from "./helpers/evaluate";

const HOLIDAY_HEADER = ["日期", "类型", "说明"];

/** The 节假日 problems staff see for these rows. */
function holidayProblems(rows: unknown[][]) {
  return evaluateRows([{}], { [TAB_NAMES.holidays]: [HOLIDAY_HEADER, ...rows] })
    .problems.filter((p) => p.tab === TAB_NAMES.holidays && p.row !== null)
    .map(({ row, column, level, message }) => ({ row, column, level, message }));
}

describe("节假日 日期 written as a span of dates", () => {
  it("says each date goes on its own row, listing the span's first dates", () => {
    expect(
      holidayProblems([
        ["2027-02-10至2027-02-16", "休", "春节"],
        ["2027-02-10~2027-02-16", "休", "春节"],
        ["2027年2月10日—2月16日", "休", "春节"],
      ]),
    ).toEqual([
      {
        row: 2,
        column: "日期",
        level: "错误",
        message:
          "日期“2027-02-10至2027-02-16”是一段日期：节假日每个日期写一行（2027-02-10、2027-02-11…各一行），类型写 休 或 班",
      },
      {
        row: 3,
        column: "日期",
        level: "错误",
        message:
          "日期“2027-02-10~2027-02-16”是一段日期：节假日每个日期写一行（2027-02-10、2027-02-11…各一行），类型写 休 或 班",
      },
      {
        row: 4,
        column: "日期",
        level: "错误",
        message:
          "日期“2027年2月10日—2月16日”是一段日期：节假日每个日期写一行（2027-02-10、2027-02-11…各一行），类型写 休 或 班",
      },
    ]);
  });

  it("asks for the year when the span has none", () => {
    expect(holidayProblems([["2/10-2/16", "休", ""]])).toEqual([
      {
        row: 2,
        column: "日期",
        level: "错误",
        message:
          "日期“2/10-2/16”是一段日期：节假日每个日期写一行（并写明年份，如 2027-02-10、2027-02-11…各一行），类型写 休 或 班",
      },
    ]);
  });

  it("still reads single dates and words other bad dates as before", () => {
    expect(
      holidayProblems([
        ["2027-02-10", "休", ""],
        ["2027/2/11", "休", ""],
        ["1月2日", "休", ""],
        ["2027-02-30", "休", ""],
      ]),
    ).toEqual([
      expect.objectContaining({ row: 4, message: expect.stringContaining("“1月2日”不是可识别的日期") }),
      expect.objectContaining({ row: 5, message: expect.stringContaining("“2027-02-30”不存在") }),
    ]);
  });

  it("leaves the ledger's date columns as they were", () => {
    expect(problemsOf({ 交办日期: "2027-02-10至2027-02-16" })).toContainEqual(
      expect.objectContaining({
        column: "交办日期",
        message: expect.stringContaining("“2027-02-10至2027-02-16”不是可识别的日期"),
      }),
    );
  });
});
