import type { LedgerKey, LedgerRecord } from "../../sheets-schema/tabs/ledger";
import { EXCELLENT_UNREPLIED_TEXT, excellentNotAcceptedText } from "./evaluation/excellent";
import type { ParsedRow } from "./read-tab";
import { latestReplyClass } from "./status";

type Row = ParsedRow<LedgerRecord>;

/** A date that records something that already happened must not be after today. */
function notAfterToday(row: Row, header: string, date: string | null, today: string): void {
  if (date && date > today) row.problems.error(header, `${header} ${date} 晚于今天（${today}）：请核对`);
}

/**
 * A 交办日期 may be typed ahead of a planned 交办会, so one after today is not an 错误; but a year
 * typed wrong (2062 for 2026) would silently put the deadline and every reminder years away, the
 * only word of it a request to enter 2062's holidays. So it is a 提醒 saying what it does.
 */
function aheadOfToday(row: Row, header: string, date: string | null, today: string): void {
  if (date && date > today)
    row.problems.warn(
      header,
      `${header} ${date} 晚于今天（${today}）：如是笔误请改正；否则交办通知要到这一天才发出，办理期限也从这一天算起`,
    );
}

/** "Date A must not be before date B"; `held`: what waits for the correction, said with it. */
function notBefore(
  row: Row,
  laterHeader: string,
  later: string | null,
  earlierHeader: string,
  earlier: string | null,
  held = "",
): void {
  if (later && earlier && later < earlier) {
    row.problems.error(laterHeader, `${laterHeader} ${later} 早于${earlierHeader} ${earlier}：请核对${held}`);
  }
}

/**
 * A reply dated before its round's 交办日期 holds the notices counted from it (notices/reply-series.ts,
 * repliedBeforeAssigned): said, as the other holds are, so staff know the deputy is waiting on it.
 */
const REPLY_NOTICES_HELD = "；在改正之前，答复告知、测评提醒和跟踪提醒暂停发送";

/**
 * A 交办日期 before 提出日期 (2026-02-01 typed for 2026-12-01) counts 办理期限 from a slip: the notices
 * to the units counted from it wait for the correction (notices/series.ts, assignedOnContradicted),
 * the 交办通知 too, which would state that date. 办理期限 and 台账状态 are still written from it, as
 * for the other holds: the sheet shows what the date typed means, and this 错误 says it is wrong.
 */
const ASSIGNMENT_NOTICES_HELD = "；在改正之前，交办通知、沟通提醒、协办提醒、到期提醒和逾期催办暂停发送";

/** The same for 二次交办日期 before 测评日期 or 答复日期 (round 2 has no 沟通提醒 or 协办提醒). */
const REASSIGNMENT_NOTICES_HELD = "；在改正之前，二次交办通知、到期提醒和逾期催办暂停发送";

// The dates are read by name, not through a table of keys: a lookup by a key that varies was a
// megamorphic load, nine per row.
function checkDates(row: Row, today: string): void {
  const r = row.record;
  notAfterToday(row, "提出日期", r.submittedOn, today);
  notAfterToday(row, "答复日期", r.repliedOn, today);
  notAfterToday(row, "测评日期", r.ratedOn, today);
  notAfterToday(row, "二次答复日期", r.secondRepliedOn, today);
  aheadOfToday(row, "交办日期", r.assignedOn, today);
  aheadOfToday(row, "二次交办日期", r.reassignedOn, today);
  // Only a 立案 row has notices to hold (one not 立案 is told its 交办 does nothing yet: checkSteps).
  const accepted = r.review === "立案";
  notBefore(
    row,
    "交办日期",
    r.assignedOn,
    "提出日期",
    r.submittedOn,
    accepted ? ASSIGNMENT_NOTICES_HELD : "",
  );
  notBefore(row, "答复日期", r.repliedOn, "交办日期", r.assignedOn, REPLY_NOTICES_HELD);
  notBefore(row, "测评日期", r.ratedOn, "答复日期", r.repliedOn);
  // Before the reply, or after it but before the rating that called for it (reassignmentFloor; 12-07:
  // one typed a month early pressed the unit as 已逾期 6 天 with no word to staff).
  const beforeReply = !!r.repliedOn && !!r.reassignedOn && r.reassignedOn < r.repliedOn;
  notBefore(
    row,
    "二次交办日期",
    r.reassignedOn,
    beforeReply ? "答复日期" : "测评日期",
    beforeReply ? r.repliedOn : r.ratedOn,
    accepted ? REASSIGNMENT_NOTICES_HELD : "",
  );
  notBefore(row, "二次答复日期", r.secondRepliedOn, "二次交办日期", r.reassignedOn, REPLY_NOTICES_HELD);
}

/** `key` holds a value, or held garbage (already reported): either way "missing" would mislead. */
function present(row: Row, key: LedgerKey): boolean {
  const value = row.record[key];
  return row.failed.has(key) || (value !== null && value !== "");
}

/** Review results after which a suggestion is never handled on its own (并案: with the one it joined). */
const CLOSED_REVIEWS: ReadonlySet<string> = new Set(["不予立案", "并案", "撤回"]);

