import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import type { EvaluatedRow } from "../summary/evaluated";
import type { LinkKind } from "./capability";
import type { Relation } from "./recipient-rows";

/** Whether an action is open on a suggestion now, and if not, why (told to the recipient). */
export type ActionCheck = { ok: true; correcting: boolean } | { ok: false; reason: string };

/** Statuses that wait for the unit's reply (either round). */
export const AWAITING_REPLY: ReadonlySet<string> = new Set(["办理中", "即将到期", "已逾期"]);

const no = (reason: string): ActionCheck => ({ ok: false, reason });

/**
 * What the recipient sent through links, as the checks weigh it: an inbox entry's form, whether
 * intake wrote it to the sheet, and when it came in (ISO).
 */
export interface SentEntry {
  readonly form: string;
  readonly status: string;
  readonly receivedAt: string;
}

/**
 * Whether the ledger as of the last sync (stamped `syncedAt`) cannot hold a submission yet, so that
 * it belongs to the round that ledger shows open: intake has not written it (it then goes to the
 * round the sheet is in, this one or a later), or it came in after that sync stored the ledger. One
 * written before is in the row already, or is an earlier round's (the round-1 rating a 二次交办
 * followed, often the same day as the round-2 reply): the row speaks for it, not the inbox. Not by
 * dates, which cannot tell those apart. One written while a sync ran, after it read the row, is
 * taken as held until the next sync: a window of that run's length. One staff voided never counts.
 */
export function awaitingSync(entry: SentEntry, syncedAt: string | null): boolean {
  if (entry.status === "discarded") return false;
  if (entry.status !== "applied") return true;
  return syncedAt === null || entry.receivedAt > syncedAt;
}

/**
 * How far a submission has got, in the words every line of a link's page uses for it (已提交, the
 * note where its form was, the reply card), so they never disagree. `awaiting` (awaitingSync): one
 * intake wrote is in the sheet, yet the page shows the ledger as the last sync read it until the
 * next one, and says so rather than "已写入" above the old values. One intake could not write
 * (failed, unmatched) is the office's to fix, and 校验问题 tells staff why: its error (English,
 * the service account's address, what to do with a key) is never the recipient's, who is told only
 * that it arrived and stays queued, so as not to send it again.
 */
export function writeState(entry: Pick<SentEntry, "status">, awaiting: boolean, to = "台账"): string {
  if (entry.status === "discarded") return `代表工委已作废，未写入${to}`;
  if (entry.status === "pending") return `正在写入${to}`;
  if (entry.status !== "applied") return `正在写入${to}，无需重新提交`;
  return awaiting ? `已写入${to}，下次同步后本页更新` : `已写入${to}`;
}

/**
 * Why no unit handles a suggestion the review closed after 交办: the deputy withdrew it (撤回), or it
 * was merged into another (并案), which is handled and answered instead. Told before anything else
 * (a co-unit too): "尚未立案交办" would have the unit wait for a 交办 that never comes.
 */
export function closedReason(record: Pick<LedgerRecord, "review" | "mergedInto">): string | null {
  if (record.review === "撤回") return "代表已撤回该建议，无需办理。";
  if (record.review !== "并案") return null;
  return record.mergedInto
    ? `该建议已并入 ${record.mergedInto} 一并办理，无需单独答复。`
    : "该建议已并案办理，无需单独答复。";
}

/**
 * What the recipient of a 并案 suggestion does now, told after "本建议已并入 X 一并办理。": it depends
 * on what the link's recipient is on X (`relation`, null when X is not its own and the link cannot
 * open it). A co-unit of the merged one that co-handles X too sends its 协办意见 to X's lead unit
 * (`leadUnit`); one not on X has nothing more to do, and is not sent to a page it cannot see.
 */
