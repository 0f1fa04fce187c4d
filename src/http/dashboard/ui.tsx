import { html } from "hono/html";
import type { Child, FC } from "hono/jsx";
import type { Calendar } from "../../domain/calendar";
import {
  listTitle,
  refClearedNote,
  refDueText,
  type SuggestionRef,
} from "../../domain/dashboard/suggestion-ref";
import { daysLeftText, EVERY_NAME_A_UNIT, href, type IsUnit, statusTone, type Tone } from "./format";

/**
 * Markup for the rows of long lists (a page of the suggestions list, a deputy's 170 cards): hono's
 * tagged template escapes each value as JSX does, at about a sixth of the CPU of building and
 * walking JSX elements (docs/benchmarks.md), which the Free plan's 10 ms a page needs.
 */
export const badgeHtml = (tone: Tone, content: Child) => html`<span class="badge ${tone}">${content}</span>`;

export const Badge: FC<{ tone: Tone; children: Child }> = ({ tone, children }) => badgeHtml(tone, children);

export const statusBadgeHtml = (status: string) =>
  status ? badgeHtml(statusTone(status), status) : html`<span class="muted">—</span>`;

export const StatusBadge: FC<{ status: string }> = ({ status }) => statusBadgeHtml(status);

export const Kpi: FC<{ label: string; value: string | number; note?: string; tone?: Tone }> = (p) => (
  <div class={`kpi ${p.tone ?? ""}`}>
    <div class="label">{p.label}</div>
    <div class="value">{p.value}</div>
    {p.note ? <div class="note">{p.note}</div> : null}
  </div>
);

export const Card: FC<{ title?: string; children: Child }> = ({ title, children }) => (
  <section class="card">
    {title ? <h2>{title}</h2> : null}
    {children}
  </section>
);

export const Empty: FC<{ children: Child }> = ({ children }) => <p class="empty">{children}</p>;

/** How many pages `total` rows fill at `size` a page (one, empty, when there are none). */
export const pagesOf = (total: number, size: number) => Math.max(1, Math.ceil(total / size));

/** The rows (1-based, inclusive) page `page` of a list holds at `size` a page. */
export function pageSpan(page: number, size: number, total: number): { first: number; last: number } {
  return { first: Math.min((page - 1) * size + 1, total), last: Math.min(page * size, total) };
}

/**
 * A long list's 上一页 / 下一页 (/suggestions, /notices, /links): `hrefOf` gives a page's address with
 * the list's filters kept. Nothing when the list fits one page.
 */
export const Pager: FC<{ page: number; pages: number; hrefOf: (page: number) => string }> = ({
  page,
  pages,
  hrefOf,
}) =>
  pages <= 1 ? null : (
    <nav class="actions" aria-label="翻页">
      {page > 1 ? <a href={hrefOf(page - 1)}>上一页</a> : null}
      <span>
        第 {page} / {pages} 页
      </span>
      {page < pages ? <a href={hrefOf(page + 1)}>下一页</a> : null}
    </nav>
  );

/** `共 1218 条，显示第 1–200 条`: a paged list's total and the rows this page shows. */
export function shownOfTotal(page: number, size: number, total: number): string {
  if (total === 0) return "共 0 条";
  const { first, last } = pageSpan(page, size, total);
  return `共 ${total} 条，显示第 ${first}–${last} 条`;
}

/** The line above a wide table, shown (by /assets/tables.js) while it is wider than its box. */
export const WIDE_TABLE_HINT = "表格较宽，可左右滑动查看";

/**
 * A wide table's own scroll box (styles.ts .table-scroll): no taller than 70 % of the screen, so its
 * sideways scrollbar is in view at 150 % zoom, with the heading row kept at its top and, with
 * `nameFirst`, the first column (the unit, the 编号) kept at its left. `label` names the table for a
 * screen reader, which reaches the box by Tab (tabindex) to scroll it from the keyboard.
 */
export const TableScroll: FC<{ label: string; nameFirst?: boolean; children: Child }> = ({
  label,
  nameFirst = false,
  children,
}) => (
  <div class="table-wrap">
    <p class="table-hint">{WIDE_TABLE_HINT}</p>
    <section class={nameFirst ? "table-scroll name-first" : "table-scroll"} aria-label={label} tabindex={0}>
      {children}
    </section>
  </div>
);

export type RefColumn =
  | "unit"
  | "deputy"
  | "status"
  | "due"
  | "days"
  | "supervisor"
  | "handlingLeader"
  | "category";

const REF_HEADERS: Record<RefColumn, string> = {
  unit: "主办单位",
  deputy: "领衔代表",
  status: "台账状态",
  due: "办理期限",
  days: "剩余",
  supervisor: "督办领导",
  handlingLeader: "领办领导",
  category: "类别",
};

/** Said of a 主办单位 that is no unit of 承办单位 wherever a suggestion row shows it. */
export const NOT_A_UNIT = "不在承办单位表中，见校验问题";

