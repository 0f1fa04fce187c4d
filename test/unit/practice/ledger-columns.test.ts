import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { ledgerTab, PRACTICE_LEDGER_KEYS } from "../../../sheets-schema/tabs/ledger";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { sourceOf } from "../../../src/domain/practice/source";
import { makeRecord, makeRow, makeTabs } from "../helpers/make-row";
import { evaluateWith, ledgerProblems, REPLIED } from "./helpers";

const ROUND_2 = {
  ...REPLIED,
  满意度: "不满意",
  测评日期: "2026-04-25",
  二次交办日期: "2026-04-26",
  二次答复日期: "2026-05-08",
};
const LEADERS = [
  { 姓名: "刘振华主任", 类型: "督办" },
  { 姓名: "王建国副区长", 类型: "领办", 邮箱: "wjg@example.gov.cn" },
];

describe("建议台账新增的列", () => {
  it("领办领导须与『领导』表的姓名一致", () => {
    expect(ledgerProblems(evaluateWith([{ 领办领导: "王建国副区长" }], { leaders: LEADERS }))).toEqual([]);
    expect(ledgerProblems(evaluateWith([{ 领办领导: "王建国" }], { leaders: LEADERS }))).toEqual([
      {
        column: "领办领导",
        level: "错误",
        message: expect.stringContaining("领办领导“王建国”不在『领导』表中"),
      },
    ]);
  });

  it("答复函须是 http 或 https 网址，或留空", () => {
    const ok = evaluateWith([{ ...REPLIED, 答复函: "https://rd.example.gov.cn/dfh/2026-001.pdf" }], {});
    expect(ok.rows[0]?.record.replyLetter).toBe("https://rd.example.gov.cn/dfh/2026-001.pdf");
    const bad = ledgerProblems(evaluateWith([{ 答复函: "见附件" }], {}));
    expect(bad).toEqual([
      { column: "答复函", level: "错误", message: expect.stringContaining("应以 https:// 或 http:// 开头") },
    ]);
  });

  it("填写二次答复日期后，二次答复类别必填（A / B / C / D）", () => {
    expect(ledgerProblems(evaluateWith([ROUND_2], {}))).toContainEqual({
      column: "二次答复类别",
      level: "错误",
      message: "已有二次答复日期，二次答复类别必填：请填写 A、B、C 或 D",
    });
    const filled = evaluateWith([{ ...ROUND_2, 二次答复类别: "ｂ类" }], {});
    expect(filled.rows[0]?.record.secondReplyClass).toBe("B");
    expect(ledgerProblems(filled).filter((p) => p.column === "二次答复类别")).toEqual([]);
  });

  it("没有二次答复日期而填了二次答复类别的，提醒补上日期", () => {
    expect(ledgerProblems(evaluateWith([{ ...REPLIED, 二次答复类别: "A" }], {}))).toContainEqual({
      column: "二次答复日期",
      level: "提醒",
      message: expect.stringContaining("请补上二次答复日期"),
    });
  });

  it("来源只能是 大会期间 / 闭会期间 / 联络站民意；优秀建议为 是 / 否", () => {
    const evaluation = evaluateWith(
      [{ 来源: "联络站民意", 优秀建议: "是", 预审意见: "建议立案，交区教育局" }],
      {},
    );
    expect(evaluation.rows[0]?.record).toMatchObject({
      source: "联络站民意",
      excellent: true,
      preReview: "建议立案，交区教育局",
    });
    expect(ledgerProblems(evaluateWith([{ 来源: "群众来信" }], {}))[0]?.message).toContain(
      "请从 大会期间 / 闭会期间 / 联络站民意 中选择",
    );
  });

  it("来源留空时：提出日期在会议期间之内为 大会期间，否则为 闭会期间", () => {
    const sessions = [{ from: "2026-01-08", to: "2026-01-11" }];
    expect(sourceOf(makeRecord({ submittedOn: "2026-01-11" }), sessions)).toEqual({
      source: "大会期间",
      inferred: true,
    });
    expect(sourceOf(makeRecord({ submittedOn: "2026-01-12" }), sessions)).toEqual({
      source: "闭会期间",
      inferred: true,
    });
    expect(sourceOf(makeRecord({ source: "联络站民意", submittedOn: "2026-01-09" }), sessions)).toEqual({
      source: "联络站民意",
      inferred: false,
    });
  });

  it("没有这些新列的旧表格照常同步，不因缺列提醒，也不要求二次答复类别", () => {
    const practice = new Set<string>(PRACTICE_LEDGER_KEYS);
    const headers = ledgerTab.columns.filter((c) => !practice.has(c.key)).map((c) => c.header);
    const tabs = makeTabs([]);
    tabs[TAB_NAMES.ledger] = [headers, makeRow(ROUND_2 as Record<string, unknown>, headers)];
    const evaluation = evaluateLedger({ tabs, today: "2026-05-10" });
    expect(evaluation.tabs[TAB_NAMES.ledger].readable).toBe(true);
    // (设置 has its own 提醒 here: 周报接收人 is empty.)
    expect(evaluation.problems.filter((p) => p.tab !== TAB_NAMES.settings)).toEqual([]);
  });
});
