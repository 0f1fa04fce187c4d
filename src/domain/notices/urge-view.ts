import { inSecondRound } from "../status";
import type { EvaluatedRow } from "../summary/evaluated";
import { rowView, type View, type ViewContext } from "./placeholders";

/**
 * The placeholder values of the 领导催办 a leader's 催办 sends the lead unit: about the round that
 * awaits its reply (the 二次交办 once there is one), so 办理期限 and 逾期天数 are that round's.
 * `leader`: who pressed 催办, named as {{督办领导}} ("{{督办领导}}同志督办的…"): a 领办领导's press must
 * not read as the 督办领导's, nor name nobody on a suggestion without one.
 */
export function urgeView(
  row: EvaluatedRow,
  unit: string,
  ctx: ViewContext,
  leader = "",
): { round: 1 | 2; view: View } {
  const round = inSecondRound(row.record) ? 2 : 1;
  const start = round === 2 ? row.record.reassignedOn : row.record.assignedOn;
  const view = rowView(
    { record: row.record, id: row.id ?? "", status: row.computed.status },
    { start: start || null, due: row.computed.dueDate || null },
    unit,
    ctx,
  );
  return { round, view: leader ? { ...view, 督办领导: leader } : view };
}
