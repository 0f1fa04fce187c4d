import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { planNotices } from "../../../src/domain/notices/plan";
import type { LedgerCells } from "../helpers/make-row";
import { noticeTabs } from "./helpers";

/**
 * Assigned Wednesday 2027-02-03 to 区教育局, 区住建局 co-handling: 异议期限, 协办意见期限 and 办理期限
 * all fall in 2027, whose 放假安排 the built-in calendar does not have.
 */
const ASSIGNED: LedgerCells = {
  编号: "2027-001",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  协办单位: "区住建局",
  交办日期: "2027-02-03",
};

/** 2027's 春节 (除夕 to 初三) typed into 节假日 as 休: the year's arrangement is entered. */
const SPRING_2027 = ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"].map((d) => [d, "休", "春节"]);

/** The 交办通知 of `row` on its 交办日期 to each unit, by recipient. */
function assignmentNotices(row: LedgerCells, holidays: unknown[][] = []): Map<string, string> {
  const tabs = { ...noticeTabs([row]), [TAB_NAMES.holidays]: [["日期", "类型", "说明"], ...holidays] };
  const today = String(row.交办日期);
  const evaluation = evaluateLedger({ tabs, today });
  const plan = planNotices({ today, evaluation, existingKeys: [], arrivals: [] });
  return new Map(plan.notices.filter((n) => n.type === "交办通知").map((n) => [n.recipient, n.body]));
}

describe("异议期限 and 协办意见期限 in a year whose 放假安排 is not entered", () => {
  it("are marked （暂定） in the lead unit's 交办通知, as its 办理期限 is", () => {
    const lead = assignmentNotices(ASSIGNED).get("区教育局");
    expect(lead).toContain("请于 2027年5月5日（暂定）前书面答复代表。");
    expect(lead).toContain("如对交办有异议，请于 2027年2月18日（暂定）前提出。");
  });

  it("are marked （暂定） in the co-unit's 交办通知", () => {
    const co = assignmentNotices(ASSIGNED).get("区住建局");
    expect(co).toContain("于 2027年3月5日（暂定）前将书面协办意见送区教育局");
    expect(co).toContain("如对交办有异议，请于 2027年2月18日（暂定）前提出。");
  });

  it("marks an 异议期限 that counts working days into such a year from a known one", () => {
    // Monday 2026-12-28: 7 working days on run into 2027 (元旦 guessed), and so does the 30-day period.
    const co = assignmentNotices({ ...ASSIGNED, 编号: "2026-201", 交办日期: "2026-12-28" }).get("区住建局");
    expect(co).toMatch(/如对交办有异议，请于 2027年1月\d+日（暂定）前提出。/);
    expect(co).toMatch(/于 2027年1月\d+日（暂定）前将书面协办意见送区教育局/);
  });

  it("are plain dates once 2027's arrangement is entered in 节假日", () => {
    const notices = assignmentNotices(ASSIGNED, SPRING_2027);
    expect(notices.get("区教育局")).toMatch(/如对交办有异议，请于 2027年2月\d+日前提出。/);
    expect(notices.get("区住建局")).toMatch(/于 2027年3月5日前将书面协办意见送区教育局/);
    expect([...notices.values()].join("\n")).not.toContain("暂定");
  });

  it("are plain dates in a year whose arrangement is built in", () => {
    const notices = assignmentNotices({ ...ASSIGNED, 编号: "2026-001", 交办日期: "2026-03-02" });
    expect(notices.get("区住建局")).toContain("于 2026年4月1日前将书面协办意见送区教育局");
    expect([...notices.values()].join("\n")).not.toContain("暂定");
  });
});
