import { describe, expect, it } from "vitest";
import {
  computeOverview,
  DUE_SOON_SHOWN,
  OVERDUE_SHOWN_PER_UNIT,
  overviewAsShown,
} from "../../../src/domain/dashboard/overview";
import { mergeOverview, overviewPart } from "../../../src/domain/figures/overview-part";
import type { SummaryRow } from "../../../src/domain/summary/summary-row";
import { FIXTURE_ROWS, TODAY } from "../dashboard/fixture";
import { type LedgerCells, makeRow, makeTabs, serial } from "../helpers/make-row";
import { sampleLedgerTabs } from "../helpers/sample-ledger";
import { practiceTabs } from "../practice/helpers";
import { PART_SIZES, type StoredLedger, storedLedger, throughJson } from "./parts";

/** The row of 主办单位 that are no unit of 承办单位, as leaders read it. */
const MISNAMED_UNITS = "（主办单位有误，见校验问题）";

/** Units of the overdue rows: two listed, one typed only in the ledger (no unit), one with a trailing space. */
const OVERDUE_UNITS = ["区教育局", "区住建局", "区水利局", "区住建局 "];

/**
 * Overdue suggestions spread over the sheet (the units take turns), due on one of three days, so
 * that days overdue tie and 编号 (given in reverse sheet order) break the ties.
 */
const OVERDUE: LedgerCells[] = Array.from({ length: 22 }, (_, i) => ({
  编号: `2026-${300 - i}`,
  标题: `逾期建议${i}`,
  主办单位: OVERDUE_UNITS[i % OVERDUE_UNITS.length],
  交办日期: serial(["2026-02-02", "2026-02-16", "2026-03-02"][i % 3] as string),
}));

/** More suggestions due soon than the overview shows, due on a few days (ties again). */
const DUE_SOON: LedgerCells[] = Array.from({ length: DUE_SOON_SHOWN + 6 }, (_, i) => ({
  编号: `2026-${500 - i}`,
  标题: `即将到期建议${i}`,
  主办单位: OVERDUE_UNITS[i % 2],
  交办日期: serial(["2026-03-16", "2026-03-17", "2026-03-18", "2026-03-20"][i % 4] as string),
}));

const ROWS: LedgerCells[] = [
  ...FIXTURE_ROWS,
  ...OVERDUE.slice(0, 11),
  ...DUE_SOON.slice(0, 13),
  // One 编号 on two overdue rows of one unit, due the same day: the earlier row stays first.
  { 编号: "2026-150", 标题: "重号之一", 主办单位: "区教育局", 交办日期: serial("2026-02-16") },
  { 编号: "2026-150", 标题: "重号之二", 主办单位: "区教育局", 交办日期: serial("2026-02-16") },
  // 重点建议 out of 编号 order, one 编号 twice.
  { 编号: "2026-160", 标题: "重点之一", 重点建议: "是", 督办领导: "刘主任" },
  { 编号: "2026-140", 重点建议: "是" },
  { 编号: "2026-160", 标题: "重点之二", 重点建议: "是" },
  // Without a 编号: the sync gives it the next one (2026-501), and it counts like any other.
  { 编号: "", 审查结果: "" },
  ...OVERDUE.slice(11),
  ...DUE_SOON.slice(13),
];

/** 延期申请 of the lead unit, two awaiting a decision (pending), one decided. */
const EXTENSIONS = [
  { 编号: "2026-495", 申请日期: "2026-04-01", 申请单位: "区住建局", 理由: "需统筹资金" },
  { 编号: "2026-300", 申请日期: "2026-04-02", 申请单位: "区教育局", 理由: "需统筹资金" },
  {
    编号: "2026-299",
    申请日期: "2026-04-01",
    申请单位: "区住建局",
    理由: "需统筹资金",
    审批结果: "同意",
    审批日期: "2026-04-03",
    审批人: "刘振华主任",
  },
];

const fixture = storedLedger(
  makeTabs(
    ROWS.map((r) => makeRow(r)),
    practiceTabs({ extensions: EXTENSIONS }),
  ),
  TODAY,
);

/** The same ledger with each row edited alike in the whole view and in every part. */
function edited(ledger: StoredLedger, edit: (row: SummaryRow) => SummaryRow): StoredLedger {
  return {
    view: { ...ledger.view, rows: ledger.view.rows.map(edit) },
    parts: (size) => ledger.parts(size).map((rows) => rows.map(edit)),
  };
}

