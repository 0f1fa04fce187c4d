import { describe, expect, it } from "vitest";
import {
  candidatesOf,
  DUPLICATED,
  drawableOf,
  duplicatedIds,
  sampleCandidates,
  samplingCounts,
} from "../../../src/domain/dashboard/sample-candidates";
import { mergeDrawable, mergeSampling, samplingPart } from "../../../src/domain/figures/sampling-part";
import { FIXTURE_ROWS, TODAY } from "../dashboard/fixture";
import { type LedgerCells, makeRow, makeTabs, serial } from "../helpers/make-row";
import { sampleLedgerTabs } from "../helpers/sample-ledger";
import { PART_SIZES, type StoredLedger, storedLedger, throughJson } from "./parts";

function shares(ledger: StoredLedger, size: number) {
  const duplicated = duplicatedIds(ledger.view.rows);
  return ledger.parts(size).map((p) => throughJson(samplingPart(p, duplicated)));
}

const merged = (ledger: StoredLedger, size: number) => mergeSampling(shares(ledger, size));

/**
 * The suggestions a draw may pick, merged from the parts, against every row: the same list in the
 * same order, so a draw with the same seed picks the same 编号 in every year and in all.
 */
function expectSameCandidates(ledger: StoredLedger, size: number) {
  const drawable = mergeDrawable(shares(ledger, size));
  expect(drawable).toEqual(drawableOf(ledger.view.rows, duplicatedIds(ledger.view.rows)));
  for (const year of [null, ...samplingCounts(ledger.view).years])
    expect(candidatesOf(drawable, year), `${year}, ${size} rows a part`).toEqual(
      sampleCandidates(ledger.view, year),
    );
}

const replied = (id: string, submitted: string, more: LedgerCells = {}): LedgerCells => ({
  编号: id,
  提出日期: serial(submitted),
  主办单位: "区教育局",
  交办日期: serial(`${submitted.slice(0, 4)}-03-02`),
  答复日期: serial(`${submitted.slice(0, 4)}-05-20`),
  答复类别: "A",
  ...more,
});

/**
 * The hand-worked fixture plus: three years of candidates, a 编号 typed on two rows (both left
 * out, even when the rows fall in different parts), a row with no 提出日期 (a candidate in "all"
 * only), and a year (2023) with suggestions but no candidate.
 */
const ROWS: LedgerCells[] = [
  ...FIXTURE_ROWS,
  replied("2024-001", "2024-01-09"),
  replied("2024-002", "2024-02-01", { 主办单位: "区未列局" }),
  replied("2025-050", "2025-01-08"),
  { 编号: "2023-001", 提出日期: serial("2023-01-09"), 审查结果: "不予立案" },
  replied("2026-050", "2026-01-10"),
  replied("2026-050", "2026-01-11", { 标题: "同一编号的另一条建议" }),
  replied("2026-051", "2026-01-12", { 提出日期: "" }),
];

describe("抽样数：各部分合并与全部行算出的一致", () => {
  const ledger = storedLedger(makeTabs(ROWS.map((cells) => makeRow(cells))), TODAY);

  it("手算：各年度可抽数，重复编号的两行都不计，无提出日期的只计入全部", () => {
    expect(samplingCounts(ledger.view)).toEqual({
      years: [2026, 2025, 2024, 2023],
      candidates: { all: 8, 2026: 3, 2025: 2, 2024: 2, 2023: 0 },
    });
  });

  for (const size of PART_SIZES)
    it(`每部分 ${size} 行`, () => {
      expect(merged(ledger, size)).toEqual(samplingCounts(ledger.view));
      expectSameCandidates(ledger, size);
    });

  it("手算：可抽的建议按表中顺序，带主办单位、年度和最近一轮的答复日期；重复编号的两行标明，不可抽取", () => {
    const drawable = mergeDrawable(shares(ledger, 7));
    expect(drawable.slice(-6)).toEqual([
      ["2024-001", "区教育局", 2024, serial("2024-05-20")],
      ["2024-002", "区未列局", 2024, serial("2024-05-20")],
      ["2025-050", "区教育局", 2025, serial("2025-05-20")],
      ["2026-050", "区教育局", 2026, DUPLICATED],
      ["2026-050", "区教育局", 2026, DUPLICATED],
      ["2026-051", "区教育局", null, serial("2026-05-20")],
    ]);
    expect(candidatesOf(drawable, null).map((c) => c.id)).not.toContain("2026-050");
    expect(candidatesOf(drawable, 2024)).toEqual([
      { id: "2024-001", unit: "区教育局" },
      { id: "2024-002", unit: "区未列局" },
    ]);
  });

  it("一个部分里的重复编号也按全表判断", () => {
    const duplicated = duplicatedIds(ledger.view.rows);
    const part = ledger.parts(1).filter((p) => p[0]?.id === "2026-050");
    expect(part).toHaveLength(2);
    for (const p of part) expect(samplingPart(p, duplicated).candidates.all).toBe(0);
  });
});

describe("抽样数：随机台账", () => {
  for (const seed of [1, 7, 2026])
    for (const today of ["2026-06-15", "2027-01-04"])
      it(`种子 ${seed}，${today}`, () => {
        const ledger = storedLedger(sampleLedgerTabs(600, seed), today);
        const expected = samplingCounts(ledger.view);
        for (const size of PART_SIZES) {
          expect(merged(ledger, size)).toEqual(expected);
          expectSameCandidates(ledger, size);
        }
      });

  // Measured: at most 2,004 bytes (1.5–2.0 KB): the years, a count per year, and each candidate's
  // 编号, unit, year and latest 答复日期 as a serial (about 36 bytes; some fifty a part of this
  // sample). Before the 答复日期 was kept (FU2): at most 1,611.
  it("100 行一部分的份额不超过 2 KB", () => {
    const ledger = storedLedger(sampleLedgerTabs(600, 3), "2026-06-15");
    const duplicated = duplicatedIds(ledger.view.rows);
    const sizes = ledger.parts(100).map((p) => JSON.stringify(samplingPart(p, duplicated)).length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2048);
  });
});
