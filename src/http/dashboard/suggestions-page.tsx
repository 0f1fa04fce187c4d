import type { FC } from "hono/jsx";
import { LEDGER_STATUSES } from "../../../sheets-schema/enums";
import { emptyListText, SUGGESTIONS_PAGE_SIZE, yearChoices } from "../../domain/dashboard/suggestion-list";
import type { SuggestionRef } from "../../domain/dashboard/suggestion-ref";
import type { IsUnit } from "./format";
import { Layout, type PageFrame } from "./layout";
import { filterParams, type SuggestionsFilter } from "./list-filter";
import { Card, type DueCalendar, Pager, pageSpan, SuggestionTable } from "./ui";

/**
 * Rows per page of /suggestions: a county's year is 1–2 thousand suggestions, and one page of all
 * of them would be a megabyte of HTML (and most of the 10 ms of CPU a page has). The list's export
 * (/exports/ledger.csv with its filters) gives all of them at once; a page of more says so, on
 * paper too, since the printed pager is left off.
 */

function pageHref(filter: SuggestionsFilter, page: number): string {
  const query = filterParams(filter);
  if (page > 1) query.set("page", String(page));
  const q = query.toString();
  return q ? `/suggestions?${q}` : "/suggestions";
}

/** The export of the list as filtered (every page of it). */
function exportHref(filter: SuggestionsFilter): string {
  const q = filterParams(filter).toString();
  return q ? `/exports/ledger.csv?${q}` : "/exports/ledger.csv";
}

/** Which rows of how many a page of the list holds, where the pager is not printed. */
const PageNote: FC<{ page: number; pages: number; total: number }> = ({ page, pages, total }) => {
  if (pages <= 1) return null;
  const { first, last } = pageSpan(page, SUGGESTIONS_PAGE_SIZE, total);
  return (
    <p class="page-note">
      本页为第 {page} / {pages} 页（第 {first}–{last} 件，共 {total} 件）；完整清单请用“导出本清单 CSV”
    </p>
  );
};

/** The heading: the 年度 and 台账状态 the list is of. */
function heading(filter: SuggestionsFilter): string {
  const parts = [filter.year === null ? null : `${filter.year} 年度`, filter.status].filter(Boolean);
  return parts.length > 0 ? `建议 · ${parts.join(" · ")}` : "全部建议";
}

/** GET /suggestions: the suggestions of a 年度, a 台账状态 and a search, a page at a time in 编号 order. */
export const SuggestionsPage: FC<{
  refs: readonly SuggestionRef[];
  filter: SuggestionsFilter;
  /** The years the ledger's suggestions were submitted in, latest first (the 年度 filter's choices). */
  years: readonly number[];
  paging: { page: number; pages: number; total: number };
  frame: PageFrame;
  /** Which 主办单位 are units of 承办单位 (PageBase.isUnit): a name that is none is marked, not linked. */
  isUnit?: IsUnit;
  /** The sync's calendar (loadCalendar): a 办理期限 in a year without 放假安排 says （暂定）. */
  calendar?: DueCalendar;
}> = ({ refs, filter, years, paging, frame, isUnit, calendar }) => (
  <Layout title="建议" nav="suggestions" frame={frame}>
    <h1>{heading(filter)}</h1>
    {/* On paper the heading says the 年度 and 台账状态, this line the search: the form is not printed. */}
    {filter.text ? <p class="sub print-only">搜索：“{filter.text}”</p> : null}
    <form class="actions no-print" method="get" action="/suggestions">
      <select name="year" aria-label="年度">
        <option value="">全部年度</option>
        {yearChoices(years, filter.year).map((y) => (
          <option value={String(y)} selected={y === filter.year}>
            {y} 年
          </option>
        ))}
      </select>
      <select name="status" aria-label="台账状态">
        <option value="">全部状态</option>
        {LEDGER_STATUSES.map((s) => (
          <option value={s} selected={s === filter.status}>
            {s}
          </option>
        ))}
      </select>
      {/* A word before the box, not only its placeholder: the placeholder is gone once one types. */}
      <label class="search">
        搜索
        <input type="search" name="q" value={filter.text} placeholder="编号、标题、代表、单位或领导" />
      </label>
      <button type="submit">筛选</button>
      <a class="button light" href={exportHref(filter)}>
        导出本清单 CSV
      </a>
    </form>
    <Card title={`${paging.total} 件`}>
      <SuggestionTable
        refs={refs}
        columns={["deputy", "unit", "status", "due", "days"]}
        empty={emptyListText(years, filter.year)}
        isUnit={isUnit}
        calendar={calendar}
      />
      <PageNote page={paging.page} pages={paging.pages} total={paging.total} />
      <Pager page={paging.page} pages={paging.pages} hrefOf={(page) => pageHref(filter, page)} />
    </Card>
  </Layout>
);
