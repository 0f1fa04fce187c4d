import { describe, expect, it } from "vitest";
import { STATISTICS_HEADERS } from "../../sheets-schema/tabs/system-tabs";
import {
  computeStatistics,
  excludedNote,
  formatRate,
  type StatisticsItem,
} from "../../src/domain/statistics";
import { makeRecord, unitDirectory } from "./helpers/make-row";

const TODAY = "2026-06-15";

function item(fields: Parameters<typeof makeRecord>[0], firstDue: string | null): StatisticsItem {
  return { record: makeRecord({ review: "立案", ...fields }), firstDue };
}

// A hand-worked fixture. Reply days: e1 01-05→03-06 = 60, e2 01-05→04-10 = 95, e6 01-10→04-10 = 90,
// h1 01-05→02-04 = 30.
const items: StatisticsItem[] = [
  item(
    {
      leadUnit: "区教育局",
      category: "教育医疗",
      assignedOn: "2026-01-05",
      repliedOn: "2026-03-06",
      replyClass: "A",
      rating: "满意",
    },
    "2026-04-07",
  ),
  item(
    {
      leadUnit: "区教育局",
      category: "教育医疗",
      assignedOn: "2026-01-05",
      repliedOn: "2026-04-10",
      replyClass: "B",
      rating: "不满意",
      secondRating: "基本满意",
    },
    "2026-04-07",
  ),
  item({ leadUnit: "区教育局", category: "城乡建设", assignedOn: "2026-02-01" }, "2026-05-06"),
  item({ leadUnit: "区教育局", category: "教育医疗", assignedOn: "2026-04-01" }, "2026-07-01"),
  item({ leadUnit: "区教育局", review: "不予立案", category: "教育医疗" }, null),
  item(
    {
      leadUnit: "区教育局",
      category: "教育医疗",
      assignedOn: "2026-01-10",
      repliedOn: "2026-04-10",
      replyClass: "C",
      rating: "不满意",
    },
    "2026-04-10",
  ),
  item(
    {
      leadUnit: "区住建局",
      category: "城乡建设",
      assignedOn: "2026-01-05",
      repliedOn: "2026-02-04",
      replyClass: "D",
    },
    "2026-04-07",
  ),
  item({ leadUnit: "区水利局", category: "生态环境", assignedOn: "2026-03-01" }, "2026-06-01"),
  item({ category: "其他" }, null),
];

const result = computeStatistics(items, {
  today: TODAY,
  units: unitDirectory(["区教育局", "区住建局", "区卫健委"]),
  categories: ["教育医疗", "城乡建设"],
});

