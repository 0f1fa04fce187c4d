import type { FC } from "hono/jsx";
import { suggestionRef } from "../../domain/dashboard/suggestion-ref";
import type { LinkKind } from "../../domain/links/capability";
import { RELATION_LABELS, type RecipientRow } from "../../domain/links/recipient-rows";
import { daysLeftText } from "../dashboard/format";
import { Badge, StatusBadge } from "../dashboard/ui";

/** A suggestion's page on this link. */
export function suggestionPath(base: string, id: string): string {
  return `${base}/s/${encodeURIComponent(id)}`;
}

/** One suggestion in a list, as a card (phones have no room for tables). */
export const SuggestionItem: FC<{ item: RecipientRow; kind: LinkKind; base: string; today: string }> = ({
  item,
  kind,
  base,
  today,
}) => {
  const ref = suggestionRef(item.row, today);
  const role = RELATION_LABELS[kind][item.relation];
  return (
    <li class="lk-item">
      <div class="lk-meta">
        <span class="nowrap">{ref.id}</span>
        <StatusBadge status={ref.status} />
        {role ? <Badge tone="gray">{role}</Badge> : null}
        {ref.isKey ? <Badge tone="violet">重点</Badge> : null}
      </div>
      <a class="lk-title" href={suggestionPath(base, ref.id)}>
        {ref.title || "（无标题）"}
      </a>
      <div class="lk-meta">
        {kind === "unit" ? (
          <span>领衔代表 {ref.leadDeputy}</span>
        ) : (
          <span>主办 {ref.leadUnit || "待交办"}</span>
        )}
        {ref.due ? <span>办理期限 {ref.due}</span> : null}
        {ref.daysLeft !== null ? (
          <span class={ref.daysLeft < 0 ? "lk-error" : ""}>{daysLeftText(ref.daysLeft)}</span>
        ) : null}
      </div>
    </li>
  );
};

export const SuggestionList: FC<{
  items: readonly RecipientRow[];
  kind: LinkKind;
  base: string;
  today: string;
  empty: string;
}> = (p) =>
  p.items.length === 0 ? (
    <p class="empty">{p.empty}</p>
  ) : (
    <ul class="lk-list">
      {p.items.map((item) => (
        <SuggestionItem item={item} kind={p.kind} base={p.base} today={p.today} />
      ))}
    </ul>
  );

/** Awaiting a reply, the nearest due date first. */
export function byDue(a: RecipientRow, b: RecipientRow): number {
  const x = a.row.computed.dueDate || "9999";
  const y = b.row.computed.dueDate || "9999";
  return x < y ? -1 : x > y ? 1 : 0;
}
