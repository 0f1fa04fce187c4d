import { describe, expect, it } from "vitest";
import { evaluateRows, problemsOf, rowProblems } from "./helpers/evaluate";

const assigned = { 主办单位: "区教育局", 交办日期: "2026-03-02" };
const replied = { ...assigned, 答复日期: "2026-04-20", 答复类别: "A" };

function problem(column: string, level: "错误" | "提醒", text: string) {
  return { column, level, message: expect.stringContaining(text) };
}

describe("a clean row", () => {
  it("has no problems at any step of its life", () => {
    expect(problemsOf({})).toEqual([]);
    expect(problemsOf(replied)).toEqual([]);
    expect(
      problemsOf({
        ...replied,
        满意度: "不满意",
        测评日期: "2026-04-25",
        二次交办日期: "2026-04-26",
        二次答复日期: "2026-05-08",
        二次答复类别: "B",
        二次满意度: "满意",
      }),
    ).toEqual([]);
  });
});

describe("required fields", () => {
  it.each(["标题", "领衔代表", "提出日期"])("reports a blank %s", (header) => {
    expect(problemsOf({ [header]: "" })).toContainEqual(problem(header, "错误", "必填"));
  });

  it("reports a whitespace-only 标题 as blank", () => {
    expect(problemsOf({ 标题: "   " })).toContainEqual(problem("标题", "错误", "必填"));
  });

  it("limits 标题 to 200 characters", () => {
    expect(problemsOf({ 标题: "路".repeat(201) })).toContainEqual(problem("标题", "错误", "超过 200 字"));
    expect(problemsOf({ 标题: "路".repeat(200) })).toEqual([]);
  });
});

describe("enums", () => {
  it.each([
    ["审查结果", "同意"],
    ["办理时限", "两个月"],
    ["答复类别", "E"],
    ["满意度", "很满意"],
    ["二次满意度", "一般"],
    ["落实情况", "完成"],
    ["重点建议", "X"],
    ["跨年督办", "也许"],
    ["回访", "待定"],
  ])("reports an unknown %s value", (header, value) => {
    expect(problemsOf({ ...replied, [header]: value })).toContainEqual(problem(header, "错误", "不是"));
  });
});

describe("dates", () => {
  it("reports a 提出日期 after today", () => {
    expect(problemsOf({ 提出日期: "2026-05-11" })).toContainEqual(
      problem("提出日期", "错误", "晚于今天（2026-05-10）"),
    );
  });

  it("reports a 交办日期 before 提出日期", () => {
    expect(problemsOf({ 交办日期: "2026-01-09", 主办单位: "区教育局" })).toContainEqual(
      problem("交办日期", "错误", "交办日期 2026-01-09 早于提出日期 2026-01-10"),
    );
  });

  it("reports a 答复日期 before 交办日期 or after today", () => {
    expect(problemsOf({ ...replied, 答复日期: "2026-03-01" })).toContainEqual(
      problem("答复日期", "错误", "早于交办日期"),
    );
    expect(problemsOf({ ...replied, 答复日期: "2026-06-01" })).toContainEqual(
      problem("答复日期", "错误", "晚于今天"),
    );
  });

  it("reports a 测评日期 before 答复日期", () => {
    expect(problemsOf({ ...replied, 满意度: "满意", 测评日期: "2026-04-19" })).toContainEqual(
      problem("测评日期", "错误", "早于答复日期"),
    );
  });

  it("reports a 二次答复日期 before 二次交办日期", () => {
    const row = { ...replied, 满意度: "不满意", 二次交办日期: "2026-04-26", 二次答复日期: "2026-04-25" };
    expect(problemsOf(row)).toContainEqual(problem("二次答复日期", "错误", "早于二次交办日期"));
  });

  it.each([["3月2日"], [12], [true], ["=TODAY()"], ["2026-02-30"]])(
    "reports %s in 交办日期 and keeps the row",
    (value) => {
      const evaluation = evaluateRows([{ ...assigned, 交办日期: value }]);
      const row = evaluation.rows[0];
      expect(rowProblems(evaluation, 2)).toContainEqual({
        column: "交办日期",
        level: "错误",
        message: expect.any(String),
      });
      expect(row?.computed.status).toBe("待交办");
      expect(row?.id).toBe("2026-001");
    },
  );
});