/** A row whose 主办单位 reads blank (a stored row can be overdue without one; evaluation never makes it so). */
function withoutLeadUnit(id: string) {
  return (row: SummaryRow): SummaryRow =>
    row.id === id
      ? { ...row, record: Object.create(row.record, { leadUnit: { value: "", enumerable: true } }) }
      : row;
}

function expectMergedAsWhole({ view, parts }: StoredLedger) {
  const { rows: _rows, ...small } = view;
  const whole = overviewAsShown(computeOverview(view));
  for (const size of PART_SIZES) {
    const shares = parts(size).map((rows) => throughJson(overviewPart(rows, view.today)));
    expect(mergeOverview(shares, small), `parts of ${size} rows`).toEqual(whole);
  }
  return whole;
}

describe("督办概览 merged from each part's share", () => {
  it("equals the overview of every row: the fixture with crowded lists", () => {
    const whole = expectMergedAsWhole(fixture);
    // The fixture reaches the cases it is here for.
    const crowded = whole.overdueByUnit.filter((g) => g.count > OVERDUE_SHOWN_PER_UNIT);
    expect(crowded.map((g) => g.unit).sort()).toEqual(["区住建局", "区教育局"].sort());
    // 区水利局 is no unit of 承办单位: its overdue suggestions are the one group of such names, last.
    expect(whole.overdueByUnit.map((g) => g.unit)).not.toContain("区水利局");
    expect(whole.overdueByUnit.at(-1)?.unit).toBe(MISNAMED_UNITS);
    expect(whole.dueSoonCount).toBeGreaterThan(DUE_SOON_SHOWN);
    expect(whole.dueSoon).toHaveLength(DUE_SOON_SHOWN);
    expect(whole.keySuggestions.map((r) => r.title).slice(-2)).toEqual(["重点之一", "重点之二"]);
    expect(whole.pendingExtensions.map((r) => r.id)).toEqual(["2026-300", "2026-495"]);
  });

  it("breaks ties in days overdue by 编号, and keeps a 编号 on two rows in sheet order", () => {
    const whole = expectMergedAsWhole(fixture);
    const education = whole.overdueByUnit.find((g) => g.unit === "区教育局");
    const shown = education?.items.map((r) => [r.daysLeft, r.id, r.title]);
    expect(education?.count).toBe(9);
    expect(shown).toEqual([
      [-40, "2026-288", "逾期建议12"],
      [-40, "2026-300", "逾期建议0"],
      [-28, "2026-150", "重号之一"],
      [-28, "2026-150", "重号之二"],
      [-28, "2026-284", "逾期建议16"],
    ]);
  });

  it("lists an overdue row without 主办单位 under （未填主办单位）", () => {
    const whole = expectMergedAsWhole(edited(fixture, withoutLeadUnit("2026-297")));
    expect(whole.overdueByUnit.find((g) => g.unit === "（未填主办单位）")?.items.map((r) => r.id)).toEqual([
      "2026-297",
    ]);
  });

  it("lists every suggestion whose 延期申请 awaits a decision, in sheet order", () => {
    const pending = 32;
    const flagged = (ids: readonly string[]) => (row: SummaryRow) =>
      row.id && ids.includes(row.id) ? { ...row, practice: row.practice | pending } : row;
    const whole = expectMergedAsWhole(edited(fixture, flagged(["2026-001", "2026-281"])));
    expect(whole.pendingExtensions.map((r) => r.id)).toEqual([
      "2026-001",
      "2026-300",
      "2026-495",
      "2026-281",
    ]);
  });

  for (const seed of [20260615, 7, 42])
    for (const today of ["2026-06-15", "2025-09-30"])
      it(`equals the overview of every row: a sample ledger of 600 rows (seed ${seed}, ${today})`, () => {
        expectMergedAsWhole(storedLedger(sampleLedgerTabs(600, seed), today));
      });

  // Measured at most 8,323 characters: the sample has a third of its rows overdue, five a unit listed.
  it("keeps a 100-row part's share to a few kilobytes", () => {
    const { parts, view } = storedLedger(sampleLedgerTabs(600, 20260615), "2026-06-15");
    const sizes = parts(100).map((rows) => JSON.stringify(overviewPart(rows, view.today)).length);
    expect(Math.max(...sizes)).toBeLessThan(9_000);
  });
});
