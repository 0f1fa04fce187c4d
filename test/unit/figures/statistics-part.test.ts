import { describe, expect, it } from "vitest";
import { mergeStatistics, statisticsPart } from "../../../src/domain/figures/statistics-part";
import { FIXTURE_ROWS, TODAY } from "../dashboard/fixture";
import { type LedgerCells, makeRow, makeTabs, serial } from "../helpers/make-row";
import { sampleLedgerTabs } from "../helpers/sample-ledger";
import { PART_SIZES, storedLedger, throughJson } from "./parts";

/** The row of 主办单位 that are no unit of 承办单位, as leaders read it. */
const MISNAMED_UNITS = "（主办单位有误，见校验问题）";

/** The fixture, plus names typed only in the ledger (twice, in two spellings) and an excluded row. */
const ROWS: LedgerCells[] = [
  ...FIXTURE_ROWS,
  { 编号: "2026-010", 主办单位: "区文旅局", 类别: "新类别", 交办日期: serial("2026-03-02") },
  {
    编号: "2026-011",
    主办单位: "区文旅局 ",
    交办日期: serial("2026-03-02"),
    答复日期: serial("2026-03-20"),
    答复类别: "B",
  },
  { 编号: "2026-012", 主办单位: "区教育局", 交办日期: serial("2026-03-02"), 答复日期: serial("2026-02-20") },
  {
    编号: "2026-013",
    主办单位: "区第九局",
    交办日期: serial("2026-05-02"),
    答复日期: serial("2026-05-20"),
    答复类别: "A",
  },
];

describe("统计 merged from each part's share", () => {
  const cases = [
    {
      name: "the hand-worked fixture with unlisted units",
      ledger: storedLedger(makeTabs(ROWS.map((r) => makeRow(r))), TODAY),
    },
    ...[20260615, 7, 42].map((seed) => ({
      name: `a sample ledger of 600 rows (seed ${seed})`,
      ledger: storedLedger(sampleLedgerTabs(600, seed), seed === 7 ? "2025-09-30" : "2026-06-15"),
    })),
  ];

  for (const { name, ledger } of cases)
    it(`equals the statistics of every row: ${name}`, () => {
      for (const size of PART_SIZES) {
        const shares = ledger.parts(size).map((rows) => throughJson(statisticsPart(rows, ledger.view.today)));
        expect(mergeStatistics(shares, ledger.view)).toEqual(ledger.view.statistics);
      }
    });

  it("lists the lead units not in 承办单位 as one row after the directory's units, and counts them in 合计", () => {
    const { view, parts } = cases[0]?.ledger ?? expect.unreachable();
    const merged = mergeStatistics(
      parts(1).map((rows) => statisticsPart(rows, view.today)),
      view,
    );
    const labels = merged.byUnit.map((r) => r.label);
    expect(labels).toEqual(["区教育局", "区住建局", "区卫健委", "区交通运输局", MISNAMED_UNITS]);
    // 区文旅局 (two spellings) and 区第九局.
    expect(merged.byUnit.at(-1)?.assigned).toBe(3);
    expect(merged.total.assigned).toBe(merged.byUnit.reduce((n, r) => n + r.assigned, 0));
    expect(merged.total.excluded).toBe(1);
  });

  it("keeps a 100-row part's share to a few kilobytes", () => {
    const { parts, view } = cases[1]?.ledger ?? expect.unreachable();
    const sizes = parts(100).map((rows) => JSON.stringify(statisticsPart(rows, view.today)).length);
    expect(Math.max(...sizes)).toBeLessThan(4_000);
  });
});
