import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { addDaysIso } from "../../../src/domain/civil-date";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { CATCH_UP_DAYS } from "../../../src/domain/notices/catch-up";
import { planNotices } from "../../../src/domain/notices/plan";
import type { PlannedNotice } from "../../../src/domain/notices/types";
import type { LedgerCells } from "../helpers/make-row";
import { daysBetweenInclusive, noticeTabs } from "./helpers";

/**
 * Assigned 2026-11-11 to 区教育局, three months: 办理期限 2027-02-11（暂定）, 2027's 放假安排 not being
 * built in. On 02-13 staff enter 春节 in 节假日 (02-10 to 02-14 休): 02-11 is a rest day now, and
 * 办理期限 rolls to Monday 02-15.
 */
const ROW: LedgerCells = {
  编号: "2026-131",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  交办日期: "2026-11-11",
};
const SPRING_FESTIVAL = ["2027-02-10", "2027-02-11", "2027-02-12", "2027-02-13", "2027-02-14"];
const ENTERED_ON = "2027-02-13";

/**
 * The notices run twice a day (hourly, it must send nothing twice) from 01-20 to 03-05, over the
 * outbox as D1 keeps it (planning loads the keys due within the catch-up horizon), 节假日 as staff
 * left it that day.
 */
function runs(): PlannedNotice[] {
  const outbox = new Map<string, string>();
  const sent: PlannedNotice[] = [];
  for (const today of daysBetweenInclusive("2027-01-20", "2027-03-05")) {
    const tabs = noticeTabs([ROW]);
    if (today >= ENTERED_ON)
      tabs[TAB_NAMES.holidays] = [["日期", "类型", "说明"], ...SPRING_FESTIVAL.map((d) => [d, "休", "春节"])];
    const evaluation = evaluateLedger({ tabs, today });
    const since = addDaysIso(today, -CATCH_UP_DAYS);
    for (let run = 0; run < 2; run++) {
      const existingKeys = [...outbox].flatMap(([key, dueOn]) => (dueOn >= since ? [key] : []));
      for (const n of planNotices({ today, evaluation, existingKeys, arrivals: [] }).notices) {
        if (outbox.has(n.key)) continue;
        outbox.set(n.key, n.dueOn);
        sent.push({ ...n, dueOn: today });
      }
    }
  }
  return sent;
}

const sent = runs();
const ofType = (type: string) => sent.filter((n) => n.type === type);

describe("办理期限 moved later after notices counted from the old date went out", () => {
  it("presses the unit on the first working day after the new 办理期限, as 已逾期 1 天, once", () => {
    const urges = ofType("逾期催办");
    expect(urges.map((n) => n.dueOn)).toEqual(["2027-02-12", "2027-02-16", "2027-02-23", "2027-03-02"]);
    const [, first, second] = urges;
    expect(first?.body).toContain("2027年2月15日（暂定）");
    expect(first?.body).toContain("已逾期 1 天");
    expect(first?.body).not.toContain("2027年2月11日");
    // The series counts from the new date: a week on it is 8 days overdue, not 12.
    expect(second?.body).toContain("已逾期 8 天");
  });

  it("reminds the unit of the new 办理期限 though the same 到期提醒 went out against the old one", () => {
    const reminders = ofType("到期提醒").map(
      (n) =>
        `${n.dueOn} ${n.body
          .match(/办理期限为 ?(\S+?)，(今天到期|还剩 \d+ 天)/)
          ?.slice(1)
          .join(" ")}`,
    );
    expect(reminders).toEqual([
      "2027-01-27 2027年2月11日（暂定） 还剩 15 天",
      "2027-02-04 2027年2月11日（暂定） 还剩 7 天",
      "2027-02-11 2027年2月11日（暂定） 今天到期",
      // 02-12 to 02-14 are 春节 now: the 3 days' reminder of the new date goes out on 02-15.
      "2027-02-15 2027年2月15日（暂定） 今天到期",
    ]);
  });
});

describe("到期提醒 keyed by their day, over an outbox of before", () => {
  const ASSIGNED: LedgerCells = { ...ROW, 编号: "2026-001", 交办日期: "2026-03-02" };
  it("sends no reminder again that an office's outbox holds under its bare key, due 2026-06-02 as before", () => {
    const reminder = (existingKeys: string[]) =>
      planNotices({
        today: "2026-05-27",
        evaluation: evaluateLedger({ tabs: noticeTabs([ASSIGNED]), today: "2026-05-27" }),
        existingKeys,
        arrivals: [],
      }).notices.filter((n) => n.type === "到期提醒");
    expect(reminder([]).map((n) => n.key)).toEqual(["到期提醒|2026-001|r1|d7@2026-05-26|区教育局|email"]);
    expect(reminder(["到期提醒|2026-001|r1|d7|区教育局|email"])).toEqual([]);
  });
});
