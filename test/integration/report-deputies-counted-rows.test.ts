import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs/ledger";
import { buildFixture, DEPUTIES, SCENARIOS } from "../support/ledger-fixture";
import { call, pageText, seededAtFixtureTime } from "./dashboard-helpers";

const column = (header: string) => ledgerTab.columns.findIndex((c) => c.header === header);

/** The fixture's first suggestion of a scenario (row i leads with DEPUTIES[i], 40 rows, 40 deputies). */
const firstOf = (status: string) => SCENARIOS.findIndex((s) => s.status === status);
const BROKEN = firstOf("已办结");
/** Leads only the broken suggestion: A, 基本满意, its 答复日期 typed as a date that does not exist. */
const BROKEN_LEAD = DEPUTIES[BROKEN] as string;

/**
 * The fixture's 40 suggestions (its 待交办 ones 立案 with no 主办单位), with 2026-0xx of the 已办结
 * scenario given an 答复日期 that cannot be read (an 错误: 台账状态 已逾期, in the footnote), and the
 * first 待审查 one without 届次, as one submitted through the form.
 */
function tabs() {
  const out = buildFixture(40);
  const ledger = out[TAB_NAMES.ledger] ?? [];
  (ledger[BROKEN + 1] as (string | number)[])[column("答复日期")] = "2026.13.5";
  (ledger[firstOf("待审查") + 1] as (string | number)[])[column("届次")] = "";
  return out;
}

seededAtFixtureTime(tabs());

/** A KPI tile's value, as the page shows it. */
function kpi(html: string, label: string): string {
  const found = new RegExp(`<div class="label">${label}</div><div class="value">([^<]*)</div>`).exec(html);
  expect(found, `${label} on the page`).not.toBeNull();
  return found?.[1] ?? "";
}

describe("有填写错误的建议：年度报告和代表履职档案都不计入已办结（同步后页面读的预算数字）", () => {
  it("领衔代表的页面、档案和导出：领衔办结 0", async () => {
    const page = await pageText(`/deputies/${encodeURIComponent(BROKEN_LEAD)}`);
    expect(page).toContain("已逾期");
    expect(kpi(page, "领衔建议已办结")).toBe("0");
    const csv = await (await call("/exports/deputies.csv")).text();
    // 姓名,代表团,专业小组,领衔,附议,领衔立案,领衔办结,…
    expect(csv).toMatch(new RegExp(`\\r\\n${BROKEN_LEAD},[^,]*,[^,]*,1,2,1,0,`));
  });

  it("年度报告的已办结等于各代表领衔办结之和，正文说出未定主办单位的待交办，不列 0 件的届次", async () => {
    const report = await pageText("/report?year=2026");
    const records = await (await call("/exports/deputies.csv?year=2026")).text();
    const ledClosed = records
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .slice(1)
      .filter(Boolean)
      .reduce((n, line) => n + Number(line.split(",")[6]), 0);
    expect(Number(kpi(report, "已办结"))).toBe(ledClosed);
    expect(report).toContain("注：另有 1 条因填写错误未计入");
    expect(report).toMatch(/另有\d+件尚未确定主办单位、尚未交办。/);
    expect(report).toContain("按届次：十一届四次会议");
    expect(report).not.toContain("未填届次0件");
  });
});
