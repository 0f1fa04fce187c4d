import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { serialFromIso } from "../../src/domain/civil-date";
import { call, dashboardDeps, pageText } from "./dashboard-helpers";
import { yearEndOffice } from "./year-end-office";

/*
 * A county office's year's end: synced daily in December, on 1 January, then a 2026 suggestion
 * overdue since 2026 (2026-007) is replied to on 2027-01-05. The report printed for the 主任会议 in
 * January must be printable again in spring with the same figures: /report?year=2026 shows today's
 * figures and offers the year-end ones kept on 1 January, which no later sync changes.
 */

const office = yearEndOffice("2026-007");
const { syncOn, cellOf: cell } = office;

/** The number a KPI of the report page shows (已答复 …). */
function kpi(html: string, label: string): number {
  const m = new RegExp(`<div class="label">${label}</div><div class="value">(\\d+)</div>`).exec(html);
  if (!m) throw new Error(`no KPI ${label} on the page`);
  return Number(m[1]);
}

const YEAR_END_LINK = 'href="/report?year=2026&amp;asOf=year-end"';
const OFFER = "年末数字：截至 2027-01-01 的统计（之后的答复、测评未计入）。";

describe("年度报告：上一年的年末数字保存一份，与今天的数字并列", () => {
  beforeAll(() => office.seed());
  afterAll(() => vi.useRealTimers());

  let yearEndReplied = 0;

  it("12 月 20 日同步：2026 年尚未结束，没有年末数字，也不提供链接", async () => {
    await syncOn("2026-12-20");
    const page = await pageText("/report?year=2026");
    expect(page).not.toContain("年末数字");
    const response = await call("/report?year=2026&asOf=year-end");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("没有保存 2026 年的年末数字（2026 年度尚未结束");
  });

  it("2027-01-01 同步后保存 2026 年的年末数字，页面提供链接", async () => {
    await syncOn("2027-01-01");
    const page = await pageText("/report?year=2026");
    expect(page).toContain(OFFER);
    expect(page).toContain(YEAR_END_LINK);
    expect(page).toContain("查看年末数字");
    yearEndReplied = kpi(page, "已答复");
  });

  it("01-05 答复一件 2026 年的建议、01-06 同步：今天的数字计入，年末数字不计入、仍截至 01-01", async () => {
    vi.useRealTimers();
    const deps = await dashboardDeps();
    await deps.sheets.batchUpdateValues(
      [
        { range: cell("答复日期"), values: [[serialFromIso("2027-01-05")]] },
        { range: cell("答复类别"), values: [["B"]] },
      ],
      "RAW",
    );
    await syncOn("2027-01-06");

    const today = await pageText("/report?year=2026");
    expect(kpi(today, "已答复")).toBe(yearEndReplied + 1);
    expect(today).toContain("统计截至 2027-01-06");
    expect(today).toContain(OFFER);
    expect(today).toContain(YEAR_END_LINK);

    const kept = await pageText("/report?year=2026&asOf=year-end");
    expect(kpi(kept, "已答复")).toBe(yearEndReplied);
    expect(kept).toContain("统计截至 2027-01-01（年末数字）");
    expect(kept).toContain('<a href="/report?year=2026">查看今天的数字</a>');
    // Its exports are the year-end copy's too.
    expect(kept).toContain('href="/exports/report.json?year=2026&amp;asOf=year-end"');
    // The draft's as-of line: the copy's day, no sync time (the page's last sync is not the copy's).
    expect(kept).toContain("初稿 · 统计截至 2027年1月1日（年末数字）</p>");
    expect(kept).toContain("年末数字保存后不再变化");
  });

  it("JSON、CSV、Word 导出带 asOf=year-end 时与年末数字一致并写明口径", async () => {
    const json = (await (await call("/exports/report.json?year=2026&asOf=year-end")).json()) as {
      overall: { replied: number };
      asOfLine: string;
      today: string;
    };
    expect(json.overall.replied).toBe(yearEndReplied);
    expect(json.asOfLine).toBe("统计截至 2027-01-01（年末数字）");
    expect(json.today).toBe("2027-01-01");
    const current = (await (await call("/exports/report.json?year=2026")).json()) as {
      overall: { replied: number };
      asOfLine?: string;
    };
    expect(current.overall.replied).toBe(yearEndReplied + 1);
    expect(current.asOfLine).toBeUndefined();
    const csv = await (await call("/exports/report.csv?year=2026&asOf=year-end")).text();
    expect(csv).toContain("统计口径,统计截至 2027-01-01（年末数字）");
    const docx = unzipSync(
      new Uint8Array(await (await call("/exports/report.docx?year=2026&asOf=year-end")).arrayBuffer()),
    );
    const headerXml = strFromU8(docx["word/header1.xml"] ?? new Uint8Array());
    expect(headerXml).toContain("统计截至 2027年1月1日（年末数字）");
    expect(headerXml).toContain("年末数字保存后不再变化");
  });

  it("之后的同步不覆盖年末数字；没有年末数字的年度说明原因", async () => {
    await syncOn("2027-02-01");
    const kept = await pageText("/report?year=2026&asOf=year-end");
    expect(kpi(kept, "已答复")).toBe(yearEndReplied);
    expect(kept).toContain("统计截至 2027-01-01（年末数字）");
    const none = await call("/exports/report.json?year=2027&asOf=year-end");
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error: { message: string } }).error.message).toContain(
      "没有保存 2027 年的年末数字（2027 年度尚未结束",
    );
    const wrong = await call("/report?year=2026&asOf=2026-12-31");
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("asOf 只能是 year-end（年末数字）");
  });
});
