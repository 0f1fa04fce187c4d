import type { Child, FC } from "hono/jsx";
import { toHalfWidth } from "../../../sheets-schema/cells/cell-type";
import { trimInvisible } from "../../domain/invisible-chars";
import { type CoOpinionState, opinionDaysPast } from "../../domain/links/co-opinion";
import type { RecipientRow, Relation } from "../../domain/links/recipient-rows";
import { Kpi } from "../dashboard/ui";

/*
 * What a busy unit's page is found by on a phone (explorer BD: 71 suggestions, 13 screens): its
 * search, the tiles that take the reader to their lists, and the lists cut under headings.
 */

/** The longest search the page reads, as the dashboard's list (listFilterOf). */
const QUERY_MAX = 50;

/**
 * `?q=` of a unit's page: trimmed (the zero-width characters chat apps slip in too), at most 50
 * characters; "" when absent.
 */
export function unitQuery(raw: string | undefined): string {
  return trimInvisible(raw ?? "").slice(0, QUERY_MAX);
}

/** The words that pick a unit's suggestions by its part in them. */
const ROLE_WORDS: ReadonlyMap<string, Relation> = new Map([
  ["主办", "lead"],
  ["协办", "co"],
]);

/**
 * Which of a unit's suggestions a search finds: 编号, 标题 or 领衔代表 holding the text (full-width
 * digits and letters as typed with a Chinese IME match too, as the link's /s/<编号> does), or
 * the unit's part when the text is 主办 or 协办. Only the rows the page already holds.
 */
export function matchesQuery(query: string): (m: RecipientRow) => boolean {
  const needle = toHalfWidth(query).toLowerCase();
  const role = ROLE_WORDS.get(needle);
  if (role) return (m) => m.relation === role;
  const has = (text: string | null | undefined) => !!text && toHalfWidth(text).toLowerCase().includes(needle);
  return (m) => has(m.row.id) || has(m.row.record.title) || has(m.row.record.leadDeputy);
}

/** The ids of a unit page's sections, which its tiles link to (ASCII: a fragment copied into a chat stays readable). */
export const SECTION = { open: "open", overdue: "overdue", co: "co", coOwed: "co-owed" } as const;

/** A tile that takes the reader to its list (`to`: a section's id), or the tile alone (null). */
export const TileLink: FC<{ to: string | null; children: Child }> = ({ to, children }) =>
  to ? (
    <a class="lk-tile" href={`#${to}`}>
      {children}
    </a>
  ) : (
    children
  );

/**
 * The search of a unit's page: a plain GET form (no script), its text kept after a search. A
 * search box, not a text field: nothing typed here is a form's content to keep (typed-text.ts).
 */
export const SearchForm: FC<{ base: string; query: string }> = ({ base, query }) => (
  <form class="lk-form" method="get" action={base}>
    <label class="field" for="lk-q">
      查找建议
    </label>
    <p class="hint" id="lk-q-hint">
      输入编号（如 2026-012）、标题或领衔代表中的字；输入“主办”或“协办”列出该类建议。
    </p>
    <input
      id="lk-q"
      type="search"
      name="q"
      value={query}
      maxlength={QUERY_MAX}
      aria-describedby="lk-q-hint"
    />
    <button type="submit">查找</button>
  </form>
);

/**
 * 协办 tiles: the opinions still to send (待送协办意见; danger once one is past its 协办意见期限) and
 * every suggestion co-handled, each linking to its list.
 */
export const CoCounts: FC<{
  co: readonly RecipientRow[];
  owed: readonly RecipientRow[];
  today: string;
  stateOf: (m: RecipientRow) => CoOpinionState | null;
}> = ({ co, owed, today, stateOf }) => {
  const past = owed.filter((m) => opinionDaysPast(stateOf(m), today) !== null).length;
  return (
    <>
      <TileLink to={owed.length > 0 ? SECTION.coOwed : null}>
        <Kpi
          label="待送协办意见"
          value={owed.length}
          note={past > 0 ? `已过期限 ${past} 件` : undefined}
          tone={past > 0 ? "danger" : owed.length > 0 ? "warn" : undefined}
        />
      </TileLink>
      <TileLink to={co.length > 0 ? SECTION.co : null}>
        <Kpi label="协办" value={co.length} note="全部协办件" />
      </TileLink>
    </>
  );
};

/**
 * A list cut in two under headings, the order kept: those `first` picks (all before the rest in
 * the list's order), then the rest; one list without headings when either part is empty.
 */
export const SplitList: FC<{
  items: readonly RecipientRow[];
  first: (m: RecipientRow) => boolean;
  firstHeading: (n: number) => string;
  firstId: string;
  restHeading: (n: number) => string;
  list: (items: readonly RecipientRow[]) => Child;
}> = (p) => {
  const head = p.items.filter(p.first);
  const rest = p.items.filter((m) => !p.first(m));
  if (head.length === 0) return <>{p.list(p.items)}</>;
  return (
    <>
      <h3 id={p.firstId}>{p.firstHeading(head.length)}</h3>
      {p.list(head)}
      {rest.length > 0 ? (
        <>
          <h3>{p.restHeading(rest.length)}</h3>
          {p.list(rest)}
        </>
      ) : null}
    </>
  );
};
