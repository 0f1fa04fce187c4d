import { describe, expect, it } from "vitest";
import { buildCalendar } from "../../../src/domain/calendar";
import { computeOverview } from "../../../src/domain/dashboard/overview";
import { duplicatedIds } from "../../../src/domain/dashboard/sample-candidates";
import { digestFigures, digestTextOf } from "../../../src/domain/notices/digest";
import { noticeRows } from "../../../src/domain/notices/plan";
import { storedLedger } from "../figures/parts";
import { makeRow, makeTabs } from "../helpers/make-row";

const TODAY = "2026-06-15";
/** The day the 周报 is written for, with the built-in calendar (no 节假日 rows). */
const DAY = { today: TODAY, calendar: buildCalendar() };
const base = { 审查结果: "立案", 主办单位: "区住建局" };

/**
 * A 交办日期 typed ahead (the day of a planned 交办会, a 提醒 on the row): whatever 台账状态 the status
 * rules give such a row, the 周报 says what the sheet's 台账状态 and the overview say of it.
 */
describe("督办周报 on a suggestion whose 交办日期 is after today", () => {
  const { view } = storedLedger(
    makeTabs([
      makeRow({ ...base, 编号: "2026-001", 标题: "下周交办", 交办日期: "2026-06-22" }),
      makeRow({ ...base, 编号: "2026-002", 标题: "上周交办", 交办日期: "2026-06-08" }),
      makeRow({ 编号: "2026-003", 标题: "尚未交办", 审查结果: "立案" }),
    ]),
    TODAY,
  );
  const text = digestTextOf(
    digestFigures(noticeRows(view.rows, duplicatedIds(view.rows)), view.statistics.total, view.rows),
    DAY,
  );

  it("counts it under the 台账状态 the overview and the sheet show", () => {
    const overview = computeOverview(view).statusCounts.filter((s) => s.count > 0);
    const sheet = view.rows.find((r) => r.id === "2026-001")?.computed.status;
    expect(text.split("\n")[1]).toBe(
      `台账状态：${overview.map((s) => `${s.status} ${s.count} 件`).join("，")}。`,
    );
    expect(overview.find((s) => s.status === sheet)?.count).toBeGreaterThan(0);
  });

  it("names it in none of the lists: it is not due soon, overdue or awaiting a rating", () => {
    expect(text).not.toContain("下周交办");
  });
});
