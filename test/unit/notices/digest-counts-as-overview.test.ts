import { describe, expect, it } from "vitest";
import { buildCalendar } from "../../../src/domain/calendar";
import { computeOverview } from "../../../src/domain/dashboard/overview";
import { duplicatedIds } from "../../../src/domain/dashboard/sample-candidates";
import { digestPart, mergeDigest } from "../../../src/domain/figures/digest-part";
import { type DigestFigures, digestFigures, digestTextOf } from "../../../src/domain/notices/digest";
import { noticeRows } from "../../../src/domain/notices/plan";
import { PART_SIZES, type StoredLedger, storedLedger, throughJson } from "../figures/parts";
import { type LedgerCells, makeRow, makeTabs } from "../helpers/make-row";

const TODAY = "2026-06-15";
/** The day the 周报 is written for, with the built-in calendar (no 节假日 rows). */
const DAY = { today: TODAY, calendar: buildCalendar() };
const base = { 审查结果: "立案", 主办单位: "区住建局", 交办日期: "2026-01-12" };
/** Replied on time, rated 满意: 已办结. */
const closed = { ...base, 答复日期: "2026-02-11", 答复类别: "A", 满意度: "满意", 测评日期: "2026-02-20" };

const ROWS: LedgerCells[] = [
  { ...closed, 编号: "2026-001", 标题: "已办结之一" },
  // One 编号 on two rows, both 已办结: the overview and the sheet count both.
  { ...closed, 编号: "2026-080", 标题: "重号之一" },
  { ...base, 编号: "2026-010", 标题: "逾期之一" },
  // 满意度 without 答复日期: an 错误 in a counted field, so 统计 leaves it out; still 已逾期.
  { ...base, 编号: "2026-039", 标题: "填错之一", 满意度: "满意" },
  { ...closed, 编号: "2026-080", 标题: "重号之二" },
];

/** Two more rows sharing a 编号, both overdue: counted in 台账状态, named by no list. */
const OVERDUE_PAIR: LedgerCells[] = [
  { ...base, 编号: "2026-090", 标题: "逾期重号之一", 主办单位: "区教育局" },
  { ...base, 编号: "2026-090", 标题: "逾期重号之二" },
];

function ledgerOf(rows: LedgerCells[]): StoredLedger {
  return storedLedger(makeTabs(rows.map((cells) => makeRow(cells))), TODAY);
}

/** The digest's figures as the figure step works them out from every row (no parts' shares). */
function fromRows({ view }: StoredLedger): DigestFigures {
  return digestFigures(noticeRows(view.rows, duplicatedIds(view.rows)), view.statistics.total, view.rows);
}

/** The digest's figures as the finish stores them: each part's share, merged. */
function fromShares({ view, parts }: StoredLedger, size: number): DigestFigures {
  const duplicated = duplicatedIds(view.rows);
  const shares = parts(size).map((rows) => throughJson(digestPart(rows, duplicated)));
  return mergeDigest(shares, view.statistics.total);
}

/** The overview's 台账状态 chart, as the 周报 words it. */
function overviewStatusLine({ view }: StoredLedger): string {
  const counts = computeOverview(view).statusCounts.filter((s) => s.count > 0);
  return `台账状态：${counts.map((s) => `${s.status} ${s.count} 件`).join("，")}。`;
}

const lines = (figures: DigestFigures) => digestTextOf(figures, DAY).split("\n");

describe("督办周报's 台账状态, as the overview counts it", () => {
  const ledger = ledgerOf(ROWS);

  it("counts both rows of a 编号 typed twice, as the overview does", () => {
    const [, status] = lines(fromRows(ledger));
    expect(status).toBe("台账状态：已逾期 2 件，已办结 3 件。");
    expect(status).toBe(overviewStatusLine(ledger));
  });

  it("says the rows with an 错误 are left out of 统计's figures only, and lists them still", () => {
    const text = lines(fromRows(ledger));
    expect(text[0]).toBe(
      "截至 2026年6月15日：承办 4 件，已答复 3 件，按期答复率 75.0%，逾期未答复 1 件，满意率 100.0%。" +
        "另有 1 条因填写错误未计入以上统计，下面的台账状态和名单仍计入（见『校验问题』）。",
    );
    expect(text).toContain("已逾期（2 件）：");
    expect(text.some((line) => line.includes("2026-039《填错之一》"))).toBe(true);
  });

  it("says how many suggestions a list leaves out for a 编号 typed twice", () => {
    const withPair = ledgerOf([...ROWS, ...OVERDUE_PAIR]);
    const text = lines(fromRows(withPair));
    expect(text[1]).toBe(
      "台账状态：已逾期 4 件，已办结 3 件。其中 2 件因编号重复未列入下面的名单，请按『校验问题』改正编号。",
    );
    expect(text[1]).toContain(overviewStatusLine(withPair));
    expect(text).toContain("已逾期（2 件）：");
    expect(text.join("\n")).not.toContain("2026-090");
  });

  it("says the same from the parts' stored shares as from every row", () => {
    for (const rows of [ROWS, [...ROWS, ...OVERDUE_PAIR]]) {
      const whole = ledgerOf(rows);
      const text = digestTextOf(fromRows(whole), DAY);
      for (const size of PART_SIZES)
        expect(digestTextOf(fromShares(whole, size), DAY), `parts of ${size} rows`).toBe(text);
    }
  });
});
