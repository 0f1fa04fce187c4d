import { describe, expect, it } from "vitest";
import type { UnitDetail } from "../../../src/domain/dashboard/scoreboard";
import { unitDetail } from "../../../src/domain/dashboard/scoreboard";
import { UnitPage } from "../../../src/http/dashboard/units-page";
import { serial } from "../helpers/make-row";
import { evaluateAt } from "../notices/helpers";

const TODAY = "2026-12-06";

/** 区教育局 led one suggestion of 2025 and one of 2026: the year report's 附表1 for 2026 counts one. */
const detail = unitDetail(
  evaluateAt(
    [
      {
        编号: "2025-011",
        主办单位: "区教育局",
        提出日期: serial("2025-01-10"),
        交办日期: serial("2025-03-03"),
      },
      {
        编号: "2026-012",
        主办单位: "区教育局",
        提出日期: serial("2026-01-10"),
        交办日期: serial("2026-03-02"),
      },
    ],
    TODAY,
  ),
  "区教育局",
) as UnitDetail;

async function render(): Promise<string> {
  const frame = { lastSync: null, timeZone: "Asia/Shanghai", today: TODAY };
  // A component called as a function gives the same element as <UnitPage …/> (this file is not TSX).
  const page = UnitPage({ detail, frame }) as { toString(): string | Promise<string> };
  return String(await page.toString());
}

describe("a unit's page says which years its figures count", () => {
  it("counts both years' suggestions and says so, pointing to the year report's 附表1 for one year", async () => {
    const page = await render();
    expect(page).toContain('<div class="label">承办件数</div><div class="value">2</div>');
    expect(page).toContain("与『承办单位』页、『统计』表一样统计台账中的全部年度，不按年份筛选");
    expect(page).toMatch(/<a href="\/report">年度报告<\/a>的附表1/);
  });
});
