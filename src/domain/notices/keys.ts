import type { ApprovalResult, Channel, NoticeType } from "../../../sheets-schema/enums";
import { nameKey } from "../directory";

/** What makes a notice the same notice: sent once per these parts (and channel). */
export interface NoticeKeyParts {
  readonly type: NoticeType;
  /** 编号; null for the weekly digest. */
  readonly suggestionId: string | null;
  readonly round: number;
  /**
   * Offset and its day (`d7@2026-05-26`; a bare `d7` in keys of before), interval number and the
   * day sent (`n2@2026-06-15`: spacing.ts; a bare `n2` in keys of before), assignment date, week
   * (`w2026-03-02`) or `-`.
   */
  readonly occurrence: string;
  /** Unit or deputy name, or a digest address. */
  readonly recipient: string;
}

const SEPARATOR = "|";

function part(text: string): string {
  // A name never holds "|" in practice; replacing it keeps the key splittable whatever staff type.
  return text.replaceAll(SEPARATOR, "/");
}

/**
 * The notice's identity without the channel: `type|编号|r<round>|<occurrence>|<recipient>`. A
 * recipient counts as notified once any channel's notice with this base is in the outbox, sent or
 * still to be sent, so a changed 通知渠道 never sends the same reminder again; one that failed for
 * good (失败) does not count, so a working channel sends it (planNotices).
 */
export function noticeBaseKey(parts: NoticeKeyParts): string {
  return [
    parts.type,
    parts.suggestionId ?? "",
    `r${parts.round}`,
    part(parts.occurrence),
    part(nameKey(parts.recipient)),
  ].join(SEPARATOR);
}

/**
 * Who was told what about which suggestion, but for the notice: `编号|recipient`. A recipient sent
 * any notice about a suggestion has heard of it (plan.ts, firstWord).
 */
export function hearingKey(parts: Pick<NoticeKeyParts, "suggestionId" | "recipient">): string {
  return [parts.suggestionId ?? "", part(nameKey(parts.recipient))].join(SEPARATOR);
}

/** hearingKey of a base key (noticeBaseKey). */
export function hearingKeyOf(base: string): string {
  const [, id, , , recipient] = base.split(SEPARATOR);
  return [id ?? "", recipient ?? ""].join(SEPARATOR);
}

/** The outbox's unique idempotency key: the base key plus the channel. */
export function noticeKey(parts: NoticeKeyParts, channel: Channel): string {
  return `${noticeBaseKey(parts)}${SEPARATOR}${channel}`;
}

/** The notices a recipient is told again, as a correction, when what they said changes. */
const RETOLD: ReadonlySet<NoticeType> = new Set<NoticeType>(["交办通知", "延期审批结果", "延期告知"]);

/** A notice named but for its occurrence: what toldKey files the tellings of one notice under. */
export type NoticeNaming = Omit<NoticeKeyParts, "occurrence">;

/**
 * Notices whose occurrences planning weighs by recipient: those told again as corrections, the
 * 逾期催办, spaced from the last one each recipient got (spacing.ts), and the 到期提醒, whose keys of
 * before the day was in them still count (reminderTelling).
 */
const BY_RECIPIENT: ReadonlySet<NoticeType> = new Set<NoticeType>([...RETOLD, "逾期催办", "到期提醒"]);

/**
 * A 到期提醒's occurrence: its 到期提醒天数 and the day it falls due (`d7@2026-05-26`). The day keeps
 * each 办理期限's reminders apart: once the date moves later (a 放假安排 entered, an extension), the
 * reminders counted from the new date go out, though the same offsets went out against the old one.
 */
export function reminderOccurrence(offset: number, day: string): string {
  return `d${offset}@${day}`;
}

/**
 * A 到期提醒 against those told the recipient: a bare `d<offset>` (a key from before the day was in
 * it) is taken as told against 办理期限 as it stands, as it always was, so that an office's outbox
 * does not send every reminder of the catch-up horizon again.
 */
function reminderTelling(occurrence: string, before: readonly string[]): Telling {
  const at = occurrence.indexOf("@");
  const bare = at < 0 ? occurrence : occurrence.slice(0, at);
  return { occurrence: before.includes(bare) ? bare : occurrence, correction: null };
}

