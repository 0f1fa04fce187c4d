/**
 * Wording rules every rendered notice goes through, whoever wrote its template: staff edit
 * 通知模板 freely, and sheets provisioned earlier hold older built-in texts.
 */
import { displayDate } from "./format";
import type { Correction } from "./keys";
import type { View } from "./placeholders";

/**
 * What a blank value renders as until the text is tidied; never left in a notice. A character of
 * Unicode's private use area, which no name, title or template staff type contains.
 */
export const BLANK_MARK = "\uE000";

/**
 * "标签：" followed by a value that rendered blank, up to the clause's end: with the separator
 * before it when the clause is inside a sentence ("…列入计划），目前落实情况：。"), else with the
 * punctuation after it (a sentence that was only the label, "请对办理情况进行测评：").
 */
const DANGLING_LABEL = /([，；])?([^，。；！？\n：\uE000]*)：[ \t]*\uE000+[ \t]*([，。；！？]?)/g;
const LEFT_MARKS = /\uE000/g;
/**
 * A quotation ending with its own 。！？ or …, as a 测评意见 the deputy wrote whole does, followed by
 * the ，or 。 the text put after the quote: the quote keeps its mark and the one after it goes
 * (“…出行难。”现予二次交办, not “…出行难。”，现予二次交办).
 */
const MARK_AFTER_CLOSED_QUOTE = /([。！？!?.…][”’」』])[，,。]/g;
/** "还剩 0 天" on the due day itself. */
const ZERO_DAYS_LEFT = /还剩\s*0\s*天/g;

/**
 * A rendered title or body as it should read: no label left without its value (the clause goes,
 * or the sentence when it was nothing else), no mark doubled after a quotation's own end mark, and
 * 今天到期 rather than 还剩 0 天.
 */
export function tidyNoticeText(text: string): string {
  // Most notices have no blank value, and the label pattern tries every clause from each of its
  // characters (about 60 µs for a 300-character body): it runs only where a blank is marked.
  const labelled = text.includes(BLANK_MARK)
    ? text
        .replace(DANGLING_LABEL, (_match, before: string | undefined, _label: string, after: string) =>
          before ? after : "",
        )
        .replace(LEFT_MARKS, "")
    : text;
  return labelled.replace(MARK_AFTER_CLOSED_QUOTE, "$1").replace(ZERO_DAYS_LEFT, "今天到期");
}

/** What a unit told of a suggestion before is told when a changed 主办单位 made it `role`. */
function leadChangeLine(role: "主办" | "协办" | "无", view: View): string {
  if (role === "主办") return "【更正】此前通知本件改由其他单位主办，现仍由你单位主办，请以本通知为准。";
  if (role === "协办") return `【更正】本件现改由${view.主办单位}主办，你单位改为协办单位，请以本通知为准。`;
  return `【更正】本件现改由${view.主办单位}主办，此前给你单位的交办通知作废，请以本通知为准。`;
}

/** The sentence a correction opens with: what the recipient was told, what it is now. */
function correctionLine(correction: Correction, view: View): string {
  if (correction.of === "交办日期")
    return `【更正】此前通知的交办日期 ${displayDate(correction.was)}已更正为 ${displayDate(correction.now)}，办理期限等随之改变，请以本通知为准。`;
  if (correction.of === "主办单位") return leadChangeLine(correction.role, view);
  const deadline = correction.movesDeadline ? "办理期限随之改变" : "办理期限不变";
  if (correction.of === "延期审批结果撤回") {
    const result = correction.was ? `“${correction.was}”` : "";
    return `【更正】此前通知的延期审批结果${result}已撤回，延期申请待审批，${deadline}，请以本通知为准。`;
  }
  return `【更正】此前通知的延期审批结果“${correction.was}”已更正为“${correction.now}”，${deadline}，请以本通知为准。`;
}

/**
 * How a text to the lead deputy about 办理期限 ends. The deputy's view carries {{逾期天数}} only while
 * round 1 awaits its reply (deputyView, practice-series.ts): with 办理期限 passed by the day it is
 * sent and no reply in, the deputy is told so and that the office is urging the unit, as the
 * 延期告知 of a late approval says; else that the office keeps urging the handling.
 */
function deputyClosing(view: View): string {
  return view.逾期天数
    ? `目前该办理期限已届满，承办单位尚未答复，已逾期 ${view.逾期天数} 天，我们正督促承办单位立即办理并答复您，请您理解和支持。`
    : "我们将继续督促办理，请您理解和支持。";
}

/**
 * What the lead deputy is told when the approval that extended round 1 is withdrawn. Not the
 * 延期告知 text, which says the request was approved and 办理期限 extended: neither holds now.
 */
function withdrawnExtension(view: View): string {
  return `${view.接收方}代表：您领衔提出的建议《${view.标题}》（编号 ${view.编号}），承办单位${view.主办单位}的延期申请经复核未获批准，办理期限仍为 ${view.办理期限}。${deputyClosing(view)}`;
}

