import { describe, expect, it } from "vitest";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { planNotices } from "../../../src/domain/notices/plan";
import type { NoticePlan } from "../../../src/domain/notices/types";
import { APPROVED_REQUEST } from "../../support/practice-sheet";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { daysBetweenInclusive, noticeTabs } from "./helpers";

/** Assigned Monday 2026-03-02 to 区教育局 with co-units 区住建局 and 区卫健委 (three months: 2026-06-02). */
const ASSIGNED: LedgerCells = {
  编号: "2026-001",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  协办单位: "区住建局、区卫健委",
  交办日期: "2026-03-02",
};
const LEADERS = [
  { 姓名: "王建国副区长", 类型: "领办", 邮箱: "wjg@example.gov.cn" },
  { 姓名: "刘振华主任", 类型: "督办", 邮箱: "lzh@example.gov.cn" },
];
type Practice = Parameters<typeof practiceTabs>[0];

function plan(
  rows: LedgerCells[],
  today: string,
  practice: Practice = {},
  existingKeys: string[] = [],
): NoticePlan {
  const tabs = { ...noticeTabs(rows), ...practiceTabs({ leaders: LEADERS, ...practice }) };
  return planNotices({ today, evaluation: evaluateLedger({ tabs, today }), existingKeys, arrivals: [] });
}

/** Daily runs over a fixed ledger, the outbox kept: "day type → recipient" per notice (and channel). */
function month(rows: LedgerCells[], from: string, to: string, practice: Practice = {}, types?: string[]) {
  const outbox: string[] = [];
  const lines: string[] = [];
  for (const day of daysBetweenInclusive(from, to)) {
    for (const n of plan(rows, day, practice, outbox).notices) {
      outbox.push(n.key);
      if (!types || types.includes(n.type)) lines.push(`${day} ${n.type} → ${n.recipient}`);
    }
  }
  return lines;
}

