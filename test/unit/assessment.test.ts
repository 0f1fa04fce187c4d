import { describe, expect, it } from "vitest";
import {
  type AssessmentItem,
  type AssessmentOptions,
  assessUnits,
  carriedOver,
  countsInYear,
  gradeOf,
} from "../../src/domain/evaluation/assessment";
import { assessmentCells, assessmentTable } from "../../src/domain/evaluation/assessment-view";
import { PRACTICE_FACTS } from "../../src/domain/practice/practice-facts";
import { AssessmentPage } from "../../src/http/dashboard/assessment-page";
import { makeRecord, unitDirectory } from "./helpers/make-row";

const TODAY = "2026-06-15";
const KEPT = PRACTICE_FACTS.contactsKept;
const CONTACTED = PRACTICE_FACTS.contacted | PRACTICE_FACTS.contactsKept;

function item(
  fields: Parameters<typeof makeRecord>[0],
  firstDue: string | null,
  extra: Partial<AssessmentItem> = {},
): AssessmentItem {
  return {
    record: makeRecord({ review: "立案", assignedOn: "2026-01-05", submittedOn: "2026-01-03", ...fields }),
    firstDue,
    ...extra,
  };
}

// Hand-worked fixture, 2026, today 06-15; every round-1 limit is 04-07 unless said.
// 区教育局: e1 on time (A, 满意, 办前 contact); e2 late (B 已落实, 基本满意, no contact); e3 on time
// (B 推进中, 不满意, contact) then a second round due 05-20 with no reply (overdue); e4 unreplied,
// due 07-10 (not due yet). 按期 = (1 + 0 + 1 + 0 round-1, 0 of 1 round-2) = 2/4 = 50%;
// 满意 2/3; 沟通 2/3 of replied; 落实 1/2 B-class.
// 综合 = (30×50 + 40×66.67 + 15×66.67 + 15×50) / 100 = 59.2 → 差.
const education = [
  item({ leadUnit: "区教育局", repliedOn: "2026-03-06", replyClass: "A", rating: "满意" }, "2026-04-07", {
    practice: CONTACTED,
  }),
  item(
    {
      leadUnit: "区教育局",
      repliedOn: "2026-04-10",
      replyClass: "B",
      implementation: "已落实",
      rating: "基本满意",
    },
    "2026-04-07",
    { practice: KEPT },
  ),
  item(
    {
      leadUnit: "区教育局",
      repliedOn: "2026-03-20",
      replyClass: "B",
      implementation: "推进中",
      rating: "不满意",
      reassignedOn: "2026-04-20",
    },
    "2026-04-07",
    { practice: CONTACTED, secondDue: "2026-05-20" },
  ),
  item({ leadUnit: "区教育局" }, "2026-07-10", { practice: KEPT }),
];
// 区住建局 and 区卫健委 alike: two replies on time, both 满意, one with a 办前 contact, no B class.
// 按期 100, 满意 100, 沟通 50, 落实 has no denominator: its 15 is shared out over 85 →
// (30×100 + 40×100 + 15×50) / 85 = 91.2 → 好. Equal scores share rank 1; 区教育局 is 3rd.
const twoGood = (unit: string) => [
  item({ leadUnit: unit, repliedOn: "2026-02-04", replyClass: "A", rating: "满意" }, "2026-04-07", {
    practice: CONTACTED,
  }),
  item({ leadUnit: unit, repliedOn: "2026-02-10", replyClass: "C", rating: "满意" }, "2026-04-07", {
    practice: KEPT,
  }),
];

const UNITS = ["区教育局", "区住建局", "区卫健委", "区水利局"];
const options: AssessmentOptions = {
  today: TODAY,
  units: unitDirectory(UNITS),
  weights: { 按期答复率: 30, 满意率: 40, 沟通率: 15, 落实率: 15 },
  grades: [
    ["好", 90],
    ["较好", 80],
    ["一般", 60],
  ],
  committee: [],
};
const items = [...education, ...twoGood("区住建局"), ...twoGood("区卫健委")];

