import { getLunarDate, getSolarDateFromLunar, getSolarTerms, getYearLeapMonth } from "chinese-days";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCalendar, type HolidayOverride } from "../../src/domain/calendar";
import { fallbackYear, statutoryRestDays } from "../../src/domain/calendar-fallback";
import { isoFromSerial, serialFromIso, weekdayOf } from "../../src/domain/civil-date";
import { firstRoundDeadline, secondRoundDeadline } from "../../src/domain/deadlines";

/** "2027-02-09 春节补" lines of a year's statutory rest days, in date order. */
function restDays(year: number): string[] {
  const found = fallbackYear(year);
  if (!found) throw new Error(`no fallback for ${year}`);
  return [...found.days]
    .sort((a, b) => a[0] - b[0])
    .map(([serial, day]) => `${isoFromSerial(serial)} ${day.name}${day.makeUp ? "补" : ""}`);
}

const rest = (date: string, note = "春节"): HolidayOverride => ({ date, rest: true, note });
const SPRING_2027 = ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"].map((d) => rest(d));

describe("chinese-days 的农历和节气日期与官方日历一致", () => {
  it("2027 年正月初一为 2 月 6 日，端午 6 月 9 日，中秋 9 月 15 日，清明 4 月 5 日", () => {
    const days = fallbackYear(2027)?.days;
    expect(fallbackYear(2027)?.springFestival).toEqual([
      "2027-02-05",
      "2027-02-06",
      "2027-02-07",
      "2027-02-08",
    ]);
    expect(days?.get(serialFromIso("2027-06-09"))?.name).toBe("端午节");
    expect(days?.get(serialFromIso("2027-09-15"))?.name).toBe("中秋节");
    expect(days?.get(serialFromIso("2027-04-05"))?.name).toBe("清明节");
  });

  it("2028 年正月初一为 1 月 26 日，端午 5 月 28 日，中秋 10 月 3 日（与国庆同日），清明 4 月 4 日", () => {
    const days = fallbackYear(2028)?.days;
    expect(fallbackYear(2028)?.springFestival).toEqual([
      "2028-01-25",
      "2028-01-26",
      "2028-01-27",
      "2028-01-28",
    ]);
    expect(days?.get(serialFromIso("2028-05-28"))?.name).toBe("端午节");
    expect(days?.get(serialFromIso("2028-04-04"))?.name).toBe("清明节");
    expect(restDays(2028)).toContain("2028-10-05 中秋节补");
  });

  it("每一年（1901–2100）的春节、端午、中秋都与 chinese-days 的农历换算一致，闰月在前的年份也一样", () => {
    const solar = (year: number, month: number, day: number) =>
      serialFromIso(getSolarDateFromLunar(new Date(year, month - 1, day)).date);
    const nationalDay = (year: number) => [1, 2, 3].map((d) => serialFromIso(`${year}-10-0${d}`));
    let leapBefore = 0;
    for (let year = 1901; year <= 2100; year += 1) {
      const { days, springFestival } = statutoryRestDays(year);
      expect(serialFromIso(springFestival[1] as string), `${year} 正月初一`).toBe(solar(year, 1, 1));
      for (const [month, day, name] of [
        [5, 5, "端午节"],
        [8, 15, "中秋节"],
      ] as const) {
        const serial = solar(year, month, day);
        expect(days.has(serial), `${year} ${name}`).toBe(true);
        if (!nationalDay(year).includes(serial)) expect(days.get(serial)?.name, `${year} ${name}`).toBe(name);
      }
      const leap = getYearLeapMonth(year).leapMonth;
      if (leap !== undefined && leap < 8) leapBefore += 1;
    }
    // Enough years with a leap month before 八月 that a wrong leap rule would show.
    expect(leapBefore).toBeGreaterThan(50);
  });

  it("在 UTC 以西的时区算出的日期也相同", () => {
    const zone = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      // The zone must really have changed, or this test would prove nothing.
      expect(new Date(Date.UTC(2027, 3, 4)).getTimezoneOffset()).toBeGreaterThan(0);
      for (const year of [2027, 2028]) {
        const west = statutoryRestDays(year);
        expect(west.springFestival).toEqual(fallbackYear(year)?.springFestival);
        expect([...west.days]).toEqual([...(fallbackYear(year)?.days ?? [])]);
      }
      expect(statutoryRestDays(2027).days.get(serialFromIso("2027-04-05"))).toEqual({
        name: "清明节",
        makeUp: false,
      });
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe("未录入放假安排的年份：周末加《全国年节及纪念日放假办法》规定的节日", () => {
  it("2027 年：元旦 1 天，春节除夕至初三并补休两天，清明，劳动节两天均逢周末补休两天，端午，中秋，国庆三天补休两天", () => {
    expect(restDays(2027)).toEqual([
      "2027-01-01 元旦",
      "2027-02-05 春节",
      "2027-02-06 春节",
      "2027-02-07 春节",
      "2027-02-08 春节",
      "2027-02-09 春节补",
      "2027-02-10 春节补",
      "2027-04-05 清明节",
      "2027-05-01 劳动节",
      "2027-05-02 劳动节",
      "2027-05-03 劳动节补",
      "2027-05-04 劳动节补",
      "2027-06-09 端午节",
      "2027-09-15 中秋节",
      "2027-10-01 国庆节",
      "2027-10-02 国庆节",
      "2027-10-03 国庆节",
      "2027-10-04 国庆节补",
      "2027-10-05 国庆节补",
    ]);
  });

  it("2028 年：元旦逢周六补休周一，端午逢周日补休，国庆首日逢周日、中秋与国庆同日，各补休一天", () => {
    expect(restDays(2028)).toEqual([
      "2028-01-01 元旦",
      "2028-01-03 元旦补",
      "2028-01-25 春节",
      "2028-01-26 春节",
      "2028-01-27 春节",
      "2028-01-28 春节",
      "2028-04-04 清明节",
      "2028-05-01 劳动节",
      "2028-05-02 劳动节",
      "2028-05-28 端午节",
      "2028-05-29 端午节补",
      "2028-10-01 国庆节",
      "2028-10-02 国庆节",
      "2028-10-03 国庆节",
      "2028-10-04 国庆节补",
      "2028-10-05 中秋节补",
    ]);
    const calendar = buildCalendar();
    expect(calendar.isWorkingDay("2028-10-06")).toBe(true);
    expect(calendar.isWorkingDay("2028-01-04")).toBe(true);
  });

  it("同样的规则用于 2025、2026 年，得出的每个休息日都在国务院公布的安排之中", () => {
    const official = buildCalendar();
    for (const year of [2025, 2026]) {
      const lines = restDays(year);
      expect(lines.length).toBeGreaterThanOrEqual(13); // 13 festival days, plus their 补休
      for (const line of lines) {
        const date = line.slice(0, 10);
        expect(official.describe(date).rest, line).toBe(true);
        expect(official.describe(date).yearKnown).toBe(true);
      }
    }
  });

  it("交办日期 2026-11-05 起算三个月落在除夕，顺延至春节补休之后，并说明期限为暂定", () => {
    const deadline = firstRoundDeadline("2026-11-05", "三个月", buildCalendar());
    expect(deadline).toMatchObject({ nominal: "2027-02-05", due: "2027-02-11", unknownYears: [2027] });
    expect(deadline.explanation).toBe(
      "交办日期 2026-11-05 起算三个月为 2027-02-05（星期五），落在春节法定假日，顺延至 2027-02-11（星期四）" +
        "（暂定：2027 年放假安排尚未录入，暂按周末和《全国年节及纪念日放假办法》规定的节日及补休推算，未含调休，录入安排后重新计算）",
    );
    expect(deadline.explanation).not.toContain("是工作日");
  });

  it("落在补休日的期限说明是哪个节日的补休", () => {
    const deadline = firstRoundDeadline("2027-07-04", "三个月", buildCalendar());
    expect(deadline.nominal).toBe("2027-10-04");
    expect(deadline.due).toBe("2027-10-06");
    expect(deadline.explanation).toContain(
      "是国庆节适逢周末（或与其他节日同日）的补休日，顺延至 2027-10-06（星期三）",
    );
  });

  it("已录入安排的年份不再推算补休：录入春节各日后，提醒消除，期限按『节假日』表、周末和法定节日当天计算", () => {
    const entered = buildCalendar(SPRING_2027);
    expect(entered.isYearKnown(2027)).toBe(true);
    expect(entered.isRestDay("2027-02-05")).toBe(true);
    // 2027-02-09 is no longer guessed: the arrangement staff typed is the whole truth for the year.
    expect(entered.isWorkingDay("2027-02-09")).toBe(true);
    const deadline = firstRoundDeadline("2026-11-05", "三个月", entered);
    expect(deadline).toMatchObject({ due: "2027-02-09", unknownYears: [] });
    expect(deadline.explanation).not.toContain("暂定");
  });

  it("只录入了春节的年份，元旦等法定节日当天仍是休息日（录为 班 的除外），期限不落在元旦", () => {
    const entered = buildCalendar(SPRING_2027);
    expect(entered.isYearKnown(2027)).toBe(true);
    for (const date of ["2027-01-01", "2027-05-01", "2027-10-01"])
      expect(entered.isRestDay(date), date).toBe(true);
    expect(entered.describe("2027-01-01")).toMatchObject({ rest: true, name: "元旦", yearKnown: true });
    // 二次交办日期 2026-12-02 with 30天: 2027-01-01 (a Friday, 元旦) rolls past the weekend.
    expect(secondRoundDeadline("2026-12-02", 30, entered).due).toBe("2027-01-04");
    const worked = buildCalendar([...SPRING_2027, { date: "2027-01-01", rest: false, note: "调休上班" }]);
    expect(worked.isWorkingDay("2027-01-01")).toBe(true);
  });

  it("只录入一行或春节只录入一部分时，年份仍算未录入，提醒继续", () => {
    for (const overrides of [[rest("2027-01-01", "元旦")], SPRING_2027.slice(0, 3)]) {
      const calendar = buildCalendar(overrides);
      expect(calendar.isYearKnown(2027)).toBe(false);
      expect(calendar.isRestDay("2027-02-09")).toBe(true);
      calendar.isRestDay("2027-03-01");
      expect(calendar.unknownYearsUsed()).toEqual([2027]);
    }
  });

  it("春节各日录为 班 不算录入了春节", () => {
    const calendar = buildCalendar(SPRING_2027.map((o) => ({ ...o, rest: false })));
    expect(calendar.isYearKnown(2027)).toBe(false);
  });

  it("『节假日』表的行仍优先于推算：录为 班 的补休日是工作日", () => {
    const calendar = buildCalendar([{ date: "2027-02-10", rest: false, note: "调休上班" }]);
    expect(calendar.isWorkingDay("2027-02-10")).toBe(true);
    expect(calendar.isRestDay("2027-02-09")).toBe(true);
  });
});

/** True when chinese-days (its full build, not the Worker's copy) names the date a statutory festival. */
function isStatutoryFestival(date: string): boolean {
  const md = date.slice(5);
  if (["01-01", "05-01", "05-02", "10-01", "10-02", "10-03"].includes(md)) return true;
  const lunar = getLunarDate(date);
  if (!lunar.isLeap) {
    const { lunarMon: m, lunarDay: d } = lunar;
    if ((m === 1 && d <= 3) || (m === 5 && d === 5) || (m === 8 && d === 15)) return true;
  }
  const nextDay = getLunarDate(isoFromSerial(serialFromIso(date) + 1));
  if (nextDay.lunarMon === 1 && nextDay.lunarDay === 1 && !nextDay.isLeap) return true; // 除夕
  return getSolarTerms(date).some((term) => term.name === "清明");
}

describe("性质：按推算日历，办理期限永远不落在休息日", () => {
  const calendar = buildCalendar();
  const days = fc.integer({ min: serialFromIso("2027-01-01"), max: serialFromIso("2099-09-30") });

  it("首轮期限（三个月、六个月）是工作日，不是周末或法定节日，且期限前的顺延日都是休息日", () => {
    fc.assert(
      fc.property(days, fc.constantFrom("三个月" as const, "六个月" as const), (serial, period) => {
        const deadline = firstRoundDeadline(isoFromSerial(serial), period, calendar);
        const due = serialFromIso(deadline.due);
        expect(calendar.isWorkingDay(deadline.due)).toBe(true);
        expect([0, 6]).not.toContain(weekdayOf(due));
        expect(isStatutoryFestival(deadline.due), deadline.due).toBe(false);
        for (let s = serialFromIso(deadline.nominal); s < due; s += 1)
          expect(calendar.isRestDay(isoFromSerial(s))).toBe(true);
        expect(deadline.explanation).toContain("暂定");
      }),
      { numRuns: 400 },
    );
  });

  it("二次交办期限同样顺延到工作日", () => {
    fc.assert(
      fc.property(days, fc.integer({ min: 1, max: 90 }), (serial, n) => {
        const deadline = secondRoundDeadline(isoFromSerial(serial), n, calendar);
        expect(calendar.isWorkingDay(deadline.due)).toBe(true);
        expect(isStatutoryFestival(deadline.due), deadline.due).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