export function mergedAdvice(kind: LinkKind, relation: Relation | null, leadUnit: string): string {
  // A leader's supervision does not follow the merge: said, so he or she does not wait for notices.
  if (kind === "leader" && !relation)
    return "您没有列为该建议的督办领导或领办领导，不会收到它的催办和通知；如需继续督办，请联系代表工委。";
  if (kind !== "unit")
    return relation
      ? "办理进展和答复请见该建议。"
      : "该建议由其承办单位办理并答复；如需了解办理情况，请联系代表工委。";
  if (relation === "lead") return "本单位是该建议的主办单位，请在该建议中一并答复代表。";
  if (relation === "co")
    return `本单位也是该建议的协办单位，请就该建议向其主办单位${leadUnit}送达协办意见；本建议无需另行办理。`;
  return "本单位不是该建议的承办单位，本建议无需再办理（不必答复，也不必送达协办意见）；如有疑问，请联系代表工委。";
}

/**
 * A form dated from a round's assignment to today, for a round assigned later than today (a date
 * typed wrong, already an 错误 in 校验问题): no date could fill it, so it is not offered, and the
 * recipient is told why and whom to ask. Null when the date is today or earlier (or `today` unknown).
 */
export function assignedAfterToday(
  label: "交办日期" | "二次交办日期",
  assignedOn: string,
  today: string | undefined,
  action: string,
): ActionCheck | null {
  if (!today || assignedOn <= today) return null;
  return no(
    `台账记的${label}是 ${assignedOn}，晚于今天（${today}），暂不能${action}：可能是日期填错了，请联系代表工委核实`,
  );
}

/**
 * A unit replies as 主办单位 while a reply is awaited; it may correct its reply until the deputy has
 * rated it (the ledger keeps one reply per round; the history keeps both). `replySent`: the unit sent
 * a reply of this round the ledger does not hold yet (awaitingSync); the form is then a correction,
 * as it is once the next sync brings the reply in.
 */
export function replyCheck(
  row: EvaluatedRow,
  relation: Relation,
  replySent = false,
  /** The office's today: a round assigned later than it (a date typed wrong) takes no reply yet. */
  today?: string,
): ActionCheck {
  const closed = closedReason(row.record);
  if (closed) return no(closed);
  if (relation !== "lead") return no("只有主办单位可以答复；协办单位请把协办意见送交主办单位");
  if (row.record.review !== "立案" || !row.record.assignedOn) return no("该建议尚未立案交办，暂不能答复");
  // A reply is not dated before its round's 交办日期 (checkReplyForm), nor after today.
  const early = row.record.reassignedOn
    ? assignedAfterToday("二次交办日期", row.record.reassignedOn, today, "提交答复")
    : assignedAfterToday("交办日期", row.record.assignedOn, today, "提交答复");
  if (early) return early;
  const status = row.computed.status;
  if (AWAITING_REPLY.has(status)) return { ok: true, correcting: replySent };
  if (status === "待测评") return { ok: true, correcting: true };
  // The page offers 报送落实情况 instead (progress-report): the 跟踪提醒 asks for progress, not a new reply.
  if (status === "跟踪落实")
    return no(
      "代表已测评，答复不能再在线修改（如需更正，请联系代表工委）；落实进展请在本页“报送落实情况”中报送",
    );
  return no(
    `该建议目前的状态是“${status || "未知"}”，代表已测评，不能再在线修改答复；如需更正，请联系代表工委`,
  );
}

/**
 * A correction of a reply the deputy rated since the last sync: the rating is in the inbox, and the
 * link's page, as of that sync, still says 待测评. Refused as replyCheck refuses a rated reply: a unit
 * must not change its 答复类别 under a deputy's 不满意. `ratedOn`: the office's date a rating of this
 * round came in that the ledger does not hold yet (awaitingSync), or null. Round-aware by that
 * filter, not by dates: round 1's rating and round 2's reply often share a day.
 */
export function correctionCheck(ratedOn: string | null): ActionCheck {
  if (ratedOn === null) return { ok: true, correcting: true };
  return no(`代表已于 ${ratedOn} 对本轮答复提交测评，不能再在线修改答复；如需更正，请联系代表工委`);
}