describe("单位测评", () => {
  const result = assessUnits(2026, items, options);
  const row = (unit: string) => result.rows.find((r) => r.unit === unit);

  it("各项指标按手算：按期答复率计两轮，满意率、沟通率、落实率", () => {
    const figures = row("区教育局")?.figures;
    expect(figures?.按期答复率).toEqual({ value: 50, numerator: 2, denominator: 4 });
    expect(figures?.满意率).toMatchObject({ numerator: 2, denominator: 3 });
    expect(figures?.沟通率).toMatchObject({ numerator: 2, denominator: 3 });
    expect(figures?.落实率).toEqual({ value: 50, numerator: 1, denominator: 2 });
    expect(row("区教育局")).toMatchObject({ assigned: 4, score: 59.2, grade: "差" });
  });

  it("分母为零的指标不计，其余权重按比例放大", () => {
    expect(row("区住建局")).toMatchObject({
      score: 91.2,
      grade: "好",
      usedWeights: { 按期答复率: 35.3, 满意率: 47.1, 沟通率: 17.6 },
    });
    expect(row("区住建局")?.figures.落实率.value).toBeNull();
  });

  it("得分相同的并列同一名次，下一名跳过", () => {
    expect(result.rows.map((r) => [r.unit, r.rank])).toEqual([
      ["区住建局", 1],
      ["区卫健委", 1],
      ["区教育局", 3],
    ]);
  });

  it("当年没有承办建议的单位不参加测评", () => {
    expect(row("区水利局")).toBeUndefined();
  });

  it("单位测评表的一行：比率写成百分数，得分一位小数，缺分母写 —", () => {
    expect(assessmentCells(row("区住建局") as never)).toEqual([
      2026,
      "区住建局",
      2,
      "100.0%",
      "100.0%",
      "50.0%",
      "—",
      "—",
      "91.2",
      "好",
      1,
      0,
      "否",
    ]);
  });

  it("计入常委会测评：有得分的单位计入其权重，没有的该项不计", () => {
    // Weights 20/40/10/10 + 常委会测评 20. 区住建局 scored 80: (20×100 + 40×100 + 10×50 + 20×80) / 90
    // = 90.0 (落实率 drops). 区卫健委 has no committee row: (20×100 + 40×100 + 10×50) / 70 = 92.9.
    // 区教育局: (20×50 + 40×66.67 + 10×66.67 + 10×50) / 80 = 60.4 → 一般.
    const withCommittee = assessUnits(2026, items, {
      ...options,
      weights: { 按期答复率: 20, 满意率: 40, 沟通率: 10, 落实率: 10, 常委会测评: 20 },
      committee: [
        { year: 2026, unit: "区住建局", score: 80, advanced: true },
        // Another year's score does not count in 2026.
        { year: 2025, unit: "区卫健委", score: 10, advanced: false },
      ],
    });
    expect(withCommittee.rows.map((r) => [r.unit, r.score, r.grade, r.rank])).toEqual([
      ["区卫健委", 92.9, "好", 1],
      ["区住建局", 90, "好", 2],
      ["区教育局", 60.4, "一般", 3],
    ]);
    const housing = withCommittee.rows[1];
    expect(housing?.advanced).toBe(true);
    expect(assessmentCells(housing as never).slice(7)).toEqual(["80.0", "90.0", "好", 2, 0, "是"]);
  });

  it("有填写错误的建议不计入任何指标，另计脚注", () => {
    const bad = item({ leadUnit: "区住建局", repliedOn: "2026-09-01", replyClass: "D" }, "2026-04-07", {
      excluded: true,
    });
    const withBad = assessUnits(2026, [...items, bad], options);
    const housing = withBad.rows.find((r) => r.unit === "区住建局");
    expect(housing).toMatchObject({ assigned: 2, score: 91.2, excluded: 1 });
    expect(withBad.excluded).toBe(1);
    expect(assessmentTable([withBad]).at(-1)).toEqual([
      "2026 年度另有 1 条因填写错误未计入（见『校验问题』）",
    ]);
  });

  it("没有任何可计指标的单位不排名，排在最后", () => {
    // One suggestion not yet due, no 沟通记录 kept: every figure lacks a denominator.
    const waiting = assessUnits(
      2026,
      [item({ leadUnit: "区水利局" }, "2026-07-10"), ...twoGood("区卫健委")],
      options,
    );
    expect(waiting.rows.map((r) => [r.unit, r.score, r.grade, r.rank])).toEqual([
      ["区卫健委", 91.2, "好", 1],
      ["区水利局", null, "—", null],
    ]);
  });

  it("没有任何可计指标的单位：测评页说它本年度不参加排名，单位测评表和 CSV 的得分、等次、名次留空", async () => {
    const waiting = assessUnits(
      2026,
      [item({ leadUnit: "区水利局" }, "2026-07-10"), ...twoGood("区卫健委")],
      options,
    );
    const unscored = waiting.rows.find((r) => r.unit === "区水利局");
    // 年度 单位 承办件数 按期答复率 满意率 沟通率 落实率 常委会测评 综合得分 等次 排名 延期件数 先进单位
    expect(assessmentCells(unscored as never)).toEqual([
      2026,
      "区水利局",
      1,
      "—",
      "—",
      "—",
      "—",
      "—",
      "",
      "",
      "",
      0,
      "否",
    ]);
    const page = String(
      await AssessmentPage({
        data: { assessment: waiting, years: [2026], weights: options.weights, grades: options.grades },
        frame: { lastSync: null, timeZone: "Asia/Shanghai", today: TODAY },
      })?.toString(),
    );
    expect(page).toContain("<summary>区水利局：本年度无可计件数，不参加排名</summary>");
    expect(page).toContain("<summary>1. 区卫健委：综合得分 91.2（好）</summary>");
    expect(page).not.toContain("—. 区水利局");
  });

  it("延期件数按批准的延期申请计", () => {
    const extended = item({ leadUnit: "区卫健委" }, "2026-07-10", { practice: PRACTICE_FACTS.extended });
    const r = assessUnits(2026, [...twoGood("区卫健委"), extended], options).rows[0];
    expect(r).toMatchObject({ assigned: 3, extensions: 1 });
  });
});

