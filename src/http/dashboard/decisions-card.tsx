import type { FC } from "hono/jsx";
import type { SuggestionRef } from "../../domain/dashboard/suggestion-ref";
import type { Objection } from "../../store/objections";
import { href, type IsUnit, localDateTime } from "./format";
import { Card, type DueCalendar, Empty, SuggestionTable } from "./ui";

export interface DecisionsProps {
  /** 延期申请 of lead units without 审批结果 (the sync's stored facts). */
  readonly extensions: readonly SuggestionRef[];
  /** Suggestions in 待二次交办 (OverviewFigures.awaitingReassignment). */
  readonly reassignments?: readonly SuggestionRef[];
  /**
   * Units' objections to their assignments still waiting for staff (D1), oldest first: the sync has
   * closed those whose part the ledger gave to another unit or whose round 1 it shows replied.
   */
  readonly objections: readonly Objection[];
  /** Which 主办单位 are units of 承办单位 (PageBase.isUnit): a name that is none is marked, not linked. */
  readonly isUnit?: IsUnit;
  /** The sync's calendar: an extension's 办理期限 in a year without 放假安排 says （暂定）. */
  readonly calendar?: DueCalendar;
}

const DECIDED = {
  upheld: "已决定维持交办，该单位在其专属页面可以看到。",
  reassigned: "已记为改交，该单位在其专属页面可以看到。",
} as const;

/** An instant as the decide route puts it in `at` (toISOString); anything else is not shown. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

const NOTED: Record<string, string> = {
  kept: "您填写的说明已记入该异议和建议的变更历史。",
  exists: "该异议已有说明，您这次填写的没有记下。",
};

/**
 * What the overview says after staff decided an objection (`?decided=` from the decide route). An
 * objection the sync settled before 已改交 was clicked (`synced`) says when, in 设置 时区, and what
 * became of the 说明; the query carries only the instant and a key, never text shown as it came.
 */
export function decidedMessage(query: Readonly<Record<string, string>>, timeZone: string): string | null {
  const { decided, at = "", noted = "" } = query;
  if (decided === "upheld" || decided === "reassigned") return DECIDED[decided];
  if (decided !== "synced") return null;
  const when =
    ISO_INSTANT.test(at) && !Number.isNaN(Date.parse(at)) ? ` ${localDateTime(at, timeZone)} ` : "";
  return `该异议已在${when}同步时随台账改交了结，无需再点。${NOTED[noted] ?? ""}`;
}

/** One open objection with the two decisions staff can take (same-origin forms, no script). */
const ObjectionRow: FC<{ o: Objection }> = ({ o }) => (
  <tr>
    <td class="nowrap">
      <a href={href.suggestion(o.suggestionId)}>{o.suggestionId}</a>
    </td>
    <td class="nowrap" data-label="提出单位">
      {o.unit}（{o.relation === "lead" ? "主办" : "协办"}）
    </td>
    <td data-label="理由">
      {o.reason}
      {o.proposal ? <div class="small muted">建议改由：{o.proposal}</div> : null}
      <div class="small muted">
        {o.objectedOn} 提出（异议期限 {o.deadline}），{o.actor}
      </div>
    </td>
    <td>
      <form method="post" action={`/objections/${encodeURIComponent(o.submissionId)}/decide`}>
        <input type="text" name="说明" maxlength={200} placeholder="说明（选填）" aria-label="说明" />
        <button type="submit" name="decision" value="upheld" class="small">
          维持交办
        </button>
        <button type="submit" name="decision" value="reassigned" class="small">
          已改交
        </button>
      </form>
    </td>
  </tr>
);

/**
 * 待代表工委决定: what units asked through their links and only staff can decide. An extension is
 * decided in the sheet (审批结果); an objection here (维持交办), or by changing 主办单位/协办单位 in
 * the sheet, which the next sync records as 已改交 (settleObjections) without a click; one whose
 * round 1 is replied needs no decision and the next sync takes it off this card.
 */
export const DecisionsCard: FC<DecisionsProps> = ({
  extensions,
  reassignments = [],
  objections,
  isUnit,
  calendar,
}) => (
  <Card title={`待代表工委决定（${extensions.length + reassignments.length + objections.length}）`}>
    <h3>延期申请待审批</h3>
    <SuggestionTable
      refs={extensions}
      columns={["unit", "due", "status"]}
      empty="没有待审批的延期申请。"
      isUnit={isUnit}
      calendar={calendar}
    />
    {extensions.length > 0 ? (
      <p class="small muted">
        在『延期申请』表填写审批结果、审批日期和审批人，下次同步后生效并通知主办单位。
      </p>
    ) : null}
    {reassignments.length > 0 ? (
      <>
        <h3>代表不满意、待二次交办</h3>
        <SuggestionTable refs={reassignments} columns={["unit", "status"]} empty="" isUnit={isUnit} />
        <p class="small muted">
          在台账中填写二次交办日期（不早于测评日期），下次同步后向主办单位发二次交办通知，办理期限按二次交办的规则计算。
        </p>
      </>
    ) : null}
    <h3>交办异议</h3>
    {objections.length === 0 ? (
      <Empty>没有待决定的交办异议。</Empty>
    ) : (
      <>
        <table class="stack">
          <thead>
            <tr>
              <th>编号</th>
              <th>提出单位</th>
              <th>理由</th>
              <th>决定</th>
            </tr>
          </thead>
          <tbody>
            {objections.map((o) => (
              <ObjectionRow o={o} />
            ))}
          </tbody>
        </table>
        <p class="small muted">
          {
            "决定改交的，在台账中改主办单位或协办单位即可：下次同步（每 10 分钟）时该异议自动记为已改交，无需再点；要给该单位留说明的，先填说明、点“已改交”，再改台账。只改交办日期不算改交，异议仍待决定。首轮答复录入台账后，该异议下次同步时自动了结，无需决定。"
          }
        </p>
      </>
    )}
  </Card>
);
