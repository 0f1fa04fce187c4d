import { IMPLEMENTATION_STATES } from "../../../sheets-schema/enums";
import type { EvaluatedRow } from "../summary/evaluated";
import { type FormFields, type FormProblem, type FormResult, one, refused } from "./forms";
import type { Relation } from "./recipient-rows";
import type { ActionCheck } from "./row-actions";

/**
 * 报送落实情况: the lead unit of a B reply the deputy rated (台账状态 跟踪落实) tells the office how
 * its implementation stands, answering the 跟踪提醒 that asks for it every 跟踪提醒间隔天数. Intake
 * writes the choice into 落实情况 (ledger.md: 已落实 / 推进中) and a dated 备注 line naming the
 * unit; 已落实 then ends 跟踪落实 (→ 已办结) and its reminders by the status rule. Pure.
 */

/** Status rule 10: a satisfied B reply not yet 已落实. The only status the form is offered in. */
export const FOLLOW_UP_STATUS = "跟踪落实";

/** 说明: a few sentences for one 备注 line, not a second reply. */
export const PROGRESS_NOTE_MAX = 500;

export interface ProgressAnswers {
  落实情况: string;
  说明: string;
}

const no = (reason: string): ActionCheck => ({ ok: false, reason });

/** The lead unit only, while the suggestion is 跟踪落实 (as of the last sync). */
export function progressCheck(row: EvaluatedRow, relation: Relation): ActionCheck {
  if (relation !== "lead") return no("落实情况由主办单位报送；协办单位请把进展告知主办单位");
  if (row.computed.status !== FOLLOW_UP_STATUS)
    return no(`该建议目前的状态是“${row.computed.status || "未知"}”，不需要报送落实情况`);
  return { ok: true, correcting: false };
}

/** 落实情况 one of ledger.md's values; 说明 required (what was done, what is left), at most 500 characters. */
export function checkProgressForm(fields: FormFields): FormResult<ProgressAnswers> {
  const state = one(fields, "落实情况");
  const note = one(fields, "说明");
  const errors: FormProblem[] = [];
  if (!(IMPLEMENTATION_STATES as readonly string[]).includes(state))
    errors.push(["落实情况", `落实情况请选择 ${IMPLEMENTATION_STATES.join(" 或 ")}`]);
  if (!note) errors.push(["说明", "请填写说明：已做的工作、尚未完成的事项和预计完成时间"]);
  else if (note.length > PROGRESS_NOTE_MAX)
    errors.push(["说明", `说明有 ${note.length} 字，超过 ${PROGRESS_NOTE_MAX} 字：请精简`]);
  return errors.length > 0 ? refused(errors) : { ok: true, value: { 落实情况: state, 说明: note } };
}

/**
 * The 备注 line of a report, as a round-2 reply's line names its sender (`sender`: secondReplySender's
 * `单位 · 时间`): the time keeps two reports of one day apart, and makes a retried write find its line.
 */
export function progressLine(sender: string, state: string, note: string): string {
  return `落实情况报送（${sender}）：${state}${note ? `。说明：${note}` : ""}`;
}
