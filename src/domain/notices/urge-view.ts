import { isProvisional } from "../deadlines";
import { inSecondRound } from "../status";
import type { EvaluatedRow } from "../summary/evaluated";
import { withoutTitle } from "./honorific";
import { rowView, type View, type ViewContext } from "./placeholders";

/** How the leader who pressed 催办 concerns the suggestion, as the ledger's column names it. */
export type UrgingRole = "督办领导" | "领办领导";

/**
 * The placeholder values of the 领导催办 a leader's 催办 sends the lead unit: about the round that
 * awaits its reply (the 二次交办 once there is one), so 办理期限 and 逾期天数 are that round's, with
 * （暂定） after 办理期限 exactly when the other notices of that round say it.
 * `leader`: who pressed 催办, as {{催办领导}} with `role` as {{催办身份}}, so a 领办领导's press does
 * not read as the 督办领导's. {{督办领导}} names the same leader, as it did before those two existed:
 * a staff text still saying “{{督办领导}}同志督办的” must not name a leader who never pressed 催办.
 * `title`: that leader's 职务 in 领导 (blank when none, or not listed there), as {{催办领导职务}}, so
 * the unit reads 区人大常委会副主任吴国庆同志; blank too when the name already carries a title
 * (刘振华主任, 王建国副区长), which would otherwise read twice (区人大常委会主任刘振华主任).
 */
export function urgeView(
  row: EvaluatedRow,
  unit: string,
  ctx: ViewContext,
  leader = "",
  role: UrgingRole = "督办领导",
  title = "",
): { round: 1 | 2; view: View } {
  const round = inSecondRound(row.record) ? 2 : 1;
  const start = round === 2 ? row.record.reassignedOn : row.record.assignedOn;
  // The deadline computed.dueDate was taken from (evaluate-ledger-rows: currentDeadline).
  const deadline = (round === 2 ? row.secondDeadline : null) ?? row.firstDeadline;
  const view = rowView(
    { record: row.record, id: row.id ?? "", status: row.computed.status },
    {
      start: start || null,
      due: row.computed.dueDate || null,
      provisional: isProvisional(deadline?.explanation),
    },
    unit,
    ctx,
  );
  if (!leader) return { round, view };
  const post = carriesTitle(leader) ? "" : title.trim();
  return { round, view: { ...view, 督办领导: leader, 催办领导: leader, 催办身份: role, 催办领导职务: post } };
}

/** Whether a leader's name as written ends with a title (刘振华主任, 王书记, 张三县长). */
function carriesTitle(name: string): boolean {
  return withoutTitle(name) !== name.trim();
}
