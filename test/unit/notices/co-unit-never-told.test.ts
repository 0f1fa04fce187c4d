import { describe, expect, it } from "vitest";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { planNotices } from "../../../src/domain/notices/plan";
import type { PlannedNotice } from "../../../src/domain/notices/types";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { daysBetweenInclusive, noticeTabs } from "./helpers";

/** Assigned Monday 2026-03-02 to 区教育局 with co-units 区住建局 and 区卫健委: 协办意见期限 2026-04-01. */
const ASSIGNED: LedgerCells = {
  编号: "2026-001",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  协办单位: "区住建局、区卫健委",
  交办日期: "2026-03-02",
};

function plan(
  rows: LedgerCells[],
  today: string,
  existingKeys: readonly string[] = [],
  templates: unknown[][] = [],
): PlannedNotice[] {
  const tabs = { ...noticeTabs(rows, [], templates), ...practiceTabs() };
  return planNotices({ today, evaluation: evaluateLedger({ tabs, today }), existingKeys, arrivals: [] })
    .notices;
}

const reminders = (notices: readonly PlannedNotice[]) => notices.filter((n) => n.type === "协办提醒");

describe("a co-unit never sent its 交办通知 gets a 协办提醒 that tells it of the assignment first", () => {
  it("on the first run over an old ledger: the reminder says it is the first word, with the lead unit and 协办意见期限", () => {
    // First run on Wednesday 2026-04-08: the 交办通知 (03-02) is past the 30-day horizon, nobody gets
    // one; the 协办提醒 (due 04-01) is within it.
    const notices = plan([ASSIGNED], "2026-04-08");
    expect(notices.filter((n) => n.type === "交办通知")).toEqual([]);
    const sent = reminders(notices);
    expect(sent.map((n) => n.recipient)).toEqual(["区住建局", "区卫健委"]);
    const [first] = sent;
    expect(first?.title).toBe("【首次通知】协办意见提醒：2026-001 关于加快推进柏庄镇卫生院建设的建议");
    // The 称呼 first, as an official notice opens; the 协办提醒's own text on the next line.
    expect(first?.body).toBe(
      "区住建局：【首次通知】此前未向你单位发送本件的协办通知，现一并告知：建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-001）于 2026年3月2日交区教育局主办、你单位协办，协办意见期限已于 2026年4月1日届满。\n张明代表领衔提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-001）由区教育局主办、你单位协办，交办日期 2026年3月2日。至今未收到你单位的书面协办意见，请尽快送达区教育局，以便其在 2026年6月2日前答复代表。",
    );
  });

  it("a staff 协办提醒 that does not open with the 称呼 keeps the 【首次通知】 line first", () => {
    const staff = [
      "协办提醒",
      "",
      "协办意见提醒：{{编号}}",
      "请尽快将建议《{{标题}}》的书面协办意见送{{主办单位}}。",
      "是",
    ];
    const [first] = reminders(plan([ASSIGNED], "2026-04-08", [], [staff]));
    expect(first?.body).toBe(
      "【首次通知】此前未向你单位发送本件的协办通知，现一并告知：建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-001）于 2026年3月2日交区教育局主办、你单位协办，协办意见期限已于 2026年4月1日届满。\n请尽快将建议《关于加快推进柏庄镇卫生院建设的建议》的书面协办意见送区教育局。",
    );
  });

  it("a co-unit told by its 交办通知 gets the plain reminder", () => {
    const outbox: string[] = [];
    const sent: PlannedNotice[] = [];
    for (const day of daysBetweenInclusive("2026-03-02", "2026-04-30")) {
      const notices = plan([ASSIGNED], day, outbox);
      outbox.push(...notices.map((n) => n.key));
      sent.push(...reminders(notices));
    }
    expect(sent.map((n) => `${n.dueOn} ${n.recipient}`)).toEqual([
      "2026-04-01 区住建局",
      "2026-04-01 区卫健委",
    ]);
    for (const n of sent) {
      expect(n.title).toBe("协办意见提醒：2026-001 关于加快推进柏庄镇卫生院建设的建议");
      expect(n.body).not.toContain("首次通知");
    }
  });

  it("a reminder a weekend late is not taken for a first word when the keys planning loads no longer reach the 交办通知", () => {
    // Assigned Thursday 03-12: the 协办提醒 falls on Saturday 04-11 and goes out Monday 04-13, when
    // the outbox keys the run loads (due since 03-14) no longer hold the co-units' 交办通知 of 03-12.
    const thursday = { ...ASSIGNED, 交办日期: "2026-03-12" };
    const sent = reminders(plan([thursday], "2026-04-13"));
    expect(sent.map((n) => n.recipient)).toEqual(["区住建局", "区卫健委"]);
    for (const n of sent) expect(n.body).not.toContain("首次通知");
  });
});