/**
 * Why 交办 cells do nothing on a row not 立案: waiting for 立案 (blank, 退回修改), or never to be
 * handled on its own, where "立案后再交办" would have staff wait for a 立案 that never comes.
 */
function notAssignedText(review: LedgerRecord["review"]): string {
  if (review && CLOSED_REVIEWS.has(review))
    return `审查结果为“${review}”，这条建议不再单独办理，交办信息不起作用：不计办理期限，不发交办通知和催办`;
  return `审查结果为“${review ?? "空白"}”，交办信息暂不起作用：立案后再交办`;
}

/** How every 错误 or 提醒 that holds a unit's reminders ends, in the same words (notices/handling-series.ts). */
const REMINDERS_PAUSED = "到期提醒和逾期催办暂停发送";

/** What a reply's class without its date adds: the reminders wait, and how to undo a clearing. */
const BLANK_HELD = `（如整列被误清空，可用表格的“文件 → 版本记录”恢复）；在补上之前，系统按已答复处理，${REMINDERS_PAUSED}`;

/**
 * What a rating beside a blank reply date (and no class) adds: it is no reply (notices/series.ts,
 * replyWithoutDate), so the unit is still pressed, and staff read why the row counts as not replied.
 */
const stillReminded = (dateHeader: string) =>
  `；在补上${dateHeader}之前，系统按未答复处理，承办单位照常收到到期提醒和逾期催办`;

/**
 * What the 错误 of a rating beside a blank reply date adds, where the round's reminders apply
 * (`applies`): a class beside it holds them (BLANK_HELD, said on its own date's 提醒 too), else
 * they go on.
 */
function ratingWithoutDate(row: Row, applies: boolean, classKey: LedgerKey, dateHeader: string): string {
  if (!applies) return "";
  return present(row, classKey) ? BLANK_HELD : stillReminded(dateHeader);
}

function checkSteps(row: Row, columns: LifecycleColumns): void {
  const r = row.record;
  if (r.review !== "立案" && (r.assignedOn || r.leadUnit))
    row.problems.warn("审查结果", notAssignedText(r.review));
  if (r.review === "立案" && r.assignedOn && !present(row, "leadUnit")) {
    // Most often a 主办单位 merged over several rows: Sheets keeps the value in the top row only.
    row.problems.warn(
      "主办单位",
      "已有交办日期，但没有主办单位：这条建议不计办理期限、不发催办。请填写主办单位（如这一格与上面的行合并了单元格，请取消合并，每行各填单位）",
    );
  }
  if (r.repliedOn && !present(row, "assignedOn"))
    row.problems.error("交办日期", "已有答复日期，但没有交办日期：请补上交办日期");
  if (r.repliedOn && !present(row, "replyClass"))
    row.problems.error("答复类别", "已有答复日期，答复类别必填：请填写 A、B、C 或 D");
  // A reply's class or rating without its date: the unit did reply (notices/series.ts then holds its
  // reminders), the date was lost or never typed; a whole column cleared is undone from 版本记录.
  const heldRound1 = r.review === "立案" && r.assignedOn ? BLANK_HELD : "";
  if (r.replyClass && !present(row, "repliedOn"))
    row.problems.warn("答复日期", `填写了答复类别，但没有答复日期：请补上答复日期${heldRound1}`);
  if (r.replyClass === "C" && !present(row, "replyContent")) {
    row.problems.error("答复内容", "答复类别为 C（因条件限制暂时无法解决），答复内容必填：请写明原因");
  }
  if (r.rating && !present(row, "repliedOn")) {
    const note = ratingWithoutDate(row, heldRound1 !== "", "replyClass", "答复日期");
    row.problems.error("满意度", `还没有答复，不能填写满意度：请先填写答复日期，或清空满意度${note}`);
  }
  if (r.ratedOn && !present(row, "rating"))
    row.problems.warn("满意度", "填写了测评日期，但没有满意度：请补上满意度");
  if (r.reassignedOn && r.rating !== "不满意" && !row.failed.has("rating")) {
    row.problems.error(
      "二次交办日期",
      "二次交办日期只在满意度为“不满意”时填写：请核对满意度，或清空二次交办日期",
    );
  }
  if (r.secondRepliedOn && !present(row, "reassignedOn")) {
    row.problems.error("二次交办日期", "已有二次答复日期，但没有二次交办日期：请补上二次交办日期");
  }
  // 二次答复类别 is new (practice.md): a sheet without the column is not asked for it.
  if (columns.secondReplyClass && r.secondRepliedOn && !present(row, "secondReplyClass"))
    row.problems.error("二次答复类别", "已有二次答复日期，二次答复类别必填：请填写 A、B、C 或 D");
  const heldRound2 = r.review === "立案" && r.reassignedOn ? BLANK_HELD : "";
  if (r.secondReplyClass && !present(row, "secondRepliedOn"))
    row.problems.warn(
      "二次答复日期",
      `填写了二次答复类别，但没有二次答复日期：请补上二次答复日期${heldRound2}`,
    );
  if (r.secondRating && !present(row, "secondRepliedOn")) {
    const note = ratingWithoutDate(row, heldRound2 !== "", "secondReplyClass", "二次答复日期");
    row.problems.error("二次满意度", `还没有二次答复，不能填写二次满意度：请先填写二次答复日期${note}`);
  }
  // 落实情况 follows a B reply of either round (a round-2 B promise is followed up as one of round 1).
  if (
    r.implementation &&
    r.replyClass !== "B" &&
    latestReplyClass(r) !== "B" &&
    !row.failed.has("replyClass")
  ) {
    row.problems.warn(
      "落实情况",
      `落实情况只用于 B 类答复，本条答复类别为“${latestReplyClass(r) ?? "空白"}”：请核对`,
    );
  }
}

