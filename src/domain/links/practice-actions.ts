import { addDaysIso } from "../civil-date";
import { nameKey } from "../directory";
import { extensionStillMatters, isCountingContact } from "../practice/counting-request";
import { hasFact } from "../practice/practice-facts";
import { practiceChecked } from "../practice/practice-since";
import type { EvaluatedRow } from "../summary/evaluated";
import { type CoOpinionState, leadRepliedReason, type SentOpinion } from "./co-opinion";
import type { ObjectionDecision } from "./objection-settling";
import type { Relation } from "./recipient-rows";
import { type ActionCheck, AWAITING_REPLY, assignedAfterToday, closedReason } from "./row-actions";

/**
 * Whether a unit may, on one suggestion and now, request an extension (延期申请), record a contact
 * (沟通记录), send its co-unit opinion (协办意见) or object to its assignment (异议), and if not, why
 * (told to the unit). The relation decides who may (another unit's link never gets this far: 403);
 * the rest is practice.md and ledger.md. Pure: `today` and what the office recorded are arguments.
 */

const no = (reason: string): ActionCheck => ({ ok: false, reason });
const yes: ActionCheck = { ok: true, correcting: false };

function assigned(row: EvaluatedRow): boolean {
  return row.record.review === "立案" && !!row.record.assignedOn;
}

/**
 * Why an action needing the assignment is closed, or null when the suggestion is assigned: one the
 * review withdrew or merged is told as the reply is (closedReason) before `notYet`, since a form
 * posted from a page opened before the review closed it must not have the unit wait for a 立案交办
 * that never comes.
 */
function unassigned(row: EvaluatedRow, notYet: string): ActionCheck | null {
  const closed = closedReason(row.record);
  if (closed) return no(closed);
  return assigned(row) ? null : no(notYet);
}

/** What the office already holds about the suggestion's extensions (its 延期申请 rows and inbox). */
export interface ExtensionState {
  /** An approved request of the lead unit (round 1 already runs six months). */
  readonly approved: boolean;
  /** A request of the lead unit waiting for a decision (in the tab, or sent and not in it yet). */
  readonly pendingSince: string | null;
}

/**
 * practice.md: only the lead unit applies, while round 1 waits for its reply, and not twice at once;
 * 申请日期 (always today on a link) must be after 交办日期, so not on the day of assignment.
 * `replySent`: the unit sent a reply the ledger does not hold yet (row-actions' awaitingSync), which
 * closes it as the reply will once the next sync brings it in (objectionCheck's rule).
 */
export function extensionCheck(
  row: EvaluatedRow,
  relation: Relation,
  state: ExtensionState,
  today: string,
  replySent = false,
): ActionCheck {
  if (relation !== "lead") return no("只有主办单位可以申请延期；协办单位如有困难，请与主办单位沟通");
  const closed = unassigned(row, "该建议尚未立案交办，不能申请延期");
  if (closed) return closed;
  if (row.record.reassignedOn) return no("二次交办的建议不能申请延期，请在二次办理时限内答复");
  if (!AWAITING_REPLY.has(row.computed.status) || replySent) return no("该建议已答复，不需要延期");
  if (state.approved || row.record.period === "六个月")
    return no("该建议的办理期限已是六个月：代表法第五十一条规定最长六个月，不能再延期");
  const assignedOn = row.record.assignedOn ?? "";
  if (today <= assignedOn)
    return no(
      `延期申请的申请日期须晚于交办日期 ${assignedOn}，交办当天不能申请：如需延期，请于 ${addDaysIso(assignedOn, 1)} 起在本页申请`,
    );
  if (state.pendingSince)
    return no(`本单位已于 ${state.pendingSince} 提出延期申请，正在等待代表工委审批，请勿重复申请`);
  return yes;
}

