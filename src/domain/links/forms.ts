import { IMPLEMENTATION_STATES, RATINGS, REPLY_CLASSES } from "../../../sheets-schema/enums";
import { type LedgerRecord, TITLE_MAX } from "../../../sheets-schema/tabs/ledger";
import { isIsoDate } from "../civil-date";
import { nameKey } from "../directory";
import { RATING_COMMENT_MAX } from "../intake/field-limits";
import { secondReplyNote } from "../intake/second-reply-note";

/**
 * The forms of the link pages, checked before anything is stored: each problem is said in Chinese,
 * naming the field, so the page can show the form again with what was typed. Pure: `today` is an
 * argument; the caller maps the answers onto an inbox submission.
 */

export type FormFields = Readonly<Record<string, string | readonly string[]>>;

/**
 * A form refused: every problem in the order found (the summary at the form's top lists them), and
 * those about one field by the field's name as posted, so the page says each under its field.
 */
export interface FormRefusal {
  ok: false;
  errors: string[];
  fields: Record<string, string[]>;
}

export type FormResult<T> = { ok: true; value: T } | FormRefusal;

/** One problem: the field it is about (its name as posted; null for the form as a whole) and what to fix. */
export type FormProblem = readonly [field: string | null, message: string];

/** The refusal of a form with these problems. */
export function refused(problems: readonly FormProblem[]): FormRefusal {
  const fields: Record<string, string[]> = {};
  for (const [field, message] of problems)
    if (field !== null) fields[field] = [...(fields[field] ?? []), message];
  return { ok: false, errors: problems.map(([, message]) => message), fields };
}

/** A reply's body of text: long enough for a real reply, short enough for one sheet cell with room. */
export const REPLY_TEXT_MAX = 5000;
export const SUGGESTION_TEXT_MAX = 5000;
const NONCE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A field's text as typed (first value, trimmed, newlines as \n). */
export function one(fields: FormFields, name: string): string {
  const value = fields[name];
  const text = Array.isArray(value) ? (value[0] ?? "") : ((value as string | undefined) ?? "");
  return text.replace(/\r\n/g, "\n").trim();
}

function many(fields: FormFields, name: string): string[] {
  const value = fields[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value as string];
  return list.map((v) => v.trim()).filter(Boolean);
}

/** The form's one-time id (a page renders a new one): the same id posted twice is one submission. */
export function formNonce(fields: FormFields): string | null {
  const nonce = one(fields, "nonce");
  return NONCE.test(nonce) ? nonce : null;
}

export interface ReplyAnswers {
  答复类别: string;
  答复内容: string;
  答复日期: string;
  落实情况?: string;
}

/**
 * 答复类别 A–D, 答复内容 (required for C), 答复日期 (not after today, not before the round's start:
 * 交办日期, or 二次交办日期 once the suggestion was assigned again), 落实情况 for B. A reply of
 * another class carries no 落实情况: intake then takes back its round's (entry-cells).
 */
export function checkReplyForm(
  fields: FormFields,
  today: string,
  record: Pick<LedgerRecord, "assignedOn" | "reassignedOn">,
): FormResult<ReplyAnswers> {
  const errors: FormProblem[] = [];
  const replyClass = one(fields, "答复类别");
  const text = one(fields, "答复内容");
  // Not sent (a client without the field): today. Sent blank (the clerk cleared the page's date,
  // which the browser no longer stops: the form is novalidate): said, not dated today unasked.
  const dateSent = fields.答复日期 !== undefined;
  const date = one(fields, "答复日期") || (dateSent ? "" : today);
  const implementation = one(fields, "落实情况");
  if (!(REPLY_CLASSES as readonly string[]).includes(replyClass))
    errors.push(["答复类别", "请选择答复类别（A、B、C 或 D）"]);
  if (replyClass === "C" && !text)
    errors.push(["答复内容", "答复类别为 C（因条件限制暂时无法解决）时，请在答复内容中说明原因"]);
  if (text.length > REPLY_TEXT_MAX)
    errors.push([
      "答复内容",
      `答复内容有 ${text.length} 字，超过 ${REPLY_TEXT_MAX} 字：请精简，完整内容请见答复函`,
    ]);
  if (!date) errors.push(["答复日期", "请选择答复日期"]);
  else if (!isIsoDate(date)) errors.push(["答复日期", "答复日期格式不对：请选择日期"]);
  else if (date > today) errors.push(["答复日期", "答复日期不能晚于今天"]);
  else if (record.reassignedOn && date < record.reassignedOn)
    errors.push(["答复日期", `这是二次交办后的答复，答复日期不能早于二次交办日期 ${record.reassignedOn}`]);
  else if (record.assignedOn && date < record.assignedOn)
    errors.push(["答复日期", `答复日期不能早于交办日期 ${record.assignedOn}`]);
  if (implementation && !(IMPLEMENTATION_STATES as readonly string[]).includes(implementation))
    errors.push(["落实情况", "落实情况请选择 已落实 或 推进中"]);
  if (errors.length > 0) return refused(errors);
  return {
    ok: true,
    value: {
      答复类别: replyClass,
      答复内容: text,
      答复日期: date,
      ...(replyClass === "B" && implementation ? { 落实情况: implementation } : {}),
    },
  };
}