/**
 * 优秀建议 = 是 where the lists cannot or may not follow it (evaluation/excellent.ts): a suggestion not
 * 立案 is left out of them, one not yet replied to is listed. Most rows are not marked: one comparison.
 */
function checkExcellent(row: Row): void {
  const r = row.record;
  if (r.excellent !== true || row.failed.has("review")) return;
  if (r.review !== "立案") row.problems.warn("优秀建议", excellentNotAcceptedText(r.review));
  else if (!present(row, "repliedOn")) row.problems.warn("优秀建议", EXCELLENT_UNREPLIED_TEXT);
}

const HELD = `在改正之前，系统无法判断是否已答复，${REMINDERS_PAUSED}`;

/**
 * The 错误 of a cell that cannot be read also says what the unit's reminders do meanwhile (`held`:
 * they wait for it, or for a rating beside a blank reply date, strayRating, they go on).
 */
function holdReminders(row: Row, header: string, held = HELD): void {
  const amended = row.problems.amendFirst(
    (p) => p.column === header && p.level === "错误",
    (p) => ({ ...p, message: `${p.message}；${held}` }),
  );
  if (!amended) row.problems.error(header, `${header}无法识别：${held}`);
}

/**
 * A class typed as no class (E) beside a blank reply date: typed as one it would count as a reply,
 * so the round's reminders wait for it all the same (notices/handling-series.ts). Its 错误 says so,
 * and the two ways out: the reply's date, or the cell cleared (it may sit on the wrong row).
 * Corrected to a class it stands as a reply without date (checkSteps).
 */
function blankDateHeld(header: string, dateHeader: string): string {
  return `还没有${dateHeader}：请补上${dateHeader}，或清空${header}；在改正之前，${REMINDERS_PAUSED}`;
}

/**
 * A rating typed as no choice (比较满意) beside a blank reply date: no reply, as one typed right is
 * not (ratingWithoutDate), so the round's reminders go on and its 错误 says so, with the same two ways
 * out. A class beside it holds them instead, and that class's own problem says so.
 */
function strayRating(row: Row, header: string, dateHeader: string, classKey: LedgerKey): void {
  const reminded = present(row, classKey) ? "" : stillReminded(dateHeader);
  holdReminders(row, header, `还没有${dateHeader}：请补上${dateHeader}，或清空${header}${reminded}`);
}

/**
 * A reply date typed but unreadable (5月20日, 2026.5.200): the unit may well have replied, so its
 * reminders stop (notices/series.ts) and staff are told to fix the date instead. So for a class
 * unreadable beside a blank date, of the round the reminders are about (the last one); a rating
 * unreadable there is told the reminders go on (strayRating).
 */
function checkUnreadableReplies(row: Row): void {
  if (row.failed.size === 0 || row.record.review !== "立案") return;
  const r = row.record;
  if (row.failed.has("repliedOn") && r.assignedOn) holdReminders(row, "答复日期");
  if (row.failed.has("secondRepliedOn") && r.reassignedOn) holdReminders(row, "二次答复日期");
  if (r.assignedOn && !r.reassignedOn && !present(row, "repliedOn")) {
    if (row.failed.has("replyClass")) holdReminders(row, "答复类别", blankDateHeld("答复类别", "答复日期"));
    if (row.failed.has("rating")) strayRating(row, "满意度", "答复日期", "replyClass");
  }
  if (r.reassignedOn && !present(row, "secondRepliedOn")) {
    if (row.failed.has("secondReplyClass"))
      holdReminders(row, "二次答复类别", blankDateHeld("二次答复类别", "二次答复日期"));
    if (row.failed.has("secondRating")) strayRating(row, "二次满意度", "二次答复日期", "secondReplyClass");
  }
}

/**
 * Lifecycle rules of a 建议台账 row: date order, dates not after today, and the fields each step
 * requires or forbids (答复类别 after a reply, C needs 答复内容, 满意度 only after a reply, 优秀建议
 * only on a 立案 suggestion, …).
 */
export function checkLedgerLifecycle(row: Row, today: string, columns: LifecycleColumns = ALL_COLUMNS): void {
  checkDates(row, today);
  checkSteps(row, columns);
  checkUnreadableReplies(row);
  checkExcellent(row);
}

/** Optional columns whose rules apply only where the sheet has them. */
export interface LifecycleColumns {
  readonly secondReplyClass: boolean;
}

const ALL_COLUMNS: LifecycleColumns = { secondReplyClass: true };
