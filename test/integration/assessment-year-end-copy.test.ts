import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { serialFromIso } from "../../src/domain/civil-date";
import { call, dashboardDeps, pageText } from "./dashboard-helpers";
import { yearEndOffice } from "./year-end-office";

/*
 * 单位测评 at a year's end: the 表彰 (先进承办单位) of 2026 is decided on the figures of 1 January,
 * while 2026's ranking keeps moving as its rows are rated in January (explorer BC: 区城管局 好 →
 * 较好 between January and April). /assessment?year=2026 shows today's score and offers the
 * year-end one kept on 1 January; its CSV and the commendations draft follow.
 */

// 2026-008: 区城管局's, replied A on 2026-05-20 and not rated (待测评).
const office = yearEndOffice("2026-008");
const { syncOn, cellOf: cell } = office;
const UNIT = "区城管局";

/** The unit's 综合得分 as the page's breakdown states it (“3. 区城管局：综合得分 89.8（较好）”). */
function score(html: string, unit = UNIT): string {
  const m = new RegExp(`\\d+\\. ${unit}：综合得分 (\\d+\\.\\d)（`).exec(html);
  if (!m) throw new Error(`no 综合得分 of ${unit} on the page`);
  return m[1] ?? "";
}

/** The unit's line of the CSV. */
function csvLine(csv: string, unit = UNIT): string {
  const line = csv.split(/\r?\n/).find((l) => l.startsWith(`2026,${unit},`));
  if (!line) throw new Error(`no line of ${unit} in the CSV`);
  return line;
}

const OFFER = "年末数字：截至 2027-01-01 的测评（之后的答复、测评未计入）。";
const YEAR_END_LINK = 'href="/assessment?year=2026&amp;asOf=year-end"';

describe("单位测评：上一年的年末数字保存一份，与今天的数字并列", () => {
  beforeAll(() => office.seed());
  afterAll(() => vi.useRealTimers());

  let yearEndScore = "";

  it("12 月 20 日同步：2026 年尚未结束，没有年末数字", async () => {
    await syncOn("2026-12-20");
    const page = await pageText("/assessment?year=2026");
    expect(page).not.toContain("年末数字");
    const response = await call("/assessment?year=2026&asOf=year-end");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("没有保存 2026 年的年末数字（2026 年度尚未结束");
  });

  it("2027-01-01 同步后保存 2026 年的测评，页面提供年末数字的链接", async () => {
    await syncOn("2027-01-01");
    const page = await pageText("/assessment?year=2026");
    expect(page).toContain(OFFER);
    expect(page).toContain(YEAR_END_LINK);
    expect(page).toContain("查看年末数字");
    yearEndScore = score(page);
  });

  it("01-05 测评一件 2026 年的建议、01-06 同步：今天的得分变了，年末数字仍是 01-01 的", async () => {
    vi.useRealTimers();
    const deps = await dashboardDeps();
    await deps.sheets.batchUpdateValues(
      [
        { range: cell("满意度"), values: [["不满意"]] },
        { range: cell("测评日期"), values: [[serialFromIso("2027-01-05")]] },
      ],
      "RAW",
    );
    await syncOn("2027-01-06");

    const today = await pageText("/assessment?year=2026");
    expect(score(today)).not.toBe(yearEndScore);
    expect(today).toContain("统计截至 2027-01-06");
    expect(today).toContain(OFFER);
    expect(today).toContain(YEAR_END_LINK);

    const kept = await pageText("/assessment?year=2026&asOf=year-end");
    expect(score(kept)).toBe(yearEndScore);
    expect(kept).toContain("统计截至 2027-01-01（年末数字）");
    expect(kept).toContain("年末数字保存后不再变化");
    expect(kept).toContain('<a href="/assessment?year=2026">查看今天的数字</a>');
    // Its CSV and commendations draft are the year-end copy's too.
    expect(kept).toContain('href="/exports/assessment.csv?year=2026&amp;asOf=year-end"');
    expect(kept).toContain('href="/assessment/commendations?year=2026&amp;asOf=year-end"');

    const draft = await pageText("/assessment/commendations?year=2026&asOf=year-end");
    expect(draft).toContain("统计截至 2027年1月1日（年末数字）");
    expect(draft).toContain(`<td>${UNIT}</td>`);
    expect(draft).toContain('href="/assessment?year=2026&amp;asOf=year-end"');
    const draftToday = await pageText("/assessment/commendations?year=2026");
    expect(draftToday).toContain(OFFER);
  });

  it("CSV 带 asOf=year-end 时与年末数字一致并写明口径", async () => {
    const response = await call("/exports/assessment.csv?year=2026&asOf=year-end");
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get("content-disposition") ?? "")).toContain(
      "2026年度承办单位测评-年末数字-2027-01-01.csv",
    );
    const kept = await response.text();
    expect(csvLine(kept)).toContain(`,${yearEndScore},`);
    expect(kept).toContain("统计口径：统计截至 2027-01-01（年末数字）");
    const current = await (await call("/exports/assessment.csv?year=2026")).text();
    expect(csvLine(current)).not.toContain(`,${yearEndScore},`);
    expect(current).not.toContain("年末数字");
  });

  it("之后的同步不覆盖年末数字；今年没有年末数字，说明原因", async () => {
    await syncOn("2027-02-01");
    expect(score(await pageText("/assessment?year=2026&asOf=year-end"))).toBe(yearEndScore);
    const none = await call("/exports/assessment.csv?year=2027&asOf=year-end");
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error: { message: string } }).error.message).toContain(
      "没有保存 2027 年的年末数字（2027 年度尚未结束",
    );
    const page = await call("/assessment?year=2027&asOf=year-end");
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("今天的数字见 /assessment?year=2027");
    const wrong = await call("/assessment?year=2026&asOf=2026-12-31");
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("asOf 只能是 year-end（年末数字）");
  });
});
