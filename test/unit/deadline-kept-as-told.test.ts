import { describe, expect, it } from "vitest";
import { buildCalendar, type HolidayOverride } from "../../src/domain/calendar";
import { nextArrangementSeen, readArrangementSeen } from "../../src/domain/calendar-seen";
import { firstRoundDeadline, isProvisional, secondRoundDeadline } from "../../src/domain/deadlines";
import { objectionDueOn } from "../../src/domain/notices/placeholders";

/**
 * 2027's 放假安排 as explorer BC entered it in 『节假日』 on 2027-01-28: 春节 2-5…2-12 休 with 班 on Sunday
 * 1-31 and Saturday 2-20; 清明 4-3…4-5 休; 劳动节 5-1…5-5 休 with 班 on Sunday 4-25. Before that day the
 * sync knew nothing of 2027: its deadlines were 暂定 (weekends and statutory festivals only).
 */
const day = (date: string, rest: boolean, note: string): HolidayOverride => ({ date, rest, note });
const span = (from: number, to: number, month: string, note: string) =>
  Array.from({ length: to - from + 1 }, (_, i) =>
    day(`2027-${month}-${String(from + i).padStart(2, "0")}`, true, note),
  );
const ARRANGEMENT_2027: HolidayOverride[] = [
  ...span(5, 12, "02", "春节"),
  day("2027-01-31", false, "春节调休上班"),
  day("2027-02-20", false, "春节调休上班"),
  ...span(3, 5, "04", "清明节"),
  ...span(1, 5, "05", "劳动节"),
  day("2027-04-25", false, "劳动节调休上班"),
];
const SEEN_ON = "2027-01-28";

/** The calendar before 2027 was entered, and after (the day it was first seen kept). */
const before = buildCalendar([]);
const seen = readArrangementSeen(
  nextArrangementSeen(nextArrangementSeen(undefined, [2026], "2026-12-01"), [2026, 2027], SEEN_ON),
);
const after = buildCalendar(ARRANGEMENT_2027, seen);

describe("a deadline told 暂定 is never moved earlier by entering the year's 放假安排", () => {
  it("交办 2027-01-25, 三个月: told 2027-04-26（暂定）; the 班 on Sunday 4-25 does not take it back a day", () => {
    const told = firstRoundDeadline("2027-01-25", null, before);
    expect(told.due).toBe("2027-04-26");
    expect(isProvisional(told.explanation)).toBe(true);
    const now = firstRoundDeadline("2027-01-25", null, after);
    expect(now.due).toBe("2027-04-26");
    expect(now.explanation).toBe(
      "按交办时通知的期限（2027 年放假安排录入前暂定）：交办日期 2027-01-25 起算三个月为 2027-04-25（星期日），是周末，顺延至 2027-04-26（星期一）；按录入的 2027 年放假安排计算为 2027-04-25（星期日），早于已通知的期限，仍以通知所列期限为准",
    );
    // No longer 暂定: the notices stop writing （暂定） after it, and it will not move again.
    expect(isProvisional(now.explanation)).toBe(false);
    expect(now.unknownYears).toEqual([]);
  });

  it("a later firm date is used as is: 交办 2027-02-03 was told 2027-05-05（暂定）, the arrangement makes it 5-06", () => {
    expect(firstRoundDeadline("2027-02-03", null, before).due).toBe("2027-05-05");
    const now = firstRoundDeadline("2027-02-03", null, after);
    expect(now.due).toBe("2027-05-06");
    expect(now.explanation).toBe(
      "交办日期 2027-02-03 起算三个月为 2027-05-03（星期一），『节假日』表列为休息日（劳动节），顺延至 2027-05-06（星期四）",
    );
  });

  it("a 交办日期 typed after the arrangement was first seen is worked out afresh: the firm date", () => {
    // The same row, had staff assigned it (or corrected its 交办日期 to a day) after 2027-01-28:
    // its 交办通知 went out with the firm date.
    const late = buildCalendar(
      ARRANGEMENT_2027,
      readArrangementSeen([
        ["年份", "首见日期"],
        [2027, "2027-01-20"],
      ]),
    );
    const now = firstRoundDeadline("2027-01-25", null, late);
    expect(now.due).toBe("2027-04-25");
    expect(now.explanation).toBe(
      "交办日期 2027-01-25 起算三个月为 2027-04-25（星期日），『节假日』表列为工作日（劳动节调休上班），即为期限",
    );
    // A year known from the first sync that kept the days (""): nobody was told a 暂定 date of it.
    const allAlong = buildCalendar(
      ARRANGEMENT_2027,
      readArrangementSeen(nextArrangementSeen(undefined, [2027], SEEN_ON)),
    );
    expect(firstRoundDeadline("2027-01-25", null, allAlong).due).toBe("2027-04-25");
  });

  it("round 2 the same: 二次交办 2027-01-21 + 10 天 told 2027-02-01（暂定）, not the 班 on Sunday 1-31", () => {
    const period = { amount: 10, unit: "天" as const };
    expect(secondRoundDeadline("2027-01-21", period, before).due).toBe("2027-02-01");
    const now = secondRoundDeadline("2027-01-21", period, after);
    expect(now.due).toBe("2027-02-01");
    expect(now.explanation).toContain("按二次交办时通知的期限（2027 年放假安排录入前暂定）");
    // 二次交办 after the arrangement was seen: Saturday 2-20 is a 班 day, and the deadline.
    expect(secondRoundDeadline("2027-02-10", period, after).due).toBe("2027-02-20");
  });

  it("异议期限 (7 working days): the 交办通知 of 1-25 said 2027-02-03（暂定）, and it stays 2-3", () => {
    const ctx = (calendar: typeof before) => ({ calendar, objectionWorkingDays: 7 });
    expect(objectionDueOn("2027-01-25", ctx(before))).toBe("2027-02-03");
    expect(objectionDueOn("2027-01-25", ctx(after))).toBe("2027-02-03");
    // Assigned after it was seen: counted with the 班 on Sunday 1-31.
    expect(objectionDueOn("2027-01-29", ctx(after))).toBe("2027-02-16");
  });
});
