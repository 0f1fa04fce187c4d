import { describe, expect, it } from "vitest";
import { answerProblems } from "../../../src/domain/intake/answer-limits";

const WHOLE = { 联络站: "东关街道联络站", 内容: "菜市场周边停车难", 接待代表: "王建国0" };

describe("answerProblems: an opinion's required answers", () => {
  it("refuses an opinion whose 内容 is missing or blank, naming 内容", () => {
    const refusal = [{ field: "answers.内容", message: "民意须填写内容：请补上后重新提交" }];
    expect(answerProblems("opinion", { ...WHOLE, 内容: "  " })).toEqual(refusal);
    const { 内容: _left, ...without } = WHOLE;
    expect(answerProblems("opinion", without)).toEqual(refusal);
  });

  it("asks for 联络站 and 接待代表 too, but not 日期 (the form dates it the day it is sent)", () => {
    expect(answerProblems("opinion", { 内容: "菜市场周边停车难" }).map((p) => p.message)).toEqual([
      "民意须填写联络站：请补上后重新提交",
      "民意须填写接待代表：请补上后重新提交",
    ]);
    expect(answerProblems("opinion", WHOLE)).toEqual([]);
  });

  it("leaves the other forms' required fields to acceptSubmission", () => {
    expect(answerProblems("suggestion", { 内容摘要: "…" })).toEqual([]);
    expect(answerProblems("reply", {})).toEqual([]);
  });
});
