import type { SheetModel, SpreadsheetModel } from "../types";
import { cssColor } from "./cell-style";
import { type Html, html, raw } from "./html";
import type { GridView } from "./render-grid";

/** Google Sheets' green document mark, drawn inline (no outside assets). */
const LOGO = raw(
  '<svg viewBox="0 0 24 32" width="24" height="32" aria-hidden="true"><path fill="#0f9d58" d="M15 0H2.5A2.5 2.5 0 0 0 0 2.5v27A2.5 2.5 0 0 0 2.5 32h19a2.5 2.5 0 0 0 2.5-2.5V9z"/><path fill="#87ceac" d="M15 0v9h9z"/><path fill="#f1f1f1" d="M5 14h14v11H5zm2 2v2h4v-2zm6 0v2h4v-2zm-6 4v3h4v-3zm6 0v3h4v-3z"/></svg>',
);

function layout(title: string, body: Html, bodyAttrs: Html = raw("")): string {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/_ui/sheet.css">
<link rel="icon" href="data:,">
</head>
<body ${bodyAttrs}>
${body}
</body>
</html>`.text;
}

export function editUrl(spreadsheetId: string, gid?: number): string {
  const base = `/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/edit`;
  return gid === undefined ? base : `${base}?gid=${gid}`;
}

/** The tab bar: visible sheets in order (the open one even when hidden), with their tab colours. */
export function renderTabs(ss: SpreadsheetModel, active: SheetModel): string {
  return ss.sheets
    .filter((sheet) => sheet === active || sheet.extra.hidden !== true)
    .map((sheet) => {
      const colour = cssColor(sheet.extra.tabColor);
      const style = colour ? raw(` style="--tab:${colour}"`) : "";
      const cls = sheet === active ? "tab active" : "tab";
      return html`<a class="${cls}" href="${editUrl(ss.spreadsheetId, sheet.sheetId)}" data-gid="${sheet.sheetId}"${style}>${sheet.title}</a>`
        .text;
    })
    .join("");
}

/** JSON inside a <script> element: "</" must not end the element early. */
function scriptJson(value: unknown): Html {
  return raw(JSON.stringify(value).replaceAll("</", "<\\/"));
}

export function renderSpreadsheetPage(ss: SpreadsheetModel, sheet: SheetModel, grid: GridView): string {
  const body = html`<header class="bar">
  <a class="home" href="/" title="所有表格">${LOGO}</a>
  <div class="doc">
    <h1 class="doc-title">${ss.title}</h1>
    <div class="doc-sub">本机的 Google 表格模拟器 · 表格 ID ${ss.spreadsheetId}</div>
  </div>
  <div class="save" id="save-state" role="status">所有更改都已保存</div>
</header>
<div class="toolbar" role="toolbar" aria-label="工具栏">
  <button type="button" data-action="insert-above" title="在上方插入 1 行">插入行</button>
  <button type="button" data-action="delete-rows" title="删除所选的行">删除行</button>
  <span class="sep" aria-hidden="true"></span>
  <button type="button" data-action="sort-asc" title="对工作表进行排序（A 到 Z）">升序排序</button>
  <button type="button" data-action="sort-desc" title="对工作表进行排序（Z 到 A）">降序排序</button>
</div>
<div class="formula-bar">
  <input id="name-box" class="name-box" readonly aria-label="名称框">
  <span class="fx" aria-hidden="true">fx</span>
  <input id="formula" class="formula" aria-label="公式栏" autocomplete="off">
</div>
<main id="grid-wrap" class="grid-wrap">
  <div id="grid">${raw(grid.html)}</div>
  <textarea id="editor" class="editor" aria-label="单元格内容" spellcheck="false" autocomplete="off"></textarea>
</main>
<footer class="tabbar">
  <button type="button" class="add-sheet" data-action="add-sheet" title="添加工作表" aria-label="添加工作表">+</button>
  <nav id="tabs" class="tabs">${raw(renderTabs(ss, sheet))}</nav>
</footer>
<script type="application/json" id="meta">${scriptJson(grid.meta)}</script>
<script src="/_ui/sheet.js" defer></script>`;
  const attrs = html`data-spreadsheet="${ss.spreadsheetId}" data-gid="${sheet.sheetId}" class="sheet-page"`;
  return layout(`${ss.title} - 表格（本机模拟）`, body, attrs);
}

export function renderListPage(spreadsheets: SpreadsheetModel[]): string {
  const rows = spreadsheets.map(
    (ss) => html`<li><a href="${editUrl(ss.spreadsheetId)}">${LOGO}<span class="name">${ss.title}</span>
<span class="meta">${ss.sheets.length} 个工作表 · ${ss.spreadsheetId}</span></a></li>`,
  );
  const body = html`<header class="bar"><span class="home">${LOGO}</span>
  <div class="doc"><h1 class="doc-title">表格</h1><div class="doc-sub">本机的 Google 表格模拟器（不连接 Google）</div></div>
</header>
<main class="list">
  <h2>最近使用的表格</h2>
  ${spreadsheets.length > 0 ? html`<ul>${rows}</ul>` : html`<p class="empty">还没有表格。运行 npm start 会创建演示表格 demo。</p>`}
  <p class="hint">这里显示的就是 Worker 通过 Sheets API 读写的数据。在表格里输入、粘贴、插入或删除行、排序，都按“有人在 Google 表格里编辑”处理：不占 API 配额，并在请求日志中记为 human。</p>
</main>`;
  return layout("表格 - 本机模拟", body, raw('class="list-page"'));
}

export function renderNotFound(message: string): string {
  return layout(
    "找不到表格",
    html`<header class="bar"><a class="home" href="/">${LOGO}</a><div class="doc"><h1 class="doc-title">${message}</h1>
<div class="doc-sub"><a href="/">返回所有表格</a></div></div></header>`,
  );
}