/**
 * A rating of this round the deputy sent that the ledger as of the last sync does not hold
 * (awaitingSync): what it says, the 测评日期 intake writes with it, and how far it got (writeState).
 */
export interface SentRating {
  readonly rating: string;
  readonly on: string;
  readonly comment: string;
  readonly state: string;
}

/**
 * The lead deputy rates the reply of the current round, once it is in the ledger and not yet rated.
 * `sent`: the rating of this round the ledger does not hold yet, or null: one rating a round, as
 * after the sync brings it in; the note says of it what the page's other lines say.
 */
export function ratingCheck(
  row: EvaluatedRow,
  relation: Relation,
  sent: Pick<SentRating, "on" | "state"> | null = null,
): ActionCheck {
  if (relation !== "lead") return no("只有领衔代表可以测评；附议代表可以查看办理情况");
  const status = row.computed.status;
  if (status === "待测评" && sent !== null)
    return no(`您已于 ${sent.on} 提交本轮答复的测评，${sent.state}；如需修改，请联系代表工委`);
  if (status === "待测评") return { ok: true, correcting: false };
  if (AWAITING_REPLY.has(status)) return no("承办单位尚未答复；答复后即可在这里测评");
  if (row.record.rating || row.record.secondRating)
    return no("您已测评过该建议的本轮答复；如需修改，请联系代表工委");
  return no(`该建议目前的状态是“${status || "未知"}”，暂不能测评`);
}

/**
 * The lead unit's reply of this round the ledger as of the last sync does not hold yet (awaitingSync),
 * as a leader's page tells it: who sent it, the office's day it came in, and how far it got.
 */
export interface UnitReplySent {
  readonly unit: string;
  readonly on: string;
  readonly state: string;
}

/**
 * How far a unit's reply got, for a leader: one intake could not write is the office's to fix, not
 * the leader's (writeState's "无需重新提交" speaks to the unit that sent it).
 */
export function unitReplyState(entry: Pick<SentEntry, "status">): string {
  return entry.status === "applied" ? writeState(entry, true) : "正在写入台账";
}

/** "区应急管理局已于 2026-12-08 提交答复，正在写入台账": the leader's page, its list card and the refused 催办. */
export function unitReplySentText(sent: UnitReplySent): string {
  return `${sent.unit || "主办单位"}${sent.on ? `已于 ${sent.on} ` : "已"}提交答复，${sent.state}`;
}

/** The reply date of the round the row is in (二次答复日期 once 二次交办), or "" when none. */
function currentReplyDate(
  record: Pick<LedgerRecord, "reassignedOn" | "repliedOn" | "secondRepliedOn">,
): string {
  return (record.reassignedOn ? record.secondRepliedOn : record.repliedOn) ?? "";
}

/**
 * A leader urges the lead unit while its reply is awaited: the 督办领导, and the 领办领导 who leads
 * the handling (practice.md sends both the 逾期催办 of their suggestions). `replySent`: the unit's
 * reply of this round that the ledger as of the last sync does not hold yet: the unit has answered,
 * and a 催办 would tell it otherwise.
 */
export function urgeCheck(
  row: EvaluatedRow,
  relation: Relation,
  replySent: UnitReplySent | null = null,
): ActionCheck {
  if (relation !== "supervisor" && relation !== "handling")
    return no("只有该建议的督办领导或领办领导可以催办");
  if (!row.record.leadUnit) return no("该建议尚未确定主办单位");
  if (!AWAITING_REPLY.has(row.computed.status)) {
    const repliedOn = currentReplyDate(row.record);
    if (repliedOn) return no(`${row.record.leadUnit}已于 ${repliedOn} 答复代表，无需催办`);
    return no(`该建议目前的状态是“${row.computed.status || "未知"}”，不在等待答复，无需催办`);
  }
  if (replySent) return no(`${unitReplySentText(replySent)}，无需催办`);
  return { ok: true, correcting: false };
}