/**
 * The occurrences each recipient was already told of a notice that can be corrected, or of a
 * 逾期催办, by `type|编号|r<round>|recipient` (base keys of the outbox): a 交办通知 for another date,
 * or a 延期审批结果 of another 审批结果, is then a correction of the latest.
 */
export function noticesTold(baseKeys: Iterable<string>): Map<string, string[]> {
  const byNotice = new Map<string, string[]>();
  for (const base of baseKeys) {
    const [type, id, round, occurrence, recipient] = base.split(SEPARATOR);
    if (!BY_RECIPIENT.has(type as NoticeType) || !occurrence || recipient === undefined) continue;
    const key = [type, id, round, recipient].join(SEPARATOR);
    byNotice.set(key, [...(byNotice.get(key) ?? []), occurrence]);
  }
  return byNotice;
}

/** The key noticesTold files a notice under. */
export function toldKey(parts: NoticeNaming): string {
  return [parts.type, parts.suggestionId ?? "", `r${parts.round}`, part(nameKey(parts.recipient))].join(
    SEPARATOR,
  );
}

/**
 * A 延期申请's 审批结果 as told: 同意, 不同意, or 待审批 (staff blanked a result told before, so the
 * recipient hears the decision is open again).
 */
export type ToldResult = ApprovalResult | typeof PENDING;
export const PENDING = "待审批";

/**
 * What a changed 主办单位 made of a unit: its lead unit, named in place of another (主办) or named
 * back after it was replaced (仍主办), a co-unit (协办), or neither (无: it need do nothing more).
 */
export type LeadRole = "主办" | "仍主办" | "协办" | "无";

const ROLE_MARK: Readonly<Record<LeadRole, string>> = {
  主办: "+主办",
  仍主办: "+仍主办",
  协办: ">协办",
  无: ">",
};
const ASSIGNMENT = /^([^+>@]+)(\+主办|\+仍主办|>协办|>)?(?:@(.+))?$/;

/**
 * A 交办通知's occurrence: its 交办日期, and for one a changed 主办单位 made due, what it made of the
 * recipient and the day it was seen (`2026-03-02+主办@2026-04-20`, `2026-03-02>@2026-04-20`): each
 * change is told once, and the latest told is known (retellAssignment).
 */
export function assignmentOccurrence(start: string, change?: { role: LeadRole; seenOn: string }): string {
  return change ? `${start}${ROLE_MARK[change.role]}@${change.seenOn}` : start;
}

interface ToldAssignment {
  readonly occurrence: string;
  readonly start: string;
  readonly role: LeadRole | null;
  /** The day it tells of: the day the change was seen, or 交办日期. */
  readonly day: string;
}

function parseAssignment(occurrence: string): ToldAssignment {
  const m = ASSIGNMENT.exec(occurrence);
  const start = m?.[1] ?? occurrence;
  const role = (Object.keys(ROLE_MARK) as LeadRole[]).find((r) => ROLE_MARK[r] === m?.[2]) ?? null;
  return { occurrence, start, role, day: m?.[3] ?? start };
}

/** What a correction says changed since the recipient was last told (tidy.ts words it). */
export type Correction =
  | { readonly of: "交办日期"; readonly was: string; readonly now: string }
  /** 主办单位 changed: what the recipient, told of the suggestion before, is now (tidy.ts words it). */
  | { readonly of: "主办单位"; readonly role: Exclude<LeadRole, "仍主办"> }
  | {
      readonly of: "延期审批结果";
      readonly was: ApprovalResult;
      readonly now: ApprovalResult;
      /** 办理期限 moved with it (the approval that extended round 1 was given or withdrawn). */
      readonly movesDeadline: boolean;
      /** To the lead deputy, told of an extension that no longer holds. */
      readonly withdrawsExtension: boolean;
    }
  | {
      /** A result told is withdrawn: 审批结果 blank again, the request waits for its decision. */
      readonly of: "延期审批结果撤回";
      /** null: told by a key from before corrections, which did not record the result. */
      readonly was: ApprovalResult | null;
      /** 办理期限 moves back (the approval withdrawn was the one that extended round 1). */
      readonly movesDeadline: boolean;
      /** To the lead deputy (a 延期告知), told of an extension that is undecided again. */
      readonly toDeputy: boolean;
    };