/**
 * A suggestion row's 主办单位: a link to its unit's page, or, for a name that is no unit (whose page
 * would answer 404), the name as typed in a danger tone, saying why: staff mend it from 校验问题.
 */
export const leadUnitHtml = (name: string, isUnit: IsUnit) =>
  isUnit(name)
    ? html`<a href="${href.unit(name)}">${name}</a>`
    : html`<span class="badge danger" title="${NOT_A_UNIT}">${name}</span>`;

/** What tells a listed 办理期限 is 暂定: the sync's calendar, which the page reads once (loadCalendar). */
export type DueCalendar = Pick<Calendar, "isYearKnown">;

function refCell(ref: SuggestionRef, column: RefColumn, isUnit: IsUnit, calendar: DueCalendar | undefined) {
  switch (column) {
    case "unit":
      return ref.leadUnit ? leadUnitHtml(ref.leadUnit, isUnit) : html`<span class="muted">—</span>`;
    case "deputy":
      return ref.leadDeputy ? html`<a href="${href.deputy(ref.leadDeputy)}">${ref.leadDeputy}</a>` : "";
    case "status":
      return statusBadgeHtml(ref.status);
    case "due": {
      const due = refDueText(ref, calendar);
      return due ? html`<span class="nowrap">${due}</span>` : "";
    }
    case "days":
      // Nothing for a closed suggestion: an empty cell, which a phone's card leaves out, label and all.
      return ref.daysLeft === null ? "" : html`<span class="nowrap">${daysLeftText(ref.daysLeft)}</span>`;
    case "supervisor":
      // On a key suggestion a blank 督办领导 is a gap to fill; most suggestions have no 领办领导.
      return ref.supervisor || html`<span class="muted">（未填）</span>`;
    case "handlingLeader":
      return ref.handlingLeader || html`<span class="muted">—</span>`;
    case "category":
      return ref.category;
  }
}

/**
 * Said after a listed suggestion's status when a clearing holds it (refClearedNote), in the words of
 * the 督办周报: a leader must not read a reply deleted by mistake as overdue. "" for the rest.
 */
export const clearedNoteHtml = (ref: Pick<SuggestionRef, "cleared" | "status">) => {
  const note = refClearedNote(ref);
  return note ? html`<span class="small" title="${CLEARED_NOTE_TITLE}">${note}</span>` : "";
};

/** For staff, who can put the cells back: 校验问题 names them and what they held. */
const CLEARED_NOTE_TITLE = "如系误删，请在表格中恢复（见校验问题）";

/**
 * The column a table says a clearing in (clearedNoteHtml): beside 台账状态, or, in a table without
 * it (the overview's 即将到期), beside the days left it would otherwise be read by.
 */
function noteColumn(columns: readonly RefColumn[]): RefColumn | null {
  if (columns.includes("status")) return "status";
  return columns.includes("days") ? "days" : null;
}

/** One row of SuggestionTable, as markup (see badgeHtml). */
const refRow = (
  ref: SuggestionRef,
  columns: readonly RefColumn[],
  noteIn: RefColumn | null,
  isUnit: IsUnit,
  calendar: DueCalendar | undefined,
) =>
  html`<tr><td class="nowrap"><a href="${href.suggestion(ref.id)}">${ref.id}</a></td><td>${listTitle(ref.title)}</td>${columns.map(
    (c) =>
      html`<td data-label="${REF_HEADERS[c]}">${refCell(ref, c, isUnit, calendar)}${
        // Only a held row has a note: every other row pays one comparison.
        c === noteIn && ref.cleared ? clearedNoteHtml(ref) : ""
      }</td>`,
  )}</tr>`;

/**
 * A table of suggestions: 编号 and 标题 (linked), then the chosen columns. On a phone each row is a
 * card (table.stack in styles.ts): 编号, 标题, then each column's value after its name. `isUnit`: which 主办单位
 * are units of 承办单位 (the page's loader knows; without it every name links as before).
 * `calendar`: a table with a 办理期限 column says （暂定） after a due date in a year whose 放假安排 is
 * not entered, as the notices and the links say it (without it the dates stand bare).
 */
export const SuggestionTable: FC<{
  refs: readonly SuggestionRef[];
  columns: RefColumn[];
  empty: string;
  isUnit?: IsUnit;
  calendar?: DueCalendar;
}> = ({ refs, columns, empty, isUnit = EVERY_NAME_A_UNIT, calendar }) => {
  if (refs.length === 0) return <Empty>{empty}</Empty>;
  const noteIn = noteColumn(columns);
  return (
    <table class="stack">
      <thead>
        <tr>
          <th>编号</th>
          <th>标题</th>
          {columns.map((c) => (
            <th>{REF_HEADERS[c]}</th>
          ))}
        </tr>
      </thead>
      <tbody>{refs.map((ref) => refRow(ref, columns, noteIn, isUnit, calendar))}</tbody>
    </table>
  );
};
