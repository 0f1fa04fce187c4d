import type { ApprovalResult } from "../../../sheets-schema/enums";
import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import type { ExtensionRecord } from "../../../sheets-schema/tabs/practice-tabs";
import { addDaysIso } from "../civil-date";
import { nameKey } from "../directory";
import { isCountingRequest } from "../practice/counting-request";
import { hasFact } from "../practice/practice-facts";
import type { PracticeIndex } from "../practice/practice-index";
import { practiceChecked } from "../practice/practice-since";
import type { ParsedRow } from "../read-tab";
import type { EvaluatedRow } from "../summary/evaluated";
import { coUnitStart, leadGivenOn } from "./catch-up";
import { displayDate } from "./format";
import { coUnitIntroduction, leadIntroduction } from "./introductions";
import { decisionToTell, PENDING, type ToldResult } from "./keys";
import { coOpinionDeadline, type View } from "./placeholders";
import { clearedReplyGraceEnd } from "./reply-cleared";
import {
  type NoticeSeries,
  type Round,
  replyPresent,
  roundsOf,
  roundView,
  type SeriesContext,
} from "./series";

const same = (a: string, b: string) => a !== "" && nameKey(a) === nameKey(b);

/**
 * Whether a 沟通记录 or 协办意见 row's date lets it count against round 1's reminders: readable, not
 * after the day of the run and not before 交办日期. Staff are asked to check a row dated otherwise
 * (check-practice-rows.ts, suggestion-practice.ts): a contact typed 2026-12-20 on the 16th has not
 * happened, and one dated before 交办 was not about this handling, so neither silences the
 * reminder meanwhile. The rows carry their dates: no lookup beyond the suggestion's own rows.
 */
const datedWithin = (date: string | null, first: Round, today: string): boolean =>
  date !== null && date >= first.start && date <= today;

/**
 * Round 1 waits for its reply: 沟通提醒 and 协办提醒 are about the handling, not after it. Both count
 * from 交办: none while 交办日期 is before 提出日期 (an 错误; its 交办通知 waits too, handling-series.ts),
 * and none for a round 交办 before 设置 启用日期, handled before the office recorded either here.
 */
function awaitingFirstReply(row: EvaluatedRow, ctx: SeriesContext): Round | null {
  const first = roundsOf(row)[0];
  if (!first || first.repliedOn || first.assignedOnContradicted) return null;
  // A reply cleared lately may be put back (reply-cleared.ts): no reminder of a handling it ended.
  if (clearedReplyGraceEnd(row, 1, ctx.today)) return null;
  return practiceChecked(first.start, ctx.settings.practiceSince) ? first : null;
}

/**
 * 沟通提醒: 办前沟通提醒天数 after 交办 with no 办前 contact by the lead unit, to the lead unit,
 * once per suggestion and 交办日期.
 */
function contactReminder(row: EvaluatedRow, practice: PracticeIndex, ctx: SeriesContext): NoticeSeries[] {
  const first = awaitingFirstReply(row, ctx);
  const { record } = row;
  if (!first || !row.id || !practice.contacts.available) return [];
  const contacted = practice.contacts
    .of(row.id)
    .some(
      (c) =>
        !c.blank &&
        c.record.stage === "办前" &&
        same(c.record.unit, record.leadUnit) &&
        datedWithin(c.record.date, first, ctx.today),
    );
  if (contacted) return [];
  // Counted from the day the unit was given the suggestion (leadGivenOn): one named 主办单位 weeks
  // after 交办 is not reminded the day it hears of it, and is told the day it was given it, not
  // 交办日期. The key stays 交办日期's: each unit's reminder is its own (the recipient is in it).
  const given = leadGivenOn(first.start, row, record.leadUnit);
  const view = roundView(row, first, ctx);
  return [
    {
      type: "沟通提醒",
      suggestionId: row.id,
      round: 1,
      occurrences: [{ occurrence: first.start, dueOn: addDaysIso(given, ctx.settings.preContactDays) }],
      lastDay: null,
      recipients: [{ kind: "unit", name: record.leadUnit }],
      introducedBy: leadIntroduction(row, first, ctx),
      view:
        given === first.start ? view : (recipient) => ({ ...view(recipient), 交办日期: displayDate(given) }),
    },
  ];
}

