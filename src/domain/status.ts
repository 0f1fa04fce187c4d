import type { LedgerStatus } from "../../sheets-schema/enums";
import type { LedgerRecord } from "../../sheets-schema/tabs/ledger";
import { daysBetween } from "./deadlines";

/** The ledger fields the status depends on. */
export type StatusFields = Pick<
  LedgerRecord,
  | "review"
  | "leadUnit"
  | "assignedOn"
  | "repliedOn"
  | "rating"
  | "reassignedOn"
  | "secondRepliedOn"
  | "secondRating"
  | "replyClass"
  | "implementation"
  | "secondReplyClass"
  | "crossYear"
>;

export interface StatusContext {
  /** Local date in 设置 时区 (ISO). */
  readonly today: string;
  /** 设置 即将到期天数. */
  readonly dueSoonDays: number;
  /** Round-1 办理期限 (ISO), or null when it cannot be computed. */
  readonly firstDue: string | null;
  /** Round-2 办理期限 (ISO), or null when there is no second assignment. */
  readonly secondDue: string | null;
}

/** Rule 5 for a round: overdue, due soon, or in progress. */
function handlingStatus(due: string | null, ctx: StatusContext): LedgerStatus {
  if (!due) return "办理中";
  const left = daysBetween(ctx.today, due);
  if (left < 0) return "已逾期";
  if (left <= ctx.dueSoonDays) return "即将到期";
  return "办理中";
}

/**
 * Whether round 2 is the round the status speaks of: 二次交办日期 set after round 1's reply was rated
 * (computeStatus reaches round 2 only then). A 二次交办日期 typed before any reply is an 错误 on the
 * row, and round 1 stays current: its due date is the one 办理期限 shows beside 已逾期 or 办理中.
 */
export function inSecondRound(row: Pick<StatusFields, "reassignedOn" | "repliedOn" | "rating">): boolean {
  return !!row.reassignedOn && !!row.repliedOn && !!row.rating;
}

/**
 * 台账状态 by the spec's rules, first match wins (退回修改 and 撤回 of practice.md first). A second assignment (二次交办日期) opens round 2,
 * which runs through rules 5–6 again with its own due date, reply and rating; rules 8–10 then look
 * at the latest round's rating. Total: inconsistent rows (flagged by the row checks) still get a
 * status, and no input makes it throw.
 */
/**
 * The day a 二次交办日期 must not precede, and the column that holds it: the deputy's rating of round 1
 * (测评日期), which a second assignment answers, or 答复日期 where no later 测评日期 is typed. A date
 * before it is a slip (2026-11-01 typed for 2026-12-01): an 错误, and round 2's notices wait for it.
 */
export function reassignmentFloor(
  record: Pick<LedgerRecord, "repliedOn" | "ratedOn">,
): { header: "测评日期" | "答复日期"; day: string } | null {
  const { repliedOn, ratedOn } = record;
  if (ratedOn && (!repliedOn || ratedOn > repliedOn)) return { header: "测评日期", day: ratedOn };
  return repliedOn ? { header: "答复日期", day: repliedOn } : null;
}

export function computeStatus(row: StatusFields, ctx: StatusContext): LedgerStatus {
  // practice.md: both come before rule 1 of ledger.md.
  if (row.review === "退回修改") return "退回修改";
  if (row.review === "撤回") return "已撤回";
  if (row.review === "不予立案") return "不予立案";
  if (row.review === "并案") return "已并案";
  if (row.review !== "立案") return "待审查";
  if (!row.leadUnit || !row.assignedOn) return "待交办";
  // Round 1 (rules 5–7).
  if (!row.repliedOn) return handlingStatus(ctx.firstDue, ctx);
  if (!row.rating) return "待测评";
  if (row.rating === "不满意" && !row.reassignedOn) return "待二次交办";
  // Round 2 runs through rules 5–6 with its own dates.
  if (inSecondRound(row)) {
    if (!row.secondRepliedOn) return handlingStatus(ctx.secondDue, ctx);
    if (!row.secondRating) return "待测评";
  }
  if (row.secondRating === "不满意") return "跨年督办";
  if (row.crossYear === true) return "跨年督办";
  // Rule 10: here the latest rating is 满意 or 基本满意 (a 不满意 returned above), of the latest
  // reply, whose class it asks: a B promise made in round 2 is followed up (跟踪落实) as one of round 1.
  if (latestReplyClass(row) === "B" && row.implementation !== "已落实") return "跟踪落实";
  return "已办结";
}

/**
 * The class of the latest reply: 二次答复类别 once round 2 is answered (practice.md), else 答复类别.
 * 落实情况 follows it, as 落实率 does (src/domain/evaluation/README.md).
 */
export function latestReplyClass(
  row: Pick<
    StatusFields,
    "replyClass" | "secondReplyClass" | "secondRepliedOn" | "reassignedOn" | "repliedOn" | "rating"
  >,
): StatusFields["replyClass"] {
  return inSecondRound(row) && row.secondRepliedOn && row.secondReplyClass
    ? row.secondReplyClass
    : row.replyClass;
}
