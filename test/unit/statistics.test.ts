import { describe, expect, it } from "vitest";
import { STATISTICS_HEADERS } from "../../sheets-schema/tabs/system-tabs";
import { computeStatistics, formatRate, type StatisticsItem } from "../../src/domain/statistics";
import { makeRecord } from "./helpers/make-row";

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
  units: ["区教育局", "区住建局", "区卫健委"],
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
      ["区教育局", 5, 3, "50.0%", 1, "66.7%", 1, 1, 1, 0, 81.7, "—", 0],
      ["区住建局", 1, 1, "100.0%", 0, "—", 0, 0, 0, 1, 30, "—", 0],
      ["区卫健委", 0, 0, "—", 0, "—", 0, 0, 0, 0, "—", "—", 0],
      // A lead unit missing from 承办单位 still gets its row, after the listed ones.
      ["区水利局", 1, 0, "0.0%", 1, "—", 0, 0, 0, 0, "—", "—", 0],
      // On time 3 of (4 + 2); satisfied 2 of 3; (60+95+90+30)/4 = 68.75.
      ["合计", 7, 4, "50.0%", 2, "66.7%", 1, 1, 1, 1, 68.8, "—", 0],
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
});
