/** The dashboard's one stylesheet, served from /assets/app.css (the CSP allows no inline style). */
export const APP_CSS = `
:root{--ink:#1f2933;--muted:#616e7c;--line:#d9e2ec;--bg:#f5f7fa;--card:#fff;--brand:#a61b1b;
--danger:#c62828;--warn:#e07b00;--info:#1f6fb2;--ok:#2e7d32;--teal:#00796b;--violet:#6a3d9a;--gray:#7b8794;--field:#7b8794}
*{box-sizing:border-box}
body{margin:0;font:14px/1.6 "PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",system-ui,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--info);text-decoration:none}a:hover{text-decoration:underline}
/*
 * Links inside running text and table cells are underlined (not by colour alone, WCAG 1.4.1: the
 * link blue on the text's ink is 2.79:1); the menu and buttons are not.
 */
main p a:not(.button),main td a:not(.button),main li a:not(.button),main dd a,main .small a:not(.button),main .footnote a{text-decoration:underline;text-underline-offset:2px}
.skip{position:absolute;left:-9999px;top:0}
.skip:focus{left:12px;top:8px;z-index:10;background:#fff;color:var(--ink);padding:6px 14px;border:2px solid var(--info);border-radius:4px}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
header.top{background:var(--brand);color:#fff}
header.top .bar{max-width:1240px;margin:0 auto;padding:10px 20px;display:flex;align-items:center;gap:24px;flex-wrap:wrap}
header.top .brand{font-size:18px;font-weight:600;color:#fff;letter-spacing:1px}
nav.main{display:flex;gap:4px;flex-wrap:wrap}
nav.main a{color:#fde8e8;padding:4px 10px;border-radius:4px}
nav.main a.on,nav.main a:hover{background:rgba(255,255,255,.18);color:#fff;text-decoration:none}
header.top .who{margin-left:auto;font-size:13px;color:#fde8e8;display:flex;gap:8px;align-items:center}
header.top .who button{background:none;border:1px solid #f3c4c4;color:#fff;border-radius:4px;padding:1px 8px;cursor:pointer;font:inherit}
main{max-width:1240px;margin:0 auto;padding:16px 20px 40px}
h1{font-size:22px;margin:8px 0 4px}h2{font-size:16px;margin:0 0 10px}
.sub{color:var(--muted);margin:0 0 16px;font-size:13px}
.sync{font-size:13px;color:var(--muted);margin-bottom:14px}
.sync .failed{color:var(--danger);font-weight:600}
.grid{display:grid;gap:16px}
.cols-2{grid-template-columns:repeat(auto-fit,minmax(min(420px,100%),1fr))}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin-bottom:16px;overflow-x:auto}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(132px,100%),1fr));gap:12px;margin-bottom:16px}
.kpi{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.kpi .label{color:var(--muted);font-size:13px}.kpi .value{font-size:24px;font-weight:600}
.kpi .note{color:var(--muted);font-size:13px}
.kpi.danger .value{color:var(--danger)}.kpi.warn .value{color:#a35a00}.kpi.ok .value{color:var(--ok)}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:#eef2f7;font-weight:600;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.total td{font-weight:600;background:#fafbfc}
.badge{display:inline-block;padding:0 8px;border-radius:10px;font-size:13px;line-height:21px;white-space:nowrap;background:#e4e7eb;color:var(--ink)}
.badge.danger{background:#fde0e0;color:var(--danger)}.badge.warn{background:#fff0d9;color:#a35a00}
.badge.info{background:#e0efff;color:var(--info)}.badge.ok{background:#e3f4e4;color:#1b5e20}
.badge.teal{background:#dff3f0;color:var(--teal)}.badge.violet{background:#eee5f7;color:var(--violet)}
.badge.gray{background:#eceff2;color:var(--muted)}
.muted{color:var(--muted)}.small{font-size:13px}.nowrap{white-space:nowrap}
.empty{color:var(--muted);padding:8px 0}
.alert{border-radius:6px;padding:10px 14px;margin-bottom:16px;border:1px solid}
.alert.danger{background:#fdecec;border-color:#f5b5b5;color:#7f1d1d}
.alert.warn{background:#fff6e5;border-color:#f3d19b;color:#7a4a00}
.alert.ok{background:#eaf6eb;border-color:#b6dfb9;color:#1b5e20}
.alert.info{background:#e8f2fd;border-color:#b3d4f5;color:#0d3c6e}
.alert p{margin:0}
dl.fields{display:grid;grid-template-columns:140px 1fr;margin:0}
dl.fields dt{color:var(--muted);padding:5px 0;border-bottom:1px solid var(--line)}
dl.fields dd{margin:0;padding:5px 0;border-bottom:1px solid var(--line);white-space:pre-wrap;word-break:break-word}
dd.unreadable{color:var(--danger)}
ol.timeline{list-style:none;margin:0;padding:0 0 0 14px;border-left:2px solid var(--line)}
ol.timeline li{position:relative;padding:0 0 12px 12px}
ol.timeline li::before{content:"";position:absolute;left:-21px;top:6px;width:10px;height:10px;border-radius:50%;background:var(--info)}
ol.timeline li.notice::before{background:var(--warn)}ol.timeline li.milestone::before{background:var(--ok)}
ol.timeline .when{color:var(--muted);font-size:13px}
form.inline{display:inline}
form.panel{display:grid;grid-template-columns:120px minmax(0,360px);gap:10px 12px;align-items:center}
form.panel .full{grid-column:1/-1}
form.sign-in{display:flex;gap:8px;align-items:center;margin-top:10px;flex-wrap:wrap}
form.sign-in input{width:220px}
input[type=text],input[type=number],input[type=password],input[type=search],select{font:inherit;padding:5px 8px;border:1px solid var(--field);border-radius:4px;width:100%}
/* Wide enough for its placeholder (编号、标题、代表、单位或领导), with its word 搜索 before it. */
label.search{display:inline-flex;align-items:center;gap:6px}
.actions label.search input{width:17em;max-width:100%}
button,.button{font:inherit;background:var(--info);color:#fff;border:0;border-radius:4px;padding:6px 14px;cursor:pointer;display:inline-block}
button.danger{background:var(--danger)}button.small{padding:2px 10px;font-size:13px}
.button.light{background:#eef2f7;color:var(--ink)}
.actions{display:flex;gap:8px;flex-wrap:wrap;margin:8px 0;align-items:center}
.actions select{width:auto;min-width:160px}
.page-note{color:var(--muted);font-size:13px;margin:10px 0 0}
svg.chart{display:block;max-width:100%;height:auto}
svg.chart text{font-size:13px;fill:var(--ink);font-family:inherit}
svg.chart text.value{fill:var(--muted)}
svg.chart .track{fill:#eef2f7}
.fill-danger{fill:var(--danger)}.fill-warn{fill:var(--warn)}.fill-info{fill:var(--info)}.fill-ok{fill:var(--ok)}
.fill-teal{fill:var(--teal)}.fill-violet{fill:var(--violet)}.fill-gray{fill:var(--gray)}
.fill-a{fill:#2e7d32}.fill-b{fill:#1f6fb2}.fill-c{fill:#e07b00}.fill-d{fill:var(--gray)}
.legend{display:flex;gap:14px;flex-wrap:wrap;font-size:13px;color:var(--muted);margin-top:6px}
.legend svg{vertical-align:middle;margin-right:4px}
svg.chart.narrow{display:none}
svg.chart.narrow text{font-size:15px}
svg.chart .hit{fill:transparent}
footer{max-width:1240px;margin:0 auto;padding:0 20px 30px;color:var(--muted);font-size:13px}
.error-page{max-width:640px;margin:60px auto;background:#fff;border:1px solid var(--line);border-radius:8px;padding:24px 28px}
.error-page .code{color:var(--muted);font-size:13px}
body.lk{font-size:16px;background:var(--bg)}
.lk-top{background:var(--brand);color:#fff;padding:12px 16px}
.lk-brand{color:#fff;font-weight:600;font-size:17px}
/* A link page's text breaks where it must (a title ending in 。。。。。。, a long address) rather than widen a 320 px page. */
.lk-main{max-width:720px;margin:0 auto;padding:12px 12px 32px;overflow-wrap:anywhere}
.lk-banner{background:#fff8e6;border:1px solid #f3d19b;color:#5c3b00;border-radius:8px;padding:10px 12px;font-size:14px;margin:0 0 12px}
.lk-foot{max-width:720px;margin:0 auto;padding:0 12px 24px;color:var(--muted);font-size:14px}
.lk h1{font-size:20px;margin:4px 0 8px}.lk h2{font-size:17px;margin:18px 0 8px}
.lk-list{list-style:none;margin:0;padding:0}
.lk-item{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 12px;margin-bottom:10px}
.lk-item a.lk-title{display:block;font-weight:600;color:var(--ink);margin:2px 0 4px;overflow-wrap:anywhere}
.lk-meta{color:var(--muted);font-size:14px;display:flex;flex-wrap:wrap;gap:4px 12px;align-items:center}
.lk-counts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(96px,100%),1fr));gap:8px;margin:8px 0 12px}
.lk-counts .kpi .value{font-size:22px}
.lk-counts a.lk-tile{display:block;color:var(--ink);text-decoration:none}.lk-counts a.lk-tile .kpi{height:100%;box-sizing:border-box}
.lk-counts a.lk-tile .label::after{content:" ›"}.lk-counts a.lk-tile:hover .kpi,.lk-counts a.lk-tile:focus-visible .kpi{border-color:var(--info);box-shadow:0 0 0 1px var(--info)}
.lk dl.fields{grid-template-columns:96px 1fr;font-size:15px}
.lk-form{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px;margin:12px 0}
.lk-form label.field,.lk-form legend.field{display:block;margin:12px 0 4px;font-weight:600;padding:0}
.lk-form fieldset{border:0;margin:0;padding:0;min-width:0}
.lk-form .hint{color:var(--muted);font-size:14px;margin:2px 0 6px;font-weight:400}
.lk-form textarea,.lk-form input[type=text],.lk-form input[type=date],.lk-form select{font:inherit;font-size:16px;width:100%;padding:8px;border:1px solid #b8c4d0;border-radius:6px;background:#fff}
.lk-form textarea{min-height:120px}
.lk-form select[multiple]{min-height:160px}
.lk-form input[type=file]{font-size:15px;width:100%}
.lk-choices{display:grid;gap:6px}
.lk-choices label{display:flex;gap:8px;align-items:flex-start;padding:8px;border:1px solid var(--line);border-radius:6px;background:#fafbfc}
.lk-choices input{margin-top:4px}
.lk-form button,.lk-button{display:block;width:100%;font-size:17px;padding:11px 14px;margin-top:14px;border-radius:6px;text-align:center}
.lk-button{background:var(--info);color:#fff}
.lk-back{display:inline-block;margin:4px 0 8px}
.lk-error{color:var(--danger);font-weight:600}
.lk-more{background:#fff;border:1px solid var(--line);border-radius:8px;margin:10px 0}
.lk-more>summary{cursor:pointer;padding:12px;font-weight:600;font-size:16px;list-style-position:inside}
.lk-more[open]>summary{border-bottom:1px solid var(--line)}
.lk-more .lk-form{border:0;margin:0}
.lk-form .row2{display:grid;grid-template-columns:1fr 1fr;gap:0 10px}
.lk .badge{font-size:13px}
.lk-need{font-weight:400;color:var(--muted)}.lk-need.req{color:var(--ink)}
.lk-field-error{color:var(--danger);font-weight:600;margin:4px 0 0}
.lk-form [aria-invalid=true]{border:2px solid var(--danger);border-radius:6px}
.lk-form fieldset[aria-invalid=true]{padding:6px}
.lk-summary:focus{outline:3px solid var(--danger);outline-offset:2px}
.lk-summary ul{margin:4px 0 0;padding-left:20px}.lk-summary a{color:inherit;text-decoration:underline}
.pre{white-space:pre-wrap;word-break:break-word;margin:0}
@media (min-width:720px){.lk-main{padding:20px}}
.footnote{margin:6px 0 10px}
details.breakdown{border-bottom:1px solid var(--line);padding:6px 0}details.breakdown summary{cursor:pointer}
table.breakdown{width:auto;min-width:min(100%,420px);margin:6px 0 4px}
/*
 * A wide table (TableScroll in ui.tsx) scrolls in a box of its own no taller than the screen, so its
 * sideways scrollbar is in view (at 150 % zoom a card's own was 25 rows down), its heading row stays at
 * the top and its unit or 编号 column at the left. A shadow at the right edge shows there is more (a
 * cover scrolled with the content hides it at the end: no script needed), and /assets/tables.js shows
 * the line .table-hint when the table is wider than its box.
 */
.table-hint{display:none;margin:0 0 4px;font-size:13px;color:var(--muted)}
.table-wrap.wide>.table-hint{display:block}
.table-scroll{max-height:70vh;overflow:auto;margin-bottom:8px;background:linear-gradient(to left,#fff 20px,rgba(255,255,255,0)) 100% 0/40px 100% no-repeat local,radial-gradient(farthest-side at 100% 50%,rgba(31,41,51,.3),rgba(31,41,51,0)) 100% 0/14px 100% no-repeat scroll,#fff}
.table-scroll:focus-visible{outline:2px solid var(--info);outline-offset:2px}
.table-scroll thead th{position:sticky;top:0;z-index:2;box-shadow:inset 0 -1px 0 var(--line)}
.table-scroll.name-first td:first-child,.table-scroll.name-first th:first-child{position:sticky;left:0;z-index:1;background:#fff;box-shadow:inset -1px 0 0 var(--line)}
.table-scroll.name-first thead th:first-child{z-index:3;background:#eef2f7}
.table-scroll.name-first tr.total td:first-child{background:#fafbfc}
/*
 * Phones (企业微信's and 钉钉's in-app browsers, 375 px wide): one column, a compact header whose menu
 * wraps (two lines at 360 px, three at 320: every item in sight, none hidden past the screen's edge),
 * touch targets of 40 px at least, and the lists of suggestions and notices (table.stack) as one card
 * a row: a cell without a data-label (编号, 标题) on a line of its own, the others after their column's name, so 台账状态 and 办理期限 are on the screen without swiping. 600 px leaves tablets (768 px) as desktops.
 * A table whose heading line is not its first column (校验问题: the problem, then 行号 and 列) is
 * table.stack.headed with that cell td.head, moved first.
 */
@media (max-width:600px){
header.top .bar{padding:0 12px;gap:0 8px}
header.top .brand{font-size:16px;line-height:40px}
header.top .who{order:1;min-width:0}
header.top .who span{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
header.top .who a,header.top .who button{display:inline-flex;align-items:center;min-height:40px;padding:0 12px}
nav.main{order:2;flex:0 0 100%;flex-wrap:wrap;gap:0 2px}
nav.main a{white-space:nowrap;line-height:40px;padding:0 6px}
main{padding:10px 12px 32px}
footer{padding:0 12px 24px}
h1{font-size:19px}
.card{padding:12px}
dl.fields{grid-template-columns:88px 1fr}
ol.timeline li{overflow-wrap:anywhere}
.actions a{display:inline-flex;align-items:center;min-height:40px}
button,.button,.actions select{min-height:40px}
button.small{min-height:40px;padding:0 12px}
form.actions select{flex:1 1 40%;min-width:0}
form.actions label.search{flex:1 1 60%;min-width:0}
form.actions label.search input{flex:1 1 auto;width:auto;min-width:0}
input[type=search]{min-height:40px;font-size:16px}
input[type=text],input[type=number],input[type=password],select{min-height:40px;font-size:16px}
svg.chart.wide{display:none}
svg.chart.narrow{display:block}
table.stack thead{display:none}
.table-scroll{max-height:none}
.table-scroll.name-first td:first-child{position:static;box-shadow:none}
table.stack,table.stack tbody,table.stack tr{display:block}
table.stack tr{border-bottom:1px solid var(--line);padding:4px 0 8px}
table.stack tr:last-child{border-bottom:0}
table.stack td{display:inline-block;border:0;padding:0;margin-right:14px;vertical-align:middle;max-width:100%;overflow-wrap:anywhere}
table.stack td:empty{display:none}
table.stack td:not([data-label]){display:block;margin:0 0 2px}
table.stack td:first-child{font-weight:600}
table.stack td[data-label]::before{content:attr(data-label) "　";color:var(--muted);font-size:13px;font-weight:400}
table.stack td a{display:inline-block;padding:10px 0;min-height:40px}
table.stack td a.button{display:inline-flex;align-items:center;padding:0 12px;margin:4px 0}
table.stack.headed tr{display:flex;flex-wrap:wrap;align-items:center}
table.stack.headed td:first-child{font-weight:400}
table.stack.headed td:not([data-label]){flex:0 0 100%}
table.stack.headed td.head{order:-1;font-weight:600}
}
/*
 * Paper (a leader's printout): A4 as /report prints; the menu, the buttons and the page's own
 * screen-only parts (.no-print) left off; the sync line kept and in black, because the figures on
 * paper are relative (剩余 12 天, 逾期 194 天) and say nothing without the day they were counted on.
 * A filter form the heading already speaks for (/suggestions, /assessment's 年度) is .no-print; a
 * search typed in it is said by a .print-only line instead.
 * A card holding a wide table (TableScroll: /units' 16 columns, /assessment's 12, /deputies) prints
 * on a landscape page of its own (@page landscape, as /report's appendix tables do): a 主任会议
 * handout reads a unit's figures along one line in type of 10 pt, where portrait A4 (186 mm) would
 * need 8 pt and headings broken into three lines. Its headings may wrap (二次逾期未答复 in two lines).
 * A folded <details> (各单位得分构成) prints open: ::details-content in Chromium 131+, and
 * /assets/print.js opens them on beforeprint for older browsers.
 */
@page{size:A4;margin:15mm 12mm}
@page landscape{size:A4 landscape;margin:12mm}
.print-only{display:none}
@media print{
body{background:#fff}
header,nav,.no-print,button,.button{display:none!important}
main{max-width:none;padding:0}
.sync{color:#000}
.page-note{color:#000;font-weight:600}
footer{padding:0}
tr{break-inside:avoid}
.print-sheet{font-family:"FangSong","仿宋","STFangsong",serif}
.print-sheet h1,.print-sheet h2{font-family:"SimSun","宋体","STSong",serif}
.table-scroll{max-height:none;overflow:visible;background:none}
.table-scroll thead th,.table-scroll.name-first td:first-child,.table-scroll.name-first th:first-child{position:static;box-shadow:none}
.table-hint{display:none!important}
.skip{display:none}
.print-only{display:block}
h1,h2,h3{break-after:avoid}
.card{overflow:visible;break-inside:auto}
.card:has(.table-scroll){page:landscape}
main:has(>.card:last-of-type .table-scroll)+footer{page:landscape}
table{font-size:10pt;line-height:1.35}
th{white-space:normal;vertical-align:bottom}
th,td{padding:2pt 4pt}
thead{display:table-header-group}
details::details-content{content-visibility:visible;display:block}
details>summary{list-style:none;font-weight:600}
details>summary::-webkit-details-marker{display:none}
details.breakdown{break-inside:avoid}
.card:has(>details.breakdown){columns:2;column-gap:10mm}
.card:has(>details.breakdown)>h2{column-span:all}
table.breakdown{width:100%;min-width:0}
}
`;
