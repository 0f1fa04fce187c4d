import { describe, expect, it } from "vitest";
import { buildCalendar } from "../../../src/domain/calendar";
import { duplicatedIds } from "../../../src/domain/dashboard/sample-candidates";
import { digestPart, mergeDigest } from "../../../src/domain/figures/digest-part";
import { digestTextOf } from "../../../src/domain/notices/digest";
import { storedLedger, throughJson } from "../figures/parts";
import { type LedgerCells, makeRow, makeTabs, serial } from "../helpers/make-row";

const TODAY = "2026-12-06";
/** The day the 周报 is written for, with the built-in calendar (no 节假日 rows). */
const DAY = { today: TODAY, calendar: buildCalendar() };

/** A suggestion of 区教育局 answered in April and rated 不满意, then assigned again (二次交办). */
const reassigned = (cells: LedgerCells): LedgerCells => ({
  主办单位: "区教育局",
  交办日期: serial("2026-03-02"),
  答复日期: serial("2026-04-15"),
  答复类别: "C",
  满意度: "不满意",
  测评日期: serial("2026-04-20"),
  二次交办日期: serial("2026-05-06"),
  ...cells,
});

const ROWS: LedgerCells[] = [
  // Round 2 answered on 9月28日, not rated yet: the sheet's 答复日期 is 2026-04-15.
  reassigned({
    编号: "2026-042",
    标题: "关于校舍维修的建议",
    二次答复日期: serial("2026-09-28"),
    二次答复类别: "A",
  }),
  // Round 2 unanswered long past its 办理期限.
  reassigned({ 编号: "2026-020", 标题: "关于校车接送的建议" }),
  // Round 1 only: answered, not rated; and one overdue.
  {
    编号: "2026-050",
    标题: "关于老旧小区加装电梯的建议",
    主办单位: "区住建局",
    交办日期: serial("2026-09-01"),
    答复日期: serial("2026-11-20"),
    答复类别: "A",
  },
  { 编号: "2026-060", 标题: "关于背街小巷整治的建议", 主办单位: "区住建局", 交办日期: serial("2026-06-01") },
];

/** The 周报 as the notices run sends it: from each part's stored share, merged (as the sync's finish does). */
function digest(): string {
  const { view, parts } = storedLedger(makeTabs(ROWS.map((r) => makeRow(r))), TODAY);
  const duplicated = duplicatedIds(view.rows);
  const shares = parts(1).map((rows) => throughJson(digestPart(rows, duplicated)));
  return digestTextOf(mergeDigest(shares, view.statistics.total), DAY);
}

const lineOf = (text: string, id: string) => text.split("\n").find((line) => line.includes(id)) ?? "";

describe("督办周报 on suggestions in their second round (二次交办)", () => {
  const text = digest();

  it("calls a second reply's date 二次答复日期, as the sheet's column does, not 答复日期", () => {
    const line = lineOf(text, "2026-042");
    expect(line).toContain("二次答复日期 2026年9月28日");
    expect(line).not.toContain("，答复日期");
  });

  it("marks an overdue second round as 二次交办 in the 已逾期 list", () => {
    expect(lineOf(text, "2026-020")).toMatch(
      /^\d+\. 2026-020《关于校车接送的建议》主办：区教育局，二次交办，办理期限 /,
    );
  });

  it("says nothing of a second round on round-1 suggestions", () => {
    expect(lineOf(text, "2026-050")).toContain("，答复日期 2026年11月20日");
    expect(lineOf(text, "2026-050")).not.toContain("二次");
    expect(lineOf(text, "2026-060")).not.toContain("二次");
  });
});
