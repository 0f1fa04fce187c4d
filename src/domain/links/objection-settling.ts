import { replyPresent, roundsOf } from "../notices/series";
import type { EvaluatedRow } from "../summary/evaluated";

/**
 * How a unit's 交办异议 was closed (D1 `objections.decision`): staff's 维持交办 (upheld) or 已改交
 * (reassigned, also when the sync saw the ledger give the part to another unit), or `replied` when
 * the sync saw round 1 answered before anyone decided (repliedLine).
 */
export type ObjectionDecision = "upheld" | "reassigned" | "replied";

/** Who closes an objection the reply made moot, as the history and the overview's refusal say it. */
export const REPLY_SETTLER = "同步（单位已答复）";

/** The part of an objection these rules read. */
export interface ObjectionRef {
  readonly unit: string;
  readonly relation: "lead" | "co";
}

/**
 * Why an undecided objection no longer needs staff's decision, as the suggestion's history says it,
 * or null while it does. An objection is taken only before any reply (objectionCheck), so it is about
 * round 1; once round 1's reply is in the ledger (答复日期, or a reply the rules count as present:
 * an unreadable date, a class or rating beside a blank one) the unit evidently took the suggestion
 * on: 维持交办 would tell it to handle what it already answered (README: no 交办异议处理结果 once
 * round 1 is replied), and 改交 would hand an answered suggestion to a unit that never saw it. A
 * co-unit's objection goes with the lead unit's reply, as its 协办意见 does (practice.md).
 */
export function repliedLine(o: ObjectionRef, row: EvaluatedRow): string | null {
  const first = roundsOf(row)[0];
  if (!first || !replyPresent(first)) return null;
  const when = first.repliedOn ? `已于 ${first.repliedOn} 答复` : "已答复（答复日期待核对）";
  return o.relation === "lead"
    ? `${o.unit}${when}，其异议不再需要决定`
    : `主办单位${row.record.leadUnit}${when}，${o.unit}（协办）的异议不再需要决定`;
}

/**
 * The line the unit's own page shows under 处理 for an objection closed by the reply: who replied as
 * the page's reader sees it (本单位, or 主办单位 to a co-unit), with round 1's 答复日期 when known.
 */
export function repliedStatus(o: ObjectionRef, repliedOn: string | null): string {
  const who = o.relation === "lead" ? "本单位" : "主办单位";
  return `${who}${repliedOn ? `已于 ${repliedOn} ` : "已"}答复，此异议不再需要决定`;
}
