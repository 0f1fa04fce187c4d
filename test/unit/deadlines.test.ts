import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCalendar } from "../../src/domain/calendar";
import { isoFromSerial, serialFromIso } from "../../src/domain/civil-date";
import {
  addMonths,
  daysBetween,
  firstRoundDeadline,
  secondRoundDeadline,
  workingDaysAfter,
} from "../../src/domain/deadlines";

const calendar = buildCalendar();

describe("adding months (民法典 Art. 202)", () => {
  it("ends on the same-numbered day of the due month", () => {
    expect(addMonths("2026-03-02", 3)).toEqual({ date: "2026-06-02", clamped: false });
  });

  it("clamps Nov 30 + 3 months to the last day of February", () => {
    expect(addMonths("2025-11-30", 3)).toEqual({ date: "2026-02-28", clamped: true });
    expect(addMonths("2023-11-30", 3)).toEqual({ date: "2024-02-29", clamped: true });
  });

  it("clamps Aug 31 + 6 months to the last day of February", () => {
    expect(addMonths("2024-08-31", 6).date).toBe("2025-02-28");
    expect(addMonths("2023-08-31", 6).date).toBe("2024-02-29");
  });

  it("crosses year ends", () => {
    expect(addMonths("2026-10-15", 3).date).toBe("2027-01-15");
  });
});

describe("the round-1 deadline", () => {
  it("is the plain date when that is a working day", () => {
    const deadline = firstRoundDeadline("2026-03-02", "三个月", calendar);
    expect(deadline.due).toBe("2026-06-02");
    expect(deadline.explanation).toBe(
      "交办日期 2026-03-02 起算三个月为 2026-06-02（星期二），是工作日，即为期限",
    );
  });

  it("treats a blank 办理时限 as three months", () => {
    expect(firstRoundDeadline("2026-03-02", null, calendar).due).toBe("2026-06-02");
  });

  it("explains month-end clamping (leap year)", () => {
    const deadline = firstRoundDeadline("2023-11-30", "三个月", calendar);
    expect(deadline.due).toBe("2024-02-29");
    expect(deadline.explanation).toContain("2024 年 2 月没有 30 日，取该月最后一日 2024-02-29（星期四）");
  });

  it("rolls a deadline on an ordinary weekend to Monday", () => {
    const deadline = firstRoundDeadline("2026-03-06", "三个月", calendar);
    expect(deadline).toMatchObject({ nominal: "2026-06-06", due: "2026-06-08", rolled: true });
    expect(deadline.explanation).toBe(
      "交办日期 2026-03-06 起算三个月为 2026-06-06（星期六），是周末，顺延至 2026-06-08（星期一）",
    );
  });

  it("rolls a deadline inside the 2025 National Day holiday to the first working day after it", () => {
    const deadline = firstRoundDeadline("2025-07-01", "三个月", calendar);
    expect(deadline.due).toBe("2025-10-09");
    expect(deadline.explanation).toContain("落在国庆节假期，顺延至 2025-10-09（星期四）");
  });

  it("rolls a deadline inside the 2026 Spring Festival holiday past its end", () => {
    expect(firstRoundDeadline("2025-11-17", "三个月", calendar).due).toBe("2026-02-24");
  });

  it("keeps a deadline that lands on a 调休 working Saturday on that Saturday", () => {
    const deadline = firstRoundDeadline("2025-11-28", "三个月", calendar);
    expect(deadline).toMatchObject({ due: "2026-02-28", rolled: false });
    expect(deadline.explanation).toContain("2026-02-28（星期六），是春节调休上班日，即为期限");
  });

  it("keeps a clamped six-month deadline on the 调休 Saturday Feb 28, 2026", () => {
    expect(firstRoundDeadline("2025-08-31", "六个月", calendar).due).toBe("2026-02-28");
  });

  it("keeps a deadline on a 调休 working Sunday", () => {
    expect(firstRoundDeadline("2025-06-28", "三个月", calendar).due).toBe("2025-09-28");
  });

  it("falls back to weekends and statutory festivals for 2027 and says the deadline is provisional", () => {
    const fresh = buildCalendar();
    const deadline = firstRoundDeadline("2026-10-02", "三个月", fresh);
    expect(deadline).toMatchObject({ nominal: "2027-01-02", due: "2027-01-04", unknownYears: [2027] });
    expect(deadline.explanation).toContain("（暂定：2027 年放假安排尚未录入");
  });

  it("follows 节假日 rows: a 休 row moves the deadline, a 班 row keeps it", () => {
    const rest = buildCalendar([{ date: "2026-06-02", rest: true, note: "防汛调休" }]);
    const restDeadline = firstRoundDeadline("2026-03-02", "三个月", rest);
    expect(restDeadline.due).toBe("2026-06-03");
    expect(restDeadline.explanation).toContain("『节假日』表列为休息日（防汛调休）");
    const work = buildCalendar([{ date: "2026-06-06", rest: false, note: "" }]);
    expect(firstRoundDeadline("2026-03-06", "三个月", work).due).toBe("2026-06-06");
  });
});

