import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { committeeTab, type OpinionRecord, opinionsTab } from "../../sheets-schema/tabs";
import { committeeScores } from "../../src/domain/evaluation/assessment-view";
import {
  opinionKey,
  opinionRows,
  suggestionFromOpinion,
  summarizeOpinions,
} from "../../src/domain/evaluation/opinions";
import { evaluateRows } from "./helpers/evaluate";

const TODAY = "2026-06-15";
const opinionHeader = opinionsTab.columns.map((c) => c.header);
const committeeHeader = committeeTab.columns.map((c) => c.header);
const base = { 审查结果: "立案", 主办单位: "区住建局", 交办日期: "2026-01-12", 标题: "关于路灯的建议" };

function problemsOf(tab: string, extra: Record<string, unknown[][]>, settings?: unknown[][]) {
  const evaluation = evaluateRows(
    [{ ...base, 编号: "2026-001" }],
    { ...extra, ...(settings ? { [TAB_NAMES.settings]: [["项目", "值", "说明"], ...settings] } : {}) },
    TODAY,
  );
  return evaluation.problems.filter((p) => p.tab === tab).map((p) => [p.row, p.column, p.level, p.message]);
}

describe("『民意』的校验", () => {
  const opinions = (rows: unknown[][]) => ({ [TAB_NAMES.opinions]: [opinionHeader, ...rows] });

  it("接待代表须在『代表』表中，日期不能晚于今天", () => {
    expect(
      problemsOf(
        TAB_NAMES.opinions,
        opinions([["2026-07-01", "城关联络站", "", "路灯坏了", "钱多多", "", "", ""]]),
      ),
    ).toEqual([
      [2, "日期", "错误", "日期 2026-07-01 晚于今天（2026-06-15）：请核对"],
      [2, "接待代表", "错误", "接待代表“钱多多”不在『代表』表中：请核对姓名，或先在『代表』表中添加该代表"],
    ]);
  });

  it("处理方式为 转化为建议 却没有建议编号时提醒；编号不在台账时提醒", () => {
    expect(
      problemsOf(
        TAB_NAMES.opinions,
        opinions([
          ["2026-05-01", "城关联络站", "", "路灯坏了", "张明", "转化为建议", "", ""],
          ["2026-05-02", "城关联络站", "", "停车难", "张明", "转化为建议", "2026-099", ""],
          ["2026-05-03", "城关联络站", "", "垃圾清运", "张明", "转化为建议", "2026-001", ""],
        ]),
      ),
    ).toEqual([
      [
        2,
        "建议编号",
        "提醒",
        "处理方式为 转化为建议，还没有建议编号：请在看板『民意』页点“转化为建议”，或填写已有建议的编号",
      ],
      [
        3,
        "建议编号",
        "提醒",
        "建议编号“2026-099”在『建议台账』中找不到：请核对编号（刚转化的建议在下次同步后出现）",
      ],
    ]);
  });
});

describe("『常委会测评』的校验和计入", () => {
  const committee = (rows: unknown[][]) => ({ [TAB_NAMES.committee]: [committeeHeader, ...rows] });

  it("单位须在『承办单位』表中，同一年度同一单位只计第一行，得分须在 0–100", () => {
    const values = committee([
      ["2026年度", "区住建局", 88, "满意", "是", ""],
      [2026, "区住建局", 70, "", "", ""],
      [2026, "区财政局", 90, "", "", ""],
      [2026, "区教育局", 120, "", "", ""],
    ]);
    const problems = problemsOf(TAB_NAMES.committee, values, [
      ["测评权重", "按期答复率:30,满意率:30,沟通率:10,落实率:10,常委会测评:20", ""],
    ]);
    expect(problems).toEqual([
      [3, "单位名称", "错误", "2026 年度的“区住建局”已在第 2 行测评：同一年度每个单位只填一行，本行不计入"],
      [4, "单位名称", "错误", "单位名称“区财政局”不在『承办单位』表中：请核对名称（须与单位名称一致）"],
      [5, "测评得分", "错误", expect.stringContaining("大于 100")],
    ]);
    // What the assessment folds in: the first row of 区住建局 ("2026年度" reads as 2026), the
    // unknown unit as typed (it matches no lead unit), not the row whose score is out of range.
    expect(committeeScores(values[TAB_NAMES.committee])).toEqual([
      { year: 2026, unit: "区住建局", score: 88, advanced: true },
      { year: 2026, unit: "区财政局", score: 90, advanced: false },
    ]);
  });

  it("有测评得分但测评权重没有 常委会测评 时提醒不会计入", () => {
    const problems = problemsOf(TAB_NAMES.committee, committee([[2026, "区住建局", 88, "", "", ""]]));
    expect(problems).toEqual([[null, null, "提醒", expect.stringContaining("综合得分没有计入")]]);
  });
});

describe("民意的汇总和转化", () => {
  const values = [
    opinionHeader,
    [
      "2026-05-01",
      "城关联络站",
      "李大爷",
      "小区路灯坏了三个月。希望尽快修好",
      "张明",
      "转化为建议",
      "2026-001",
      "",
    ],
    ["2026-05-03", "东关联络站", "", "菜市场停车难", "李华", "转交部门", "", ""],
    ["2025-12-30", "东关联络站", "", "去年的意见", "李华", "", "", ""],
  ];

  it("按年度统计收到和转化的条数，最近的在前", () => {
    const rows = opinionRows(values);
    expect(rows.map((r) => r.rowNumber)).toEqual([3, 2, 4]);
    const summary = summarizeOpinions(rows, 2026, null, "2026-06-15");
    expect(summary).toMatchObject({
      received: 2,
      converted: 1,
      byHandling: [
        { handling: "转化为建议", count: 1 },
        { handling: "转交部门", count: 1 },
      ],
    });
    expect(summarizeOpinions(rows, null, null, "2026-06-15").byHandling.at(-1)).toEqual({
      handling: "未填写",
      count: 1,
    });
  });

  it("转化成的建议：标题取内容第一句，接待代表为领衔代表，来源 联络站民意", () => {
    const row = opinionRows(values).find((r) => r.rowNumber === 2);
    expect(suggestionFromOpinion(row?.record as never, "2026-06-15")).toEqual({
      标题: "小区路灯坏了三个月",
      内容摘要: "小区路灯坏了三个月。希望尽快修好",
      领衔代表: "张明",
      提出日期: "2026-06-15",
      来源: "联络站民意",
      备注: "由联络站民意转化（城关联络站 2026-05-01；反映人见『民意』表）",
    });
  });

  it("民意的标识只看内容，不看所在行和处理情况", () => {
    const [a] = opinionRows([opinionHeader, values[1] as unknown[]]);
    const [b] = opinionRows([
      opinionHeader,
      [],
      [...(values[1] as unknown[]).slice(0, 5), "", "", "改了备注"],
    ]);
    expect(a?.key).toBe(b?.key);
    expect(a?.key).not.toBe(opinionKey({ ...(a?.record as OpinionRecord), content: "别的内容" }));
  });
});
