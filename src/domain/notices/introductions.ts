/**
 * What a reminder opens with when it is the recipient's first word of a suggestion: its
 * 交办通知 was never sent (an old ledger's first run sends none older than CATCH_UP_DAYS, and a
 * unit with no usable channel for longer than that never got one). *decided:* the reminder, not a
 * late 交办通知: a unit told on paper before the office took the system up reads a restated
 * assignment as such, not as a second one, and a 交办通知 would ask for what was due by a day
 * already past (the 异议, the 协办意见).
 */

import { listedName } from "../directory";
import type { EvaluatedRow } from "../summary/evaluated";
import { coUnitStart, leadGivenOn, leadTakenFrom, leadUnitStart } from "./catch-up";
import { displayDate } from "./format";
import {
  coOpinionDeadline,
  coOpinionDueOn,
  objectionDeadline,
  objectionDueOn,
  type View,
} from "./placeholders";
import type { Introduction, Round, SeriesContext } from "./series";

const NEVER_SENT = "此前未向你单位发送本件的";

/**
 * The co-unit's 交办通知, which its 协办提醒 reminds it of: sent alone, that would press a unit for an
 * opinion on a suggestion it was never told it helps with. The suggestion, the lead unit, and
 * 协办意见期限 (counted from the day the unit was told: coUnitStart).
 */
export function coUnitIntroduction(
  row: Pick<EvaluatedRow, "seenOn">,
  first: Round,
  unit: string,
  ctx: SeriesContext,
): Introduction {
  const told = coUnitStart(first.start, row, unit);
  const deadline = coOpinionDueOn(told, ctx);
  // Written as the co-units' 交办通知 writes {{协办意见期限}}: （暂定） while its year's 放假安排 is not in.
  const shown = coOpinionDeadline(told, ctx);
  return {
    dueOn: told,
    line: (view) => {
      const by =
        deadline < ctx.today
          ? `协办意见期限已于 ${shown}届满`
          : `请于 ${shown}前将书面协办意见送${view.主办单位}`;
      return `【首次通知】${NEVER_SENT}协办通知，现一并告知：建议《${view.标题}》（编号 ${view.编号}）于 ${displayDate(first.start)}交${view.主办单位}主办、你单位协办，${by}。`;
    },
  };
}

/**
 * The lead unit's 交办通知, which its 沟通提醒, 到期提醒 and 逾期催办 of round 1 press it on: what it
 * is to handle, the day it was given it (交办日期, or the day it was named 主办单位 in place of
 * another: leadGivenOn), 办理期限 (暂定 as the notices write it) and the 异议 period counted from
 * that day, which the unit's link refuses after its day. A unit named in place of another is told
 * which unit had it and that 办理期限 counts from 交办日期, as its 交办通知 says ({{原主办单位}}).
 */
export function leadIntroduction(row: EvaluatedRow, first: Round, ctx: SeriesContext): Introduction {
  const given = leadGivenOn(first.start, row, row.record.leadUnit);
  const taken = leadTakenFrom(first.start, row, row.record.leadUnit);
  // Counted from the day the unit was given it, as its 交办通知 and its link count the 异议 period.
  const objectBy = objectionDueOn(given, ctx);
  // As the 交办通知 writes {{异议期限}}: （暂定） while a year it counts over has no 放假安排 entered.
  const shown = objectionDeadline(given, ctx);
  return {
    dueOn: leadUnitStart(first.start, row, row.record.leadUnit),
    line: (view: View) => {
      const objection =
        objectBy < ctx.today
          ? `对交办提出异议的期限已于 ${shown}届满；确有特殊情况，请联系代表工委。`
          : `如对交办有异议，请于 ${shown}前提出。`;
      const about = `建议《${view.标题}》（编号 ${view.编号}）`;
      if (!taken) {
        const deadline = view.办理期限 ? `，办理期限 ${view.办理期限}` : "";
        return `【首次通知】${NEVER_SENT}交办通知，现一并告知：${about}于 ${displayDate(given)}交你单位主办${deadline}。${objection}`;
      }
      // Its 办理期限 runs from 交办日期, weeks before it heard of the suggestion: said so, with the unit
      // it takes over from, as its 交办通知 would have said.
      const from = listedName(ctx.names?.units, taken.from);
      const deadline = view.办理期限
        ? `，办理期限 ${view.办理期限}，自交办日期 ${displayDate(first.start)}起算`
        : "";
      return `【首次通知】${NEVER_SENT}交办通知，现一并告知：${about}原交由${from}主办，经调整于 ${displayDate(taken.on)}改由你单位主办${deadline}。${objection}`;
    },
  };
}

/**
 * The lead unit's 二次交办通知, which its 到期提醒 and 逾期催办 of round 2 press it on: a ledger taken
 * over mid-year has 二次交办 older than the catch-up window, never sent. Told once (a unit sent any
 * notice of round 2 has heard of it: Introduction.round): that the deputy was not satisfied, the day
 * it was assigned again, and 办理期限 of round 2. Due when the 二次交办通知 was (dueOn: its typed day,
 * or the day the sync saw it typed or corrected).
 */
export function reassignmentIntroduction(round: Round, dueOn: string): Introduction {
  return {
    dueOn,
    round: 2,
    line: (view: View) => {
      const deputy = view.领衔代表 ? `${view.领衔代表}代表` : "代表";
      const deadline = view.办理期限 ? `，办理期限 ${view.办理期限}` : "";
      return `【首次通知】${NEVER_SENT}二次交办通知，现一并告知：${deputy}对建议《${view.标题}》（编号 ${view.编号}）的办理结果不满意，本件已于 ${displayDate(round.start)}二次交办你单位重新办理${deadline}。`;
    },
  };
}
