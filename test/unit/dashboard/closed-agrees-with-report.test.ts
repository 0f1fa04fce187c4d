import { describe, expect, it } from "vitest";
import { deputyRecords } from "../../../src/domain/dashboard/deputy-records";
import { yearReport } from "../../../src/domain/dashboard/year-report";
import { serial } from "../helpers/make-row";
import { FIXTURE_ROWS, fixtureEvaluation } from "./fixture";

/** 2025-002: 赵敏's, marked 跨年督办 = 是, replied A and rated 满意: its status stays 跨年督办. */
const carried = fixtureEvaluation([
  ...FIXTURE_ROWS,
  {
    编号: "2025-002",
    领衔代表: "赵敏",
    提出日期: serial("2025-10-20"),
    主办单位: "区住建局",
    交办日期: serial("2025-11-03"),
    答复日期: serial("2026-01-20"),
    答复类别: "A",
    满意度: "满意",
    测评日期: serial("2026-01-26"),
    跨年督办: "是",
  },
]);

describe("已办结：年度报告与代表履职档案同一口径", () => {
  for (const year of [2025, 2026])
    it(`${year} 年度报告的已办结等于各代表领衔办结之和`, () => {
      const sum = deputyRecords(carried, year).reduce((n, r) => n + r.ledClosed, 0);
      expect(yearReport(carried, year).totals.closed).toBe(sum);
    });

  it("跨年督办 = 是 而测评满意的建议计入当年的已办结", () => {
    // 2025-001 (B, 推进中) is not finished; 2025-002 is.
    expect(yearReport(carried, 2025).totals.closed).toBe(1);
  });
});
