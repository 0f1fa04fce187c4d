/**
 * The year report's stylesheet (/assets/report.css): the draft's text as a document on screen, and
 * for print an A4 page laid out as official documents are (GB/T 9704: margins 37 mm top, 28 mm left,
 * 26 mm right, 35 mm bottom; the title in 小标宋 or 宋体, headings in 黑体, body in 仿宋 三号) with
 * the wide appendix tables on landscape pages. The fonts are the ones offices have under Windows and
 * WPS; a machine without them falls back to its serif (宋体-like) font.
 */
const FANGSONG = `"仿宋_GB2312","FangSong_GB2312","仿宋","FangSong","STFangsong","华文仿宋","宋体","SimSun","Songti SC","Noto Serif CJK SC","Source Han Serif SC",serif`;
const SONGTI = `"方正小标宋简体","FZXiaoBiaoSong-B05S","宋体","SimSun","Songti SC","Noto Serif CJK SC","Source Han Serif SC",serif`;
const HEITI = `"黑体","SimHei","Heiti SC","Noto Sans CJK SC","Source Han Sans SC",sans-serif`;

export const REPORT_CSS = `
.counts{display:flex;flex-wrap:wrap;gap:6px 16px;margin:4px 0}
.report-doc{background:#fff;border:1px solid var(--line);border-radius:8px;padding:28px 40px;margin-bottom:16px;font-family:${FANGSONG};font-size:16px;line-height:1.9}
.report-doc .doc-title{font-family:${SONGTI};font-size:24px;font-weight:normal;text-align:center;margin:4px 0 2px}
.report-doc .doc-meta{text-align:center;color:var(--muted);font-size:14px;margin:0 0 12px}
.report-doc h3{font-family:${HEITI};font-size:16px;font-weight:normal;margin:14px 0 4px}
.report-doc p{text-indent:2em;margin:0}
.doc-note{font-family:${FANGSONG};font-size:14px;text-indent:0;color:var(--muted);margin:8px 0}
.appendix-table{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin-bottom:16px;overflow-x:auto}
.appendix-table h3{font-family:${HEITI};font-size:15px;font-weight:normal;margin:0 0 8px}
table.doc th{white-space:normal}
@page{size:A4 portrait;margin:37mm 26mm 35mm 28mm}
@page wide{size:A4 landscape;margin:20mm 20mm 20mm 20mm}
@media print{
  html,body{background:#fff;color:#000}
  header.top,footer,.sync,.screen-only{display:none!important}
  main{max-width:none;margin:0;padding:0}
  a{color:#000;text-decoration:none}
  .report-doc{border:0;border-radius:0;padding:0;margin:0;font-size:16pt;line-height:28pt}
  .report-doc .doc-title{font-size:22pt;line-height:34pt;margin:0 0 6pt}
  .report-doc .doc-meta{color:#000;font-size:14pt;margin:0 0 16pt}
  .report-doc h3{font-size:16pt;margin:0}
  .report-doc p{orphans:2;widows:2}
  .doc-note{color:#000;font-size:12pt}
  .appendix{break-before:page}
  .appendix-table{border:0;border-radius:0;padding:0;margin:0 0 14pt;overflow:visible;break-inside:auto}
  .appendix-table.wide{page:wide}
  .appendix-table h3{font-size:14pt;text-align:center;margin:0 0 6pt}
  .appendix-table .empty{font-family:${FANGSONG};font-size:12pt;color:#000}
  table.doc{font-family:${FANGSONG};font-size:10pt;line-height:1.35;width:100%}
  table.doc th,table.doc td{border:0.75pt solid #000;padding:2pt 3pt;background:none}
  table.doc th{font-family:${HEITI};font-weight:normal;text-align:center}
  table.doc thead{display:table-header-group}
  table.doc tr{break-inside:avoid}
  table.doc tr.total td{font-weight:bold}
  .small.muted{color:#000}
}
`;
