import {
  documentGrid,
  type PageSetup,
  pageWidth,
  paragraph,
  type RunStyle,
  run,
  type StyleDefinition,
  sectionProperties,
  table,
} from "../docx/ooxml";
import { buildDocx, FOOTER_REL, HEADER_REL } from "../docx/package";
import { type Narrative, reportNarrative } from "./report-narrative";
import { type ReportTable, reportTables } from "./report-tables";
import type { YearReport } from "./year-report";
import { asOfLine, mayChangeLine, reportAsOf, yearEndKeptLine } from "./year-report-as-of";

/**
 * The 代表建议办理情况报告 as a Word draft: the text of reportNarrative in 公文 layout (A4, margins of
 * GB/T 9704, a grid of 22 lines × 28 characters, title in 方正小标宋简体 二号, 主送机关, headings
 * in 黑体 三号 as 标题 1, body in 仿宋 三号 at a fixed 28 pt line, 附件说明, 落款 and 成文日期,
 * page numbers “— 1 —”), then the appendix tables on landscape pages. As of when the figures are
 * counted is said in the page header, which staff delete once, not in the text. Built from the
 * report's figures only, so it costs what the report page costs plus a few kilobytes of zipping.
 */

// 仿宋 and 楷体 (FangSong, KaiTi) ship with Windows; 仿宋_GB2312 and 楷体_GB2312 do not, and Word
// on a stock Windows 10/11 may set a missing face in 宋体 (it does not reliably take the font
// table's altName, and 仿宋, 楷体 and 黑体 share one PANOSE). GB/T 9704-2012 asks for 仿宋体 and
// 楷体, not their GB2312 builds; the GB2312 names stay as altName, which WPS honours.
const FANGSONG = "仿宋";
const HEITI = "黑体";
const KAITI = "楷体";
const TITLE = "方正小标宋简体";
const SONGTI = "宋体";

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt, 小五 9 pt. */
const SIZE = { 二号: 44, 三号: 32, 四号: 28, 小四: 24, 五号: 21, 小五: 18 } as const;
const LINE_28PT = 560;

const body: RunStyle = { font: FANGSONG, size: SIZE.三号 };
const heading: RunStyle = { font: HEITI, size: SIZE.三号 };

const mm = (n: number) => Math.round(n * 56.7);
const PORTRAIT_MARGINS = {
  landscape: false,
  top: mm(37),
  right: mm(26),
  bottom: mm(35),
  left: mm(28),
} as const;
/**
 * The text's pages: GB/T 9704 has 22 lines of 28 characters of 三号 (the document's default size).
 * 28 of them are 2 mm wider than the 156 mm line: Word and WPS close them up by the grid's
 * charSpace; LibreOffice (7.4) cannot, and sets each in two cells of the grid (wide spacing there).
 * The header (as of when) shows on the appendix's pages too: that section names none of its own.
 * The tables' pages keep no grid: it is the text's, of 三号 characters.
 */
