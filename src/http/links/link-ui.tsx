import { html } from "hono/html";
import type { FC } from "hono/jsx";
import type { Calendar } from "../../domain/calendar";
import type { PracticeEntry } from "../../domain/dashboard/practice-timeline";
import { dueText, suggestionRef } from "../../domain/dashboard/suggestion-ref";
import type { LinkKind } from "../../domain/links/capability";
import { type CoOpinionState, coOpinionText, opinionDaysPast } from "../../domain/links/co-opinion";
import { RELATION_LABELS, type RecipientRow } from "../../domain/links/recipient-rows";
import { AWAITING_REPLY } from "../../domain/links/row-actions";
import type { SentMark } from "../../domain/links/sent-mark";
import { inSecondRound } from "../../domain/status";
import { daysLeftText } from "../dashboard/format";
import { badgeHtml, statusBadgeHtml } from "../dashboard/ui";

/** A suggestion's page on this link. */
export function suggestionPath(base: string, id: string): string {
  return `${base}/s/${encodeURIComponent(id)}`;
}

/** What a card calls a suggestion in its second round, as its page heads the round's reply card (二次答复). */
export const SECOND_ROUND = "二次交办";

/**
 * 主办 on a card whose 主办单位 is blank: 待交办 only of a 立案 suggestion awaiting it. Before 立案
 * (待审查, 退回修改) or without one (不予立案, 撤回, 并案) no unit is due to be named, and the card
 * says — as the dashboard's lists do.
 */
function leadUnitText(unit: string, status: string): string {
  return unit || (status === "待交办" ? "待交办" : "—");
}

/**
 * One suggestion in a list, as a card (phones have no room for tables). Markup, not JSX: a
 * deputy's page may list a hundred and more (see badgeHtml).
 */
function suggestionItem(
  item: RecipientRow,
  kind: LinkKind,
  base: string,
  today: string,
  calendar: Pick<Calendar, "isYearKnown"> | undefined,
  coOpinion: CoOpinionState | null,
  mark: SentMark | null,
  outcome: string | null,
) {
  const ref = suggestionRef(item.row, today);
  const due = dueText(item.row, calendar);
  const role = RELATION_LABELS[kind][item.relation];
  const badges = [
    // The recipient's reply or rating on its way: what the suggestion's page says of it (markOf).
    mark ? badgeHtml("teal", mark.badge) : statusBadgeHtml(ref.status),
    role ? badgeHtml("gray", role) : null,
    ref.isKey ? badgeHtml("violet", "重点") : null,
    // The 已逾期 or 待测评 of the second round: its 办理期限 runs from 二次交办日期, not from 交办日期.
    inSecondRound(item.row.record) ? badgeHtml("violet", SECOND_ROUND) : null,
  ];
  // An opinion still owed past its 协办意见期限 is red with 已过 N 天, as a lead row's 逾期 N 天; not
  // on a suggestion no longer awaiting its reply (withdrawn, merged: nothing is owed there).
  const opinionPast =
    coOpinion && AWAITING_REPLY.has(item.row.computed.status) ? opinionDaysPast(coOpinion, today) : null;
  const title = html`<a class="lk-title" href="${suggestionPath(base, ref.id)}">${ref.title || "（无标题）"}</a>`;
  const facts = [
    html`<span>${kind === "unit" ? `领衔代表 ${ref.leadDeputy}` : `主办 ${leadUnitText(ref.leadUnit, ref.status)}`}</span>`,
    due ? html`<span>办理期限 ${due}</span>` : null,
    // A co-unit's own period is its 协办意见期限: the lead unit's 剩 … 天 is not its countdown.
    mark
      ? html`<span>${mark.text}</span>`
      : coOpinion
        ? opinionPast
          ? html`<span class="lk-error">${coOpinionText(coOpinion, opinionPast)}</span>`
          : html`<span>${coOpinionText(coOpinion)}</span>`
        : ref.daysLeft === null
          ? null
          : html`<span class="${ref.daysLeft < 0 ? "lk-error" : ""}">${daysLeftText(ref.daysLeft)}</span>`,
    // How an answered suggestion went, on a leader's list (逾期 8 天答复 · 基本满意: replyOutcomeText).
    outcome ? html`<span>${outcome}</span>` : null,
  ];
  return html`<li class="lk-item"><div class="lk-meta"><span class="nowrap">${ref.id}</span>${badges}</div>${title}<div class="lk-meta">${facts}</div></li>`;
}

export const SuggestionList: FC<{
  items: readonly RecipientRow[];
  kind: LinkKind;
  base: string;
  today: string;
  /** The sync's calendar: whether a listed row's 办理期限 is 暂定 (a list's rows keep no explanation). */
  calendar?: Pick<Calendar, "isYearKnown">;
  empty: string;
  /** A co-unit's 协办意见期限 and opinion by 编号 (its list of 协办 suggestions). */
  coOpinions?: ReadonlyMap<string, CoOpinionState>;
  /** The recipient's reply or rating not in the last sync's ledger yet, by 编号 (sentMarks). */
  marks?: ReadonlyMap<string, SentMark>;
  /** How each answered suggestion went, by 编号 (a leader's list: replyOutcomeText). */
  outcomes?: ReadonlyMap<string, string>;
}> = (p) =>
  p.items.length === 0 ? (
    <p class="empty">{p.empty}</p>
  ) : (
    <ul class="lk-list">
      {p.items.map((item) =>
        suggestionItem(
          item,
          p.kind,
          p.base,
          p.today,
          p.calendar,
          (item.row.id && p.coOpinions?.get(item.row.id)) || null,
          (item.row.id && p.marks?.get(item.row.id)) || null,
          (item.row.id && p.outcomes?.get(item.row.id)) || null,
        ),
      )}
    </ul>
  );

/** Awaiting a reply, the nearest due date first. */
export function byDue(a: RecipientRow, b: RecipientRow): number {
  const x = a.row.computed.dueDate || "9999";
  const y = b.row.computed.dueDate || "9999";
  return x < y ? -1 : x > y ? 1 : 0;
}

/** One entry of a 办理记录 (a unit's, a leader's): its date and title, then its lines as typed. */
export const RecordItem: FC<{ entry: Pick<PracticeEntry, "date" | "title" | "lines"> }> = ({ entry }) => (
  <li class="lk-item small">
    <div class="lk-meta">
      <span>{entry.date ?? ""}</span>
      <span>{entry.title}</span>
    </div>
    {entry.lines.map((line) => (
      <p class="pre">{line}</p>
    ))}
  </li>
);