describe("statistics", () => {
  it("formats rates with one decimal and a dash for a zero denominator", () => {
    expect([
      formatRate(2, 3),
      formatRate(1, 8),
      formatRate(0, 5),
      formatRate(5, 5),
      formatRate(0, 0),
    ]).toEqual(["66.7%", "12.5%", "0.0%", "100.0%", "—"]);
  });

  it("computes the figures of each lead unit over 立案 suggestions", () => {
    expect(result.tabValues).toEqual([
      [...STATISTICS_HEADERS],
      // 5 cases; 3 replied (2 on time) + 1 overdue → 2/4; rated 3, satisfied 2 (e2's latest is 基本满意); (60+95+90)/3.
      // No 沟通记录 kept here: 沟通率 is a dash, never 0%; no extensions.
      // No second rounds here: 二次交办 · 二次已答复 · 二次逾期未答复 are 0.
      ["区教育局", 5, 3, "50.0%", 1, "66.7%", 1, 1, 1, 0, 81.7, "—", 0, 0, 0, 0],
      ["区住建局", 1, 1, "100.0%", 0, "—", 0, 0, 0, 1, 30, "—", 0, 0, 0, 0],
      ["区卫健委", 0, 0, "—", 0, "—", 0, 0, 0, 0, "—", "—", 0, 0, 0, 0],
      // A lead unit missing from 承办单位 (区水利局) is no unit: its suggestions are one row, after the listed ones.
      ["（主办单位有误，见校验问题）", 1, 0, "0.0%", 1, "—", 0, 0, 0, 0, "—", "—", 0, 0, 0, 0],
      // On time 3 of (4 + 2); satisfied 2 of 3; (60+95+90+30)/4 = 68.75.
      ["合计", 7, 4, "50.0%", 2, "66.7%", 1, 1, 1, 1, 68.8, "—", 0, 0, 0, 0],
    ]);
  });

  it("computes the same figures per category", () => {
    expect(
      result.byCategory.map((row) => [
        row.label,
        row.assigned,
        row.replied,
        row.onTimeRate,
        row.overdueUnreplied,
        row.satisfactionRate,
        row.averageReplyDays,
      ]),
    ).toEqual([
      ["教育医疗", 4, 3, "66.7%", 0, "66.7%", 81.7],
      ["城乡建设", 2, 1, "50.0%", 1, "—", 30],
      ["生态环境", 1, 0, "0.0%", 1, "—", "—"],
    ]);
  });

  it("counts a reply on the due day as on time", () => {
    const onDueDay = computeStatistics([items[5] as StatisticsItem], { today: TODAY });
    expect(onDueDay.total.onTimeRate).toBe("100.0%");
  });

  it("shows dashes, not 0% or 100%, when nothing has been replied or rated", () => {
    const fresh = computeStatistics(
      [item({ leadUnit: "区教育局", assignedOn: "2026-06-01" }, "2026-09-01")],
      { today: TODAY },
    );
    expect(fresh.total).toMatchObject({
      assigned: 1,
      onTimeRate: "—",
      satisfactionRate: "—",
      averageReplyDays: "—",
    });
  });

  describe("第二轮（二次交办）计入按期答复率和逾期未答复", () => {
    // Hand-worked: 区教育局 has three suggestions, all replied on time in round 1 (3 rounds due, 3 on
    // time). r1 went to a second round due 2026-05-20 and replied 05-18 (on time); r2 to a second
    // round due 2026-06-01, unreplied on 06-15 (overdue); r3 to a second round due 2026-07-10 (still
    // running). Rounds due: 3 + 2 = 5, on time 3 + 1 = 4 → 80.0%; 逾期未答复 1 (r2).
    const round2 = (second: Parameters<typeof makeRecord>[0], secondDue: string): StatisticsItem => ({
      record: makeRecord({
        review: "立案",
        leadUnit: "区教育局",
        category: "教育医疗",
        assignedOn: "2026-01-05",
        repliedOn: "2026-03-06",
        replyClass: "A",
        rating: "不满意",
        ...second,
      }),
      firstDue: "2026-04-07",
      secondDue,
    });
    const late = computeStatistics(
      [
        round2(
          { reassignedOn: "2026-04-20", secondRepliedOn: "2026-05-18", secondRating: "满意" },
          "2026-05-20",
        ),
        round2({ reassignedOn: "2026-05-01" }, "2026-06-01"),
        round2({ reassignedOn: "2026-06-10" }, "2026-07-10"),
      ],
      { today: TODAY, units: unitDirectory(["区教育局"]) },
    );

    it("超过二次办理期限仍未答复的，降低按期答复率并计入逾期未答复", () => {
      const unit = late.byUnit[0];
      expect(unit).toMatchObject({
        label: "区教育局",
        assigned: 3,
        replied: 3,
        onTimeRate: "80.0%",
        overdueUnreplied: 1,
        reassigned: 3,
        secondReplied: 1,
        secondOverdue: 1,
      });
      expect(late.tabValues[1]?.slice(-3)).toEqual([3, 1, 1]);
    });

    it("第二轮逾期后才答复的，算作未按期答复", () => {
      const lateReply = computeStatistics(
        [round2({ reassignedOn: "2026-05-01", secondRepliedOn: "2026-06-05" }, "2026-06-01")],
        { today: TODAY },
      );
      // Round 1 on time, round 2 late: 1 of 2; nothing overdue now.
      expect(lateReply.total).toMatchObject({ onTimeRate: "50.0%", overdueUnreplied: 0, secondOverdue: 0 });
    });
  });

  describe("有填写错误的行不计入任何数字，另加脚注", () => {
    // Two good rows of 区住建局 (one replied on time after 30 days, one unreplied and overdue) and one
    // whose reply was typed 9 days before 交办 (an 错误 on 答复日期): left out of 承办件数, the rates
    // and 平均答复天数 (which would read (30 − 9) / 2 = 10.5 with it), and counted in the footnote.
    const rows: StatisticsItem[] = [
      item(
        {
          leadUnit: "区住建局",
          category: "城乡建设",
          assignedOn: "2026-01-05",
          repliedOn: "2026-02-04",
          replyClass: "A",
        },
        "2026-04-07",
      ),
      item({ leadUnit: "区住建局", category: "城乡建设", assignedOn: "2026-01-05" }, "2026-04-07"),
      {
        ...item(
          {
            leadUnit: "区住建局",
            category: "城乡建设",
            assignedOn: "2026-03-10",
            repliedOn: "2026-03-01",
            replyClass: "B",
          },
          "2026-06-10",
        ),
        excluded: true,
      },
    ];
    const result = computeStatistics(rows, { today: TODAY, units: unitDirectory(["区住建局"]) });

    it("承办件数、比率和平均答复天数都不含错误行", () => {
      expect(result.byUnit[0]).toMatchObject({
        assigned: 2,
        replied: 1,
        onTimeRate: "50.0%",
        overdueUnreplied: 1,
        averageReplyDays: 30,
        classes: { A: 1, B: 0, C: 0, D: 0 },
        excluded: 1,
      });
      expect(result.total.excluded).toBe(1);
      expect(result.byCategory[0]?.excluded).toBe(1);
    });

    it("统计表在合计之后写一行脚注：另有 N 条因填写错误未计入", () => {
      expect(excludedNote(1)).toBe("另有 1 条因填写错误未计入");
      expect(result.tabValues.at(-2)?.[0]).toBe("合计");
      expect(result.tabValues.at(-1)).toEqual(["另有 1 条因填写错误未计入（见『校验问题』）"]);
    });

    it("没有错误行时没有脚注", () => {
      const clean = computeStatistics(rows.slice(0, 2), { today: TODAY });
      expect(clean.total.excluded).toBe(0);
      expect(excludedNote(0)).toBe("");
      expect(clean.tabValues.at(-1)?.[0]).toBe("合计");
    });
  });
});
