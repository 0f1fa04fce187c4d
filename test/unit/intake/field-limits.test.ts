import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ledgerStaffColumns } from "../../../sheets-schema/tabs/ledger";
import { answerProblems } from "../../../src/domain/intake/answer-limits";
import { fitText, SHEETS_CELL_MAX } from "../../../src/domain/intake/field-limits";
import { FORM_KINDS, mapAnswers } from "../../../src/domain/intake/map-answers";

const DAY = "2026-11-26";

describe("fitText", () => {
  it("keeps text within the limit and cuts longer text to exactly the limit, ending with the marker", () => {
    expect(fitText("短", 200)).toBe("短");
    const cut = fitText("字".repeat(6_000), 5_000);
    expect(cut).toHaveLength(5_000);
    expect(cut.startsWith("字".repeat(4_900))).toBe(true);
    expect(cut).toMatch(
      /……（原文共 6000 字，超出台账 5000 字上限，以下从略；完整原文保存在系统的表单收件记录中）$/,
    );
  });

  it("never cuts an emoji in half", () => {
    const cut = fitText(`${"a".repeat(4_954)}${"😀".repeat(600)}`, 5_000);
    expect(cut.length).toBeLessThanOrEqual(5_000);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe("mapAnswers within the ledger's limits", () => {
  it("cuts long text (内容摘要, 答复内容) to 5,000 characters with the marker", () => {
    const suggestion = mapAnswers("suggestion", { 标题: "t", 建议内容: "建".repeat(20_000) }, DAY);
    const reply = mapAnswers("reply", { 编号: "2026-001", 答复内容: "答".repeat(8_000) }, DAY);

    expect(String(suggestion.cells.内容摘要)).toHaveLength(5_000);
    expect(String(suggestion.cells.内容摘要)).toContain("原文共 20000 字");
    expect(String(reply.cells.答复内容)).toHaveLength(5_000);
  });

  it("summarises a suggestion's unknown answers into 备注 within 5,000 characters", () => {
    const answers: Record<string, string> = { 标题: "关于增设公交站点的建议", 备注: "请尽快办理" };
    for (let i = 0; i < 4; i++) answers[`附加问题${i}`] = "长".repeat(15_000);

    const { cells } = mapAnswers("suggestion", answers, DAY);

    const notes = String(cells.备注);
    expect(notes).toHaveLength(5_000);
    expect(notes.startsWith("请尽快办理\n附加问题0：长长")).toBe(true);
    expect(notes).toMatch(/原文共 60033 字，超出台账 5000 字上限.*表单收件记录中）$/);
  });

  it("leaves short 备注 lines as they were", () => {
    const { cells } = mapAnswers("suggestion", { 标题: "t", 联系电话: "13800000000", 单位: "城关镇" }, DAY);
    expect(cells.备注).toBe("联系电话：13800000000\n单位：城关镇");
  });

  it("never makes a cell over its column's limit, nor over Google's 50,000, whatever the answers", () => {
    const questions = fc.constantFrom(
      "标题",
      "建议内容",
      "领衔代表",
      "附议代表",
      "类别",
      "届次",
      "备注",
      "编号",
      "答复内容",
      "答复类别",
      "满意度",
      "提出日期",
      "其他问题",
      "联系电话",
    );
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: "grapheme", minLength: 0, maxLength: 20_000 }),
      fc.array(fc.string({ maxLength: 2_000 }), { maxLength: 200 }),
    );
    const limits = new Map(ledgerStaffColumns.map((c) => [c.header, c.cell]));
    fc.assert(
      fc.property(fc.constantFrom(...FORM_KINDS), fc.dictionary(questions, value), (form, answers) => {
        const { cells } = mapAnswers(form, answers, DAY);
        for (const [header, cell] of Object.entries(cells)) {
          if (typeof cell !== "string") continue;
          expect(cell.length).toBeLessThanOrEqual(SHEETS_CELL_MAX);
          const type = limits.get(header);
          if (type && type.kind !== "list" && type.maxLength)
            expect(cell.length).toBeLessThanOrEqual(type.maxLength);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("answerProblems", () => {
  it("refuses a date whose year is outside 2000–2100, naming the answer as sent", () => {
    expect(answerProblems("suggestion", { 标题: "t", 提出时间: "9999-03-02" })).toEqual([
      {
        field: "answers.提出时间",
        message: "提出日期：日期“9999-03-02”的年份不在 2000–2100 年之间：请核对年份",
      },
    ]);
    expect(answerProblems("reply", { 编号: "2026-001", 答复日期: "1999年12月31日" })[0]?.field).toBe(
      "answers.答复日期",
    );
    expect(answerProblems("rating", { 编号: "2026-001", 测评日期: "2101/1/1" })[0]?.field).toBe(
      "answers.测评日期",
    );
  });

  it("accepts dates in range and leaves other odd dates to be reported in 校验问题", () => {
    expect(answerProblems("suggestion", { 提出日期: "2026-03-02", 标题: "t" })).toEqual([]);
    expect(answerProblems("suggestion", { 提出日期: "2026-02-30" })).toEqual([]);
    expect(answerProblems("suggestion", { 提出日期: "三月二日" })).toEqual([]);
  });

  it("refuses short fields over their column's limit: 标题 200, names 50, 编号 50, a co-signer's name", () => {
    const problems = answerProblems("suggestion", {
      建议标题: "题".repeat(201),
      代表姓名: "名".repeat(51),
      附议代表: ["李四", "附".repeat(51)],
      类别: "教育",
    });
    expect(problems.map((p) => p.field)).toEqual([
      "answers.建议标题",
      "answers.代表姓名",
      "answers.附议代表",
    ]);
    expect(problems[0]?.message).toBe("标题有 201 个字，超过台账 200 字的上限：请精简后重新提交");
    expect(answerProblems("reply", { 编号: "x".repeat(51) })[0]?.field).toBe("answers.编号");
    expect(answerProblems("suggestion", { 标题: "题".repeat(200), 领衔代表: "名".repeat(50) })).toEqual([]);
  });

  it("never refuses long text or answers to questions without a column", () => {
    expect(
      answerProblems("suggestion", { 建议内容: "建".repeat(20_000), 其他: "长".repeat(20_000), 标题: "t" }),
    ).toEqual([]);
  });
});
