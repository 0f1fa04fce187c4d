import { OBJECTION_CO_UNIT_TEMPLATE } from "../../../sheets-schema/enums";
import { daysBetween } from "../deadlines";
import { nameKey } from "../directory";
import { RELATION_LABELS, relationOf } from "../links/recipient-rows";
import type { PracticeIndex } from "../practice/practice-index";
import type { EvaluatedRow } from "../summary/evaluated";
import { coUnitStart } from "./catch-up";
import { displayDate } from "./format";
import { objectionOccurrence } from "./keys";
import { coOpinionDeadline, coOpinionDueOn, type View } from "./placeholders";
import {
  type NoticeSeries,
  type Round,
  replyPresent,
  roundsOf,
  roundView,
  type SeriesContext,
} from "./series";

/**
 * A unit's 交办异议 as staff decided it (D1 `objections`), the day of the decision in the office's
 * time zone: what the notices run tells the unit of it.
 */
export interface DecidedObjection {
  /** One per unit and assignment: the telling is keyed by it. */
  readonly submissionId: string;
  readonly suggestionId: string;
  readonly unit: string;
  /** The 交办日期 objected to. */
  readonly assignedOn: string;
  /** The day the unit objected. */
  readonly objectedOn: string;
  /** upheld: 维持交办 (the objection not agreed); reassigned: 已改交. */
  readonly decision: "upheld" | "reassigned";
  /** The local day staff decided it: the notice falls due then. */
  readonly decidedOn: string;
  /** What staff wrote with their decision (the unit's page shows it too). */
  readonly note: string | null;
}

/** Staff's note as the text quotes it (“…”。): without the full stop it may end with. */
function noteAsQuoted(note: string | null): string {
  return (note ?? "").trim().replace(/[。；，.;,\s]+$/u, "");
}

/**
 * The day a co-unit's 协办意见 reached the lead unit, as 『协办意见』 records it: what 协办提醒 goes
 * by (a row naming the unit: practice-series' coOpinionReminder), its earliest 送达日期 not after
 * today. Blank when none is recorded, or the tab is not kept: the notice then asks for the opinion. A row whose 送达日期 is unreadable (an 错误 staff are
 * told to mend) cannot say when, so it counts only once mended.
 */
function coOpinionDeliveredOn(id: string, unit: string, practice: PracticeIndex, today: string): string {
  if (!practice.coOpinions.available) return "";
  const key = nameKey(unit);
  let earliest = "";
  for (const o of practice.coOpinions.of(id)) {
    const day = o.record.deliveredOn;
    if (o.blank || !day || day > today || nameKey(o.record.unit) !== key) continue;
    if (!earliest || day < earliest) earliest = day;
  }
  return earliest;
}

/**
 * A co-unit's own deadline, as its 交办通知 counts it: 协办意见期限 from the day it was told
 * (coUnitStart), （暂定） as that says it, and 逾期天数 / 剩余天数 against it rather than the lead
 * unit's 办理期限, which the co-unit does not answer to (its text: OBJECTION_CO_UNIT_TEMPLATE).
 * 协办意见送达日期 when it already sent its opinion: the text then does not ask for it again, and
 * 逾期天数 stays blank (a deadline met is not overdue).
 */
function coUnitDeadline(
  row: EvaluatedRow,
  first: Round,
  unit: string,
  practice: PracticeIndex,
  ctx: SeriesContext,
): View {
  const told = coUnitStart(first.start, row, unit);
  const due = coOpinionDueOn(told, ctx);
  const delivered = coOpinionDeliveredOn(row.id ?? "", unit, practice, ctx.today);
  return {
    协办意见期限: coOpinionDeadline(told, ctx),
    协办意见送达日期: delivered ? displayDate(delivered) : "",
    剩余天数: String(Math.max(0, daysBetween(ctx.today, due))),
    逾期天数: !delivered && ctx.today > due ? String(daysBetween(due, ctx.today)) : "",
  };
}

/**
 * 交办异议处理结果: to a unit whose objection staff did not agree to (维持交办), once per objection,
 * due the day they decided, so the unit does not wait on it while its 办理期限 runs. It says the
 * objection was not agreed, staff's note, that the unit goes on handling it as 主办 or 协办, and
 * its deadline: the lead unit's 办理期限 (（暂定） as the ledger says it), a co-unit's own
 * 协办意见期限 in a text of its own (coUnitDeadline), or the day it sent its 协办意见 when
 * `practice` (the 协办意见 tab) records one. None when the notice would not hold: an agreed
 * objection (the 交办通知 of the changed 主办单位 tells it), a unit the ledger no longer names, or
 * round 1 already replied. A 交办日期 corrected since, the unit the same, does not settle the
 * objection (inbox-followup's noLongerAssigned), so staff's 维持交办 is told all the same.
 */
export function objectionSeries(
  row: EvaluatedRow,
  objections: readonly DecidedObjection[],
  ctx: SeriesContext,
  practice: PracticeIndex,
): NoticeSeries[] {
  const first = roundsOf(row)[0];
  const id = row.id;
  if (!first || !id || replyPresent(first) || objections.length === 0) return [];
  const view = roundView(row, first, ctx);
  return objections.flatMap((objection): NoticeSeries[] => {
    if (objection.decision !== "upheld") return [];
    // As the unit stands now: it may have objected as 协办 and been made 主办 since.
    const relation = relationOf(row, "unit", objection.unit);
    if (relation !== "lead" && relation !== "co") return [];
    const occurrence = objectionOccurrence(objection.submissionId, objection.decision);
    const co = relation === "co" ? coUnitDeadline(row, first, objection.unit, practice, ctx) : {};
    return [
      {
        type: "交办异议处理结果",
        suggestionId: id,
        round: 1,
        occurrences: [{ occurrence, dueOn: objection.decidedOn }],
        lastDay: null,
        ...(relation === "co" ? { template: OBJECTION_CO_UNIT_TEMPLATE } : {}),
        recipients: [{ kind: "unit", name: objection.unit }],
        view: (recipient) => ({
          ...view(recipient),
          ...co,
          异议日期: displayDate(objection.objectedOn),
          处理意见: noteAsQuoted(objection.note),
          承办身份: RELATION_LABELS.unit[relation] ?? "",
        }),
      },
    ];
  });
}
