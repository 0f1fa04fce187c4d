import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { evaluateRows } from "../helpers/evaluate";

const HEADER = ["项目", "值", "说明"];
// 周报接收人 filled in last, so its own 提醒 (when empty) stays out of these rules' lists.
const DIGEST = ["周报接收人", "leader@example.gov.cn", ""];
const read = (...rows: unknown[][]) =>
  evaluateRows([{}], { [TAB_NAMES.settings]: [HEADER, ...rows, DIGEST] });
const problems = (...rows: unknown[][]) =>
  read(...rows)
    .problems.filter((p) => p.tab === TAB_NAMES.settings)
    .map(({ row, level, message }) => ({ row, level, message }));

describe("设置中 practice.md 新增的项目", () => {
  it("默认值：会议期间为空，办前沟通提醒天数 15，协办意见期限天数 30，延期审批提醒天数 5，二次办理时限 30天", () => {
    expect(read().settings).toMatchObject({
      sessionPeriods: [],
      preContactDays: 15,
      coOpinionDays: 30,
      extensionReviewDays: 5,
      secondRoundPeriod: { amount: 30, unit: "天" },
      assessmentWeights: { 按期答复率: 30, 满意率: 40, 沟通率: 15, 落实率: 15 },
      assessmentGrades: [
        ["好", 90],
        ["较好", 80],
        ["一般", 60],
      ],
    });
  });

  it("二次办理时限可写 N天 或 N个月（全角数字亦可）", () => {
    expect(read(["二次办理时限", "1个月"]).settings.secondRoundPeriod).toEqual({ amount: 1, unit: "个月" });
    expect(read(["二次办理时限", "１５天"]).settings.secondRoundPeriod).toEqual({ amount: 15, unit: "天" });
    expect(read(["二次办理时限", 20]).settings.secondRoundPeriod).toEqual({ amount: 20, unit: "天" });
  });

  it("二次办理时限写错时报错并用默认值 30天", () => {
    expect(read(["二次办理时限", "一个月"]).settings.secondRoundPeriod).toEqual({ amount: 30, unit: "天" });
    expect(problems(["二次办理时限", "一个月"])).toEqual([
      { row: 2, level: "错误", message: expect.stringContaining("请写成 30天 或 1个月") },
    ]);
    expect(problems(["二次办理时限", "13个月"])[0]?.message).toContain("1–12个月");
  });

  it("只有旧项目 二次办理时限天数 的表格照常使用，其数字按天计", () => {
    const settings = read(["二次办理时限天数", "20"]);
    expect(settings.settings.secondRoundPeriod).toEqual({ amount: 20, unit: "天" });
    expect(settings.problems).toEqual([]);
  });

  it("新旧两项都有时用 二次办理时限，并在旧项目所在行提醒删除", () => {
    const rows = [
      ["二次办理时限天数", "20"],
      ["二次办理时限", "1个月"],
    ];
    expect(read(...rows).settings.secondRoundPeriod).toEqual({ amount: 1, unit: "个月" });
    expect(problems(...rows)).toEqual([
      { row: 2, level: "提醒", message: expect.stringContaining("已由第 3 行的“二次办理时限”取代") },
    ]);
  });

  it("会议期间：一段或多段日期，以逗号分隔", () => {
    expect(read(["会议期间", "2026-01-08~2026-01-11，2027/1/6~2027/1/9"]).settings.sessionPeriods).toEqual([
      { from: "2026-01-08", to: "2026-01-11" },
      { from: "2027-01-06", to: "2027-01-09" },
    ]);
    expect(problems(["会议期间", "2026-01-11~2026-01-08"])[0]?.message).toContain("结束日期早于开始日期");
    expect(problems(["会议期间", "一月上旬"])[0]?.message).toContain("请写成 2026-01-08~2026-01-11");
  });

  it("测评权重之和须为 100，指标须是可用的几项", () => {
    expect(read(["测评权重", "按期答复率:25,满意率:25,沟通率:25,落实率:15,常委会测评:10"]).problems).toEqual(
      [],
    );
    expect(problems(["测评权重", "按期答复率:30,满意率:40"])[0]?.message).toContain(
      "各项权重之和为 70，应为 100",
    );
    expect(problems(["测评权重", "出勤率:100"])[0]?.message).toContain("“出勤率”不是测评指标");
  });

  it("测评等次须按分数从高到低", () => {
    expect(read(["测评等次", "优秀：95，良好：85"]).settings.assessmentGrades).toEqual([
      ["优秀", 95],
      ["良好", 85],
    ]);
    expect(problems(["测评等次", "一般:60,好:90"])[0]?.message).toContain("从高到低");
  });

  it("办前沟通提醒天数、协办意见期限天数、延期审批提醒天数为整数", () => {
    const settings = read(["办前沟通提醒天数", "10"], ["协办意见期限天数", "20"], ["延期审批提醒天数", "3"]);
    expect(settings.settings).toMatchObject({
      preContactDays: 10,
      coOpinionDays: 20,
      extensionReviewDays: 3,
    });
    expect(problems(["延期审批提醒天数", "0"])[0]?.message).toContain("小于 1");
  });
});
