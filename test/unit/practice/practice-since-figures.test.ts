import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { mergeStatistics, statisticsPart } from "../../../src/domain/figures/statistics-part";
import { assessmentWays } from "../figures/assessment-ways";
import { PART_SIZES, storedLedger, throughJson } from "../figures/parts";
import { makeRow, makeTabs } from "../helpers/make-row";
import { BEFORE_CONTACT, practiceTabs, REPLIED } from "./helpers";

/**
 * 沟通率 with 设置 启用日期 2026-03-01: 区教育局 has one reply of a suggestion 交办 before it (imported,
 * no 沟通记录 kept for it then) and one 交办 after it with a 办前 contact. The first counts in no
 * 沟通率, numerator nor denominator; 区住建局, whose only reply is of a round 交办 before 启用日期, has
 * no 沟通率 at all rather than 0%.
 */
const TODAY = "2026-06-15";
const ROWS = [
  { ...REPLIED, 编号: "2026-002", 提出日期: "2026-01-05", 交办日期: "2026-01-12", 答复日期: "2026-02-27" },
  REPLIED,
  {
    ...REPLIED,
    编号: "2026-003",
    提出日期: "2026-01-05",
    主办单位: "区住建局",
    协办单位: "",
    交办日期: "2026-01-12",
    答复日期: "2026-02-27",
  },
];

function ledgerWith(practiceSince: string) {
  const tabs = makeTabs(
    ROWS.map((cells) => makeRow(cells)),
    {
      ...practiceTabs({ contacts: [BEFORE_CONTACT] }),
      [TAB_NAMES.settings]: [
        ["项目", "值", "说明"],
        ["启用日期", practiceSince, ""],
      ],
    },
  );
  return storedLedger(tabs, TODAY);
}

/** 统计's 沟通率 of a unit, from every row and as each part's share adds up (the same, or the test fails). */
function statisticsRate(practiceSince: string, unit: string): string[] {
  const ledger = ledgerWith(practiceSince);
  const merged = PART_SIZES.map((size) =>
    mergeStatistics(
      ledger.parts(size).map((rows) => throughJson(statisticsPart(rows, TODAY))),
      ledger.view,
    ),
  );
  return [ledger.view.statistics, ...merged].map(
    (s) => s.byUnit.find((r) => r.label === unit)?.contactRate ?? "（无此单位）",
  );
}

describe("沟通率与设置 启用日期", () => {
  it("单位测评：启用日期前交办的答复不计入沟通率（分子分母都不计），之后交办的照常计", () => {
    const { shown, each } = assessmentWays(ledgerWith("2026-03-01"), TODAY);
    expect(shown(2026, "区教育局", "沟通率")).toEqual(each(2, "100.0%（1/1）"));
    expect(shown(2026, "区住建局", "沟通率")).toEqual(each(1, "—（0/0）"));
  });

  it("单位测评：启用日期留空时与以往一样，每条答复都计入沟通率", () => {
    const { shown, each } = assessmentWays(ledgerWith(""), TODAY);
    expect(shown(2026, "区教育局", "沟通率")).toEqual(each(2, "50.0%（1/2）"));
    expect(shown(2026, "区住建局", "沟通率")).toEqual(each(1, "0.0%（0/1）"));
  });

  it("统计表和年度报告的沟通率同样不计启用日期前交办的答复", () => {
    expect(statisticsRate("2026-03-01", "区教育局")).toEqual(Array(5).fill("100.0%"));
    expect(statisticsRate("2026-03-01", "区住建局")).toEqual(Array(5).fill("—"));
    expect(ledgerWith("2026-03-01").view.statistics.total.contactRate).toBe("100.0%");
    expect(statisticsRate("", "区教育局")).toEqual(Array(5).fill("50.0%"));
    expect(ledgerWith("").view.statistics.total.contactRate).toBe("33.3%");
  });
});
