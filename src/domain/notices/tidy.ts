/**
 * Wording rules every rendered notice goes through, whoever wrote its template: staff edit
 * 通知模板 freely, and sheets provisioned earlier hold older built-in texts.
 */
import { displayDate } from "./format";

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
/** "还剩 0 天" on the due day itself. */
const ZERO_DAYS_LEFT = /还剩\s*0\s*天/g;

/**
 * A rendered title or body as it should read: no label left without its value (the clause goes,
 * or the sentence when it was nothing else), and 今天到期 rather than 还剩 0 天.
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
  return labelled.replace(ZERO_DAYS_LEFT, "今天到期");
}

/**
 * A notice about the second round (二次交办) says so: a template that does not (a staff text, or one
 * written before rounds were told apart) gets 【二次交办】 before its title.
 */
/**
 * A 交办通知 for a 交办日期 staff corrected, sent to a unit already told of the old one: it says so
 * first, so that the unit goes by this notice, not by the earlier one (its dates all moved).
 */
export function markCorrection(
  notice: { readonly title: string; readonly body: string },
  earlier: string | null,
  now: string,
): { title: string; body: string } {
  if (!earlier || earlier === now) return notice;
  return {
    title: `【更正】${notice.title}`,
    body: `【更正】此前通知的交办日期 ${displayDate(earlier)} 已更正为 ${displayDate(now)}，办理期限等随之改变，请以本通知为准。\n${notice.body}`,
  };
}

export function markSecondRound(
  notice: { readonly title: string; readonly body: string },
  round: number,
): { title: string; body: string } {
  const { title, body } = notice;
  if (round !== 2 || title.includes("二次交办") || body.includes("二次交办")) return { title, body };
  return { title: `【二次交办】${title}`, body };
}