/** 协办提醒: 协办意见期限天数 after 交办, to each co-unit with no 协办意见 row yet, once. */
function coOpinionReminder(row: EvaluatedRow, practice: PracticeIndex, ctx: SeriesContext): NoticeSeries[] {
  const first = awaitingFirstReply(row, ctx);
  const { record } = row;
  if (!first || !row.id || !practice.coOpinions.available) return [];
  const sent = practice.coOpinions
    .of(row.id)
    .filter((o) => !o.blank && datedWithin(o.record.deliveredOn, first, ctx.today));
  const silent = record.coUnits.filter(
    (unit) => !same(unit, record.leadUnit) && !sent.some((o) => same(o.record.unit, unit)),
  );
  const view = roundView(row, first, ctx);
  // Counted from the day each co-unit was told: a unit added weeks after 交办 is not reminded the
  // day it hears of the suggestion.
  return [...new Set(silent)].map((name) => {
    const told = coUnitStart(first.start, row, name);
    const dueOn = addDaysIso(told, ctx.settings.coOpinionDays);
    return {
      type: "协办提醒",
      suggestionId: row.id as string,
      round: 1,
      occurrences: [{ occurrence: "-", dueOn }],
      lastDay: null,
      recipients: [{ kind: "unit", name }],
      introducedBy: coUnitIntroduction(row, first, name, ctx),
      view: (recipient: string) => ({ ...view(recipient), 协办意见期限: coOpinionDeadline(told, ctx) }),
    };
  });
}

/**
 * The placeholders of an extension notice: the request, and 办理期限 as it stands after it.
 * {{已答复}} once round 1's reply is in (replyPresent, as deputyView reads it): a unit that replied
 * late is told the decision and 办理期限, not asked to reply.
 */
function extensionView(row: EvaluatedRow, first: Round, ext: ExtensionRecord, ctx: SeriesContext) {
  const base = roundView(row, first, ctx);
  const replied = replyPresent(first) ? "是" : "";
  return (recipient: string): View => ({
    ...base(recipient),
    申请日期: ext.appliedOn ? displayDate(ext.appliedOn) : "",
    审批结果: ext.result ?? PENDING,
    延期理由: ext.reason,
    已答复: replied,
  });
}

/**
 * The lead deputy's view of an extension: {{逾期天数}} only while round 1 awaits its reply, so the
 * 延期告知 says the extended 办理期限 has run out too, and the office is urging the unit, only when
 * the unit has not replied by then: after a reply, nothing is overdue for the deputy to be told of.
 */
function deputyView(first: Round, view: (recipient: string) => View): (recipient: string) => View {
  return replyPresent(first) ? (recipient) => ({ ...view(recipient), 逾期天数: "" }) : view;
}

/**
 * The lead unit's requests that count (isCountingRequest: one with an 错误 is told to nobody until
 * staff mend it), decided or waiting (待审批), and the one that extended round 1 (the first approval).
 */
function countingRequests(record: LedgerRecord, rows: readonly ParsedRow<ExtensionRecord>[]) {
  const counting = rows.filter((e) => isCountingRequest(record, e));
  const decided = counting.filter((e) => e.record.result);
  const pending = counting.filter((e) => !e.record.result);
  const approved = decided.find((e) => e.record.result === "同意");
  return { decided, pending, extending: record.period === "六个月" ? undefined : approved };
}

/**
 * 延期审批结果 (to the unit, once per request and 审批结果: a changed result is told again, as a
 * correction) and 延期告知 (to the lead deputy, for the approval that moved 办理期限: the new due
 * date and the reason; and, when that approval is withdrawn with none other to extend, a correction
 * saying 办理期限 is not extended after all). A result staff blank again is withdrawn, to each told
 * of it, as a correction saying the request waits for its decision. Which telling is due is decided
 * against the outbox (tellingOf): these series state the decision as it stands.
 */
