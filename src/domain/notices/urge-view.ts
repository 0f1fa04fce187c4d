import type { EvaluatedRow } from "../summary/evaluated";
import { rowView, type View, type ViewContext } from "./placeholders";

/**
 * The placeholder values of the 领导催办 a leader's 催办 sends the lead unit: about the round that
 * awaits its reply (the 二次交办 once there is one), so 办理期限 and 逾期天数 are that round's.
 * `leader`: who pressed 催办. A 领办领导 may press it on a suggestion with no 督办领导, and the
 * template's “{{督办领导}}同志督办的” would then name nobody: the leader who pressed stands in.
 */
export function urgeView(
  row: EvaluatedRow,
  unit: string,
  ctx: ViewContext,
  leader = "",
): { round: 1 | 2; view: View } {
  const round = row.record.reassignedOn ? 2 : 1;
  const start = round === 2 ? row.record.reassignedOn : row.record.assignedOn;
  const view = rowView(
    { record: row.record, id: row.id ?? "", status: row.computed.status },
    { start: start || null, due: row.computed.dueDate || null },
    unit,
    ctx,
  );
  return { round, view: view.督办领导 || !leader ? view : { ...view, 督办领导: leader } };
}
