import { describe, expect, it } from "vitest";
import { mergeProblems } from "../../../src/domain/sync/merge-problems";

const HEADER = ["编号", "标题", "内容摘要", "主办单位", "台账状态"];

describe("mergeProblems", () => {
  it("leaves the header row's own merges to the header check and names a data merge by its rows and columns", () => {
    const problems = mergeProblems(
      [
        { startRowIndex: 0, endRowIndex: 1, startColumnIndex: 1, endColumnIndex: 3 },
        { startRowIndex: 0, endRowIndex: 3, startColumnIndex: 4, endColumnIndex: 5 },
        { startRowIndex: 9, endRowIndex: 10, startColumnIndex: 1, endColumnIndex: 3 },
      ],
      HEADER,
    );

    expect(problems.map((p) => [p.row, p.column, p.level])).toEqual([
      [2, "台账状态", "提醒"],
      [10, "标题", "提醒"],
    ]);
    expect(problems[0]?.message).toMatch(
      /^第2–3行的『台账状态』合并成了一个单元格：合并后只有第2行的内容算数/,
    );
    expect(problems[1]?.message).toMatch(
      /^第10行的『标题』到『内容摘要』合并成了一个单元格：合并后只有『标题』的内容算数/,
    );
  });

  it("lists twenty and counts the rest in one line", () => {
    const merges = Array.from({ length: 23 }, (_, i) => ({
      startRowIndex: 2 * i + 1,
      endRowIndex: 2 * i + 3,
      startColumnIndex: 3,
      endColumnIndex: 4,
    }));

    const problems = mergeProblems(merges, HEADER);

    expect(problems).toHaveLength(21);
    expect(problems[20]).toMatchObject({
      row: null,
      message: expect.stringContaining("另有 3 处合并的单元格"),
    });
  });
});