const PORTRAIT: PageSetup = {
  ...PORTRAIT_MARGINS,
  header: HEADER_REL,
  footer: FOOTER_REL,
  grid: documentGrid(PORTRAIT_MARGINS, 22, 28, SIZE.三号),
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

/**
 * 一、 headings (标题 1, outline level 1) and （一） ones (标题 2, level 2, for staff to use) in the
 * 公文 faces: Word's navigation pane and table of contents list them. Not bold, which a heading
 * style of Word or LibreOffice would be.
 */
const HEADING_LINE = { indentChars: 2, lineExact: LINE_28PT, keepNext: true } as const;
const HEADING_STYLES: readonly StyleDefinition[] = [
  {
    id: "Heading1",
    name: "heading 1",
    paragraph: { ...HEADING_LINE, outlineLevel: 0 },
    run: { ...heading, bold: false },
  },
  {
    id: "Heading2",
    name: "heading 2",
    paragraph: { ...HEADING_LINE, outlineLevel: 1 },
    run: { font: KAITI, size: SIZE.三号, bold: false },
  },
];

/**
 * GB/T 9704-2012 7.3: title, a blank line, 主送机关 顶格; the opening sentence and the text; 附件说明
 * a line below, 左空二字, later attachments under the first's number; 落款 a line below, 发文机关署名
 * 右空二字 and 成文日期 under it (as for a document not sealed: staff set the seal's layout).
 */
function narrativeXml(n: Narrative): string {
  const parts = [
    paragraph(run(n.title, { font: TITLE, size: SIZE.二号 }), {
      align: "center",
      lineExact: 700,
      after: LINE_28PT,
    }),
    paragraph(run(n.addressee, body), { lineExact: LINE_28PT }),
    text(n.opening),
  ];
  for (const s of n.sections) {
    parts.push(paragraph(run(s.heading, heading), { ...HEADING_LINE, style: "Heading1" }));
    for (const p of s.paragraphs) parts.push(text(p));
  }
  for (const note of n.notes)
    parts.push(
      paragraph(run(note, { font: FANGSONG, size: SIZE.四号 }), { lineExact: LINE_28PT, before: 240 }),
    );
  n.attachments.forEach((name, i) => {
    const line = `${i === 0 ? "附件：" : ""}${i + 1}. ${name}`;
    parts.push(
      i === 0
        ? paragraph(run(line, body), { indentChars: 2, lineExact: LINE_28PT, before: LINE_28PT })
        : // Under the first one's number: 左空二字 and 附件：.
          paragraph(run(line, body), { leftChars: 5, lineExact: LINE_28PT }),
    );
  });
  const signed = { align: "right", rightChars: 2, lineExact: LINE_28PT } as const;
  parts.push(
    paragraph(run(n.signature, body), { ...signed, before: LINE_28PT }),
    paragraph(run(n.dated, body), signed),
  );
  return parts.join("");
}

/**
 * The draft goes round in January while the year's last suggestions still fall due: it says as of
 * when, and that its figures may still change (year-report-as-of.ts), in the page header, where it
 * is in no clerk's way and goes with one deletion.
 */
function headerXml(report: YearReport, syncedAt: string | null, yearEnd: boolean): string {
  const changing = yearEnd
    ? yearEndKeptLine(reportAsOf(report), "数字")
    : mayChangeLine(reportAsOf(report), "数字");
  const asOf = asOfLine({ today: report.today, syncedAt, ...(yearEnd ? { yearEnd: report.year } : {}) });
  const lines = [`初稿　${asOf}`, ...(changing ? [changing] : [])];
  return lines
    .map((line) => paragraph(run(line, { font: KAITI, size: SIZE.五号 }), { align: "center" }))
    .join("");
}

function appendixXml(tables: readonly ReportTable[]): string {
  const width = pageWidth(LANDSCAPE);
  const cell: RunStyle = { font: FANGSONG, size: SIZE.小五 };
  const head: RunStyle = { font: HEITI, size: SIZE.小五 };
  return tables
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
export function reportDocumentBody(
  report: YearReport,
  tables: readonly ReportTable[] = reportTables(report),
  narrative: Narrative = reportNarrative(report, tables),
): string {
  // The portrait section ends with a paragraph that carries its properties; the body's last
  // <w:sectPr> describes the landscape section after it.
  const endOfText = paragraph("", {}, sectionProperties(PORTRAIT));
  return `${narrativeXml(narrative)}${endOfText}${appendixXml(tables)}${sectionProperties(LANDSCAPE)}`;
}

/**
 * The .docx file of the year's report; `syncedAt`: the sync its figures come from (local
 * "YYYY-MM-DD HH:MM"), said under the title with the day they are counted to; `yearEnd`: the report
 * is the copy kept at the year's end (page-figures.ts yearEndCopies), its header says so.
 */
export function reportDocx(
  report: YearReport,
  now: Date,
  syncedAt: string | null = null,
  yearEnd = false,
): Uint8Array<ArrayBuffer> {
  const tables = reportTables(report);
  const narrative = reportNarrative(report, tables);
  return buildDocx({
    body: reportDocumentBody(report, tables, narrative),
    header: headerXml(report, syncedAt, yearEnd),
    footer: FOOTER,
    styles: HEADING_STYLES,
    title: narrative.title,
    bodyFont: FANGSONG,
    bodySize: SIZE.三号,
    now,
    fonts: [
      { name: FANGSONG, altName: "仿宋_GB2312" },
      { name: KAITI, altName: "楷体_GB2312" },
      { name: TITLE, altName: SONGTI },
      { name: HEITI },
      { name: SONGTI },
    ],
  });
}
