import { describe, expect, it } from "vitest";
import { dayHorizon, isAfterToday, isPast, standsOn } from "../../src/domain/day-horizon";

describe("DayHorizon: how long findings checked against today hold", () => {
  it("no comparison with today noted: the findings hold whatever the day", () => {
    const horizon = dayHorizon();
    expect(isAfterToday("2026-11-20", "2026-11-26", horizon)).toBe(false);
    expect(isPast("2026-11-20", "2026-11-26", horizon)).toBe(true);
    expect(horizon.through).toBeNull();
  });

  it("a date in the future holds through today only (its message names today)", () => {
    const horizon = dayHorizon();
    expect(isAfterToday("2026-12-31", "2026-11-26", horizon)).toBe(true);
    expect(horizon.through).toBe("2026-11-26");
  });

  it("a limit not yet passed holds through the limit; the earliest noted day bounds them all", () => {
    const horizon = dayHorizon();
    expect(isPast("2026-12-04", "2026-11-26", horizon)).toBe(false);
    expect(isPast("2026-12-01", "2026-11-26", horizon)).toBe(false);
    expect(isPast("2026-12-09", "2026-11-26", horizon)).toBe(false);
    expect(horizon.through).toBe("2026-12-01");
    expect(isPast("2026-11-26", "2026-11-26", horizon)).toBe(false);
    expect(horizon.through).toBe("2026-11-26");
  });

  it("works without a horizon (the chunks and the forms do not keep their findings)", () => {
    expect(isAfterToday("2026-11-27", "2026-11-26", undefined)).toBe(true);
    expect(isPast("2026-11-25", "2026-11-26", undefined)).toBe(true);
  });

  it("findings stand from the day checked through their horizon, not before it nor after", () => {
    expect(standsOn("2026-11-26", "2026-11-26", "2026-12-01")).toBe(true);
    expect(standsOn("2026-12-01", "2026-11-26", "2026-12-01")).toBe(true);
    expect(standsOn("2026-12-02", "2026-11-26", "2026-12-01")).toBe(false);
    expect(standsOn("2027-06-01", "2026-11-26", null)).toBe(true);
    expect(standsOn("2026-11-25", "2026-11-26", null)).toBe(false);
  });
});
