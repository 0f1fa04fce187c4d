import { describe, expect, it } from "vitest";
import {
  type AssessmentItem,
  type AssessmentOptions,
  assessUnits,
  carriedOver,
} from "../../src/domain/evaluation/assessment";
import { PRACTICE_FACTS } from "../../src/domain/practice/practice-facts";
import { assessmentWays } from "./figures/assessment-ways";
import { storedLedger } from "./figures/parts";
import { makeRecord, makeRow, makeTabs, unitDirectory } from "./helpers/make-row";
import { practiceTabs } from "./practice/helpers";

/**
 * A suggestion carried over (跨年督办 = 是) counts in each year it is handled (承办件数), but each
 * thing done counts in one year only: a late reply of 2026 lowered 区教育局's 按期答复率 of 2026, and
 * one extension showed as 延期件数 in 2026 and again in 2027; a reply given in January 2027 counted
 * in 2026's 沟通率 and again in 2027's.
 */
const TODAY = "2027-06-20";
const ROWS = [
  {
    // Replied late in 2026 (limit 2026-05-04), rated 不满意: carried into 2027.
    编号: "2026-020",
    提出日期: "2026-01-08",
    主办单位: "区教育局",
    交办日期: "2026-02-02",
    答复日期: "2026-06-10",
    答复类别: "C",
    满意度: "不满意",
    测评日期: "2026-06-15",
    跨年督办: "是",
  },
  {
    // Extended to six months (approved 2026-04-03), replied on time, B 推进中: carried into 2027.
    编号: "2026-021",
    提出日期: "2026-01-08",
    主办单位: "区教育局",
    交办日期: "2026-02-02",
    答复日期: "2026-07-20",
    答复类别: "B",
    落实情况: "推进中",
    满意度: "基本满意",
    测评日期: "2026-07-25",
    跨年督办: "是",
  },
  {
    // 区教育局's own 2027 suggestion, replied on time.
    编号: "2027-005",
    提出日期: "2027-01-06",
    主办单位: "区教育局",
    交办日期: "2027-01-20",
    答复日期: "2027-03-01",
    答复类别: "A",
    满意度: "满意",
    测评日期: "2027-03-05",
  },
  {
    // Assigned in November: its limit falls in 2027, its reply (on time) in December 2026.
    编号: "2026-130",
    提出日期: "2026-10-20",
    主办单位: "区住建局",
    交办日期: "2026-11-02",
    答复日期: "2026-12-20",
    答复类别: "C",
    满意度: "不满意",
    测评日期: "2026-12-28",
    跨年督办: "是",
  },
  {
    // Round 1 on time in 2026; round 2 assigned 2026-12-10 (30 days: due in January), replied late.
    编号: "2026-131",
    提出日期: "2026-03-01",
    主办单位: "区卫健委",
    交办日期: "2026-03-10",
    答复日期: "2026-05-20",
    答复类别: "C",
    满意度: "不满意",
    测评日期: "2026-05-25",
    二次交办日期: "2026-12-10",
    二次答复日期: "2027-01-25",
    二次答复类别: "C",
    二次满意度: "不满意",
    跨年督办: "是",
  },
  {
    // Carried over, replied in January 2027 after a 办前 contact of December.
    编号: "2026-140",
    提出日期: "2026-06-08",
    主办单位: "区交通运输局",
    交办日期: "2026-11-02",
    答复日期: "2027-01-28",
    答复类别: "B",
    落实情况: "推进中",
    满意度: "基本满意",
    测评日期: "2027-02-05",
    跨年督办: "是",
  },
  {
    // Not carried over, replied in January 2027 after a 办前 contact: 2026's, as the January report wants.
    编号: "2026-141",
    提出日期: "2026-06-08",
    主办单位: "区交通运输局",
    交办日期: "2026-11-02",
    答复日期: "2027-01-15",
    答复类别: "A",
  },
];
const contact = (id: string) => ({
  编号: id,
  日期: "2026-12-01",
  阶段: "办前",
  方式: "电话",
  承办单位: "区交通运输局",
  代表参加: "是",
});
const EXTENSION = {
  编号: "2026-021",
  申请日期: "2026-04-01",
  申请单位: "区教育局",
  理由: "涉及多个部门，需统筹资金",
  审批结果: "同意",
  审批日期: "2026-04-03",
};
const TABS = makeTabs(
  ROWS.map((cells) => makeRow(cells)),
  practiceTabs({ contacts: [contact("2026-140"), contact("2026-141")], extensions: [EXTENSION] }),
);
const ledger = storedLedger(TABS, TODAY);

const { shown, each } = assessmentWays(ledger, TODAY);

describe("单位测评：跨年督办的建议，按期答复率和延期件数只计一个年度", () => {
  it("2026 年逾期的答复和 2026 年批准的延期计入 2026 年，不再计入 2027 年", () => {
    expect(shown(2026, "区教育局", "按期答复率")).toEqual(each(2, "50.0%（1/2）", 1));
    expect(shown(2027, "区教育局", "按期答复率")).toEqual(each(3, "100.0%（1/1）", 0));
  });

  it("办理期限在 2027 年、2026 年 12 月按期答复的，只计入 2026 年", () => {
    expect(shown(2026, "区住建局", "按期答复率")).toEqual(each(1, "100.0%（1/1）"));
    expect(shown(2027, "区住建局", "按期答复率")).toEqual(each(1, "—（0/0）"));
  });

  it("2026 年 12 月二次交办、2027 年 1 月到期的一轮只计入 2027 年", () => {
    expect(shown(2026, "区卫健委", "按期答复率")).toEqual(each(1, "100.0%（1/1）"));
    expect(shown(2027, "区卫健委", "按期答复率")).toEqual(each(1, "0.0%（0/1）"));
  });
});

describe("单位测评：次年 1 月的答复只计一个年度", () => {
  it("跨年督办的建议计入答复所在的 2027 年；未跨年督办的计入本年 2026 年", () => {
    expect(shown(2026, "区交通运输局", "沟通率")).toEqual(each(2, "100.0%（1/1）"));
    expect(shown(2026, "区交通运输局", "落实率")).toEqual(each(2, "—（0/0）"));
    expect(shown(2027, "区交通运输局", "沟通率")).toEqual(each(1, "100.0%（1/1）"));
    expect(shown(2027, "区交通运输局", "落实率")).toEqual(each(1, "0.0%（0/1）"));
  });
});

describe("延期件数计入建议本身的年度", () => {
  const options: AssessmentOptions = {
    today: TODAY,
    units: unitDirectory(),
    weights: { 按期答复率: 100 },
    grades: [["好", 90]],
    committee: [],
  };
  // Approved in January 2027: the stored rows keep that it was approved, not when.
  const extended = (): AssessmentItem => ({
    record: makeRecord({
      review: "立案",
      leadUnit: "区教育局",
      submittedOn: "2026-11-20",
      assignedOn: "2026-12-01",
      crossYear: true,
    }),
    firstDue: "2027-06-01",
    practice: PRACTICE_FACTS.extended,
  });
  const extensions = (item: AssessmentItem) =>
    [2026, 2027].map(
      (year) =>
        assessUnits(year, [year === 2026 ? item : carriedOver(item, 2026, year)], options).rows[0]
          ?.extensions,
    );

  it("跨年督办的建议的延期只计入 2026 年一次，2027 年不再计", () => {
    expect(extensions(extended())).toEqual([1, 0]);
  });
});
