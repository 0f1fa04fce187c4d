import Mustache from "mustache";
import { type Channel, noticeTypeOf, type TemplateName } from "../../../sheets-schema/enums";
import { defaultTemplateFor } from "../../../sheets-schema/notice-templates";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { Problem } from "../problems";
import { pickTemplate, type ResolvedTemplate } from "../read-templates";
import { withoutDoubleTitle } from "./honorific";
import { PASSED_MARK, type View } from "./placeholders";
import { BLANK_MARK, tidyNoticeText } from "./tidy";

/**
 * Renders a logic-less template (mustache: no eval, so it runs in Workers) with HTML escaping off:
 * notices are plain text, and a name like 王伟(北关) or “A&B” must read exactly as typed. A blank
 * value is marked while rendering, so that a label left without its value can be dropped. A name
 * that already ends with a title gets no 同志 after it (刘振华主任, not 刘振华主任同志).
 */
export function renderText(template: string, view: View): string {
  const rendered = Mustache.render(withoutDoubleTitle(template, view), view, {}, { escape: markBlank });
  return tidyNoticeText(rendered.includes(PASSED_MARK) ? passedObjection(rendered) : rendered);
}

/** The built-in texts' sentence asking for an objection by 异议期限, that day already past. */
const OBJECT_BY_PASSED_DAY = new RegExp(
  `如对交办有异议，请于\\s*([^。${PASSED_MARK}]*)${PASSED_MARK}\\s*前提出。`,
  "g",
);

/**
 * A notice that goes out after its 异议期限 (caught up, or its 交办日期 typed late) does not ask for
 * an objection by a day already past: the unit's link refuses one after that day too, so it says
 * the period has passed and whom to ask. A staff text worded otherwise gets （已届满） after the day.
 */
function passedObjection(text: string): string {
  return text
    .replace(OBJECT_BY_PASSED_DAY, "对交办提出异议的期限已于 $1届满；确有特殊情况，请联系代表工委。")
    .replaceAll(PASSED_MARK, "（已届满）");
}

function markBlank(value: string): string {
  return value || BLANK_MARK;
}

export type RenderedNotice =
  | {
      readonly enabled: true;
      readonly title: string;
      readonly body: string;
      readonly problem: Problem | null;
    }
  | { readonly enabled: false };

/**
 * A text readTemplates let through that mustache still refused: said in Chinese (mustache's own
 * message is English, with a character offset staff cannot use).
 */
function templateProblem(template: ResolvedTemplate, type: TemplateName): Problem {
  return {
    tab: TAB_NAMES.templates,
    row: template.rowNumber,
    column: "正文",
    level: "提醒",
    id: null,
    message: `模板无法解析：请检查标题和正文里的 {{#…}} 与 {{/…}} 是否成对、“{{”与“}}”是否成对；改好之前“${type}”通知照常用内置正文发送`,
  };
}

/**
 * The title and body of one notice: the 通知模板 row for its type and channel (else the all-channel
 * row, else the built-in text). A sheet template that still fails to render (an unclosed section,
 * which the placeholder check cannot see) falls back to the built-in text and says so, so a typo
 * never silences a statutory reminder. 启用 = 否 turns the notice off; for a co-unit or a leader,
 * 启用 = 否 on 交办通知 (逾期催办) does too, as it did before they had a text of their own.
 */
export function renderNotice(
  templates: readonly ResolvedTemplate[],
  type: TemplateName,
  channel: Channel,
  view: View,
): RenderedNotice {
  const template = pickTemplate(templates, type, channel);
  if (!template.enabled) return { enabled: false };
  const own = noticeTypeOf(type);
  if (own !== type && !pickTemplate(templates, own, channel).enabled) return { enabled: false };
  try {
    return {
      enabled: true,
      title: renderText(template.title, view),
      body: renderText(template.body, view),
      problem: null,
    };
  } catch {
    const builtIn = defaultTemplateFor(type);
    return {
      enabled: true,
      title: renderText(builtIn.title, view),
      body: renderText(builtIn.body, view),
      problem: templateProblem(template, type),
    };
  }
}