/**
 * The reply on record as the reply form's values, for a correction: the unit fixes what is wrong
 * instead of typing it all again, and its 答复日期 stays unless it changes it. Round 2 keeps only its
 * class and date in columns: its text comes back from the 备注 line intake wrote (second-reply-note.ts).
 * 落实情况, one column for both rounds, is offered only with a B reply: after an A reply of round 2 it
 * is round 1's B progress, not the reply being corrected (and an A reply takes back its own, entry-cells).
 */
export function recordedReplyValues(
  record: Pick<
    LedgerRecord,
    | "reassignedOn"
    | "repliedOn"
    | "replyClass"
    | "replyContent"
    | "implementation"
    | "secondRepliedOn"
    | "secondReplyClass"
    | "notes"
  >,
): Record<string, string> {
  const note = record.reassignedOn ? secondReplyNote(record.notes) : null;
  const replyClass = record.reassignedOn ? record.secondReplyClass || note?.replyClass : record.replyClass;
  const values: Record<string, string | null | undefined> = {
    答复类别: replyClass,
    答复内容: record.reassignedOn ? note?.content : record.replyContent,
    落实情况: replyClass === "B" ? record.implementation : null,
    答复日期: record.reassignedOn ? record.secondRepliedOn : record.repliedOn,
  };
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => !!e[1]));
}

export interface RatingAnswers {
  满意度: string;
  测评意见: string;
}

export function checkRatingForm(fields: FormFields): FormResult<RatingAnswers> {
  const errors: FormProblem[] = [];
  const rating = one(fields, "满意度");
  const comment = one(fields, "测评意见");
  if (!(RATINGS as readonly string[]).includes(rating))
    errors.push(["满意度", "请选择满意度：满意、基本满意或不满意"]);
  if (rating === "不满意" && !comment)
    errors.push(["测评意见", "选择“不满意”时，请写明意见，以便二次交办时承办单位改进"]);
  if (comment.length > RATING_COMMENT_MAX)
    errors.push(["测评意见", `测评意见有 ${comment.length} 字，超过 ${RATING_COMMENT_MAX} 字：请精简`]);
  return errors.length > 0 ? refused(errors) : { ok: true, value: { 满意度: rating, 测评意见: comment } };
}

export interface SuggestionAnswers {
  标题: string;
  内容摘要: string;
  类别: string;
  附议代表: string[];
}

/**
 * A new suggestion: 标题 (≤ 200), 内容 (required), 类别 (one of 设置 类别, optional), 附议代表 (each a
 * 姓名 of 代表, not the deputy who leads it).
 */
export function checkSuggestionForm(
  fields: FormFields,
  lead: string,
  categories: readonly string[],
  deputies: readonly string[],
): FormResult<SuggestionAnswers> {
  const errors: FormProblem[] = [];
  const title = one(fields, "标题");
  const content = one(fields, "内容");
  const category = one(fields, "类别");
  const coSigners = [...new Set(many(fields, "附议代表"))];
  if (!title) errors.push(["标题", "请填写建议标题"]);
  else if (title.length > TITLE_MAX)
    errors.push(["标题", `标题有 ${title.length} 字，超过 ${TITLE_MAX} 字：请精简`]);
  if (!content) errors.push(["内容", "请填写建议内容"]);
  else if (content.length > SUGGESTION_TEXT_MAX)
    errors.push(["内容", `建议内容有 ${content.length} 字，超过 ${SUGGESTION_TEXT_MAX} 字：请精简`]);
  if (category && !categories.includes(category))
    errors.push(["类别", `类别“${category}”不在可选类别中：请从 ${categories.join("、")} 中选择`]);
  const known = new Set(deputies.map(nameKey));
  const unknown = coSigners.filter((n) => !known.has(nameKey(n)));
  if (unknown.length > 0) errors.push(["附议代表", `附议代表 ${unknown.join("、")} 不在代表名单中`]);
  if (coSigners.some((n) => nameKey(n) === nameKey(lead)))
    errors.push(["附议代表", "附议代表不能是领衔代表本人"]);
  if (errors.length > 0) return refused(errors);
  return { ok: true, value: { 标题: title, 内容摘要: content, 类别: category, 附议代表: coSigners } };
}