/** 沟通记录: the lead unit or a co-unit, from the assignment on (办前, 办中 and 办后 alike). */
export function contactCheck(row: EvaluatedRow, relation: Relation, today?: string): ActionCheck {
  if (relation !== "lead" && relation !== "co") return no("只有该建议的承办单位可以记录沟通情况");
  // A contact is dated from the 交办日期 to today (the form's date field): none after a future one.
  return (
    unassigned(row, "该建议尚未立案交办，暂不能记录沟通情况") ??
    assignedAfterToday("交办日期", row.record.assignedOn ?? "", today, "记录沟通情况") ??
    yes
  );
}

/**
 * 协办意见: a co-unit sends its written opinion to the lead unit, from the assignment on, until the
 * lead unit replied to the deputy (practice.md: an opinion delivered after the round-1 reply does not
 * count, so the form would ask for work that counts for nothing). `state`: coOpinionState.
 */
export function coOpinionCheck(
  row: EvaluatedRow,
  relation: Relation,
  state: CoOpinionState | null = null,
): ActionCheck {
  if (relation !== "co") return no("协办意见由协办单位送交主办单位；主办单位请直接答复代表");
  const closed = unassigned(row, "该建议尚未立案交办，暂不能送达协办意见");
  if (closed) return closed;
  const replied = leadRepliedReason(state);
  if (replied) return no(replied);
  return yes;
}

/** An opinion's text as compared for a repeat: spaces and line breaks aside (a phone adds them). */
function opinionKey(text: string): string {
  return text.replace(/\s+/g, "");
}

/**
 * Why a 协办意见 posted now repeats one the co-unit already delivered on the suggestion (the tab's
 * rows and what it sent through its link, `mine`: the opinions coOpinionState counts), or null: a
 * Back press resends the page's text under a new one-time id, and the lead unit would read it
 * twice. A different text is a 补充协办意见 and goes through.
 */
export function repeatedCoOpinion(text: string, unit: string, mine: readonly SentOpinion[]): string | null {
  const key = opinionKey(text);
  if (!key) return null;
  const same = mine
    .filter((o) => nameKey(o.unit) === nameKey(unit) && opinionKey(o.summary ?? "") === key)
    .map((o) => o.deliveredOn)
    .sort();
  if (same.length === 0) return null;
  const on = same[0] ? `${same[0]} ` : "";
  return `与 ${on}已送达的协办意见相同，无需重复提交；如有补充，请写明补充的内容后再送达`;
}

/** A 办前 contact as the 沟通记录 tab holds it, or as the unit sent it through its link. */
export interface PriorContact {
  readonly unit: string;
  readonly stage: string | null;
  readonly date: string | null;
}

/**
 * Whether the lead unit's reply, sent now, would have no 办前 contact before it: the sync would
 * then give the row 答复前未记录办前联系 and 沟通率 would count it 未沟通 (suggestion-practice's
 * checkContacts). Only while round 1 waits for its reply, the 沟通记录 tab is kept (`tabKept`) and
 * the suggestion was assigned on or after 启用日期 (`practiceSince`); a contact counts as there: the
 * lead unit's, 办前, dated from 交办日期 to today.
 */
export function priorContactMissing(
  row: EvaluatedRow,
  relation: Relation,
  input: {
    today: string;
    tabKept: boolean;
    practiceSince: string | undefined;
    contacts: readonly PriorContact[];
  },
): boolean {
  const r = row.record;
  if (relation !== "lead" || !input.tabKept || r.review !== "立案" || !r.assignedOn) return false;
  if (r.repliedOn || r.reassignedOn || !practiceChecked(r.assignedOn, input.practiceSince)) return false;
  // As the sync counts a 办前 contact for 沟通率 (suggestion-practice's checkContacts).
  return !input.contacts.some(
    (c) =>
      c.stage === "办前" &&
      c.unit !== "" &&
      nameKey(c.unit) === nameKey(r.leadUnit) &&
      isCountingContact(r, c, input.today),
  );
}

/** An objection a unit already made to this assignment (open or decided). */
export interface ObjectionOnRecord {
  readonly unit: string;
  readonly assignedOn: string;
  readonly objectedOn: string;
  readonly decision: ObjectionDecision | null;
}