function extensionNotices(row: EvaluatedRow, practice: PracticeIndex, ctx: SeriesContext): NoticeSeries[] {
  const first = roundsOf(row)[0];
  const { record } = row;
  if (!first || !row.id || !practice.extensions.available) return [];
  const { decided, pending, extending } = countingRequests(record, practice.extensions.of(row.id));
  const extendable = record.period !== "六个月";
  const out: NoticeSeries[] = [];
  // A request waiting for its decision: its series tell only those told a result of it that staff
  // have since blanked (tellingOf), once. The sheet keeps no day of the blanking: it falls due on
  // the day planning finds it, while the result told is within the outbox keys planning loads.
  for (const ext of pending) {
    const request = ext.record.appliedOn as string;
    // With no other approval standing, an approval withdrawn takes 办理期限 back to three months.
    const reopened = !extending && extendable;
    const waiting = { request, result: PENDING, decidedOn: ctx.today, movesDeadline: reopened } as const;
    const occurrences = [{ occurrence: decisionToTell(waiting), dueOn: ctx.today }];
    const view = extensionView(row, first, ext.record, ctx);
    const base = { suggestionId: row.id, round: 1, occurrences, lastDay: null, view } as const;
    out.push({ ...base, type: "延期审批结果", recipients: [{ kind: "unit", name: record.leadUnit }] });
    if (reopened && record.leadDeputy)
      out.push({
        ...base,
        type: "延期告知",
        recipients: [{ kind: "deputy", name: record.leadDeputy }],
        view: deputyView(first, view),
      });
  }
  for (const ext of decided) {
    const { appliedOn, decidedOn, result } = ext.record;
    const request = appliedOn as string;
    const dueOn = decidedOn ?? request;
    // Refused with no other approval standing: if it had been approved, its approval was the one
    // that moved 办理期限, which moves back now.
    const withdrawn = result === "不同意" && !extending && extendable;
    const movesDeadline = ext === extending || withdrawn;
    const tell = (told: ToldResult) => [
      { occurrence: decisionToTell({ request, result: told, decidedOn: dueOn, movesDeadline }), dueOn },
    ];
    const view = extensionView(row, first, ext.record, ctx);
    out.push({
      type: "延期审批结果",
      suggestionId: row.id,
      round: 1,
      occurrences: tell(result as ApprovalResult),
      lastDay: null,
      recipients: [{ kind: "unit", name: record.leadUnit }],
      view,
    });
    if ((ext === extending || withdrawn) && record.leadDeputy)
      out.push({
        type: "延期告知",
        suggestionId: row.id,
        round: 1,
        occurrences: tell(ext === extending ? "同意" : "不同意"),
        lastDay: null,
        recipients: [{ kind: "deputy", name: record.leadDeputy }],
        view: deputyView(first, view),
      });
  }
  return out;
}

/**
 * The suggestions a practice notice may concern, from the rows' stored facts: round 1 still
 * awaiting its reply (沟通提醒, 协办提醒), or an extension request decided or waiting (延期审批结果,
 * 延期告知, and their withdrawal).
 * Notice planning reads only their practice rows.
 */
export function practiceNoticeIds(rows: readonly EvaluatedRow[]): string[] {
  const ids: string[] = [];
  for (const row of rows) {
    if (!row.id) continue;
    const awaiting = row.record.review === "立案" && row.record.assignedOn && !row.record.repliedOn;
    // A request waiting (again) may withdraw a result told (延期审批结果撤回).
    const extension = hasFact(row.practice, "extensionDecided") || hasFact(row.practice, "extensionPending");
    if (awaiting || extension) ids.push(row.id);
  }
  return ids;
}

/**
 * The notices of practice.md about one suggestion. Each needs its tab (沟通记录, 协办意见,
 * 延期申请): an office that does not keep one gets none of its notices.
 */
export function practiceSeries(
  row: EvaluatedRow,
  practice: PracticeIndex,
  ctx: SeriesContext,
): NoticeSeries[] {
  return [
    ...contactReminder(row, practice, ctx),
    ...coOpinionReminder(row, practice, ctx),
    ...extensionNotices(row, practice, ctx),
  ];
}
