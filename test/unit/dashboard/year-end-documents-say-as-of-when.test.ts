import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { reportDocx } from "../../../src/domain/dashboard/report-docx";
import { reportTables } from "../../../src/domain/dashboard/report-tables";
import { yearReport } from "../../../src/domain/dashboard/year-report";
import { asOfLine, mayChangeLine, pendingRounds } from "../../../src/domain/dashboard/year-report-as-of";
import { yearReportTable } from "../../../src/domain/dashboard/year-report-export";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { CommendationsPage } from "../../../src/http/dashboard/assessment-page";
import type { PageFrame } from "../../../src/http/dashboard/layout";
import { ReportPage, syncedAtOf } from "../../../src/http/dashboard/report-page";
import { makeRow, makeTabs, serial } from "../helpers/make-row";
import { REPORT_ROWS } from "./report-fixture";

/** 2027-01-05: two late-2026 suggestions, 交办 on 1 December, are still within their 办理期限. */
const JANUARY = "2027-01-05";
const LATE_ROWS = ["2026-020", "2026-021"].map((id) => ({
  编号: id,
  提出日期: serial("2026-11-20"),
  主办单位: "区交通运输局",
  交办日期: serial("2026-12-01"),
}));
const evaluation = evaluateLedger({
  tabs: makeTabs([...REPORT_ROWS, ...LATE_ROWS].map((cells) => makeRow(cells))),
  today: JANUARY,
});
const report = yearReport(evaluation, 2026);

/** The sync the January figures come from (09:10 in Beijing). */
const frame: PageFrame = {
  lastSync: {
    id: 7,
    trigger: "cron",
    startedAt: "2027-01-05T01:09:30Z",
    finishedAt: "2027-01-05T01:10:02Z",
    outcome: "ok",
    rows: 15,
    cellsWritten: 0,
    sheetsCalls: 3,
    problems: 0,
    error: null,
    summary: null,
  },
  timeZone: "Asia/Shanghai",
  today: JANUARY,
};

const AS_OF = "统计截至 2027年1月5日（数据来自 09:10 的同步）";
const CHANGING_RANKS = "本年度尚有 2 件建议未到办理期限，名次可能变化。";

/** The text of the <article class="print-sheet"> (what print shows), tags removed. */
const printed = (html: string) =>
  (/<article class="print-sheet">([\s\S]*?)<\/article>/.exec(html)?.[1] ?? "").replace(/<[^>]+>/g, "");

describe("年终文件写明统计截至哪天、数据来自哪次同步，名次和数字还会变时说出来", () => {
  it("数出本年度还没到办理期限的建议（逾期的、已答复的不算）", () => {
    expect(pendingRounds(report.overall)).toBe(2);
    expect(asOfLine({ today: JANUARY, syncedAt: syncedAtOf(frame) })).toBe(AS_OF);
    expect(mayChangeLine({ year: 2026, today: "2026-12-20", pending: null }, "名次")).toBe(
      "2026 年度尚未结束，名次可能变化。",
    );
    expect(mayChangeLine({ year: 2026, today: "2027-04-01", pending: 0 }, "名次")).toBeNull();
  });

  it("同步失败或没读台账时，不把那次同步的时间当作数据来源", () => {
    const failed = { ...frame, lastSync: { ...frame.lastSync, outcome: "failed" } } as PageFrame;
    expect(asOfLine({ today: JANUARY, syncedAt: syncedAtOf(failed) })).toBe("统计截至 2027年1月5日");
  });

  it("表彰建议名单（页面和打印）写明统计截至和还可能变的名次", async () => {
    const html = String(
      await CommendationsPage({
        data: { year: 2026, top: 5, units: [], suggestions: [] },
        years: [2026],
        frame,
        asOf: { year: 2026, today: JANUARY, syncedAt: syncedAtOf(frame), pending: 2 },
      }),
    );
    expect(printed(html)).toContain(AS_OF);
    expect(printed(html)).toContain(CHANGING_RANKS);
  });

  it("年度报告页面的正文抬头写明统计截至和还可能变的数字", async () => {
    const html = String(await ReportPage({ report, years: [2026], frame }));
    const docMeta = [...html.matchAll(/<p class="doc-meta">([^<]*)<\/p>/g)].map((m) => m[1]);
    expect(docMeta).toEqual([`初稿 · ${AS_OF}`, "本年度尚有 2 件建议未到办理期限，数字可能变化。"]);
  });

  it("Word 初稿的页眉写明统计截至和还可能变的数字", () => {
    const xml = strFromU8(
      unzipSync(reportDocx(report, new Date(), syncedAtOf(frame)))["word/header1.xml"] ?? new Uint8Array(),
    );
    const paragraphs = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((p) =>
      [...(p[1] ?? "").matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
    );
    expect(paragraphs).toEqual([`初稿　${AS_OF}`, "本年度尚有 2 件建议未到办理期限，数字可能变化。"]);
  });
});

describe("年度报告的 CSV 和附表1 列出同样的承办单位", () => {
  it("本年度没有承办建议的单位（区卫健委）两处都不列，合计不变", () => {
    const appendix = reportTables(report)[0];
    const listed = appendix?.rows.map((r) => r[0]);
    const csvUnits = yearReportTable(report)
      .filter((r) => r[0] === "单位")
      .map((r) => r[1]);
    expect(listed).toEqual(["区教育局", "区住建局", "区交通运输局"]);
    expect(csvUnits).toEqual(listed);
    expect(csvUnits).not.toContain("区卫健委");
  });
});

describe("年度报告页面的下载", () => {
  it("先列工作人员用的 Word、CSV，JSON 排在最后并写明是技术人员用的数据文件", async () => {
    const html = String(await ReportPage({ report, years: [2026], frame }));
    const links = [
      ...html.matchAll(/<a class="button[^"]*" href="\/exports\/([a-z.]+)\?[^"]*">\s*([^<]*?)\s*<\/a>/g),
    ].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ["report.docx", "下载报告初稿（Word）"],
      ["report.csv", "导出 CSV"],
      ["ledger.csv", "导出台账 CSV"],
      ["report.json", "数据文件（JSON，技术人员用）"],
    ]);
  });
});
