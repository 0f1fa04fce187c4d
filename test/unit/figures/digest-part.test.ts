import { describe, expect, it } from "vitest";
import { computeOverview } from "../../../src/domain/dashboard/overview";
import { duplicatedIds } from "../../../src/domain/dashboard/sample-candidates";
import { digestPart, mergeDigest } from "../../../src/domain/figures/digest-part";
import { DIGEST_LIST_MAX, digestFigures } from "../../../src/domain/notices/digest";
import { noticeRows } from "../../../src/domain/notices/plan";
import { FIXTURE_ROWS, TODAY } from "../dashboard/fixture";
import { type LedgerCells, makeRow, makeTabs, serial } from "../helpers/make-row";
import { sampleLedgerTabs } from "../helpers/sample-ledger";
import { PART_SIZES, type StoredLedger, storedLedger, throughJson } from "./parts";

/** More overdue suggestions than a digest lists, due on three days, 编号 in reverse sheet order. */
const OVERDUE: LedgerCells[] = Array.from({ length: DIGEST_LIST_MAX + 8 }, (_, i) => ({
  编号: `2026-${300 - i}`,
  标题: `逾期建议${i}`,
  主办单位: ["区教育局", "区住建局", "区水利局"][i % 3],
  交办日期: serial(["2026-02-02", "2026-02-16", "2026-03-02"][i % 3] as string),
}));

const ROWS: LedgerCells[] = [
  ...FIXTURE_ROWS,
  ...OVERDUE.slice(0, 20),
  // One 编号 on two rows, far apart: a notice names neither, so the digest lists neither.
  { 编号: "2026-150", 标题: "重号之一", 主办单位: "区教育局", 交办日期: serial("2026-02-02") },
  // Replied, not rated yet (待测评), one of them in the second round.
  { 编号: "2026-170", 主办单位: "区住建局", 交办日期: serial("2026-03-02"), 答复日期: serial("2026-05-02") },
  {
    编号: "2026-160",
    主办单位: "区教育局",
    交办日期: serial("2026-01-05"),
    答复日期: serial("2026-02-02"),
    满意度: "不满意",
    测评日期: serial("2026-02-10"),
    二次交办日期: serial("2026-02-12"),
    二次答复日期: serial("2026-04-20"),
  },
  ...OVERDUE.slice(20),
  { 编号: "2026-150", 标题: "重号之二", 主办单位: "区住建局", 交办日期: serial("2026-03-16") },
  // Without a 编号: the sync gives it one (2026-301), so it is named like any other.
  { 编号: "", 主办单位: "区水利局", 交办日期: serial("2026-02-16") },
];

function expectMergedAsWhole({ view, parts }: StoredLedger) {
  const duplicated = duplicatedIds(view.rows);
  const whole = digestFigures(noticeRows(view.rows, duplicated), view.statistics.total, view.rows);
  for (const size of PART_SIZES) {
    const shares = parts(size).map((rows) => throughJson(digestPart(rows, duplicated)));
    expect(mergeDigest(shares, view.statistics.total), `parts of ${size} rows`).toEqual(whole);
  }
  // 台账状态 as the overview counts it: a 编号 on two rows counted twice, though no list names it.
  const overview = computeOverview(view).statusCounts.filter((s) => s.count > 0);
  expect(whole.counts).toEqual(overview.map((s) => [s.status, s.count]));
  return whole;
}

describe("督办周报's figures merged from each part's share", () => {
  const fixture = storedLedger(makeTabs(ROWS.map((r) => makeRow(r))), TODAY);

  it("equals the digest of every row a notice may name: the fixture with a long overdue list", () => {
    const whole = expectMergedAsWhole(fixture);
    expect(whole.overdue.count).toBeGreaterThan(DIGEST_LIST_MAX);
    expect(whole.overdue.shown).toHaveLength(DIGEST_LIST_MAX);
    expect(whole.unrated.shown.map((item) => [item.id, item.repliedOn])).toEqual([
      ["2026-160", "2026-04-20"],
      ["2026-170", "2026-05-02"],
      ["2026-003", "2026-06-12"],
    ]);
  });

  it("orders a list by due date, then 编号, and names no 编号 that two rows hold", () => {
    const whole = expectMergedAsWhole(fixture);
    const shown = whole.overdue.shown;
    const keys = shown.map((item) => `${item.dueDate} ${item.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(shown.map((item) => item.id)).not.toContain("2026-150");
    expect(whole.dueSoon.shown.map((item) => item.id)).toEqual(["2026-004"]);
  });

  for (const seed of [20260615, 7, 42])
    for (const today of ["2026-06-15", "2025-09-30"])
      it(`equals the digest of every row: a sample ledger of 600 rows (seed ${seed}, ${today})`, () => {
        const whole = expectMergedAsWhole(storedLedger(sampleLedgerTabs(600, seed), today));
        expect(whole.counts.length).toBeGreaterThan(3);
      });

  // Measured at most 5,156 characters: a third of the sample's rows are overdue, all of a part's listed.
  it("keeps a 100-row part's share to a few kilobytes", () => {
    const { parts, view } = storedLedger(sampleLedgerTabs(600, 20260615), "2026-06-15");
    const duplicated = duplicatedIds(view.rows);
    const sizes = parts(100).map((rows) => JSON.stringify(digestPart(rows, duplicated)).length);
    expect(Math.max(...sizes)).toBeLessThan(6_000);
  });
});