/** A 延期申请's decision as its series states it, before planning knows what was told of it. */
export interface DecisionToTell {
  /** 申请日期: which request. */
  readonly request: string;
  readonly result: ToldResult;
  /** 审批日期 (申请日期 when blank; the day of planning for a withdrawal): the day the notice falls due. */
  readonly decidedOn: string;
  readonly movesDeadline: boolean;
}

const TO_TELL = /^([^~]+)~(同意|不同意|待审批)@([^~*]+)(\*?)$/;
/**
 * A told decision: `<申请日期>~<n><审批结果>@<审批日期>` (`~<n>待审批@<day>`: a withdrawal, told that
 * day), or the bare 申请日期 of keys before corrections.
 */
const TOLD = /^([^~]+?)(?:~(\d+)(同意|不同意|待审批)@(.+))?$/;

/** The occurrence a decision's series carries (never stored: planning turns it into a telling). */
export function decisionToTell(d: DecisionToTell): string {
  return `${d.request}~${d.result}@${d.decidedOn}${d.movesDeadline ? "*" : ""}`;
}

function parseToTell(occurrence: string): DecisionToTell | null {
  const m = TO_TELL.exec(occurrence);
  if (!m) return null;
  const [, request, result, decidedOn, moves] = m as unknown as [string, string, ToldResult, string, string];
  return { request, result, decidedOn, movesDeadline: moves === "*" };
}

/**
 * The n-th telling of a decision. The 审批日期 is part of it: tellings of an older 审批日期 may be
 * past the outbox keys the run loads (due within CATCH_UP_DAYS), and a renumbered telling must not
 * land on one of their keys.
 */
function toldOccurrence(want: DecisionToTell, n: number): string {
  return `${want.request}~${n}${want.result}@${want.decidedOn}`;
}

interface Told {
  readonly occurrence: string;
  readonly n: number;
  /** null: a key from before decisions were told again, which did not record the result. */
  readonly result: ToldResult | null;
}

function lastTold(before: readonly string[], request: string): Told | null {
  let last: Told | null = null;
  for (const occurrence of before) {
    const m = TOLD.exec(occurrence);
    if (!m || m[1] !== request) continue;
    const told = {
      occurrence,
      n: m[2] ? Number(m[2]) : 0,
      result: (m[3] as ToldResult | undefined) ?? null,
    };
    if (!last || told.n > last.n) last = told;
  }
  return last;
}

/**
 * What a 延期告知 tells the lead deputy: extended (同意) or not. A refusal and a request waiting again
 * both leave 办理期限 unextended, so one after the other is nothing new to the deputy.
 */
function asTold(type: NoticeType, result: ToldResult): ToldResult {
  return type === "延期告知" && result === PENDING ? "不同意" : result;
}

/**
 * A decision against what the recipient was last told of it: the same (its telling's occurrence, so
 * planning finds it notified), another (the next telling, a correction), or never told. A 延期告知
 * of 不同意 only withdraws an extension the deputy was told of; with none it is not sent. A request
 * waiting for its decision (待审批) is told only to withdraw a result told of it: once, as a
 * correction; the decision staff then enter is news, told plainly.
 */
