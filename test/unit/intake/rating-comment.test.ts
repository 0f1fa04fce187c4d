import { describe, expect, it } from "vitest";
import { latestRatingComment, ratingCommentLine } from "../../../src/domain/intake/rating-comment";

describe("a rating's comment in 备注", () => {
  it("reads back the comment of the last line intake wrote, not staff's own notes", () => {
    const notes = [
      "代表约见时提出",
      ratingCommentLine("提交号 r-1", "先前的意见"),
      ratingCommentLine("张明", "补贴标准没有提高，只是列入计划"),
      "工作人员：已电话回访",
    ].join("\n");
    expect(latestRatingComment(notes)).toBe("补贴标准没有提高，只是列入计划");
    expect(latestRatingComment("测评意见写在别处")).toBe("");
    expect(latestRatingComment(null)).toBe("");
  });
});