describe("the round-2 deadline", () => {
  it("counts 二次办理时限天数 days from the day after 二次交办日期", () => {
    const deadline = secondRoundDeadline("2026-03-02", 30, calendar);
    expect(deadline.due).toBe("2026-04-01");
    expect(deadline.explanation).toBe(
      "二次交办日期 2026-03-02 起算 30 天为 2026-04-01（星期三），是工作日，即为期限",
    );
  });

  it("rolls past the Labour Day holiday", () => {
    expect(secondRoundDeadline("2026-04-01", 30, calendar).due).toBe("2026-05-06");
  });

  it("uses the configured number of days", () => {
    expect(secondRoundDeadline("2026-03-02", 15, calendar).due).toBe("2026-03-17");
  });
});

describe("day counting helpers", () => {
  it("counts calendar days between dates", () => {
    expect(daysBetween("2026-03-02", "2026-06-02")).toBe(92);
    expect(daysBetween("2026-06-02", "2026-03-02")).toBe(-92);
  });

  it("finds the n-th working day after a date for 异议期限", () => {
    expect(workingDaysAfter("2026-03-02", 7, calendar)).toBe("2026-03-11");
    expect(workingDaysAfter("2025-09-26", 7, calendar)).toBe("2025-10-13");
  });
});

const FIRST = serialFromIso("2004-01-01");
const LAST = serialFromIso("2030-12-31");
const anyDate = fc.integer({ min: FIRST, max: LAST }).map(isoFromSerial);

describe("deadline properties", () => {
  it("never ends on a rest day", () => {
    fc.assert(
      fc.property(anyDate, fc.constantFrom("三个月" as const, "六个月" as const), (assignedOn, period) => {
        expect(calendar.isWorkingDay(firstRoundDeadline(assignedOn, period, calendar).due)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 365 }), (reassignedOn, days) => {
        expect(calendar.isWorkingDay(secondRoundDeadline(reassignedOn, days, calendar).due)).toBe(true);
      }),
    );
  });

  it("is never earlier than the assignment date plus the period, and rolls at most two weeks", () => {
    fc.assert(
      fc.property(anyDate, fc.constantFrom("三个月" as const, "六个月" as const), (assignedOn, period) => {
        const { due } = firstRoundDeadline(assignedOn, period, calendar);
        const plain = addMonths(assignedOn, period === "三个月" ? 3 : 6).date;
        expect(due >= plain).toBe(true);
        expect(daysBetween(plain, due)).toBeLessThanOrEqual(14);
      }),
    );
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 365 }), (reassignedOn, days) => {
        expect(
          daysBetween(reassignedOn, secondRoundDeadline(reassignedOn, days, calendar).due),
        ).toBeGreaterThanOrEqual(days);
      }),
    );
  });

  it("is a working day even with random 节假日 overrides", () => {
    const override = fc.record({ date: anyDate, rest: fc.boolean(), note: fc.constant("") });
    fc.assert(
      fc.property(fc.array(override, { maxLength: 30 }), anyDate, (overrides, assignedOn) => {
        const withOverrides = buildCalendar(overrides);
        expect(withOverrides.isWorkingDay(firstRoundDeadline(assignedOn, "三个月", withOverrides).due)).toBe(
          true,
        );
      }),
    );
  });
});