/**
 * What the unit is told when the result of its request is withdrawn. Not the 延期审批结果 text, which
 * states a result: there is none now. A unit that has replied ({{已答复}}) is not asked to reply.
 */
function withdrawnResult(view: View): string {
  const deadline = `本件办理期限以 ${view.办理期限}为准`;
  const closing = view.已答复
    ? `${deadline}。`
    : view.逾期天数
      ? `${deadline}，已逾期 ${view.逾期天数} 天，请立即办理并答复代表。`
      : `${deadline}，请按期答复代表。`;
  return `${view.接收方}：你单位 ${view.申请日期}提出的建议《${view.标题}》（编号 ${view.编号}）延期申请，目前待审批，审批结果另行通知。${closing}`;
}

/**
 * What the lead deputy is told when the approval that extended round 1 is withdrawn and the request
 * waits for its decision again.
 */
function reopenedExtension(view: View): string {
  return `${view.接收方}代表：您领衔提出的建议《${view.标题}》（编号 ${view.编号}），承办单位${view.主办单位}的延期申请此前告知已获批准，现改为待审批，办理期限以 ${view.办理期限}为准。${deputyClosing(view)}`;
}

/**
 * What a unit a changed 主办单位 replaced is told. Not the 交办通知 text, which assigns it the
 * suggestion: it now has nothing to do, and hears no more of it.
 */
function replacedLead(view: View): string {
  return `${view.接收方}：建议《${view.标题}》（编号 ${view.编号}）已改由${view.主办单位}主办，你单位无需再办理，也不再收到本件的到期提醒和逾期催办。`;
}

/** The body a correction replaces the notice's own with, when its own no longer holds. */
function correctedBody(correction: Correction, view: View, body: string): string {
  if (correction.of === "主办单位" && correction.role === "无") return replacedLead(view);
  if (correction.of === "延期审批结果" && correction.withdrawsExtension) return withdrawnExtension(view);
  if (correction.of === "延期审批结果撤回")
    return correction.toDeputy ? reopenedExtension(view) : withdrawnResult(view);
  return body;
}

/**
 * A notice correcting one the recipient was told before (a 交办日期 staff corrected, a changed
 * 审批结果): it says so first, so that the recipient goes by this notice, not by the earlier one.
 */
export function markCorrection(
  notice: { readonly title: string; readonly body: string },
  correction: Correction | null,
  view: View,
): { title: string; body: string } {
  if (!correction) return notice;
  return {
    title: `【更正】${notice.title}`,
    body: afterSalutation(
      correctedBody(correction, view, notice.body),
      correctionLine(correction, view),
      view,
    ),
  };
}

/**
 * A notice about the second round (二次交办) says so: a template that does not (a staff text, or one
 * written before rounds were told apart) gets 【二次交办】 before its title.
 */
export function markSecondRound(
  notice: { readonly title: string; readonly body: string },
  round: number,
): { title: string; body: string } {
  const { title, body } = notice;
  if (round !== 2 || title.includes("二次交办") || body.includes("二次交办")) return { title, body };
  return { title: `【二次交办】${title}`, body };
}

/**
 * How a body opens with its recipient's 称呼, as the templates write it: a unit's `{{接收方}}：`, a
 * leader's `{{接收方}}同志：`, a deputy's `{{接收方}}代表：`. Null when it opens otherwise (a staff
 * text).
 */
function salutationOf(body: string, recipient: string): string | null {
  if (!recipient || !body.startsWith(recipient)) return null;
  for (const form of ["：", "同志：", "代表："]) {
    if (body.startsWith(form, recipient.length)) return `${recipient}${form}`;
  }
  return null;
}

/**
 * A reminder that is the recipient's first word of its matter (a 协办提醒 to a co-unit never sent its
 * 交办通知) says so, and opens with what that notice would have told. An official notice opens with
 * its 称呼: when the body does, the 称呼 stays first and the 【首次通知】 line follows it, the rest of
 * the body on the next line (“区水利局：【首次通知】…\n李晓燕代表领衔提出的…”).
 */
export function markFirstWord(
  notice: { readonly title: string; readonly body: string },
  line: string | null,
  view: View,
): { title: string; body: string } {
  if (!line) return notice;
  return { title: `【首次通知】${notice.title}`, body: afterSalutation(notice.body, line, view) };
}

/**
 * `body` opened by `line`, after its 称呼 when it has one (“区水利局：【更正】…\n李晓燕代表…”), else
 * before it all: an official notice opens with whom it addresses.
 */
function afterSalutation(body: string, line: string, view: View): string {
  const salutation = salutationOf(body, view.接收方 ?? "");
  if (!salutation) return `${line}\n${body}`;
  return `${salutation}${line}\n${body.slice(salutation.length).replace(/^\s+/, "")}`;
}
