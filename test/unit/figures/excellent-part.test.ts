import { describe, expect, it } from "vitest";
import { assessmentYears } from "../../../src/domain/evaluation/assessment-view";
import { excellentSuggestions } from "../../../src/domain/evaluation/commendations";
import { excellentPart, mergeExcellent } from "../../../src/domain/figures/excellent-part";
import type { SummaryRow } from "../../../src/domain/summary/summary-row";
import { FIXTURE_ROWS, TODAY } from "../dashboard/fixture";
import { type LedgerCells, makeRow, makeTabs, serial } from "../helpers/make-row";
import { sampleLedgerTabs } from "../helpers/sample-ledger";
import { PART_SIZES, type StoredLedger, storedLedger, throughJson } from "./parts";

/** 优秀建议 of three years, out of 编号 order, one 编号 on two rows, one without a 编号 (the sync gives one). */
const ROWS: LedgerCells[] = [
  ...FIXTURE_ROWS,
  { 编号: "2026-020", 标题: "二〇二六优秀之一", 优秀建议: "是" },
  { 编号: "2024-003", 提出日期: serial("2024-02-01"), 优秀建议: "是" },
  { 编号: "2025-002", 提出日期: serial("2025-03-01"), 优秀建议: "否" },
  { 编号: "2026-011", 优秀建议: "是", 主办单位: "区教育局", 交办日期: serial("2026-03-02") },
  { 编号: "2025-009", 提出日期: serial("2025-03-01"), 优秀建议: "是" },
  { 编号: "2026-020", 标题: "二〇二六优秀之二", 优秀建议: "是" },
  { 编号: "", 优秀建议: "是" },
  // A 提出日期 that cannot be read: no year, in no list.
  { 编号: "2026-030", 提出日期: "不是日期", 优秀建议: "是" },
  { 编号: "2025-004", 提出日期: serial("2025-12-30"), 优秀建议: "是" },
];

/** What the finish stores: each year's 优秀建议, for every year that has suggestions. */
function wholeOf(view: StoredLedger["view"]) {
  return Object.fromEntries(assessmentYears(view).map((year) => [year, excellentSuggestions(view, year)]));
}

function expectMergedAsWhole({ view, parts }: StoredLedger) {
  const years = assessmentYears(view);
  const whole = wholeOf(view);
  for (const size of PART_SIZES) {
    const shares = parts(size).map((rows) => throughJson(excellentPart(rows, view.today)));
    expect(mergeExcellent(shares, years), `parts of ${size} rows`).toEqual(whole);
  }
  return whole;
}

/** Every seventh row of the sample marked 优秀建议 (its sheet has no such column). */
function everySeventhExcellent({ view, parts }: StoredLedger): StoredLedger {
  const mark = (row: SummaryRow): SummaryRow =>
    row.rowNumber % 7 === 0
      ? { ...row, record: Object.create(row.record, { excellent: { value: true, enumerable: true } }) }
      : row;
  return {
    view: { ...view, rows: view.rows.map(mark) },
    parts: (size) => parts(size).map((rows) => rows.map(mark)),
  };
}

describe("优秀建议 by year merged from each part's share", () => {
  it("equals each year's list of every row: the fixture", () => {
    const whole = expectMergedAsWhole(storedLedger(makeTabs(ROWS.map((r) => makeRow(r))), TODAY));
    const titled = (year: number) => whole[year]?.map((r) => `${r.id} ${r.title}`);
    expect(Object.keys(whole)).toEqual(["2024", "2025", "2026"]);
    expect(Object.values(whole).flatMap((list) => list.map((r) => r.id))).not.toContain("2026-030");
    expect(titled(2025)).toEqual([
      "2025-004 关于加快推进柏庄镇卫生院建设的建议",
      "2025-009 关于加快推进柏庄镇卫生院建设的建议",
    ]);
    expect(titled(2026)?.slice(0, 3)).toEqual([
      "2026-011 关于加快推进柏庄镇卫生院建设的建议",
      "2026-020 二〇二六优秀之一",
      "2026-020 二〇二六优秀之二",
    ]);
  });

  it("gives an empty list for a year no part has", () => {
    const { view, parts } = storedLedger(makeTabs(ROWS.map((r) => makeRow(r))), TODAY);
    const shares = parts(7).map((rows) => throughJson(excellentPart(rows, view.today)));
    expect(mergeExcellent(shares, [2030])).toEqual({ 2030: [] });
  });

  for (const seed of [20260615, 7, 42])
    for (const today of ["2026-06-15", "2025-09-30"])
      it(`equals each year's list of every row: a sample ledger of 600 rows (seed ${seed}, ${today})`, () => {
        const whole = expectMergedAsWhole(
          everySeventhExcellent(storedLedger(sampleLedgerTabs(600, seed), today)),
        );
        expect(Object.values(whole).flat().length).toBeGreaterThan(50);
      });

  // Measured at most 2,945 characters with every seventh row marked (an office marks a handful a year).
  it("keeps a 100-row part's share to a few kilobytes", () => {
    const { parts, view } = everySeventhExcellent(
      storedLedger(sampleLedgerTabs(600, 20260615), "2026-06-15"),
    );
    const sizes = parts(100).map((rows) => JSON.stringify(excellentPart(rows, view.today)).length);
    expect(Math.max(...sizes)).toBeLessThan(3_500);
  });
});
