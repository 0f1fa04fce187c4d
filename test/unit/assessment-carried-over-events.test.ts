import { describe, expect, it } from "vitest";
import {
  type AssessmentItem,
  type AssessmentOptions,
  assessUnits,
  carriedOver,
  figureText,
} from "../../src/domain/evaluation/assessment";
import { assessmentWays } from "./figures/assessment-ways";
import { storedLedger } from "./figures/parts";
import { makeRecord, makeRow, makeTabs, unitDirectory } from "./helpers/make-row";
import { practiceTabs } from "./practice/helpers";

/**
 * A suggestion carried over (跨年督办 = 是) counts in a later year's 单位测评 only for what was done
 * in that year: a 不满意 of 2025 on a suggestion still open in 2027 graded 区住建局 差 in 2025, 2026
 * and 2027 alike; a reply of January 2027 counted in 2027's 沟通率 and again in 2028's.
 */
const TODAY = "2028-01-20";
const ROWS = [
  {
    // 2025: replied, rated 不满意, second round assigned and never answered; still open in 2028.
    编号: "2025-058",
    提出日期: "2025-01-08",
    主办单位: "区住建局",
    交办日期: "2025-03-02",
    答复日期: "2025-05-20",
    答复类别: "D",
    答复内容: "留作参考",
    满意度: "不满意",
    测评日期: "2025-05-28",
    二次交办日期: "2025-06-01",
    跨年督办: "是",
  },
  {
    // 区住建局's own 2027 suggestion, 满意.
    编号: "2027-010",
    提出日期: "2027-01-05",
    主办单位: "区住建局",
    交办日期: "2027-01-10",
    答复日期: "2027-03-01",
    答复类别: "A",
    满意度: "满意",
    测评日期: "2027-03-08",
  },
  {
    // 2026, replied in January 2027 after a 办前 contact, B 推进中: still open in 2028.
    编号: "2026-125",
    提出日期: "2026-06-08",
    主办单位: "区教育局",
    交办日期: "2026-11-02",
    答复日期: "2027-01-28",
    答复类别: "B",
    落实情况: "推进中",
    满意度: "基本满意",
    测评日期: "2027-02-05",
    跨年督办: "是",
  },
  { 编号: "2028-001", 提出日期: "2028-01-08", 主办单位: "区卫健委" },
];
const CONTACTS = [
  { 编号: "2026-125", 日期: "2026-12-01", 阶段: "办前", 方式: "电话", 承办单位: "区教育局", 代表参加: "是" },
];
const TABS = makeTabs(
  ROWS.map((cells) => makeRow(cells)),
  practiceTabs({ contacts: CONTACTS }),
);
const ledger = storedLedger(TABS, TODAY);

const { shown, each } = assessmentWays(ledger, TODAY);

describe("单位测评：跨年督办的建议在其后年度只计当年发生的测评、答复", () => {
  it("2025 年的不满意不再计入 2027 年的满意率（二次交办仍未答复）", () => {
    expect(shown(2027, "区住建局", "满意率")).toEqual(each(2, "100.0%（1/1）"));
    // Counted once, in the year it was given.
    expect(shown(2025, "区住建局", "满意率")).toEqual(each(1, "0.0%（0/1）"));
    expect(shown(2026, "区住建局", "满意率")).toEqual(each(1, "—（0/0）"));
  });

  it("2026 年的建议 2027 年答复：沟通率、满意率、落实率计入 2027 年，不再计入 2028 年，仍计承办件数", () => {
    expect(shown(2027, "区教育局", "沟通率")).toEqual(each(1, "100.0%（1/1）"));
    expect(shown(2027, "区教育局", "满意率")).toEqual(each(1, "100.0%（1/1）"));
    expect(shown(2027, "区教育局", "落实率")).toEqual(each(1, "0.0%（0/1）"));
    for (const name of ["沟通率", "满意率", "落实率"] as const)
      expect(shown(2028, "区教育局", name)).toEqual(each(1, "—（0/0）"));
  });
});

describe("跨年督办的评价按日期计入年度", () => {
  const options: AssessmentOptions = {
    today: TODAY,
    units: unitDirectory(),
    weights: { 满意率: 100 },
    grades: [["好", 90]],
    committee: [],
  };
  const satisfaction = (item: AssessmentItem, year: number) => {
    const row = assessUnits(year, [carriedOver(item, 2026, year)], options).rows[0];
    return row && figureText("满意率", row.figures.满意率);
  };
  const item = (fields: Parameters<typeof makeRecord>[0]): AssessmentItem => ({
    record: makeRecord({
      review: "立案",
      leadUnit: "区教育局",
      submittedOn: "2026-03-01",
      assignedOn: "2026-03-05",
      crossYear: true,
      ...fields,
    }),
    firstDue: "2026-06-05",
  });

  it("12 月答复、次年 1 月测评的，满意率计入测评日期所在的年度", () => {
    const rated = item({ repliedOn: "2026-12-20", replyClass: "C", rating: "不满意", ratedOn: "2027-01-10" });
    expect([satisfaction(rated, 2027), satisfaction(rated, 2028)]).toEqual(["0.0%", "—"]);
  });

  it("没有测评日期的按所评答复的日期计；二次满意度按二次答复日期计", () => {
    const undated = item({ repliedOn: "2027-02-01", replyClass: "C", rating: "不满意" });
    expect([satisfaction(undated, 2027), satisfaction(undated, 2028)]).toEqual(["0.0%", "—"]);
    const second = item({
      repliedOn: "2026-05-20",
      replyClass: "C",
      rating: "不满意",
      ratedOn: "2026-05-25",
      reassignedOn: "2026-06-01",
      secondRepliedOn: "2028-01-10",
      secondReplyClass: "B",
      secondRating: "基本满意",
    });
    expect([satisfaction(second, 2027), satisfaction(second, 2028)]).toEqual(["—", "100.0%"]);
  });
});
