import { describe, expect, it } from "vitest";
import { asOfLine, yearEndOffer } from "../../../src/domain/dashboard/year-report-as-of";

const iso = (d: string) => d;

describe("年末数字写明保存于哪天，从不冒称 12 月 31 日", () => {
  it("1 月 1 日同步保存的：截至 2027-01-01", () => {
    expect(yearEndOffer({ year: 2026, asOf: "2027-01-01" }, iso)).toBe(
      "年末数字：截至 2027-01-01 的统计（之后的答复、测评未计入）。",
    );
    expect(asOfLine({ today: "2027-01-01", syncedAt: "2027-01-01 10:00", yearEnd: 2026 }, iso)).toBe(
      "统计截至 2027-01-01（年末数字）",
    );
    expect(asOfLine({ today: "2027-01-01", syncedAt: null, yearEnd: 2026 })).toBe(
      "统计截至 2027年1月1日（年末数字）",
    );
  });

  it("3 月才部署的办公室：截至 2027-03-05 首次同步", () => {
    expect(yearEndOffer({ year: 2026, asOf: "2027-03-05" }, iso)).toBe(
      "年末数字：截至 2027-03-05 首次同步的统计（之后的答复、测评未计入）。",
    );
    expect(asOfLine({ today: "2027-03-05", syncedAt: null, yearEnd: 2026 }, iso)).toBe(
      "统计截至 2027-03-05 首次同步（年末数字）",
    );
    // An earlier year kept on the same first sync is not that year's 1 January either.
    expect(asOfLine({ today: "2027-01-01", syncedAt: null, yearEnd: 2025 }, iso)).toBe(
      "统计截至 2027-01-01 首次同步（年末数字）",
    );
  });
});