describe("沟通提醒", () => {
  it("交办后 办前沟通提醒天数（15 天）仍没有办前联系的，提醒主办单位一次", () => {
    expect(month([ASSIGNED], "2026-03-02", "2026-04-30", {}, ["沟通提醒"])).toEqual([
      // 2026-03-17 is a Tuesday, a working day.
      "2026-03-17 沟通提醒 → 区教育局",
    ]);
  });

  it("已有主办单位的办前联系的不提醒；协办单位的联系不算", () => {
    const contact = {
      编号: "2026-001",
      日期: "2026-03-05",
      阶段: "办前",
      方式: "电话",
      承办单位: "区教育局",
    };
    expect(month([ASSIGNED], "2026-03-02", "2026-04-30", { contacts: [contact] }, ["沟通提醒"])).toEqual([]);
    const byCoUnit = { ...contact, 承办单位: "区住建局" };
    expect(month([ASSIGNED], "2026-03-02", "2026-04-30", { contacts: [byCoUnit] }, ["沟通提醒"])).toEqual([
      "2026-03-17 沟通提醒 → 区教育局",
    ]);
  });

  it("设置 办前沟通提醒天数 改为 10 天后按 10 天提醒；没有『沟通记录』表的办公室不发", () => {
    const tabs = {
      ...noticeTabs([ASSIGNED], [["办前沟通提醒天数", "10"]]),
      ...practiceTabs({}),
    };
    const ten = planNotices({
      today: "2026-03-12",
      evaluation: evaluateLedger({ tabs, today: "2026-03-12" }),
      existingKeys: [],
      arrivals: [],
    });
    expect(ten.notices.map((n) => n.type)).toContain("沟通提醒");
    const noTab = planNotices({
      today: "2026-03-17",
      evaluation: evaluateLedger({ tabs: noticeTabs([ASSIGNED]), today: "2026-03-17" }),
      existingKeys: [],
      arrivals: [],
    });
    expect(noTab.notices.map((n) => n.type)).not.toContain("沟通提醒");
  });

  it("正文说明交办日期和办理期限，没有未填的占位符", () => {
    const notice = plan([ASSIGNED], "2026-03-17").notices.find((n) => n.type === "沟通提醒");
    expect(notice?.body).toContain("于 2026年3月2日交你单位办理，至今没有办前联系记录");
    expect(notice?.body).toContain("办理期限为 2026年6月2日");
    expect(notice?.body).not.toMatch(/\{\{|：。|（）/);
  });
});

describe("协办提醒", () => {
  it("交办后 协办意见期限天数（30 天）仍未送达意见的协办单位各提醒一次，已送达的不提醒", () => {
    const opinion = { 编号: "2026-001", 协办单位: "区住建局", 送达日期: "2026-03-20" };
    expect(month([ASSIGNED], "2026-03-02", "2026-05-31", { coOpinions: [opinion] }, ["协办提醒"])).toEqual([
      // 2026-04-01 is a Wednesday.
      "2026-04-01 协办提醒 → 区卫健委",
    ]);
  });

  it("正文请协办单位把书面意见送达主办单位", () => {
    const notice = plan([ASSIGNED], "2026-04-01").notices.find(
      (n) => n.recipient === "区卫健委" && n.type === "协办提醒",
    );
    expect(notice?.body).toContain("由区教育局主办、你单位协办");
    expect(notice?.body).toContain("请尽快送达区教育局");
  });
});

describe("延期审批结果与延期告知", () => {
  const request = APPROVED_REQUEST;

  it("审批后告知申请单位结果，告知领衔代表新的办理期限和延期理由，各一次", () => {
    expect(
      month([ASSIGNED], "2026-04-06", "2026-05-10", { extensions: [request] }, ["延期审批结果", "延期告知"]),
    ).toEqual(["2026-04-10 延期审批结果 → 区教育局", "2026-04-10 延期告知 → 张明"]);
    const notices = plan([ASSIGNED], "2026-04-10", { extensions: [request] }).notices;
    const told = notices.find((n) => n.type === "延期告知");
    expect(told?.body).toContain("以“需协调市级部门统筹资金”为由申请延期，经批准，办理期限延至 2026年9月2日");
    const result = notices.find((n) => n.type === "延期审批结果");
    expect(result?.title).toBe("延期申请审批结果：2026-001 同意");
    expect(result?.body).toContain("你单位 2026年4月8日提出");
  });

  it("有错误的申请（理由未填、申请日期不晚于交办日期）不告知申请单位，也不告知代表", () => {
    const types = ["延期审批结果", "延期告知"];
    for (const wrong of [{ 理由: "" }, { 申请日期: "2026-03-02" }])
      expect(
        month([ASSIGNED], "2026-04-06", "2026-05-10", { extensions: [{ ...request, ...wrong }] }, types),
        JSON.stringify(wrong),
      ).toEqual([]);
  });

  it("办理期限已过时不同意的，告知已逾期几天、请立即答复，不说“按期”", () => {
    const late = { ...request, 申请日期: "2026-05-28", 审批结果: "不同意", 审批日期: "2026-06-05" };
    const notice = plan([ASSIGNED], "2026-06-05", { extensions: [late] }).notices.find(
      (n) => n.type === "延期审批结果",
    );
    expect(notice?.body).toContain(
      "审批结果为：不同意。本件办理期限为 2026年6月2日，已逾期 3 天，请立即办理并答复代表。",
    );
    expect(notice?.body).not.toContain("按期");
  });

  it("不同意的申请只告知申请单位；待审批的不发", () => {
    const refused = { ...request, 审批结果: "不同意" };
    expect(
      month([ASSIGNED], "2026-04-06", "2026-05-10", { extensions: [refused] }, ["延期审批结果", "延期告知"]),
    ).toEqual(["2026-04-10 延期审批结果 → 区教育局"]);
    const pending = { ...request, 审批结果: "", 审批日期: "" };
    expect(
      month([ASSIGNED], "2026-04-06", "2026-05-10", { extensions: [pending] }, ["延期审批结果"]),
    ).toEqual([]);
  });
});

describe("领办领导与督办领导经『领导』表送达", () => {
  it("领办领导收到其领办建议的交办通知和逾期催办", () => {
    const led = { ...ASSIGNED, 领办领导: "王建国副区长" };
    const lines = month([led], "2026-03-02", "2026-06-03", {}, ["交办通知", "逾期催办"]);
    expect(lines).toContain("2026-03-02 交办通知 → 王建国副区长");
    expect(lines).toContain("2026-06-03 逾期催办 → 王建国副区长");
  });

  it("领办领导的交办通知用其本人的文字（不是“交你单位主办”），交办通知停用时也一并停用", () => {
    const led = { ...ASSIGNED, 领办领导: "王建国副区长" };
    const notice = plan([led], "2026-03-02").notices.find(
      (n) => n.type === "交办通知" && n.recipient === "王建国副区长",
    );
    expect(notice?.title).toBe("代表建议领办通知：2026-001 关于加快推进柏庄镇卫生院建设的建议");
    expect(notice?.body).toBe(
      "王建国副区长：张明代表领衔提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-001）已于 2026年3月2日交区教育局主办（协办单位：区住建局、区卫健委），由您领办。办理期限为 2026年6月2日，请督促承办单位与代表沟通、按期书面答复代表。",
    );
    const lead = plan([led], "2026-03-02").notices.find((n) => n.recipient === "区教育局");
    expect(lead?.body).toContain("交你单位主办");
    const off = [["交办通知", "", "标题", "正文", "否"]];
    const tabs = { ...noticeTabs([led], [], off), ...practiceTabs({ leaders: LEADERS }) };
    const silent = planNotices({
      today: "2026-03-02",
      evaluation: evaluateLedger({ tabs, today: "2026-03-02" }),
      existingKeys: [],
      arrivals: [],
    });
    expect(silent.notices.filter((n) => n.type === "交办通知")).toEqual([]);
  });

  it("逾期后督办领导、领办领导收到请其督促承办单位的文字，承办单位仍收到本单位的逾期催办", () => {
    const key = { ...ASSIGNED, 重点建议: "是", 督办领导: "刘振华主任", 领办领导: "王建国副区长" };
    const overdue = plan([key], "2026-06-09").notices.filter((n) => n.type === "逾期催办");
    const to = (name: string) => overdue.find((n) => n.recipient === name);
    expect(overdue.map((n) => n.recipient)).toEqual(["区教育局", "刘振华主任", "王建国副区长"]);
    expect(to("刘振华主任")?.title).toBe("代表建议逾期未答复：2026-001 已逾期 7 天");
    expect(to("刘振华主任")?.body).toBe(
      "刘振华主任：张明代表领衔提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-001）办理期限 2026年6月2日已过，已逾期 7 天，主办单位区教育局仍未答复代表。请督促承办单位尽快办理并答复代表。",
    );
    expect(to("王建国副区长")?.body).toBe(
      "王建国副区长：张明代表领衔提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-001）办理期限 2026年6月2日已过，已逾期 7 天，主办单位区教育局仍未答复代表。请督促承办单位尽快办理并答复代表。",
    );
    expect(to("区教育局")?.body).toBe(
      "区教育局：张明代表领衔提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-001）办理期限 2026年6月2日已过，已逾期 7 天，仍未答复代表。请立即办理并答复，同时书面说明逾期原因。",
    );
    // Same keys as before the leaders had a text of their own: nothing is sent twice.
    expect(to("刘振华主任")?.key).toBe("逾期催办|2026-001|r1|n1@2026-06-09|刘振华主任|email");
  });

  it("领导的逾期文字可在通知模板中改（模板 逾期催办（领导）），逾期催办停用时也一并停用", () => {
    const key = { ...ASSIGNED, 重点建议: "是", 督办领导: "刘振华主任" };
    const overdueTo = (templates: unknown[][]) => {
      const tabs = { ...noticeTabs([key], [], templates), ...practiceTabs({ leaders: LEADERS }) };
      const today = "2026-06-09";
      return planNotices({
        today,
        evaluation: evaluateLedger({ tabs, today }),
        existingKeys: [],
        arrivals: [],
      })
        .notices.filter((n) => n.type === "逾期催办")
        .map((n) => [n.recipient, n.title, n.body]);
    };
    const edited = overdueTo([["逾期催办（领导）", "", "逾期 {{编号}}", "请督促{{主办单位}}答复。", "是"]]);
    expect(edited[0]?.[2]).toContain("请立即办理并答复");
    expect(edited[1]).toEqual(["刘振华主任", "逾期 2026-001", "请督促区教育局答复。"]);
    expect(overdueTo([["逾期催办", "", "标题", "正文", "否"]])).toEqual([]);
  });

  it("重点建议的逾期催办经『领导』表送达督办领导", () => {
    const key = { ...ASSIGNED, 重点建议: "是", 督办领导: "刘振华主任" };
    const overdue = plan([key], "2026-06-03").notices.filter((n) => n.type === "逾期催办");
    expect(overdue.map((n) => [n.recipient, n.address])).toContainEqual(["刘振华主任", "lzh@example.gov.cn"]);
  });
});