/** Why a unit that objected to this assignment already cannot object again, as its decision stands. */
function onRecordReason(mine: ObjectionOnRecord): string {
  const made = `本单位已于 ${mine.objectedOn} 提出异议`;
  if (mine.decision === "upheld") return `${made}，代表工委决定维持交办，请按期办理`;
  // Settled by round 1's reply (objection-settling), whose 答复日期 staff have cleared since.
  if (mine.decision === "replied")
    return `${made}，首轮答复录入台账后该异议已了结，不能再次提出；如有疑问请联系代表工委`;
  return `${made}，正在等待代表工委决定；决定前请照常办理`;
}

/**
 * 异议: a unit assigned (主办 or 协办) objects within 异议期限工作日 working days after the day it was
 * given the suggestion (`deadline`: 交办日期, or the day it was named 主办单位 or added to 协办单位
 * after 交办; ledger.md, the 交办通知 quotes the day), before any reply, once per assignment. `replySent`: the
 * unit sent a reply the ledger does not hold yet (row-actions' awaitingSync), which closes it as
 * the reply will once the next sync brings it in.
 */
export function objectionCheck(
  row: EvaluatedRow,
  relation: Relation,
  input: {
    today: string;
    deadline: string | null;
    unit: string;
    onRecord: readonly ObjectionOnRecord[];
    replySent?: boolean;
  },
): ActionCheck {
  if (relation !== "lead" && relation !== "co") return no("只有交办的承办单位可以对交办提出异议");
  const closed = unassigned(row, "该建议尚未交办");
  if (closed) return closed;
  if (!input.deadline) return no("该建议尚未交办");
  if (row.record.repliedOn || row.record.reassignedOn || input.replySent)
    return no("该建议已答复，不能再对交办提出异议");
  // Its objection to this assignment, or one to an earlier 交办日期 that was not settled by a change
  // of unit: staff correcting the day (the sync leaves the objection open then) is no new assignment.
  const mine = input.onRecord.find(
    (o) =>
      nameKey(o.unit) === nameKey(input.unit) &&
      (o.assignedOn === row.record.assignedOn || o.decision !== "reassigned"),
  );
  if (mine) return no(onRecordReason(mine));
  if (input.today > input.deadline)
    return no(
      `异议期限已于 ${input.deadline} 届满（即交办通知所列的异议期限），不能再在线提出异议；确有特殊情况，请联系代表工委`,
    );
  return yes;
}

/** A 延期申请 as the tab holds it, or as a unit sent it (not in the tab yet). */
export interface ExtensionRequest {
  readonly unit: string;
  readonly appliedOn: string;
  readonly reason: string;
  /** 审批结果 (blank = 待审批); a request not in the tab yet is blank. */
  readonly result: string;
}

/**
 * The lead unit's extension requests as one state: approved (the sync's fact), or waiting since the
 * earliest undecided one; a request the unit sent is waiting until the tab holds it (same day and
 * 理由) with a decision. None waits once round 1's reply made a decision moot (extensionStillMatters,
 * the rule the dashboard and 校验问题 ask, with the round-1 due date the page's 办理记录 asks with):
 * the unit reads 已答复，无需审批 there, not a request staff will never decide.
 */
export function extensionState(
  row: EvaluatedRow,
  inTab: readonly ExtensionRequest[],
  sent: readonly ExtensionRequest[],
): ExtensionState {
  const approved = hasFact(row.practice, "extended");
  if (!extensionStillMatters(row.record, row.firstDeadline?.due ?? null, approved))
    return { approved, pendingSince: null };
  const mine = (r: ExtensionRequest) => nameKey(r.unit) === nameKey(row.record.leadUnit);
  const tabRows = inTab.filter(mine);
  const waiting = [
    ...tabRows.filter((r) => !r.result),
    ...sent
      .filter(mine)
      .filter(
        (s) => !tabRows.some((t) => t.appliedOn === s.appliedOn && t.reason.trim() === s.reason.trim()),
      ),
  ].map((r) => r.appliedOn);
  const pendingSince = waiting.length > 0 ? (waiting.sort()[0] ?? null) : null;
  return { approved, pendingSince };
}