describe("测评等次和年度", () => {
  const grades = options.grades;
  it("达到某档最低分即为该档，低于最后一档为 差", () => {
    expect([90, 89.9, 80, 60, 59.9].map((s) => gradeOf(s, grades))).toEqual([
      "好",
      "较好",
      "较好",
      "一般",
      "差",
    ]);
    expect(gradeOf(null, grades)).toBe("—");
  });

  it("跨年督办转入下一年的建议：按期答复率只计下一年到期的那一轮，不再计已在本年计过的逾期", () => {
    // 2026-013 of 区教育局: due 2026-05-26, never replied, carried into 2027; its second round (if
    // any) is 2027's. In January 2027 it graded 区教育局 差 for 2027 on a 2026 deadline.
    const overdue = item({ leadUnit: "区教育局", crossYear: true }, "2026-05-26");
    const in2027 = { ...options, today: "2027-01-11" };
    const ownYear = assessUnits(2026, [overdue], in2027).rows.find((r) => r.unit === "区教育局");
    expect(ownYear?.figures.按期答复率).toEqual({ value: 0, numerator: 0, denominator: 1 });
    const nextYear = assessUnits(2027, [carriedOver(overdue, 2026, 2027)], in2027).rows.find(
      (r) => r.unit === "区教育局",
    );
    expect(nextYear).toMatchObject({ assigned: 1, score: null, grade: "—" });
    expect(nextYear?.figures.按期答复率).toEqual({ value: null, numerator: 0, denominator: 0 });
    // A second round assigned in 2027 and due then counts in 2027.
    const second = item(
      {
        leadUnit: "区教育局",
        crossYear: true,
        repliedOn: "2026-05-20",
        rating: "不满意",
        reassignedOn: "2027-01-04",
      },
      "2026-05-26",
      { secondDue: "2027-02-03" },
    );
    const late = { ...options, today: "2027-02-10" };
    expect(
      assessUnits(2027, [carriedOver(second, 2026, 2027)], late).rows.find((r) => r.unit === "区教育局")
        ?.figures.按期答复率,
    ).toEqual({ value: 0, numerator: 0, denominator: 1 });
  });

  it("跨年督办的往年建议在今年仍在办理的计入今年", () => {
    const carried = { submittedOn: "2025-11-20", crossYear: true, repliedOn: null, secondRepliedOn: null };
    expect(countsInYear(carried, 2026)).toBe(true);
    expect(countsInYear({ ...carried, repliedOn: "2026-02-01" }, 2026)).toBe(true);
    // Answered and finished in 2025: handled then, not counted again in 2026.
    const settled = { ...carried, repliedOn: "2025-12-20", replyClass: "A", rating: "满意" } as const;
    expect(countsInYear({ ...settled, secondRating: null, secondRepliedOn: null }, 2026)).toBe(false);
    // Answered in 2025 but still open (the report lists it as 仍在办理): counted in 2026 too.
    expect(countsInYear({ ...settled, rating: "不满意" }, 2026)).toBe(true);
    expect(countsInYear({ ...settled, replyClass: "B", implementation: "推进中" }, 2026)).toBe(true);
    // A share stored by an older build keeps no rating: as it was counted then.
    expect(countsInYear({ ...carried, repliedOn: "2025-12-20" }, 2026)).toBe(false);
    expect(countsInYear({ ...carried, crossYear: false }, 2026)).toBe(false);
    expect(countsInYear(carried, 2025)).toBe(true);
  });
});
