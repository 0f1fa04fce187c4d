import {
  type PageSetup,
  pageWidth,
  paragraph,
  type RunStyle,
  run,
  sectionProperties,
  table,
} from "../docx/ooxml";
import { buildDocx, FOOTER_REL } from "../docx/package";
import { reportNarrative } from "./report-narrative";
import { reportTables } from "./report-tables";
import type { YearReport } from "./year-report";
import { asOfLine, mayChangeLine, reportAsOf } from "./year-report-as-of";

/**
 * The 代表建议办理情况报告 as a Word draft: the text of reportNarrative in 公文 layout (A4, margins of
 * GB/T 9704, title in 方正小标宋简体 二号, headings in 黑体 三号, body in 仿宋_GB2312 三号 at a fixed
 * 28 pt line, page numbers “— 1 —”), then the appendix tables on landscape pages. Built from the
 * report's figures only, so it costs what the report page costs plus a few kilobytes of zipping.
 */

const FANGSONG = "仿宋_GB2312";
const HEITI = "黑体";
const KAITI = "楷体_GB2312";
const TITLE = "方正小标宋简体";
const SONGTI = "宋体";

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt, 小五 9 pt. */
const SIZE = { 二号: 44, 三号: 32, 四号: 28, 小四: 24, 五号: 21, 小五: 18 } as const;
const LINE_28PT = 560;

const body: RunStyle = { font: FANGSONG, size: SIZE.三号 };
const heading: RunStyle = { font: HEITI, size: SIZE.三号 };

const mm = (n: number) => Math.round(n * 56.7);
const PORTRAIT: PageSetup = {
  landscape: false,
  top: mm(37),
  right: mm(26),
  bottom: mm(35),
  left: mm(28),
  footer: FOOTER_REL,
};
const LANDSCAPE: PageSetup = {
  landscape: true,
  top: mm(25),
  right: mm(20),
  bottom: mm(25),
  left: mm(20),
  footer: FOOTER_REL,
};

const text = (t: string) => paragraph(run(t, body), { align: "both", indentChars: 2, lineExact: LINE_28PT });

function narrativeXml(report: YearReport, syncedAt: string | null): string {
  const n = reportNarrative(report);
  // The draft goes round in January while the year's last suggestions still fall due: it says as
  // of when, and that its figures may still change (year-report-as-of.ts).
  const changing = mayChangeLine(reportAsOf(report), "数字");
  const metaLines = [`初稿　${asOfLine({ today: report.today, syncedAt })}`, ...(changing ? [changing] : [])];
  const parts = [
    paragraph(run(n.title, { font: TITLE, size: SIZE.二号 }), { align: "center", lineExact: 700, after: 0 }),
    ...metaLines.map((line, i) =>
      paragraph(run(line, { font: KAITI, size: i === 0 ? SIZE.三号 : SIZE.四号 }), {
        align: "center",
        lineExact: LINE_28PT,
        after: i === metaLines.length - 1 ? LINE_28PT : 0,
      }),
    ),
  ];
  for (const s of n.sections) {
    parts.push(paragraph(run(s.heading, heading), { indentChars: 2, lineExact: LINE_28PT, keepNext: true }));
    for (const p of s.paragraphs) parts.push(text(p));
  }
  for (const note of n.notes)
    parts.push(
      paragraph(run(note, { font: FANGSONG, size: SIZE.四号 }), { lineExact: LINE_28PT, before: 240 }),
    );
  return parts.join("");
}

function appendixXml(report: YearReport): string {
  const width = pageWidth(LANDSCAPE);
  const cell: RunStyle = { font: FANGSONG, size: SIZE.小五 };
  const head: RunStyle = { font: HEITI, size: SIZE.小五 };
  return reportTables(report)
    .map((t, i) => {
      const title = paragraph(run(t.title, { font: HEITI, size: SIZE.四号 }), {
        align: "center",
        before: i === 0 ? 0 : 360,
        after: 120,
        keepNext: true,
      });
      if (t.rows.length === 0)
        return title + paragraph(run(t.empty, { font: FANGSONG, size: SIZE.小四 }), { align: "center" });
      const rows = t.total ? [...t.rows, t.total] : t.rows;
      const bold = t.total ? new Set([rows.length - 1]) : undefined;
      return (
        title +
        table({
          header: t.header,
          rows,
          figuresFrom: t.figuresFrom,
          width,
          text: cell,
          head,
          boldRows: bold,
        }) +
        // Word needs a paragraph between two tables, or it joins them.
        paragraph("", { lineExact: 240 })
      );
    })
    .join("");
}

const FOOTER = paragraph(
  `${run("— ", { font: SONGTI, size: SIZE.四号 })}<w:fldSimple w:instr=" PAGE ">${run("1", { font: SONGTI, size: SIZE.四号 })}</w:fldSimple>${run(" —", { font: SONGTI, size: SIZE.四号 })}`,
  { align: "center" },
);

/** The document's body: the text (portrait section), then the appendix tables (landscape section). */
export function reportDocumentBody(report: YearReport, syncedAt: string | null = null): string {
  // The portrait section ends with a paragraph that carries its properties; the body's last
  // <w:sectPr> describes the landscape section after it.
  const endOfText = paragraph("", {}, sectionProperties(PORTRAIT));
  return `${narrativeXml(report, syncedAt)}${endOfText}${appendixXml(report)}${sectionProperties(LANDSCAPE)}`;
}

/**
 * The .docx file of the year's report; `syncedAt`: the sync its figures come from (local
 * "YYYY-MM-DD HH:MM"), said under the title with the day they are counted to.
 */
export function reportDocx(
  report: YearReport,
  now: Date,
  syncedAt: string | null = null,
): Uint8Array<ArrayBuffer> {
  const title = reportNarrative(report).title;
  return buildDocx({
    body: reportDocumentBody(report, syncedAt),
    footer: FOOTER,
    title,
    bodyFont: FANGSONG,
    bodySize: SIZE.三号,
    now,
    fonts: [
      { name: FANGSONG, altName: "仿宋" },
      { name: KAITI, altName: "楷体" },
      { name: TITLE, altName: SONGTI },
      { name: HEITI },
      { name: SONGTI },
    ],
  });
}
