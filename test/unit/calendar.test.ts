import chineseDays from "chinese-days/dist/chinese-days.json";
import { describe, expect, it } from "vitest";
import { buildCalendar } from "../../src/domain/calendar";

const data = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };

describe("the built-in calendar", () => {
  const calendar = buildCalendar();

  it("agrees with chinese-days on every holiday and 调休 working day", () => {
    for (const date of Object.keys(data.holidays)) expect(calendar.isRestDay(date), date).toBe(true);
    for (const date of Object.keys(data.workdays)) expect(calendar.isWorkingDay(date), date).toBe(true);
  });

  it("treats the National Day run of 2025 as rest days and the Saturday after it as a working day", () => {
    expect(data.holidays["2025-10-08"]).toContain("国庆节");
    expect(data.workdays["2025-10-11"]).toContain("国庆节");
    expect(calendar.isRestDay("2025-10-01")).toBe(true);
    expect(calendar.isRestDay("2025-10-08")).toBe(true);
    expect(calendar.isWorkingDay("2025-10-11")).toBe(true);
    expect(calendar.nextWorkingDay("2025-09-30")).toBe("2025-10-09");
  });

  it("treats ordinary weekends as rest days and weekdays as working days", () => {
    expect(calendar.isRestDay("2026-06-06")).toBe(true);
    expect(calendar.isRestDay("2026-06-07")).toBe(true);
    expect(calendar.isWorkingDay("2026-06-08")).toBe(true);
  });

  it("describes a 调休 Saturday by its holiday", () => {
    expect(calendar.describe("2026-02-28")).toMatchObject({
      rest: false,
      reason: "adjustedWorkday",
      name: "春节",
      weekday: "星期六",
    });
  });

  it("rolls forward only from a rest day", () => {
    expect(calendar.rollForward("2026-06-02")).toBe("2026-06-02");
    expect(calendar.rollForward("2026-02-17")).toBe("2026-02-24");
  });

  it("counts working days after a date, skipping the holiday and keeping 调休 days", () => {
    // 2025-09-28 (Sun) and 2025-10-11 (Sat) are working days; 10-01…10-08 are not.
    expect(calendar.addWorkingDays("2025-09-26", 7)).toBe("2025-10-13");
  });
});

describe("a year with no known arrangement", () => {
  it("falls back to weekends and the statutory festivals, and reports the year", () => {
    expect(Object.keys(data.holidays).some((d) => d.startsWith("2027"))).toBe(false);
    const calendar = buildCalendar();
    expect(calendar.isYearKnown(2027)).toBe(false);
    expect(calendar.describe("2027-01-01")).toMatchObject({
      rest: true,
      reason: "statutoryHoliday",
      name: "元旦",
      yearKnown: false,
    });
    expect(calendar.isRestDay("2027-01-02")).toBe(true);
    expect(calendar.isWorkingDay("2027-01-04")).toBe(true);
    expect(calendar.unknownYearsUsed()).toEqual([2027]);
  });

  it("does not report years that were never asked about", () => {
    const calendar = buildCalendar();
    calendar.isRestDay("2026-05-01");
    expect(calendar.unknownYearsUsed()).toEqual([]);
  });
});

describe("节假日 overrides", () => {
  it("turns a day into a rest day (休) and another into a working day (班)", () => {
    const calendar = buildCalendar([
      { date: "2026-06-02", rest: true, note: "地方假日" },
      { date: "2026-06-06", rest: false, note: "调休上班" },
    ]);
    expect(calendar.isRestDay("2026-06-02")).toBe(true);
    expect(calendar.isWorkingDay("2026-06-06")).toBe(true);
    expect(calendar.describe("2026-06-02")).toMatchObject({ reason: "overrideRest", name: "地方假日" });
  });

  it("wins over the built-in calendar", () => {
    const calendar = buildCalendar([{ date: "2025-10-08", rest: false, note: "" }]);
    expect(calendar.isWorkingDay("2025-10-08")).toBe(true);
  });

  it("makes a year known once staff enter its arrangement", () => {
    const calendar = buildCalendar([
      { date: "2027-01-01", rest: true, note: "元旦" },
      ...["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"].map((date) => ({
        date,
        rest: true,
        note: "春节",
      })),
    ]);
    expect(calendar.isYearKnown(2027)).toBe(true);
    expect(calendar.isRestDay("2027-01-01")).toBe(true);
    expect(calendar.unknownYearsUsed()).toEqual([]);
  });
});
