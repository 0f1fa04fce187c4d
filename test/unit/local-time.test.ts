import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidTimeZone } from "../../src/domain/read-settings";
import { localDate, localDateTime, localHour } from "../../src/jobs/local-time";

/** What Intl says, the oracle the fixed offsets must agree with. */
function intl(ms: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const date = `${get("year")}-${get("month")}-${get("day")}`;
  return { date, hour: Number(get("hour")), dateTime: `${date} ${get("hour")}:${get("minute")}` };
}

const CHINESE_ZONES = [
  "Asia/Shanghai",
  "Asia/Chongqing",
  "Asia/Harbin",
  "PRC",
  "Asia/Urumqi",
  "Asia/Hong_Kong",
  "Asia/Macau",
  "Asia/Taipei",
  "UTC",
  // Aliases the table knows too.
  "Asia/Chungking",
  "Asia/Kashgar",
  "Hongkong",
  "Asia/Macao",
  "ROC",
  "Etc/UTC",
];

describe("local dates and times in the office's time zone", () => {
  it("agrees with Intl in China's zones for any instant from 1992 to 2100", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CHINESE_ZONES),
        fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }),
        (zone, ms) => {
          const expected = intl(ms, zone);
          expect(localDate(ms, zone)).toBe(expected.date);
          expect(localHour(ms, zone)).toBe(expected.hour);
          expect(localDateTime(ms, zone)).toBe(expected.dateTime);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("turns the date at Beijing midnight, and keeps China's 1986–1991 summer time through Intl", () => {
    expect(localDate(Date.UTC(2026, 10, 30, 15, 59), "Asia/Shanghai")).toBe("2026-11-30");
    expect(localDate(Date.UTC(2026, 10, 30, 16, 0), "Asia/Shanghai")).toBe("2026-12-01");
    expect(localDateTime(Date.UTC(2026, 10, 30, 16, 0), "Asia/Shanghai")).toBe("2026-12-01 00:00");
    // 1988-07-01 12:00 UTC: 21:00 in Beijing under that year's summer time (UTC+9).
    const summer = Date.UTC(1988, 6, 1, 12);
    expect(localDateTime(summer, "Asia/Shanghai")).toBe(intl(summer, "Asia/Shanghai").dateTime);
    expect(localHour(summer, "Asia/Shanghai")).toBe(21);
  });

  it("asks Intl for other zones, daylight saving included", () => {
    const july = Date.UTC(2026, 6, 1, 3, 30);
    expect(localDateTime(july, "America/New_York")).toBe("2026-06-30 23:30");
    expect(localDate(july, "Europe/Berlin")).toBe(intl(july, "Europe/Berlin").date);
  });

  it("knows China's zones are valid without Intl, and still asks it about the rest", () => {
    expect(isValidTimeZone("Asia/Shanghai")).toBe(true);
    expect(isValidTimeZone("Asia/Urumqi")).toBe(true);
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("Asia/Beijing")).toBe(false);
  });
});
