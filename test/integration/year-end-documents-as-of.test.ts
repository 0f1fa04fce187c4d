import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { call, pageText, seededAtFixtureTime } from "./dashboard-helpers";

// The fixture syncs on 2026-11-26: 2026 is not over, so its ranking and figures may still move.
seededAtFixtureTime();

// The run's record keeps the real clock's time, which may be another day than the fixture's: then
// the line names that day too.
const AS_OF = /统计截至 2026年11月26日（数据来自 (\d{4}年\d{1,2}月\d{1,2}日 )?\d{2}:\d{2} 的同步）/;
/** The same line on a page's screen, its days written as the page's sync line writes them (今天 2026-11-26). */
const AS_OF_ON_SCREEN = /统计截至 2026-11-26（数据来自 (\d{4}-\d{2}-\d{2} )?\d{2}:\d{2} 的同步）/;

/** The text of the printed sheet of the commendations draft, tags removed. */
const printed = (html: string) =>
  (/<article class="print-sheet">([\s\S]*?)<\/article>/.exec(html)?.[1] ?? "").replace(/<[^>]+>/g, "");

describe("看板：年终文件写明统计截至", () => {
  it("表彰建议名单的打印稿、单位测评页写明统计截至哪天、来自哪次同步，年度未结束时说名次可能变化", async () => {
    const draft = printed(await pageText("/assessment/commendations?year=2026"));
    expect(draft).toMatch(AS_OF);
    expect(draft).toContain("2026 年度尚未结束，名次可能变化。");
    const assessment = await pageText("/assessment?year=2026");
    expect(assessment).toMatch(AS_OF_ON_SCREEN);
    expect(assessment).not.toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
  });

  it("年度报告页面和 Word 初稿的抬头写明统计截至和来自哪次同步", async () => {
    expect(await pageText("/report?year=2026")).toMatch(AS_OF);
    const docx = unzipSync(
      new Uint8Array(await (await call("/exports/report.docx?year=2026")).arrayBuffer()),
    );
    // In the page header, out of the text's way.
    const xml = strFromU8(docx["word/header1.xml"] ?? new Uint8Array());
    expect(xml).toMatch(AS_OF);
    expect(xml).toContain("2026 年度尚未结束");
  });
});