function retellDecision(type: NoticeType, want: DecisionToTell, before: readonly string[]): Telling | null {
  const withdrawal = type === "延期告知" && want.result === "不同意";
  const last = lastTold(before, want.request);
  if (!last)
    return withdrawal || want.result === PENDING
      ? null
      : { occurrence: toldOccurrence(want, 1), correction: null };
  // A key of before: a 延期告知 was only ever an approval; a 延期审批结果 is taken as what stands
  // (but for a withdrawal: it told some result, which one it does not say).
  const was = last.result ?? (type === "延期告知" ? "同意" : want.result === PENDING ? null : want.result);
  if (was !== null && asTold(type, was) === asTold(type, want.result))
    return { occurrence: last.occurrence, correction: null };
  const occurrence = toldOccurrence(want, last.n + 1);
  if (want.result === PENDING) {
    const withdrawn = was as ApprovalResult | null;
    const movesDeadline = want.movesDeadline && withdrawn !== "不同意";
    const toDeputy = type === "延期告知";
    return { occurrence, correction: { of: "延期审批结果撤回", was: withdrawn, movesDeadline, toDeputy } };
  }
  if (was === PENDING) return { occurrence, correction: null };
  return {
    occurrence,
    correction: {
      of: "延期审批结果",
      was: was as ApprovalResult,
      now: want.result,
      movesDeadline: want.movesDeadline,
      withdrawsExtension: withdrawal,
    },
  };
}

/**
 * A 交办通知 against those told the recipient before. Of another 交办日期, it corrects the latest.
 * One a changed 主办单位 made due is weighed against the latest told: what the unit knows already
 * is not told again (a unit replaced and named back before any run told it so hears nothing), what
 * it was told otherwise is corrected, and a unit never told of the suggestion is not told it was
 * replaced (there is nothing to correct).
 */
function retellAssignment(occurrence: string, before: readonly string[]): Telling | null {
  const want = parseAssignment(occurrence);
  const told = before.map(parseAssignment).sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : 0));
  const last = told.at(-1);
  const leads = (t: ToldAssignment | undefined) => t?.role !== "协办" && t?.role !== "无";
  if (want.role === "协办" || want.role === "无") {
    if (!last) return null;
    if (last.role === want.role) return { occurrence: last.occurrence, correction: null };
    return { occurrence, correction: { of: "主办单位", role: want.role } };
  }
  if (want.role && last) {
    if (!leads(last)) return { occurrence, correction: { of: "主办单位", role: "主办" } };
    // Told it leads already: named back before it heard it was replaced, or told anew once.
    if (want.role === "仍主办" || last.role !== null)
      return { occurrence: last.occurrence, correction: null };
    // Told of the suggestion only as it stood before (a co-unit's 交办通知): it leads it now.
    return { occurrence, correction: null };
  }
  const earlier = told
    .map((t) => t.start)
    .sort()
    .at(-1);
  const corrected = earlier !== undefined && earlier !== want.start;
  return { occurrence, correction: corrected ? { of: "交办日期", was: earlier, now: want.start } : null };
}

/** What a due notice is keyed by, and what it corrects of the recipient's earlier notice. */
export interface Telling {
  readonly occurrence: string;
  readonly correction: Correction | null;
}

/**
 * The telling of a due occurrence to one recipient, given what the outbox holds (noticesTold): a
 * 交办通知 of another 交办日期 than the latest told corrects it; a changed 审批结果 is told again,
 * once per change (changing back is another change). null: nothing to tell this recipient.
 */
export function tellingOf(
  naming: NoticeNaming,
  occurrence: string,
  told: ReadonlyMap<string, readonly string[]>,
): Telling | null {
  if (naming.type === "到期提醒") return reminderTelling(occurrence, told.get(toldKey(naming)) ?? []);
  if (!RETOLD.has(naming.type)) return { occurrence, correction: null };
  const before = told.get(toldKey(naming)) ?? [];
  if (naming.type === "交办通知") return retellAssignment(occurrence, before);
  const want = parseToTell(occurrence);
  return want ? retellDecision(naming.type, want, before) : { occurrence, correction: null };
}

/**
 * A 交办异议处理结果's occurrence: the objection (its submission id, one per unit and assignment) and
 * the decision told, so each unit hears the decision on each of its objections once. Staff decide an
 * objection once (Objections.decide: only an open one), so there is no other decision to correct it to.
 */
export function objectionOccurrence(submissionId: string, decision: string): string {
  return `${submissionId}~${decision}`;
}

/** The base key of a stored idempotency key. */
export function baseKeyOf(key: string): string {
  const last = key.lastIndexOf(SEPARATOR);
  return last < 0 ? key : key.slice(0, last);
}
