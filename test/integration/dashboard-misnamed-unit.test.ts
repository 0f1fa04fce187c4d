import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { emulator } from "../support/emulator-admin";
import { buildFixture } from "../support/ledger-fixture";
import { pageText, SHEET, seededAtFixtureTime } from "./dashboard-helpers";

// The fixture ledger, and one overdue suggestion more whose 主办单位 is typed wrong: 区住建局（城管） is
// no unit of 承办单位 (an 错误 in 校验问题). Alone it would read 0.0% on time, the worst of all.
const tabs = buildFixture(40);
const ledger = tabs[TAB_NAMES.ledger] as (string | number)[][];
const header = ledger[0] as string[];
const overdue = [...(ledger[7] as (string | number)[])]; // the fixture's 7th scenario: 已逾期
overdue[header.indexOf("编号")] = "2026-098";
overdue[header.indexOf("主办单位")] = "区住建局（城管）";
ledger.push(overdue);

seededAtFixtureTime(tabs);

const ROW = "（主办单位有误，见校验问题）";
const TYPED = "区住建局（城管）";
const PROBLEMS_HREF = `/problems?level=${encodeURIComponent("错误")}`;

/** The chart titled `title` in a page (its svg element). */
function chart(page: string, title: string): string {
  const at = page.indexOf(`aria-label="${title}"`);
  expect(at, title).toBeGreaterThan(0);
  return page.slice(at, page.indexOf("</svg>", at));
}

function csvRows(csv: string): string[][] {
  return csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n")
    .map((line) => line.split(","));
}

describe("看板：主办单位填错的建议不作为单位排名、上图或列出", () => {
  it("督办概览：按期答复率较低的单位中没有它；逾期未答复中它在“主办单位有误”一组，链接到校验问题", async () => {
    const page = await pageText("/");
    const slow = chart(page, "按期答复率最低的承办单位");
    expect(slow).not.toContain(TYPED);
    expect(slow).not.toContain(ROW);
    expect(page).toContain(`<a href="${PROBLEMS_HREF}">${ROW}</a>`);
  });

  it("承办单位页和导出：一行“主办单位有误”排在合计之前，不上图；统计表同样", async () => {
    const page = await pageText("/units");
    expect(chart(page, "各承办单位按期答复率")).not.toContain(ROW);
    expect(page).toContain("另有 1 件建议的主办单位不在『承办单位』表中，未列入图中");
    expect(page).not.toContain(TYPED);
    const csv = csvRows(await pageText("/exports/units.csv"));
    expect(csv.map((r) => r[0]).slice(-2)).toEqual([ROW, "合计"]);
    expect(csv.at(-2)?.slice(1, 6)).toEqual(["1", "0", "0.0%", "1", "—"]);
    const statistics = await emulator.getValues(SHEET, TAB_NAMES.statistics);
    const labels = statistics.map((r) => r[0]);
    expect(labels.slice(-2)).toEqual([ROW, "合计"]);
    expect(labels).not.toContain(TYPED);
  });

  it("单位测评：“主办单位有误”一行排在最后，无综合得分、等次和名次，不在排名图中", async () => {
    const page = await pageText("/assessment?year=2026");
    expect(chart(page, "2026 年度各承办单位综合得分")).not.toContain(ROW);
    expect(page).not.toContain(TYPED);
    const csv = csvRows(await pageText("/exports/assessment.csv?year=2026"));
    const body = csv.filter((r) => r[0] === "2026");
    expect(body.at(-1)?.slice(1, 3)).toEqual([ROW, "1"]);
    // No 综合得分, 等次 or 排名: blank cells, not "—" where a number is expected.
    expect(body.at(-1)?.slice(8, 11)).toEqual(["", "", ""]);
  });

  it("年度报告：附表各承办单位办理情况最后一行是“主办单位有误”，不是填错的名称", async () => {
    const page = await pageText("/report?year=2026");
    expect(page).toContain(`<a href="${PROBLEMS_HREF}">${ROW}</a>`);
    expect(page).toContain("另有1件的主办单位填写有误、尚待改正");
    expect(page).not.toContain(`>${TYPED}<`);
  });
});