describe("the steps of handling", () => {
  it("requires 答复类别 once 答复日期 is set", () => {
    expect(problemsOf({ ...assigned, 答复日期: "2026-04-20" })).toContainEqual(
      problem("答复类别", "错误", "答复类别必填"),
    );
  });

  it("requires 答复内容 for a C reply", () => {
    expect(problemsOf({ ...replied, 答复类别: "C" })).toContainEqual(
      problem("答复内容", "错误", "答复内容必填"),
    );
    expect(problemsOf({ ...replied, 答复类别: "C", 答复内容: "用地指标不足，列入明年计划" })).toEqual([]);
  });

  it("allows 满意度 only after a reply", () => {
    expect(problemsOf({ ...assigned, 满意度: "满意" })).toContainEqual(
      problem("满意度", "错误", "还没有答复"),
    );
  });

  it("allows 二次交办日期 only when 满意度 = 不满意", () => {
    expect(problemsOf({ ...replied, 满意度: "满意", 二次交办日期: "2026-04-26" })).toContainEqual(
      problem("二次交办日期", "错误", "只在满意度为“不满意”时填写"),
    );
  });

  it("requires the earlier step of round 2", () => {
    expect(problemsOf({ ...replied, 二次答复日期: "2026-05-01" })).toContainEqual(
      problem("二次交办日期", "错误", "没有二次交办日期"),
    );
    expect(
      problemsOf({ ...replied, 满意度: "不满意", 二次交办日期: "2026-04-26", 二次满意度: "满意" }),
    ).toContainEqual(problem("二次满意度", "错误", "还没有二次答复"));
  });

  it("warns about a key suggestion without 督办领导", () => {
    expect(problemsOf({ 重点建议: "是" })).toContainEqual({
      column: "督办领导",
      level: "提醒",
      message: "重点建议应有督办领导：请填写督办领导",
    });
    expect(problemsOf({ 重点建议: "是", 督办领导: "李主任" })).toEqual([]);
  });

  it("warns that 落实情况 is only meaningful for a B reply", () => {
    expect(problemsOf({ ...replied, 落实情况: "已落实" })).toContainEqual(
      problem("落实情况", "提醒", "只用于 B 类答复"),
    );
    expect(problemsOf({ ...replied, 答复类别: "B", 落实情况: "推进中" })).toEqual([]);
  });

  it("warns about assignment before 立案 and a reply without 交办日期", () => {
    expect(problemsOf({ 审查结果: "", ...assigned })).toContainEqual(
      problem("审查结果", "提醒", "立案后再交办"),
    );
    expect(problemsOf({ 答复日期: "2026-04-20", 答复类别: "A" })).toContainEqual(
      problem("交办日期", "错误", "没有交办日期"),
    );
  });
});

describe("a row with problems", () => {
  it("still gets its due date and status, and lists its problems errors first", () => {
    const evaluation = evaluateRows([{ ...assigned, 领衔代表: "王五", 重点建议: "是" }]);
    const row = evaluation.rows[0];
    expect(row?.computed).toEqual({
      dueDate: "2026-06-02",
      status: "办理中",
      problems:
        "[错误] 领衔代表“王五”不在『代表』表中：请核对姓名，或先在『代表』表中添加该代表（如是上届代表，请留在或加回『代表』表，备注写“上届”）\n[提醒] 督办领导：重点建议应有督办领导：请填写督办领导",
    });
  });
});

describe("a 交办日期 after today (TODAY is 2026-05-10)", () => {
  it("is a 提醒 saying the notices and the deadline wait for it, so a mistyped year is seen", () => {
    expect(problemsOf({ ...assigned, 交办日期: "2062-03-02" })).toContainEqual({
      column: "交办日期",
      level: "提醒",
      message:
        "交办日期 2062-03-02 晚于今天（2026-05-10）：如是笔误请改正；否则交办通知要到这一天才发出，办理期限也从这一天算起",
    });
    expect(problemsOf({ ...assigned, 交办日期: "2026-05-10" }).map((p) => p.column)).not.toContain(
      "交办日期",
    );
  });

  it("holds for 二次交办日期 too", () => {
    const second = { ...replied, 满意度: "不满意", 测评日期: "2026-04-25", 二次交办日期: "2026-05-12" };
    expect(problemsOf(second)).toContainEqual(
      problem("二次交办日期", "提醒", "二次交办日期 2026-05-12 晚于今天"),
    );
  });
});
